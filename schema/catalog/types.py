"""Catalog node types: the course tree, exercises with options and media, scenarios.

Visibility is applied where objects are reached (resolve_nodes and the list fields), via
resolvers.catalog_access; answers are shown to the course's editors only.
"""

from __future__ import annotations

import asyncio
import inspect
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, cast

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from engine.compiler.specs import SQL, Allowed, Column, Embedded, Expr, RowsOf, ToMany, ToOne
from engine.context import AppInfo
from engine.node import node_source
from engine.relations import model_type, related
from loaders.catalog import (
    CourseByIdLoader,
    CourseIdByLessonLoader,
    ExercisesByLessonLoader,
    LanguageByIdLoader,
    LessonCountByCourseLoader,
    LessonsByUnitLoader,
    PrerequisitesByLessonLoader,
    ScenariosByLessonLoader,
    SectionByIdLoader,
    SectionsByCourseLoader,
    UnitByIdLoader,
    UnitsBySectionLoader,
)
from models import catalog as m
from resolvers.catalog import policy
from resolvers.catalog.policy import (
    active_or_edited,
    can_edit,
    can_edit_in,
    visible_items,
)
from schema.catalog.exercises import (
    Exercise,
    ExerciseOption,
    MediaAsset,
)
from schema.identity.types import CefrLevel

if TYPE_CHECKING:
    from schema.graph import Course, Lesson

# A GraphQL enum: `strawberry.enum` registers the model's class itself (and returns it), so
# this name is a plain alias of the model's enum for the type checker.
CourseCategory = m.CourseCategory
strawberry.enum(CourseCategory, name="CourseCategory")


# `Course` and `Lesson` are composed in schema/graph.py from every domain's fields.
CourseRef = Annotated["Course", strawberry.lazy("schema.graph")]
LessonRef = Annotated["Lesson", strawberry.lazy("schema.graph")]


# Rows as the composed types they are returned as: what `engine.relations.as_type(Course, row)`
# does, with `Course` and `Lesson` known to the type checker only (schema.graph imports this
# module).
def as_course(row: m.Course) -> Course:
    return cast("Course", row)


def as_lesson(row: m.Lesson) -> Lesson:
    return cast("Lesson", row)


# `self` in the resolvers of a model-backed type is the row itself (`model_type`; the
# composed `Course` and `Lesson` of schema/graph.py for the fields classes).
def _course(self: object) -> m.Course:
    return cast(m.Course, self)


def _lesson(self: object) -> m.Lesson:
    return cast(m.Lesson, self)


def _section(self: object) -> m.Section:
    return cast(m.Section, self)


def _scenario(self: object) -> m.ConversationScenario:
    return cast(m.ConversationScenario, self)


def _cefr(value: str | None) -> CefrLevel | None:
    return CefrLevel(value) if value else None


# The read compiler's terms (engine/compiler/specs.py) for the fields computed below.
_CEFR_LEVEL = {SQL: Column("cefr_level")}
_PREREQUISITES = m.LessonPrerequisite._meta.db_table
_LESSON_EXERCISES = m.LessonExercise._meta.db_table


@strawberry.type
@model_type(m.Language)
@node_source(m.Language, policy.languages)
class Language(relay.Node):
    id: relay.NodeID[str]
    code: str
    name: str
    native_name: str
    flag_url: str | None
    is_active: bool


@strawberry.type(
    description="An amount of money: a decimal (never a float) and its ISO currency. A "
    "course price of 0 means free."
)
class Money:
    amount: Decimal
    currency: str


