"""Authoring mutations (teachers on their own courses, admins on all) and the admin import.

Thin, on the mutation pipeline (engine/mutations.py): the pipeline checks the viewer is
signed in and decodes the inputs' global ids; each resolver turns its input into a plain
dict (unset fields left out), calls the use case and builds the payload from its result.
The use cases check the viewer's role (FORBIDDEN) and ownership (NOT_FOUND).
"""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any

import strawberry

from engine.context import AppInfo
from engine.ids import global_id
from engine.mutations import Payload, payload_mutation
from engine.permissions import SIGNED_IN
from engine.relations import as_type
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
    as_course,
    as_lesson,
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


@strawberry.type
class Mutation:
    @payload_mutation(
        permission=SIGNED_IN, description="Create a draft course (teachers and admins)."
    )
    async def create_course(self, info: AppInfo, input: CreateCourseInput) -> CoursePayload:
        course = await authoring.create_course(info.context.user, values(input))
        return CoursePayload(course=as_course(course))

    @payload_mutation(permission=SIGNED_IN)
    async def update_course(self, info: AppInfo, input: UpdateCourseInput) -> CoursePayload:
        data = values(input, skip=("id",))
        course = await authoring.update_course(info.context.user, input.id, data)
        return CoursePayload(course=as_course(course))

    @payload_mutation(permission=SIGNED_IN, ids={"id": "Course"})
    async def publish_course(self, info: AppInfo, input: IdInput) -> CoursePayload:
        course = await authoring.set_published(info.context.user, input.id, True)
        return CoursePayload(course=as_course(course))

    @payload_mutation(permission=SIGNED_IN, ids={"id": "Course"})
    async def unpublish_course(self, info: AppInfo, input: IdInput) -> CoursePayload:
        course = await authoring.set_published(info.context.user, input.id, False)
        return CoursePayload(course=as_course(course))

    @payload_mutation(
        permission=SIGNED_IN,
        ids={"id": "Course"},
        description="Soft-delete a course (it disappears from the catalog).",
    )
    async def delete_course(self, info: AppInfo, input: IdInput) -> DeletePayload:
        deleted = await authoring.delete_course(info.context.user, input.id)
        return DeletePayload(deleted_id=strawberry.ID(global_id("Course", deleted)))

    # sections, units, lessons share one shape -------------------------------------------

    @payload_mutation(permission=SIGNED_IN)
    async def create_section(self, info: AppInfo, input: CreateSectionInput) -> SectionPayload:
        data = values(input, skip=("course_id", "position"))
        section = await authoring.create_node(
            info.context.user, "section", input.course_id, data, input.position
        )
        return SectionPayload(section=section)

    @payload_mutation(permission=SIGNED_IN)
    async def update_section(self, info: AppInfo, input: UpdateSectionInput) -> SectionPayload:
        data = values(input, skip=("id",))
        section = await authoring.update_node(info.context.user, "section", input.id, data)
        return SectionPayload(section=section)

    @payload_mutation(
        permission=SIGNED_IN,
        description="Move a section to a 1-based position in its course.",
    )
    async def move_section(self, info: AppInfo, input: MoveSectionInput) -> SectionPayload:
        section = await authoring.move_node(info.context.user, "section", input.id, input.position)
        return SectionPayload(section=section)

    @payload_mutation(permission=SIGNED_IN, ids={"id": "Section"})
    async def delete_section(self, info: AppInfo, input: IdInput) -> DeletePayload:
        deleted = await authoring.delete_node(info.context.user, "section", input.id)
        return DeletePayload(deleted_id=strawberry.ID(global_id("Section", deleted)))

    @payload_mutation(permission=SIGNED_IN)
    async def create_unit(self, info: AppInfo, input: CreateUnitInput) -> UnitPayload:
        data = values(input, skip=("section_id", "position"))
        unit = await authoring.create_node(
            info.context.user, "unit", input.section_id, data, input.position
        )
        return UnitPayload(unit=unit)

    @payload_mutation(permission=SIGNED_IN)
    async def update_unit(self, info: AppInfo, input: UpdateUnitInput) -> UnitPayload:
        data = values(input, skip=("id",))
        unit = await authoring.update_node(info.context.user, "unit", input.id, data)
        return UnitPayload(unit=unit)

    @payload_mutation(
        permission=SIGNED_IN,
        description="Reorder a unit, optionally into another section.",
    )
    async def move_unit(self, info: AppInfo, input: MoveUnitInput) -> UnitPayload:
        unit = await authoring.move_node(
            info.context.user, "unit", input.id, input.position, input.section_id
        )
        return UnitPayload(unit=unit)

    @payload_mutation(permission=SIGNED_IN, ids={"id": "Unit"})
    async def delete_unit(self, info: AppInfo, input: IdInput) -> DeletePayload:
        deleted = await authoring.delete_node(info.context.user, "unit", input.id)
        return DeletePayload(deleted_id=strawberry.ID(global_id("Unit", deleted)))

    @payload_mutation(permission=SIGNED_IN)
    async def create_lesson(self, info: AppInfo, input: CreateLessonInput) -> LessonPayload:
        data = values(input, skip=("unit_id", "position"))
        _vocabulary(data)
        lesson = await authoring.create_node(
            info.context.user, "lesson", input.unit_id, data, input.position
        )
        return LessonPayload(lesson=lesson)

    @payload_mutation(permission=SIGNED_IN)
    async def update_lesson(self, info: AppInfo, input: UpdateLessonInput) -> LessonPayload:
        data = values(input, skip=("id",))
        _vocabulary(data)
        lesson = await authoring.update_node(info.context.user, "lesson", input.id, data)
        return LessonPayload(lesson=lesson)

    @payload_mutation(
        permission=SIGNED_IN,
        description="Reorder a lesson, optionally into another unit.",
    )
    async def move_lesson(self, info: AppInfo, input: MoveLessonInput) -> LessonPayload:
        lesson = await authoring.move_node(
            info.context.user, "lesson", input.id, input.position, input.unit_id
        )
        return LessonPayload(lesson=lesson)

    @payload_mutation(permission=SIGNED_IN, ids={"id": "Lesson"})
    async def delete_lesson(self, info: AppInfo, input: IdInput) -> DeletePayload:
        deleted = await authoring.delete_node(info.context.user, "lesson", input.id)
        return DeletePayload(deleted_id=strawberry.ID(global_id("Lesson", deleted)))

    # exercises and prerequisites ----------------------------------------------------------

    @payload_mutation(permission=SIGNED_IN)
    async def create_exercise(self, info: AppInfo, input: CreateExerciseInput) -> ExercisePayload:
        data = values(input, skip=("lesson_id", "position"))
        exercise = await exercises.create_exercise(
            info.context.user, input.lesson_id, data, input.position
        )
        return ExercisePayload(exercise=as_type(Exercise, exercise))

    @payload_mutation(permission=SIGNED_IN)
    async def update_exercise(self, info: AppInfo, input: UpdateExerciseInput) -> ExercisePayload:
        data = values(input, skip=("id",))
        exercise = await exercises.update_exercise(info.context.user, input.id, data)
        return ExercisePayload(exercise=as_type(Exercise, exercise))

    @payload_mutation(
        permission=SIGNED_IN,
        description="Move an exercise to a 1-based position in a lesson.",
    )
    async def move_exercise(self, info: AppInfo, input: MoveExerciseInput) -> ExercisePayload:
        exercise = await exercises.move_exercise(
            info.context.user, input.lesson_id, input.exercise_id, input.position
        )
        return ExercisePayload(exercise=as_type(Exercise, exercise))

    @payload_mutation(permission=SIGNED_IN, ids={"id": "Exercise"})
    async def delete_exercise(self, info: AppInfo, input: IdInput) -> DeletePayload:
        deleted = await exercises.delete_exercise(info.context.user, input.id)
        return DeletePayload(deleted_id=strawberry.ID(global_id("Exercise", deleted)))

    @payload_mutation(
        permission=SIGNED_IN,
        description="Require finishing one lesson before another (no cycles).",
    )
    async def add_lesson_prerequisite(
        self, info: AppInfo, input: LessonPrerequisiteInput
    ) -> LessonPayload:
        lesson = await exercises.add_prerequisite(
            info.context.user, input.lesson_id, input.prerequisite_id
        )
        return LessonPayload(lesson=as_lesson(lesson))

    @payload_mutation(permission=SIGNED_IN)
    async def remove_lesson_prerequisite(
        self, info: AppInfo, input: LessonPrerequisiteInput
    ) -> LessonPayload:
        lesson = await exercises.remove_prerequisite(
            info.context.user, input.lesson_id, input.prerequisite_id
        )
        return LessonPayload(lesson=as_lesson(lesson))

    @payload_mutation(
        permission=SIGNED_IN,
        description="Admins: import a whole course file; re-importing a slug updates it.",
    )
    async def import_course(self, info: AppInfo, input: ImportCourseInput) -> ImportCoursePayload:
        result = await importer.import_course_text(input.document, viewer=info.context.user)
        return ImportCoursePayload(
            course=as_course(result.course),
            created=result.created,
            lesson_count=result.lesson_count,
        )
