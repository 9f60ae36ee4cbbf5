"""Submissions: the work each kind of assignment takes, the status a submission moves
through, and grading.

- The work matches the assignment's kind: a lesson assignment submits the student's progress
  in that lesson, which must be completed (COMPLETED, or NEEDS_REVIEW: completed with a low
  score); a conversation assignment a COMPLETED session of that scenario; a quiz assignment a
  handed-in attempt of that quiz (SUBMITTED, PENDING_REVIEW, GRADED, or EXPIRED: handed in
  after its time limit, scored 0); a recording assignment a recording of the student's that
  is TRANSCRIBED or EVALUATED. An attempt still in progress is not work to submit. No
  such work: `NOT_STARTED` on `assignmentId`. A lesson assignment takes neither `sessionId`
  nor `quizAttemptId`; a conversation one no `quizAttemptId`; a quiz one no `sessionId`
  (`INVALID` on the field given).
- Statuses. The first submission is SUBMITTED. Submitting again while SUBMITTED replaces the
  work and stays SUBMITTED (likewise RESUBMITTED stays RESUBMITTED); after RETURNED it becomes
  RESUBMITTED. A GRADED submission is final for the student: submitting again is refused
  (`ALREADY_SUBMITTED` on `assignmentId`); the teacher may return it for another try. Every
  submission sets the submission time and the late flag anew and keeps the row (one per
  student and assignment). The last grade's score, feedback, grader and time stay until the
  next grade replaces them, so a returned submission still shows what to improve.
- Grading: a score from 0 to 100 (`INVALID` on `score`), feedback, and the status GRADED, or
  RETURNED to ask for another try (`INVALID` on `status` otherwise). Any submission may be
  graded again. SUBMITTED and RESUBMITTED ones are those waiting for grading.
"""

from __future__ import annotations

import math

from core.errors import ErrorCode, FieldError
from rules.classroom.assignments import CONVERSATION, LESSON, QUIZ, RECORDING

SUBMITTED = "submitted"
GRADED = "graded"
RETURNED = "returned"
RESUBMITTED = "resubmitted"
SUBMISSION_STATUSES = (SUBMITTED, GRADED, RETURNED, RESUBMITTED)
GRADING_STATUSES = (GRADED, RETURNED)
AWAITING_GRADING = (SUBMITTED, RESUBMITTED)

MIN_SCORE = 0.0
MAX_SCORE = 100.0

# The submission's column holding each kind's work.
WORK_FIELDS = {
    LESSON: "lesson_progress",
    CONVERSATION: "session",
    QUIZ: "quiz_attempt",
    RECORDING: "recording",
}

# Statuses of the work that may be submitted (the other domains' stored values).
DONE_LESSON_STATUSES = frozenset({"completed", "needs_review"})
DONE_SESSION_STATUSES = frozenset({"completed"})
DONE_ATTEMPT_STATUSES = frozenset({"submitted", "pending_review", "graded", "expired"})
DONE_RECORDING_STATUSES = frozenset({"transcribed", "evaluated"})

_NOT_DONE = {
    LESSON: "Complete the lesson before submitting it.",
    CONVERSATION: "Complete a conversation of this scenario before submitting it.",
    QUIZ: "Hand in an attempt of this quiz before submitting it.",
    RECORDING: "Upload a recording, transcribed, before submitting it.",
}


def _value(status: object) -> str:
    return str(getattr(status, "value", status))


# --- the work --------------------------------------------------------------------------


def work_input_problem(
    kind: str, *, session_given: bool, attempt_given: bool, recording_given: bool = False
) -> FieldError | None:
    """Why the work named does not fit an assignment of this kind, or None."""
    if recording_given and kind != RECORDING:
        return FieldError(
            ErrorCode.INVALID, "Only a recording assignment takes a recording.", "recordingId"
        )
    if session_given and kind != CONVERSATION:
        return FieldError(
            ErrorCode.INVALID, "Only a conversation assignment takes a session.", "sessionId"
        )
    if attempt_given and kind != QUIZ:
        return FieldError(
            ErrorCode.INVALID, "Only a quiz assignment takes a quiz attempt.", "quizAttemptId"
        )
    return None


def lesson_done(progress_status: object) -> bool:
    return _value(progress_status) in DONE_LESSON_STATUSES


def session_done(session_status: object) -> bool:
    return _value(session_status) in DONE_SESSION_STATUSES


def attempt_done(attempt_status: object) -> bool:
    return _value(attempt_status) in DONE_ATTEMPT_STATUSES


def recording_done(recording_status: object) -> bool:
    return _value(recording_status) in DONE_RECORDING_STATUSES


def work_done(kind: str, work_status: object) -> bool:
    """Whether work of this status may be submitted for an assignment of this kind."""
    check = {
        LESSON: lesson_done,
        CONVERSATION: session_done,
        QUIZ: attempt_done,
        RECORDING: recording_done,
    }[kind]
    return check(work_status)


def not_started(kind: str) -> FieldError:
    """The refusal when the student has no such work to submit."""
    return FieldError(ErrorCode.NOT_STARTED, _NOT_DONE[kind], "assignmentId")


# --- statuses --------------------------------------------------------------------------


def submit_refusal(current_status: object | None) -> FieldError | None:
    """Why the student cannot submit (again), or None; `current_status` None: first time."""
    if current_status is not None and _value(current_status) == GRADED:
        return FieldError(
            ErrorCode.ALREADY_SUBMITTED,
            "This work has been graded; your teacher can return it for another try.",
            "assignmentId",
        )
    return None


def status_after_submitting(current_status: object | None) -> str:
    """The status a submission takes (check `submit_refusal` first)."""
    if current_status is None:
        return SUBMITTED
    status = _value(current_status)
    if status == GRADED:
        raise ValueError("a graded submission cannot be submitted again")
    if status in (RETURNED, RESUBMITTED):
        return RESUBMITTED
    return SUBMITTED


def awaits_grading(status: object) -> bool:
    return _value(status) in AWAITING_GRADING


# --- grading ---------------------------------------------------------------------------


def score_problem(score: float) -> FieldError | None:
    """Why a teacher's score cannot be stored, or None."""
    if not math.isfinite(score) or not MIN_SCORE <= score <= MAX_SCORE:
        return FieldError(ErrorCode.INVALID, "Give a score from 0 to 100.", "score")
    return None


def grade_problems(score: float, status: object) -> list[FieldError]:
    """Every reason this grade cannot be given (empty: it can)."""
    problems = []
    if (problem := score_problem(score)) is not None:
        problems.append(problem)
    if _value(status) not in GRADING_STATUSES:
        problems.append(
            FieldError(ErrorCode.INVALID, "Grade it GRADED, or RETURNED for another try.", "status")
        )
    return problems
