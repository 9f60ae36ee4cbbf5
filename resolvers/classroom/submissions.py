"""Students submitting work, and teachers grading it.

- Submitting: the assignment must be one the viewer reads (NOT_FOUND on `assignmentId`),
  and the viewer an ACTIVE member of its classroom (FORBIDDEN: its teacher reads the work but
  does not submit). The work follows rules/classroom/submissions.py: a lesson assignment
  takes the student's completed progress in that lesson; a conversation one a COMPLETED
  session of its scenario, a quiz one a handed-in attempt of its quiz — the one named, or
  the latest when none is. A named session or attempt that is not the student's is
  NOT_FOUND; one of another scenario or quiz is INVALID on its field. A recording one takes
  a TRANSCRIBED or EVALUATED recording of the student's, found through the recordings
  domain's seam (recording_work.py), which joins it to the assignment and its classroom
  when the submission is stored.
- One row per student and assignment: the row is locked while the status moves on
  (`status_after_submitting`), so two submissions at once serialise; the first one of all is
  an insert that a concurrent first one may beat (then the loser updates the winner's row).
- A submission is announced to the classroom's live subscribers (`SubmissionReceived`).
- Grading: those who run the classroom (its teacher, admins); a student reading their own
  submission is FORBIDDEN, anyone else NOT_FOUND. It goes through the audit seam.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.models import Model
from tortoise.transactions import in_transaction

from core.errors import AppError, ErrorCode, Validator, not_found
from loaders.base import select_visible
from models.assessment import QuizAttempt
from models.classroom import Assignment, ClassMembership, MembershipStatus, Submission
from models.classroom import SubmissionStatus as Status
from models.conversation import ConversationSession
from models.learning import LessonProgress
from resolvers.classroom import events, policy
from resolvers.classroom.recording_work import RECORDING_WORK
from resolvers.identity.policy import require_viewer
from rules.classroom.assignments import (
    CONVERSATION,
    LESSON,
    QUIZ,
    RECORDING,
    assignment_kind,
    is_late,
)
from rules.classroom.submissions import (
    DONE_ATTEMPT_STATUSES,
    DONE_LESSON_STATUSES,
    DONE_SESSION_STATUSES,
    grade_problems,
    not_started,
    status_after_submitting,
    submit_refusal,
    work_done,
    work_input_problem,
)

if TYPE_CHECKING:
    from models.identity import User

FEEDBACK_MAX = 5000
NOT_A_STUDENT = "Only the classroom's students submit work."
NOT_GRADER = "Only the classroom's teacher and admins grade work."

# Each kind's work: its model, the column naming the assignment's target there, the
# statuses of work done, the order that makes the latest first, and the input field naming it.
_WORK: dict[str, tuple[type[Model], str, frozenset[str], tuple[str, ...], str]] = {
    LESSON: (LessonProgress, "lesson_id", DONE_LESSON_STATUSES, ("-last_completed_at",), ""),
    CONVERSATION: (
        ConversationSession,
        "scenario_id",
        DONE_SESSION_STATUSES,
        ("-completed_at", "-created_at"),
        "sessionId",
    ),
    QUIZ: (QuizAttempt, "quiz_id", DONE_ATTEMPT_STATUSES, ("-submitted_at",), "quizAttemptId"),
}
_WORK_COLUMNS = {
    LESSON: "lesson_progress_id",
    CONVERSATION: "session_id",
    QUIZ: "quiz_attempt_id",
    RECORDING: "recording_id",
}
_NAMES = {CONVERSATION: "Conversation", QUIZ: "Quiz attempt"}


def _kind(assignment: Assignment) -> str:
    return assignment_kind(
        assignment.lesson_id,
        assignment.scenario_id,
        assignment.quiz_id,
        assignment.expects_recording,
    )


async def _work_id(user: User, assignment: Assignment, kind: str, named_id: Any) -> Any:
    """The id of the student's work to submit (see the module's docstring)."""
    model, target_column, done, latest_first, field = _WORK[kind]
    target_id = getattr(assignment, target_column)
    if named_id is not None:
        work = await model.get_or_none(id=named_id, user_id=user.id)
        if work is None:
            raise not_found(_NAMES[kind], field)
        if getattr(work, target_column) != target_id:
            raise AppError.of(
                ErrorCode.INVALID, f"This {_NAMES[kind].lower()} is not of the assigned one.", field
            )
        if not work_done(kind, work.status):  # type: ignore[attr-defined]
            raise AppError(not_started(kind))
        return work.pk
    found = (
        await model.filter(user_id=user.id, status__in=list(done), **{target_column: target_id})
        .order_by(*latest_first)
        .first()
    )
    if found is None:
        raise AppError(not_started(kind))
    return found.pk


async def _locked(conn: BaseDBAsyncClient, assignment_id: Any, student_id: Any) -> Any:
    return (
        await Submission.filter(assignment_id=assignment_id, student_id=student_id)
        .select_for_update()
        .using_db(conn)
        .first()
    )


async def _store(user: User, assignment: Assignment, kind: str, work_id: Any) -> Submission:
    """Create or update the student's one submission for the assignment, and announce it."""
    column = _WORK_COLUMNS[kind]
    now = datetime.now(UTC)
    async with in_transaction() as conn:
        current = await _locked(conn, assignment.id, user.id)
        if (refusal := submit_refusal(current.status if current else None)) is not None:
            raise AppError(refusal)
        values = {
            "status": Status(status_after_submitting(current.status if current else None)),
            "submitted_at": now,
            "is_late": is_late(now, assignment.due_at),
            "lesson_progress_id": None,
            "session_id": None,
            "quiz_attempt_id": None,
            "recording_id": None,
            column: work_id,
        }
        if current is None:
            submission = await Submission.create(
                assignment_id=assignment.id, student_id=user.id, using_db=conn, **values
            )
        else:
            await Submission.filter(id=current.id).using_db(conn).update(**values, updated_at=now)
            submission = current
        if kind == RECORDING:
            await RECORDING_WORK.attach(conn, work_id, assignment)
        await events.announce(
            conn, assignment.classroom_id, events.SUBMISSION_RECEIVED, submission.id
        )
    return await Submission.get(id=submission.id)


