"""Demo learning: the demo student enrolled, with a first lesson played through."""

from __future__ import annotations

import logging

from tortoise import connections

from models.catalog import Course, Exercise, ExerciseOption, ExerciseType
from models.identity import User
from resolvers.learning.enrollment import course_path, enroll
from resolvers.learning.play import (
    CompletedLesson,
    complete_lesson,
    start_lesson,
    submit_answer,
)

log = logging.getLogger(__name__)

DEMO_LEARNER_EMAIL = "student@lingograph.dev"


async def load() -> None:
    """The demo student enrolled in the first free demo course with its first lesson played
    through (so `MyLearning` shows progress out of the box). The default achievements come
    with migration 2."""
    student = await User.get_or_none(email=DEMO_LEARNER_EMAIL)
    course = (
        await Course.filter(is_published=True, price_amount=0, deleted_at=None)
        .order_by("slug")
        .first()
    )
    if student is not None and course is not None:
        await play_demo_lesson(student, course)
        log.info("demo learner enrolled in %s", course.slug)


async def play_demo_lesson(student: User, course: Course) -> CompletedLesson | None:
    """Enrol `student` and play the course's first lesson perfectly through the use cases."""
    await enroll(student, course.id)
    path = await course_path(connections.get("default"), course.id)
    if not path.order:
        return None
    lesson_id = path.order[0]
    await start_lesson(student, lesson_id)
    exercises = await Exercise.filter(lesson_links__lesson_id=lesson_id).order_by(
        "lesson_links__position"
    )
    for exercise in exercises:
        answer = exercise.correct_answer
        if exercise.type == ExerciseType.MULTIPLE_CHOICE:
            option = await ExerciseOption.filter(exercise_id=exercise.id, is_correct=True).first()
            answer = str(option.id) if option is not None else answer
        await submit_answer(student, lesson_id, exercise.id, answer, time_spent_ms=8000)
    return await complete_lesson(student, lesson_id)
