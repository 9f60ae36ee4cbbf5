"""Teachers evaluating recordings: `evaluate_recording`.

- Who: the teacher of the recording's classroom, and admins. Someone else who reads the
  recording (policy.py: its owner) is FORBIDDEN; everyone else reads it as NOT_FOUND (on
  `recordingId`).
  A recording of no classroom has no teacher: only admins evaluate it (once submitted for a
  recording assignment, it joins that assignment's classroom).
- When: once the recording is TRANSCRIBED or EVALUATED (`recording_done`); before that (still
  UPLOADED or PROCESSING) or after a failure there is nothing to judge: INVALID on
  `recordingId` — the input is fine, the recording is not ready, and the teacher can retry
  the same input later.
- What: the five sub-scores within their caps (rules/recordings/scores.py: INVALID on each
  field outside it), a CEFR level, and up to `MAX_NOTES` strengths, improvements and
  recommendations of up to `NOTE_MAX` characters each (trimmed, blank ones dropped; INVALID
  on the field for too many, TOO_LONG for a long one). Every error is reported at once.
- The result: a new `Evaluation` row (evaluator TEACHER, `evaluated_by` the teacher, the
  recording named, overall = the sum of the sub-scores). Evaluations are kept side by side:
  the AI's, and each of any number of teachers' (the same teacher may evaluate again). The
  recording's status stays as the processing left it. Audited (`audit.audit`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise.transactions import in_transaction

from core.errors import AppError, ErrorCode, Validator, not_found
from loaders.base import select_visible
from models.classroom import Classroom
from models.conversation import Evaluation, Evaluator
from models.identity import CefrLevel
from models.recordings import Recording
from resolvers.classroom.policy import runs
from resolvers.identity.policy import is_admin, require_viewer
from resolvers.recordings import policy
from resolvers.recordings.audit import audit
from rules.classroom.submissions import recording_done
from rules.recordings.scores import overall, score_problems

if TYPE_CHECKING:
    from collections.abc import Sequence

    from models.identity import User

MAX_NOTES = 20
NOTE_MAX = 1000
NOT_EVALUATOR = "Only the teacher of the recording's classroom and admins evaluate it."
NOT_READY = "Evaluate the recording once it is transcribed."


async def _evaluates(user: User, recording: Recording) -> bool:
    """The viewer is the teacher of the recording's classroom, or an admin."""
    if is_admin(user):
        return True
    if recording.classroom_id is None:
        return False
    classroom = await Classroom.get_or_none(id=recording.classroom_id)
    return classroom is not None and runs(user, classroom.teacher_id)


async def recording_to_evaluate(user: User, recording_id: Any) -> Recording:
    """The recording, if the viewer evaluates it (see the module's docstring)."""
    found = await select_visible(Recording, [recording_id], policy.recordings(user))
    recording = found.get(recording_id)
    if recording is None:
        raise not_found("Recording", "recordingId")
    if not await _evaluates(user, recording):
        raise AppError.of(ErrorCode.FORBIDDEN, NOT_EVALUATOR, "recordingId")
    return recording


def _notes(v: Validator, field: str, given: Sequence[str] | None) -> list[str]:
    """A list of short texts, trimmed, blank ones dropped; problems go to `v`."""
    notes = [note.strip() for note in given or () if note.strip()]
    if len(notes) > MAX_NOTES:
        v.add(field, ErrorCode.INVALID, f"At most {MAX_NOTES} items.")
    if any(len(note) > NOTE_MAX for note in notes):
        v.add(field, ErrorCode.TOO_LONG, f"At most {NOTE_MAX} characters each.")
    return notes


async def evaluate_recording(
    viewer: User | None,
    recording_id: Any,
    *,
    grammar_score: int,
    vocabulary_score: int,
    fluency_score: int,
    pronunciation_score: int,
    comprehension_score: int,
    cefr_level: CefrLevel | str,
    strengths: Sequence[str] | None = None,
    improvements: Sequence[str] | None = None,
    recommendations: Sequence[str] | None = None,
) -> Evaluation:
    """A teacher's evaluation of the recording, kept beside the others."""
    user = require_viewer(viewer)
    recording = await recording_to_evaluate(user, recording_id)
    scores = {
        "grammar": grammar_score,
        "vocabulary": vocabulary_score,
        "fluency": fluency_score,
        "pronunciation": pronunciation_score,
        "comprehension": comprehension_score,
    }
    v = Validator()
    v.check(recording_done(recording.status), "recordingId", ErrorCode.INVALID, NOT_READY)
    v.errors.extend(score_problems(scores))
    notes = {
        "strengths": _notes(v, "strengths", strengths),
        "improvements": _notes(v, "improvements", improvements),
        "recommendations": _notes(v, "recommendations", recommendations),
    }
    v.raise_if_any()
    async with in_transaction() as conn:
        evaluation = await Evaluation.create(
            recording_id=recording.id,
            evaluated_by_id=user.id,
            evaluator=Evaluator.TEACHER,
            overall_score=overall(scores),
            grammar_score=grammar_score,
            vocabulary_score=vocabulary_score,
            fluency_score=fluency_score,
            pronunciation_score=pronunciation_score,
            comprehension_score=comprehension_score,
            cefr_level=CefrLevel(cefr_level).value,
            using_db=conn,
            **notes,
        )
        await audit(conn, user.id, "evaluate_recording", "evaluation", evaluation.id, recording.id)
    return evaluation
