"""Learning factories: achievements, enrollments and progress rows created directly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from engine.ids import global_id
from models.catalog import Course, Exercise, ExerciseOption, ExerciseType, Lesson
from models.identity import User
from models.learning import (
    Enrollment,
    LessonProgress,
    ProgressStatus,
    UserStreak,
    lesson_progress_id,
)

__all__ = ["answer_for", "enrollment", "progress_rows"]


async def answer_for(exercise: Exercise) -> str:
    """The right answer as a learner would send it (option global ID for multiple choice)."""
    if exercise.type == ExerciseType.MULTIPLE_CHOICE:
        option = await ExerciseOption.get(exercise_id=exercise.id, is_correct=True)
        return global_id("ExerciseOption", option.id)
    return exercise.correct_answer


async def enrollment(user: User, course: Course, **fields: Any) -> Enrollment:
    now = datetime.now(UTC)
    await UserStreak.get_or_create(user=user)
    return await Enrollment.create(
        user=user,
        course=course,
        hearts=fields.pop("hearts", 5),
        hearts_updated_at=fields.pop("hearts_updated_at", now),
        last_active_at=fields.pop("last_active_at", now),
        **fields,
    )


async def progress_rows(
    enrollment: Enrollment,
    lessons: list[Lesson],
    status: ProgressStatus = ProgressStatus.COMPLETED,
    score: int = 80,
) -> list[LessonProgress]:
    """Progress rows for many lessons in one statement (completed ones a day ago)."""
    when = datetime.now(UTC) - timedelta(days=1)
    done = status in (ProgressStatus.COMPLETED, ProgressStatus.NEEDS_REVIEW)
    rows = [
        LessonProgress(
            id=lesson_progress_id(enrollment.user_id, lesson.id),
            user_id=enrollment.user_id,
            lesson_id=lesson.id,
            enrollment_id=enrollment.id,
            status=status,
            best_score=score if done else None,
            attempts=1,
            completion_count=1 if done else 0,
            first_completed_at=when if done else None,
            last_completed_at=when if done else None,
            current_first_tries={},
        )
        for lesson in lessons
    ]
    await LessonProgress.bulk_create(rows)
    return rows
