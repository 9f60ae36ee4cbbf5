"""Catalog factories: languages and whole course trees, bulk-created (a few statements)."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from models.catalog import (
    Course,
    CourseCategory,
    Exercise,
    ExerciseOption,
    ExerciseType,
    Language,
    Lesson,
    LessonExercise,
    Section,
    Unit,
)
from models.identity import User

_counter = itertools.count(1)
_TYPES = list(ExerciseType)


async def language(code: str, name: str | None = None) -> Language:
    found = await Language.get_or_none(code=code)
    if found is not None:
        return found
    return await Language.create(code=code, name=name or code.upper(), native_name=name or code)


@dataclass
class CourseTree:
    course: Course
    sections: list[Section] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    lessons: list[Lesson] = field(default_factory=list)  # in path order
    exercises: list[Exercise] = field(default_factory=list)
    options: list[ExerciseOption] = field(default_factory=list)

    def lessons_of(self, unit: Unit) -> list[Lesson]:
        return [lesson for lesson in self.lessons if lesson.unit_id == unit.id]

    def exercises_of(self, lesson: Lesson) -> list[Exercise]:
        return [e for e in self.exercises if getattr(e, "_lesson_id", None) == lesson.id]


async def course_tree(
    sections: int = 1,
    units: int = 1,
    lessons: int = 1,
    exercises: int = 1,
    options: int = 3,
    *,
    author: User | None = None,
    published: bool = True,
    title: str | None = None,
    description: str = "",
    slug: str | None = None,
    from_code: str = "en",
    to_code: str = "es",
    **course_fields: Any,
) -> CourseTree:
    """A course with `sections` x `units` x `lessons` x `exercises` x `options`.

    Counts are per parent. Option 1 of each exercise is correct; its answer is "answer N".
    Exercise types cycle through every ExerciseType.
    """
    n = next(_counter)
    src, dst = await language(from_code), await language(to_code)
    course = await Course.create(
        slug=slug or f"course-{n}-{uuid.uuid4().hex[:6]}",
        title=title or f"Course {n}",
        description=description,
        from_language=src,
        to_language=dst,
        author=author,
        category=course_fields.pop("category", CourseCategory.DAILY),
        is_published=published,
        published_at=datetime.now(UTC) if published else None,
        **course_fields,
    )
    tree = CourseTree(course=course)
    tree.sections = [
        Section(id=uuid.uuid4(), course_id=course.id, title=f"Section {s + 1}", position=s + 1)
        for s in range(sections)
    ]
    await Section.bulk_create(tree.sections)
    tree.units = [
        Unit(id=uuid.uuid4(), section_id=sec.id, title=f"Unit {u + 1}", position=u + 1)
        for sec in tree.sections
        for u in range(units)
    ]
    await Unit.bulk_create(tree.units)
    tree.lessons = [
        Lesson(
            id=uuid.uuid4(),
            unit_id=unit.id,
            title=f"Lesson {i + 1} of {unit.title}",
            position=i + 1,
            objectives=["Practise"],
            vocabulary={"hola": "hello"},
        )
        for unit in tree.units
        for i in range(lessons)
    ]
    await Lesson.bulk_create(tree.lessons)
    links = []
    for lesson in tree.lessons:
        for e in range(exercises):
            exercise = Exercise(
                id=uuid.uuid4(),
                type=_TYPES[e % len(_TYPES)],
                prompt=f"Prompt {e + 1}",
                correct_answer=f"answer {e + 1}",
                accepted_answers=[f"alt {e + 1}"],
                explanation="Because.",
            )
            exercise._lesson_id = lesson.id
            tree.exercises.append(exercise)
            links.append(
                LessonExercise(
                    id=uuid.uuid4(), lesson_id=lesson.id, exercise_id=exercise.id, position=e + 1
                )
            )
    await Exercise.bulk_create(tree.exercises)
    await LessonExercise.bulk_create(links)
    tree.options = [
        ExerciseOption(
            id=uuid.uuid4(),
            exercise_id=exercise.id,
            text=f"option {o + 1}",
            is_correct=o == 0,
            position=o + 1,
        )
        for exercise in tree.exercises
        for o in range(options)
    ]
    await ExerciseOption.bulk_create(tree.options)
    for row in [*tree.sections, *tree.units, *tree.lessons, *tree.exercises, *tree.options]:
        row._saved_in_db = True  # bulk_create does not mark them, so save() would INSERT
    return tree
