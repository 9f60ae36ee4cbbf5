"""Authoring mutations (teachers on their own courses, admins on all) and the admin import.

Thin: decode global IDs, turn inputs into plain dicts (unset fields left out), call the use
case, and return its payload; every expected failure arrives as `errors`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable
from enum import Enum
from typing import Any

import strawberry

from engine.context import AppInfo
from engine.ids import global_id, require_global_id
from engine.mutations import Payload, run_mutation
from resolvers.catalog import authoring as authoring
from resolvers.catalog import exercises as exercises
from resolvers.catalog import importing as importer
from schema.catalog.inputs import (
    CreateCourseInput,
    CreateExerciseInput,
    CreateLessonInput,
    CreateSectionInput,
    CreateUnitInput,
    IdInput,
    ImportCourseInput,
    LessonPrerequisiteInput,
    MoveExerciseInput,
    MoveLessonInput,
    MoveSectionInput,
    MoveUnitInput,
    UpdateCourseInput,
    UpdateExerciseInput,
    UpdateLessonInput,
    UpdateSectionInput,
    UpdateUnitInput,
)
from schema.catalog.types import (
    CourseRef,
    Exercise,
    LessonRef,
    Section,
    Unit,
)

UNSET: Any = strawberry.UNSET


def values(obj: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """An input's set fields as a plain dict: enums to values, nested inputs to dicts."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if f.name in skip or value is UNSET:
            continue
        out[f.name] = _plain(value)
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return values(value)
    return value


def _vocabulary(data: dict) -> None:
    if data.get("vocabulary") is not None:
        data["vocabulary"] = {e["word"]: e["definition"] for e in data["vocabulary"]}


# --- payloads ----------------------------------------------------------------------------


@strawberry.type
class CoursePayload(Payload):
    course: CourseRef | None = None


@strawberry.type
class SectionPayload(Payload):
    section: Section | None = None


@strawberry.type
class UnitPayload(Payload):
    unit: Unit | None = None


@strawberry.type
class LessonPayload(Payload):
    lesson: LessonRef | None = None


@strawberry.type
class ExercisePayload(Payload):
    exercise: Exercise | None = None


@strawberry.type
class DeletePayload(Payload):
    deleted_id: strawberry.ID | None = None


@strawberry.type
class ImportCoursePayload(Payload):
    course: CourseRef | None = None
    created: bool | None = strawberry.field(default=None, description="False: updated in place.")
    lesson_count: int | None = None


async def _deleted(type_name: str, work: Awaitable[dict]) -> dict:
    result = await work
    return {"deleted_id": global_id(type_name, result["deleted_id"])}


def _id(value: Any, type_name: str, field: str = "id") -> Any:
    return require_global_id(value, type_name, field)


