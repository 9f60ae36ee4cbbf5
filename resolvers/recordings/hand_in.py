"""A recording made for an assignment is its learner's submission for it: once processed
(TRANSCRIBED, then EVALUATED), the processing job hands it in through the classroom's own use
case (`submit_assignment` with the recording), exactly as the learner's `submitAssignment`
would — so the same rules hold (an ACTIVE member; late after the due time; a GRADED submission
is final). A refusal is logged and leaves the recording as it is: the learner may still hand
it in by hand, or the teacher sees why not. A submission already naming this recording is
left alone, so a repeated job run hands nothing in twice.
"""

from __future__ import annotations

import logging

from core.errors import AppError
from models.classroom import Submission
from models.identity import User
from models.recordings import Recording
from resolvers.classroom.submissions import submit_assignment

log = logging.getLogger("lingograph.recordings")


async def hand_in(recording: Recording) -> Submission | None:
    """Submit the recording for its assignment, if it has one; the submission or None."""
    if recording.assignment_id is None:
        return None
    current = await Submission.get_or_none(
        assignment_id=recording.assignment_id, student_id=recording.user_id
    )
    if current is not None and current.recording_id == recording.id:
        return current
    owner = await User.get(id=recording.user_id)
    try:
        return await submit_assignment(owner, recording.assignment_id, recording_id=recording.id)
    except AppError as refused:
        log.info(
            "recording %s not handed in for assignment %s: %s",
            recording.id,
            recording.assignment_id,
            "; ".join(f"{e.code.value} {e.message}" for e in refused.errors),
        )
        return None
