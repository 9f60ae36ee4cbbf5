"""Catalog: languages → courses → sections → units → lessons → exercises (+ options, media),
lesson prerequisites, and conversation scenarios on lessons."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any
from uuid import UUID

from tortoise import fields

from models.base import Entity, MutableEntity

if TYPE_CHECKING:
    from models.identity import User


class CourseCategory(str, Enum):
    BUSINESS = "business"
    ACADEMIC = "academic"
    DAILY = "daily"
    TRAVEL = "travel"
    EXAM_PREP = "exam_prep"


class ExerciseType(str, Enum):
    TRANSLATION = "translation"
    MULTIPLE_CHOICE = "multiple_choice"
    LISTENING = "listening"
    SPEAKING = "speaking"
    WRITING = "writing"
    FILL_BLANK = "fill_blank"


class MediaKind(str, Enum):
    AUDIO = "audio"
    IMAGE = "image"
    VIDEO = "video"


class Language(Entity):
    code = fields.CharField(max_length=16, unique=True)  # BCP 47, e.g. "es", "en"
    name = fields.CharField(max_length=64)
    native_name = fields.CharField(max_length=64)
    flag_url = fields.CharField(max_length=500, null=True)
    is_active = fields.BooleanField(default=True)

    class Meta:
        table = "languages"


class Course(MutableEntity):
    slug = fields.CharField(max_length=120, unique=True)
    title = fields.CharField(max_length=200)
    description = fields.TextField(default="")
    from_language: fields.ForeignKeyRelation[Language] = fields.ForeignKeyField(
        "models.Language", related_name="courses_from", on_delete=fields.RESTRICT
    )
    from_language_id: UUID
    to_language: fields.ForeignKeyRelation[Language] = fields.ForeignKeyField(
        "models.Language", related_name="courses_to", on_delete=fields.RESTRICT
    )
    to_language_id: UUID
    author: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="authored_courses", null=True, on_delete=fields.SET_NULL
    )
    author_id: UUID | None
    category = fields.CharEnumField(CourseCategory, max_length=16, default=CourseCategory.DAILY)
    cefr_min = fields.CharField(max_length=2, default="A1")
    cefr_max = fields.CharField(max_length=2, default="A2")
    is_published = fields.BooleanField(default=False)
    published_at = fields.DatetimeField(null=True)
    featured = fields.BooleanField(default=False)
    tags: fields.JSONField[list[str]] = fields.JSONField(default=list)
    price_amount = fields.DecimalField(max_digits=10, decimal_places=2, default=0)
    price_currency = fields.CharField(max_length=3, default="USD")
    image_url = fields.CharField(max_length=500, null=True)
    deleted_at = fields.DatetimeField(null=True)

    class Meta:
        table = "courses"


class Section(MutableEntity):
    course: fields.ForeignKeyRelation[Course] = fields.ForeignKeyField(
        "models.Course", related_name="sections", on_delete=fields.CASCADE
    )
    course_id: UUID
    title = fields.CharField(max_length=200)
    description = fields.TextField(default="")
    position = fields.IntField()
    cefr_level = fields.CharField(max_length=2, default="A1")

    class Meta:
        table = "sections"
        unique_together = (("course", "position"),)


class Unit(MutableEntity):
    section: fields.ForeignKeyRelation[Section] = fields.ForeignKeyField(
        "models.Section", related_name="units", on_delete=fields.CASCADE
    )
    section_id: UUID
    title = fields.CharField(max_length=200)
    description = fields.TextField(default="")
    position = fields.IntField()
    color = fields.CharField(max_length=16, default="#58CC02")
    icon_url = fields.CharField(max_length=500, null=True)

    class Meta:
        table = "units"
        unique_together = (("section", "position"),)


class Lesson(MutableEntity):
    unit: fields.ForeignKeyRelation[Unit] = fields.ForeignKeyField(
        "models.Unit", related_name="lessons", on_delete=fields.CASCADE
    )
    unit_id: UUID
    title = fields.CharField(max_length=200)
    description = fields.TextField(default="")
    position = fields.IntField()
    # ["Greet someone", ...]
    objectives: fields.JSONField[list[str]] = fields.JSONField(default=list)
    # {"hola": "hello", ...}
    vocabulary: fields.JSONField[dict[str, str]] = fields.JSONField(default=dict)
    grammar_focus = fields.CharField(max_length=300, null=True)
    xp_reward = fields.IntField(default=10)
    estimated_minutes = fields.SmallIntField(default=5)
    difficulty = fields.SmallIntField(default=1)  # 1 to 5
    is_active = fields.BooleanField(default=True)

    class Meta:
        table = "lessons"
        unique_together = (("unit", "position"),)


class LessonPrerequisite(Entity):
    lesson: fields.ForeignKeyRelation[Lesson] = fields.ForeignKeyField(
        "models.Lesson", related_name="prerequisite_links", on_delete=fields.CASCADE
    )
    lesson_id: UUID
    prerequisite: fields.ForeignKeyRelation[Lesson] = fields.ForeignKeyField(
        "models.Lesson", related_name="dependent_links", on_delete=fields.CASCADE
    )
    prerequisite_id: UUID

    class Meta:
        table = "lesson_prerequisites"
        unique_together = (("lesson", "prerequisite"),)


class MediaAsset(Entity):
    kind = fields.CharEnumField(MediaKind, max_length=8)
    url = fields.CharField(max_length=1000)
    format = fields.CharField(max_length=16, null=True)  # mp3, png, mp4…
    quality = fields.CharField(max_length=16, null=True)  # low | standard | high
    duration_seconds = fields.FloatField(null=True)
    size_bytes = fields.BigIntField(null=True)
    mime_type = fields.CharField(max_length=100, null=True)

    class Meta:
        table = "media_assets"


class Exercise(MutableEntity):
    type = fields.CharEnumField(ExerciseType, max_length=20)
    prompt = fields.TextField()
    correct_answer = fields.TextField(default="")
    # accepted alternatives
    accepted_answers: fields.JSONField[list[str]] = fields.JSONField(default=list)
    explanation = fields.TextField(null=True)
    hint = fields.TextField(null=True)
    difficulty = fields.SmallIntField(default=1)
    estimated_seconds = fields.SmallIntField(default=30)
    media: fields.ForeignKeyNullableRelation[MediaAsset] = fields.ForeignKeyField(
        "models.MediaAsset", related_name="exercises", null=True, on_delete=fields.SET_NULL
    )
    media_id: UUID | None
    is_active = fields.BooleanField(default=True)

    class Meta:
        table = "exercises"


class LessonExercise(Entity):
    """Links exercises to lessons, in order (an exercise may be reused by several lessons)."""

    lesson: fields.ForeignKeyRelation[Lesson] = fields.ForeignKeyField(
        "models.Lesson", related_name="exercise_links", on_delete=fields.CASCADE
    )
    lesson_id: UUID
    exercise: fields.ForeignKeyRelation[Exercise] = fields.ForeignKeyField(
        "models.Exercise", related_name="lesson_links", on_delete=fields.CASCADE
    )
    exercise_id: UUID
    position = fields.IntField()

    class Meta:
        table = "lesson_exercises"
        unique_together = (("lesson", "position"), ("lesson", "exercise"))


class ExerciseOption(Entity):
    exercise: fields.ForeignKeyRelation[Exercise] = fields.ForeignKeyField(
        "models.Exercise", related_name="options", on_delete=fields.CASCADE
    )
    exercise_id: UUID
    text = fields.CharField(max_length=500)
    is_correct = fields.BooleanField(default=False)
    position = fields.IntField()
    media: fields.ForeignKeyNullableRelation[MediaAsset] = fields.ForeignKeyField(
        "models.MediaAsset", related_name="options", null=True, on_delete=fields.SET_NULL
    )
    media_id: UUID | None

    class Meta:
        table = "exercise_options"
        unique_together = (("exercise", "position"),)


class ConversationScenario(MutableEntity):
    lesson: fields.ForeignKeyNullableRelation[Lesson] = fields.ForeignKeyField(
        "models.Lesson", related_name="scenarios", null=True, on_delete=fields.SET_NULL
    )
    lesson_id: UUID | None
    name = fields.CharField(max_length=200)
    description = fields.TextField(default="")
    context = fields.TextField()
    difficulty = fields.SmallIntField(default=1)  # 1 to 5
    cefr_level = fields.CharField(max_length=2, default="B1")
    role_play_instructions = fields.TextField(default="")
    key_phrases: fields.JSONField[list[str]] = fields.JSONField(default=list)
    evaluation_criteria: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    expected_duration_minutes = fields.SmallIntField(default=10)
    is_active = fields.BooleanField(default=True)

    class Meta:
        table = "conversation_scenarios"