async def _run(payload: type, work: Callable[[], Awaitable[dict]]) -> Any:
    async def call() -> dict:
        return await work()

    return await run_mutation(payload, call())


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Create a draft course (teachers and admins).")
    async def create_course(self, info: AppInfo, input: CreateCourseInput) -> CoursePayload:
        data = values(input)
        return await _run(CoursePayload, lambda: authoring.create_course(info.context.viewer, data))

    @strawberry.mutation
    async def update_course(self, info: AppInfo, input: UpdateCourseInput) -> CoursePayload:
        data = values(input, skip=("id",))
        return await _run(
            CoursePayload,
            lambda: authoring.update_course(info.context.viewer, _id(input.id, "Course"), data),
        )

    @strawberry.mutation
    async def publish_course(self, info: AppInfo, input: IdInput) -> CoursePayload:
        return await _run(
            CoursePayload,
            lambda: authoring.set_published(info.context.viewer, _id(input.id, "Course"), True),
        )

    @strawberry.mutation
    async def unpublish_course(self, info: AppInfo, input: IdInput) -> CoursePayload:
        return await _run(
            CoursePayload,
            lambda: authoring.set_published(info.context.viewer, _id(input.id, "Course"), False),
        )

    @strawberry.mutation(description="Soft-delete a course (it disappears from the catalog).")
    async def delete_course(self, info: AppInfo, input: IdInput) -> DeletePayload:
        return await _run(
            DeletePayload,
            lambda: _deleted(
                "Course", authoring.delete_course(info.context.viewer, _id(input.id, "Course"))
            ),
        )

    # sections, units, lessons share one shape -------------------------------------------

    @strawberry.mutation
    async def create_section(self, info: AppInfo, input: CreateSectionInput) -> SectionPayload:
        data = values(input, skip=("course_id", "position"))
        return await _run(
            SectionPayload,
            lambda: authoring.create_node(
                info.context.viewer,
                "section",
                _id(input.course_id, "Course", "courseId"),
                data,
                input.position,
            ),
        )

    @strawberry.mutation
    async def update_section(self, info: AppInfo, input: UpdateSectionInput) -> SectionPayload:
        data = values(input, skip=("id",))
        return await _run(
            SectionPayload,
            lambda: authoring.update_node(
                info.context.viewer, "section", _id(input.id, "Section"), data
            ),
        )

    @strawberry.mutation(description="Move a section to a 1-based position in its course.")
    async def move_section(self, info: AppInfo, input: MoveSectionInput) -> SectionPayload:
        return await _run(
            SectionPayload,
            lambda: authoring.move_node(
                info.context.viewer, "section", _id(input.id, "Section"), input.position
            ),
        )

    @strawberry.mutation
    async def delete_section(self, info: AppInfo, input: IdInput) -> DeletePayload:
        return await _run(
            DeletePayload,
            lambda: _deleted(
                "Section",
                authoring.delete_node(info.context.viewer, "section", _id(input.id, "Section")),
            ),
        )

    @strawberry.mutation
    async def create_unit(self, info: AppInfo, input: CreateUnitInput) -> UnitPayload:
        data = values(input, skip=("section_id", "position"))
        return await _run(
            UnitPayload,
            lambda: authoring.create_node(
                info.context.viewer,
                "unit",
                _id(input.section_id, "Section", "sectionId"),
                data,
                input.position,
            ),
        )

    @strawberry.mutation
    async def update_unit(self, info: AppInfo, input: UpdateUnitInput) -> UnitPayload:
        data = values(input, skip=("id",))
        return await _run(
            UnitPayload,
            lambda: authoring.update_node(info.context.viewer, "unit", _id(input.id, "Unit"), data),
        )

    @strawberry.mutation(description="Reorder a unit, optionally into another section.")
    async def move_unit(self, info: AppInfo, input: MoveUnitInput) -> UnitPayload:
        return await _run(
            UnitPayload,
            lambda: authoring.move_node(
                info.context.viewer,
                "unit",
                _id(input.id, "Unit"),
                input.position,
                _id(input.section_id, "Section", "sectionId") if input.section_id else None,
            ),
        )

    @strawberry.mutation
    async def delete_unit(self, info: AppInfo, input: IdInput) -> DeletePayload:
        return await _run(
            DeletePayload,
            lambda: _deleted(
                "Unit", authoring.delete_node(info.context.viewer, "unit", _id(input.id, "Unit"))
            ),
        )

    @strawberry.mutation
    async def create_lesson(self, info: AppInfo, input: CreateLessonInput) -> LessonPayload:
        data = values(input, skip=("unit_id", "position"))
        _vocabulary(data)
        return await _run(
            LessonPayload,
            lambda: authoring.create_node(
                info.context.viewer,
                "lesson",
                _id(input.unit_id, "Unit", "unitId"),
                data,
                input.position,
            ),
        )

    @strawberry.mutation
    async def update_lesson(self, info: AppInfo, input: UpdateLessonInput) -> LessonPayload:
        data = values(input, skip=("id",))
        _vocabulary(data)
        return await _run(
            LessonPayload,
            lambda: authoring.update_node(
                info.context.viewer, "lesson", _id(input.id, "Lesson"), data
            ),
        )

    @strawberry.mutation(description="Reorder a lesson, optionally into another unit.")
    async def move_lesson(self, info: AppInfo, input: MoveLessonInput) -> LessonPayload:
        return await _run(
            LessonPayload,
            lambda: authoring.move_node(
                info.context.viewer,
                "lesson",
                _id(input.id, "Lesson"),
                input.position,
                _id(input.unit_id, "Unit", "unitId") if input.unit_id else None,
            ),
        )

    @strawberry.mutation
    async def delete_lesson(self, info: AppInfo, input: IdInput) -> DeletePayload:
        return await _run(
            DeletePayload,
            lambda: _deleted(
                "Lesson",
                authoring.delete_node(info.context.viewer, "lesson", _id(input.id, "Lesson")),
            ),
        )

    # exercises and prerequisites ----------------------------------------------------------

    @strawberry.mutation
    async def create_exercise(self, info: AppInfo, input: CreateExerciseInput) -> ExercisePayload:
        data = values(input, skip=("lesson_id", "position"))
        return await _run(
            ExercisePayload,
            lambda: exercises.create_exercise(
                info.context.viewer,
                _id(input.lesson_id, "Lesson", "lessonId"),
                data,
                input.position,
            ),
        )

    @strawberry.mutation
    async def update_exercise(self, info: AppInfo, input: UpdateExerciseInput) -> ExercisePayload:
        data = values(input, skip=("id",))
        return await _run(
            ExercisePayload,
            lambda: exercises.update_exercise(info.context.viewer, _id(input.id, "Exercise"), data),
        )

    @strawberry.mutation(description="Move an exercise to a 1-based position in a lesson.")
    async def move_exercise(self, info: AppInfo, input: MoveExerciseInput) -> ExercisePayload:
        return await _run(
            ExercisePayload,
            lambda: exercises.move_exercise(
                info.context.viewer,
                _id(input.lesson_id, "Lesson", "lessonId"),
                _id(input.exercise_id, "Exercise", "exerciseId"),
                input.position,
            ),
        )

    @strawberry.mutation
    async def delete_exercise(self, info: AppInfo, input: IdInput) -> DeletePayload:
        return await _run(
            DeletePayload,
            lambda: _deleted(
                "Exercise",
                exercises.delete_exercise(info.context.viewer, _id(input.id, "Exercise")),
            ),
        )

    @strawberry.mutation(description="Require finishing one lesson before another (no cycles).")
    async def add_lesson_prerequisite(
        self, info: AppInfo, input: LessonPrerequisiteInput
    ) -> LessonPayload:
        return await _run(
            LessonPayload,
            lambda: exercises.add_prerequisite(
                info.context.viewer,
                _id(input.lesson_id, "Lesson", "lessonId"),
                _id(input.prerequisite_id, "Lesson", "prerequisiteId"),
            ),
        )

    @strawberry.mutation
    async def remove_lesson_prerequisite(
        self, info: AppInfo, input: LessonPrerequisiteInput
    ) -> LessonPayload:
        return await _run(
            LessonPayload,
            lambda: exercises.remove_prerequisite(
                info.context.viewer,
                _id(input.lesson_id, "Lesson", "lessonId"),
                _id(input.prerequisite_id, "Lesson", "prerequisiteId"),
            ),
        )

    @strawberry.mutation(
        description="Admins: import a whole course file; re-importing a slug updates it."
    )
    async def import_course(self, info: AppInfo, input: ImportCourseInput) -> ImportCoursePayload:
        async def work() -> dict:
            result = await importer.import_course_text(input.document, viewer=info.context.viewer)
            return {
                "course": result.course,
                "created": result.created,
                "lesson_count": result.lesson_count,
            }

        return await run_mutation(ImportCoursePayload, work())