@strawberry.type
@node_source(m.Course, policy.courses)
class CourseFields(relay.Node):
    """The catalog's fields of `Course`."""

    id: relay.NodeID[str]
    slug: str
    title: str
    description: str
    category: CourseCategory
    featured: bool
    is_published: bool
    published_at: datetime | None
    tags: list[str]
    image_url: str | None
    created_at: datetime
    updated_at: datetime

    @strawberry.field(metadata={SQL: Column("cefr_min")})
    def cefr_min(self) -> CefrLevel:
        return CefrLevel(_course(self).cefr_min)

    @strawberry.field(metadata={SQL: Column("cefr_max")})
    def cefr_max(self) -> CefrLevel:
        return CefrLevel(_course(self).cefr_max)

    @strawberry.field(
        description='The CEFR levels the course covers, e.g. "A1\u2013A2" or "B1".',
        metadata={
            SQL: Expr(
                "CASE WHEN {t}.cefr_min = {t}.cefr_max THEN {t}.cefr_min "
                "ELSE {t}.cefr_min || '\u2013' || {t}.cefr_max END"
            )
        },
    )
    def cefr_range(self) -> str:
        course = _course(self)
        low, high = course.cefr_min, course.cefr_max
        return low if low == high else f"{low}\u2013{high}"  # en dash

    @strawberry.field(
        metadata={
            SQL: Embedded({"amount": Column("price_amount"), "currency": Column("price_currency")})
        }
    )
    def price(self) -> Money:
        course = _course(self)
        return Money(amount=course.price_amount, currency=course.price_currency)

    from_language: Language = related(LanguageByIdLoader, "from_language_id")

    to_language: Language = related(LanguageByIdLoader, "to_language_id")

    @strawberry.field(
        description="Whether the viewer may edit this course (author or admin).",
        metadata={SQL: Allowed(policy.edited_courses)},
    )
    def viewer_can_edit(self, info: AppInfo) -> bool:
        return can_edit(info.context.viewer, _course(self))

    sections: list[Section] = related(
        SectionsByCourseLoader, "id", description="Sections in order."
    )

    lesson_count: int = related(
        LessonCountByCourseLoader, "id", description="How many active lessons the course has."
    )


@strawberry.type
@model_type(m.Section)
@node_source(m.Section, policy.in_visible_course)
class Section(relay.Node):
    id: relay.NodeID[str]
    title: str
    description: str
    position: int

    @strawberry.field(metadata=_CEFR_LEVEL)
    def cefr_level(self) -> CefrLevel | None:
        return _cefr(_section(self).cefr_level)

    course: CourseRef = related(CourseByIdLoader, "course_id")

    units: list[Unit] = related(UnitsBySectionLoader, "id", description="Units in order.")


@strawberry.type
@model_type(m.Unit)
@node_source(m.Unit, policy.in_visible_course)
class Unit(relay.Node):
    id: relay.NodeID[str]
    title: str
    description: str
    position: int
    color: str
    icon_url: str | None

    section: Section = related(SectionByIdLoader, "section_id")

    @strawberry.field(
        description="Lessons in order (inactive ones only for editors).",
        metadata={SQL: ToMany("unit_id", order=("position",), where=active_or_edited)},
    )
    async def lessons(self, info: AppInfo) -> list[LessonRef]:
        loaders, viewer = info.context.loaders, info.context.viewer
        lessons, editor = await asyncio.gather(
            loaders.get(LessonsByUnitLoader).load(self.id),
            can_edit_in(loaders, viewer, "unit", self.id),
        )
        return visible_items(lessons, editor)


@strawberry.type
class VocabularyEntry:
    word: str
    definition: str


