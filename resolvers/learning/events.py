"""What happens while a learner plays a lesson, emitted through core.events inside the
use case's transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID


@dataclass(frozen=True)
class Enrolled:
    """A new enrollment (not one resumed): the learner's own, or a completed purchase's."""

    user_id: UUID
    course_id: UUID


@dataclass(frozen=True)
class LessonStarted:
    user_id: UUID
    lesson_id: UUID


@dataclass(frozen=True)
class AnswerSubmitted:
    user_id: UUID
    lesson_id: UUID
    exercise_id: UUID
    correct: bool


@dataclass(frozen=True)
class LessonCompleted:
    user_id: UUID
    lesson_id: UUID
    score: int
    xp: int


@dataclass(frozen=True)
class CourseCompleted:
    """Every lesson of the course is completed (the first time): assessment decides on the
    certificate, in the same transaction."""

    user_id: UUID
    course_id: UUID
    enrollment_id: UUID
    completed_at: datetime
