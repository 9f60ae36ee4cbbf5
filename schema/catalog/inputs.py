"""Inputs of the catalog authoring mutations (unset fields are left unchanged on update)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import strawberry

from engine.ids import NodeRef, node_id
from schema.catalog.exercises import ExerciseType, MediaKind
from schema.catalog.types import CourseCategory
from schema.identity.types import CefrLevel

UNSET: Any = strawberry.UNSET


@strawberry.input
class CreateCourseInput:
    slug: str
    title: str
    from_language: str = strawberry.field(description="Language code, e.g. `en`.")
    to_language: str = strawberry.field(description="Language code, e.g. `es`.")
    description: str | None = UNSET
    category: CourseCategory | None = UNSET
    cefr_min: CefrLevel | None = UNSET
    cefr_max: CefrLevel | None = UNSET
    featured: bool | None = UNSET
    tags: list[str] | None = UNSET
    price_amount: Decimal | None = UNSET
    price_currency: str | None = UNSET
    image_url: str | None = UNSET


@strawberry.input
class UpdateCourseInput:
    id: NodeRef = node_id("Course")
    slug: str | None = UNSET
    title: str | None = UNSET
    from_language: str | None = UNSET
    to_language: str | None = UNSET
    description: str | None = UNSET
    category: CourseCategory | None = UNSET
    cefr_min: CefrLevel | None = UNSET
    cefr_max: CefrLevel | None = UNSET
    featured: bool | None = UNSET
    tags: list[str] | None = UNSET
    price_amount: Decimal | None = UNSET
    price_currency: str | None = UNSET
    image_url: str | None = UNSET


@strawberry.input
class IdInput:
    # Shared by the publish and delete mutations of every kind, so it names no one type:
    # each mutation declares it (`payload_mutation(ids={"id": "Course"})`).
    id: NodeRef


@strawberry.input
class CreateSectionInput:
    course_id: NodeRef = node_id("Course")
    title: str
    description: str | None = UNSET
    cefr_level: CefrLevel | None = UNSET
    position: int | None = strawberry.field(default=None, description="1-based; default last.")


@strawberry.input
class UpdateSectionInput:
    id: NodeRef = node_id("Section")
    title: str | None = UNSET
    description: str | None = UNSET
    cefr_level: CefrLevel | None = UNSET


@strawberry.input
class MoveSectionInput:
    id: NodeRef = node_id("Section")
    position: int


@strawberry.input
class CreateUnitInput:
    section_id: NodeRef = node_id("Section")
    title: str
    description: str | None = UNSET
    color: str | None = UNSET
    icon_url: str | None = UNSET
    position: int | None = None


@strawberry.input
class UpdateUnitInput:
    id: NodeRef = node_id("Unit")
    title: str | None = UNSET
    description: str | None = UNSET
    color: str | None = UNSET
    icon_url: str | None = UNSET


@strawberry.input
class MoveUnitInput:
    id: NodeRef = node_id("Unit")
    position: int
    section_id: NodeRef | None = node_id(
        "Section", default=None, description="Another section of the same course to move into."
    )


@strawberry.input
class VocabularyInput:
    word: str
    definition: str


@strawberry.input
class CreateLessonInput:
    unit_id: NodeRef = node_id("Unit")
    title: str
    description: str | None = UNSET
    objectives: list[str] | None = UNSET
    vocabulary: list[VocabularyInput] | None = UNSET
    grammar_focus: str | None = UNSET
    xp_reward: int | None = UNSET
    estimated_minutes: int | None = UNSET
    difficulty: int | None = UNSET
    is_active: bool | None = UNSET
    position: int | None = None


@strawberry.input
class UpdateLessonInput:
    id: NodeRef = node_id("Lesson")
    title: str | None = UNSET
    description: str | None = UNSET
    objectives: list[str] | None = UNSET
    vocabulary: list[VocabularyInput] | None = UNSET
    grammar_focus: str | None = UNSET
    xp_reward: int | None = UNSET
    estimated_minutes: int | None = UNSET
    difficulty: int | None = UNSET
    is_active: bool | None = UNSET


@strawberry.input
class MoveLessonInput:
    id: NodeRef = node_id("Lesson")
    position: int
    unit_id: NodeRef | None = node_id(
        "Unit", default=None, description="Another unit of the same course to move into."
    )


@strawberry.input
class MediaInput:
    kind: MediaKind
    url: str
    format: str | None = None
    quality: str | None = None
    duration_seconds: float | None = None
    size_bytes: int | None = None
    mime_type: str | None = None


@strawberry.input
class ExerciseOptionInput:
    text: str
    is_correct: bool = False


@strawberry.input
class CreateExerciseInput:
    lesson_id: NodeRef = node_id("Lesson")
    type: ExerciseType
    prompt: str
    correct_answer: str | None = strawberry.field(
        default=UNSET, description="Defaults to the first correct option for multiple choice."
    )
    accepted_answers: list[str] | None = UNSET
    explanation: str | None = UNSET
    hint: str | None = UNSET
    difficulty: int | None = UNSET
    estimated_seconds: int | None = UNSET
    is_active: bool | None = UNSET
    media: MediaInput | None = UNSET
    options: list[ExerciseOptionInput] | None = UNSET
    position: int | None = None


@strawberry.input
class UpdateExerciseInput:
    id: NodeRef = node_id("Exercise")
    type: ExerciseType | None = UNSET
    prompt: str | None = UNSET
    correct_answer: str | None = UNSET
    accepted_answers: list[str] | None = UNSET
    explanation: str | None = UNSET
    hint: str | None = UNSET
    difficulty: int | None = UNSET
    estimated_seconds: int | None = UNSET
    is_active: bool | None = UNSET
    media: MediaInput | None = UNSET
    options: list[ExerciseOptionInput] | None = strawberry.field(
        default=UNSET, description="Replaces all options when given."
    )


@strawberry.input
class MoveExerciseInput:
    lesson_id: NodeRef = node_id("Lesson")
    exercise_id: NodeRef = node_id("Exercise")
    position: int


@strawberry.input
class LessonPrerequisiteInput:
    lesson_id: NodeRef = node_id("Lesson")
    prerequisite_id: NodeRef = node_id("Lesson", description="The lesson to finish first.")


@strawberry.input
class ImportCourseInput:
    document: str = strawberry.field(description="A course file (YAML or JSON), see docs.")