@strawberry.type
@node_source(m.Lesson, policy.lessons)
class LessonFields(relay.Node):
    """The catalog's fields of `Lesson`."""

    id: relay.NodeID[str]
    title: str
    description: str
    position: int
    objectives: list[str]
    grammar_focus: str | None
    xp_reward: int
    estimated_minutes: int
    difficulty: int
    is_active: bool

    @strawberry.field(
        description="Words taught in the lesson with their definitions.",
        metadata={
            SQL: RowsOf(
                "jsonb_each_text(coalesce({t}.vocabulary, '{{}}'::jsonb)) {r}",
                {"word": "{r}.key", "definition": "{r}.value"},
            )
        },
    )
    def vocabulary(self) -> list[VocabularyEntry]:
        return [
            VocabularyEntry(word=str(word), definition=str(definition))
            for word, definition in (_lesson(self).vocabulary or {}).items()
        ]

    unit: Unit = related(UnitByIdLoader, "unit_id")

    @strawberry.field(metadata={SQL: ToOne("course_id")})
    async def course(self, info: AppInfo) -> CourseRef:
        loaders = info.context.loaders
        course_id = await loaders.get(CourseIdByLessonLoader).load(self.id)
        return await loaders.get(CourseByIdLoader).load(course_id)

    @strawberry.field(
        description="Lessons to complete before this one.",
        metadata={
            SQL: ToMany(
                "id",
                order=("title", "id"),
                where=active_or_edited,
                through=(_PREREQUISITES, "lesson_id", "prerequisite_id", ()),
            )
        },
    )
    async def prerequisites(self, info: AppInfo) -> list[LessonRef]:
        loaders, viewer = info.context.loaders, info.context.viewer
        lessons, editor = await asyncio.gather(
            loaders.get(PrerequisitesByLessonLoader).load(self.id),
            can_edit_in(loaders, viewer, "lesson", self.id),
        )
        return visible_items(lessons, editor)

    @strawberry.field(
        description="Exercises in order (inactive ones only for editors).",
        metadata={
            SQL: ToMany(
                "id",
                order=(),
                where=active_or_edited,
                through=(_LESSON_EXERCISES, "lesson_id", "exercise_id", ("position",)),
            )
        },
    )
    async def exercises(self, info: AppInfo) -> list[Exercise]:
        loaders, viewer = info.context.loaders, info.context.viewer
        exercises, editor = await asyncio.gather(
            loaders.get(ExercisesByLessonLoader).load(self.id),
            can_edit_in(loaders, viewer, "lesson", self.id),
        )
        return visible_items(exercises, editor)

    @strawberry.field(
        description="Conversation role-plays that practise this lesson.",
        metadata={SQL: ToMany("lesson_id", order=("created_at", "id"), where=active_or_edited)},
    )
    async def scenarios(self, info: AppInfo) -> list[ConversationScenario]:
        loaders, viewer = info.context.loaders, info.context.viewer
        scenarios, editor = await asyncio.gather(
            loaders.get(ScenariosByLessonLoader).load(self.id),
            can_edit_in(loaders, viewer, "lesson", self.id),
        )
        return visible_items(scenarios, editor)


@strawberry.type
@model_type(m.ConversationScenario)
@node_source(m.ConversationScenario, policy.scenarios)
class ConversationScenario(relay.Node):
    id: relay.NodeID[str]
    name: str
    description: str
    context: str
    difficulty: int
    role_play_instructions: str
    key_phrases: list[str]
    evaluation_criteria: JSON
    expected_duration_minutes: int
    is_active: bool

    @strawberry.field(metadata=_CEFR_LEVEL)
    def cefr_level(self) -> CefrLevel | None:
        return _cefr(_scenario(self).cefr_level)

    @strawberry.field(metadata={SQL: ToOne("lesson_id", rule=policy.lessons)})
    async def lesson(self, info: AppInfo) -> LessonRef | None:
        lesson_id = _scenario(self).lesson_id
        if lesson_id is None:
            return None
        # Through `Lesson`'s node resolver (its access rule), which `node_source` made async
        # and which gives rows: the composed `Lesson` is returned as the row (`model_type`).
        found = LessonFields.resolve_nodes(info=info, node_ids=[str(lesson_id)])
        lessons = list(await found if inspect.isawaitable(found) else found)
        return cast("Lesson | None", lessons[0])


CATALOG_TYPES: list[type] = [
    Language,
    Section,
    Unit,
    Exercise,
    ExerciseOption,
    MediaAsset,
    ConversationScenario,
]
