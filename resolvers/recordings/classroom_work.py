"""A recording as a student's work for a recording assignment: what the classroom domain's
seam (resolvers/classroom/recording_work.py) asks, registered when the recordings package is
imported.

- The recording named must be the student's own: anyone else's, or an unknown one, is
  NOT_FOUND on `recordingId`. It must be of the assignment's classroom or of none, and of
  that assignment or of none (INVALID on `recordingId` otherwise: it was made for other
  work), and TRANSCRIBED or EVALUATED (`recording_done`; NOT_STARTED on `assignmentId`).
- None named: the student's latest done recording made for this assignment; failing that,
  their latest done one made for no assignment (in the classroom or in none). None at all:
  NOT_STARTED on `assignmentId`.
- Once the submission is stored, the recording joins the assignment and its classroom, in
  the submission's transaction: the class's teacher then reads, lists and evaluates it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from tortoise.expressions import Q

from core.errors import AppError, ErrorCode, not_found
from models.recordings import Recording, RecordingStatus
from resolvers.classroom.recording_work import RECORDING_WORK
from rules.classroom.assignments import RECORDING
from rules.classroom.submissions import DONE_RECORDING_STATUSES, not_started, recording_done

if TYPE_CHECKING:
    from tortoise.backends.base.client import BaseDBAsyncClient

    from models.classroom import Assignment
    from models.identity import User

OTHER_WORK = "This recording was made for other work."
_LATEST_FIRST = ("-created_at", "-id")
_DONE = [RecordingStatus(status) for status in sorted(DONE_RECORDING_STATUSES)]


def _fits(recording: Recording, assignment: Assignment) -> bool:
    """Made for this assignment's classroom (or none) and this assignment (or none)."""
    return recording.classroom_id in (None, assignment.classroom_id) and (
        recording.assignment_id in (None, assignment.id)
    )


async def find_recording(student: User, assignment: Assignment, recording_id: Any) -> Any:
    """The id of the student's recording to submit for the assignment (see the module)."""
    if recording_id is not None:
        recording = await Recording.get_or_none(id=recording_id, user_id=student.id)
        if recording is None:
            raise not_found("Recording", "recordingId")
        if not _fits(recording, assignment):
            raise AppError.of(ErrorCode.INVALID, OTHER_WORK, "recordingId")
        if not recording_done(recording.status):
            raise AppError(not_started(RECORDING))
        return recording.id
    done = Recording.filter(user_id=student.id, status__in=_DONE)
    for_it = await done.filter(assignment_id=assignment.id).order_by(*_LATEST_FIRST).first()
    if for_it is not None:
        return for_it.id
    in_class = Q(classroom_id=assignment.classroom_id) | Q(classroom_id__isnull=True)
    loose = await done.filter(in_class, assignment_id__isnull=True).order_by(*_LATEST_FIRST).first()
    if loose is None:
        raise AppError(not_started(RECORDING))
    return loose.id


async def attach_recording(
    conn: BaseDBAsyncClient, recording_id: Any, assignment: Assignment
) -> None:
    """The submitted recording joins the assignment and its classroom."""
    await (
        Recording.filter(id=recording_id)
        .using_db(conn)
        .update(
            classroom_id=assignment.classroom_id,
            assignment_id=assignment.id,
            updated_at=datetime.now(UTC),
        )
    )


RECORDING_WORK.register(find_recording, attach_recording)
