"""Assignments: the target, the kind that follows from it, and due times.

- An assignment has exactly one target: a lesson, a conversation scenario, a quiz, or "a
  recording" (the student uploads one of their own; `recording: true`) — the database checks
  it too. None given: `REQUIRED` on `lessonId`; more than one: `INVALID` on the second one
  given. Its kind follows from the target: LESSON, CONVERSATION, QUIZ or RECORDING.
- The due time is optional (none: never late). At creation it must lie in the future: a due
  time at or before now is refused (`INVALID` on `dueAt`).
- A submission is late when it comes after the due time; one at the due time exactly is on
  time. There is no grace period: a late submission is accepted all the same, only marked.
"""

from __future__ import annotations

from datetime import datetime

from core.errors import ErrorCode, FieldError

LESSON = "lesson"
CONVERSATION = "conversation"
QUIZ = "quiz"
RECORDING = "recording"
ASSIGNMENT_KINDS = (LESSON, CONVERSATION, QUIZ, RECORDING)

# The input field naming each kind's target, in the order the errors consider them.
TARGET_FIELDS = {
    LESSON: "lessonId",
    CONVERSATION: "scenarioId",
    QUIZ: "quizId",
    RECORDING: "recording",
}


def _given(
    lesson_id: object, scenario_id: object, quiz_id: object, recording: bool = False
) -> list[str]:
    targets = {
        LESSON: lesson_id,
        CONVERSATION: scenario_id,
        QUIZ: quiz_id,
        RECORDING: True if recording else None,
    }
    return [kind for kind, value in targets.items() if value is not None]


def target_problem(
    lesson_id: object, scenario_id: object, quiz_id: object, recording: bool = False
) -> FieldError | None:
    """Why these targets are not exactly one, or None."""
    given = _given(lesson_id, scenario_id, quiz_id, recording)
    if not given:
        return FieldError(
            ErrorCode.REQUIRED,
            "Give a lesson, a scenario or a quiz to assign, or ask for a recording.",
            "lessonId",
        )
    if len(given) > 1:
        return FieldError(
            ErrorCode.INVALID,
            "Give only one of a lesson, a scenario, a quiz or a recording.",
            TARGET_FIELDS[given[1]],
        )
    return None


def assignment_kind(
    lesson_id: object, scenario_id: object, quiz_id: object, recording: bool = False
) -> str:
    """LESSON, CONVERSATION, QUIZ or RECORDING, from the one target that is set."""
    given = _given(lesson_id, scenario_id, quiz_id, recording)
    if len(given) != 1:
        raise ValueError(f"an assignment has exactly one target, not {len(given)}")
    return given[0]


def is_past(due_at: datetime | None, now: datetime) -> bool:
    """The due time has come (no due time never comes)."""
    return due_at is not None and due_at <= now


def is_late(submitted_at: datetime, due_at: datetime | None) -> bool:
    """Submitted after the due time (at it exactly is on time)."""
    return due_at is not None and submitted_at > due_at


def due_problem(due_at: datetime | None, now: datetime) -> FieldError | None:
    """Why a new assignment cannot have this due time, or None."""
    if is_past(due_at, now):
        return FieldError(ErrorCode.INVALID, "The due time must be in the future.", "dueAt")
    return None