async def submit_assignment(
    viewer: User | None,
    assignment_id: Any,
    *,
    session_id: Any = None,
    quiz_attempt_id: Any = None,
    recording_id: Any = None,
) -> Submission:
    """The viewer's submission for the assignment, created or updated."""
    user = require_viewer(viewer)
    found = await select_visible(Assignment, [assignment_id], policy.assignments(user))
    assignment = found.get(assignment_id)
    if assignment is None:
        raise not_found("Assignment", "assignmentId")
    membership = await ClassMembership.get_or_none(
        classroom_id=assignment.classroom_id, student_id=user.id
    )
    if membership is None or membership.status != MembershipStatus.ACTIVE:
        raise AppError.of(ErrorCode.FORBIDDEN, NOT_A_STUDENT, "assignmentId")
    kind = _kind(assignment)
    problem = work_input_problem(
        kind,
        session_given=session_id is not None,
        attempt_given=quiz_attempt_id is not None,
        recording_given=recording_id is not None,
    )
    if problem is not None:
        raise AppError(problem)
    if kind == RECORDING:
        work_id = await RECORDING_WORK.find(user, assignment, recording_id)
    else:
        named = session_id if kind == CONVERSATION else quiz_attempt_id if kind == QUIZ else None
        work_id = await _work_id(user, assignment, kind, named)
    try:
        return await _store(user, assignment, kind, work_id)
    except IntegrityError:
        # A first submission of the same student at the same moment inserted the row:
        # this one now finds it, locked, and moves it on.
        return await _store(user, assignment, kind, work_id)


async def grade_submission(
    viewer: User | None,
    submission_id: Any,
    *,
    score: float,
    feedback: str | None = None,
    status: Any = Status.GRADED,
) -> Submission:
    """Grade the submission: a score from 0 to 100 and feedback; GRADED, or RETURNED for
    another try."""
    user = require_viewer(viewer)
    graded = await select_visible(Submission, [submission_id], policy.graded_submissions(user))
    if submission_id not in graded:
        readable = await select_visible(Submission, [submission_id], policy.submissions(user))
        if submission_id in readable:
            raise AppError.of(ErrorCode.FORBIDDEN, NOT_GRADER)
        raise not_found("Submission", "submissionId")
    v = Validator()
    v.errors.extend(grade_problems(score, status))
    v.text("feedback", feedback, FEEDBACK_MAX)
    v.raise_if_any()
    now = datetime.now(UTC)
    grade = {"score": score, "feedback": (feedback or "").strip() or None, "status": Status(status)}
    async with in_transaction() as conn:
        before = await Submission.filter(id=submission_id).using_db(conn).select_for_update().get()
        await (
            Submission.filter(id=submission_id)
            .using_db(conn)
            .update(**grade, grader_id=user.id, graded_at=now, updated_at=now)
        )
        was = {name: getattr(before, name) for name in grade}
        await events.audit(
            conn, user.id, "grade_submission", "submission", submission_id, was, grade
        )
    return await Submission.get(id=submission_id)
