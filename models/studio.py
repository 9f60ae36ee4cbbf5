"""Studio: a learner's own study materials, the chunks and assets generated from them, the
sessions they study in, what they do there, their ratings of assets, and the review cards
that bring assets back on a spaced-repetition schedule (rules/studio/scheduling.py).

- A material is its owner's alone; deleting it is a soft delete (`deleted_at`): it and its
  assets disappear everywhere and its cards stop being due; the account-deletion flow
  purges the rows.
- An asset comes from a material (and one of its chunks, or none for the material's
  summary) or from a mistake of the learner (an exercise answered wrong, a tutor's
  correction): `source` says which, and `source_key` identifies it per learner, so a
  mistake makes one card however often it is made and regenerating a material recognises
  assets whose text did not change (unique per user and key).
- A review card is one per learner and asset; its state is the scheduler's (FSRS) as JSON,
  with the due time and counters copied out for queries.
- Constraints aerich does not model live in the migration: the rating's range (1-5), the
  tags' GIN index, the due-cards index.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any
from uuid import UUID

from tortoise import fields
from tortoise.contrib.postgres.fields import ArrayField

from models.base import Entity, MutableEntity

if TYPE_CHECKING:
    from models.identity import User


class SourceType(str, Enum):
    TEXT = "text"
    URL = "url"  # stored as the source only: this server fetches nothing
    UPLOAD = "upload"


class MaterialStatus(str, Enum):
    PROCESSING = "processing"
    READY = "ready"
    FAILED = "failed"


class ChunkKind(str, Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST = "list"


class AssetType(str, Enum):
    FLASHCARD = "flashcard"
    CLOZE = "cloze"
    QUIZ_QUESTION = "quiz_question"
    SUMMARY = "summary"


class AssetStatus(str, Enum):
    ACTIVE = "active"
    ARCHIVED = "archived"  # replaced by a regeneration: kept for its cards' history


class AssetSource(str, Enum):
    MATERIAL = "material"
    EXERCISE = "exercise"  # an exercise the learner answered wrong
    CORRECTION = "correction"  # a correction the AI teacher made


class StudyMode(str, Enum):
    STUDY = "study"
    REVIEW = "review"
    QUIZ = "quiz"


class SessionStatus(str, Enum):
    ACTIVE = "active"
    COMPLETED = "completed"


class InteractionKind(str, Enum):
    ANSWER = "answer"
    VIEW = "view"
    SKIP = "skip"


class StudyMaterial(MutableEntity):
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="study_materials", on_delete=fields.CASCADE
    )
    user_id: UUID
    title = fields.CharField(max_length=200)
    description = fields.TextField(default="")
    source_type = fields.CharEnumField(SourceType, max_length=8, default=SourceType.TEXT)
    source_url = fields.CharField(max_length=2000, null=True)
    text = fields.TextField()  # as given (plain text, Markdown or HTML)
    language = fields.CharField(max_length=8, null=True)  # a code; detected when not given
    subject_area = fields.CharField(max_length=100, default="")
    tags: list[str] = ArrayField(element_type="text", default=list)
    difficulty = fields.SmallIntField(null=True)  # 1-10: given, else computed
    word_count = fields.IntField(default=0)
    status = fields.CharEnumField(MaterialStatus, max_length=16, default=MaterialStatus.PROCESSING)
    failure_reason = fields.TextField(null=True)
    processed_at = fields.DatetimeField(null=True)
    deleted_at = fields.DatetimeField(null=True)

    class Meta:
        table = "study_materials"
        # The owner's materials, newest first.
        indexes = (("user", "created_at"),)


class ContentChunk(Entity):
    material: fields.ForeignKeyRelation[StudyMaterial] = fields.ForeignKeyField(
        "models.StudyMaterial", related_name="chunks", on_delete=fields.CASCADE
    )
    material_id: UUID
    position = fields.IntField()  # 0, 1, ... in the text's order
    kind = fields.CharEnumField(ChunkKind, max_length=16)
    content = fields.TextField()
    word_count = fields.IntField()
    language = fields.CharField(max_length=8, null=True)
    summary = fields.TextField(default="")
    relevance = fields.FloatField(default=0.0)  # 0-1

    class Meta:
        table = "content_chunks"
        unique_together = (("material", "position"),)


class GeneratedAsset(MutableEntity):
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="generated_assets", on_delete=fields.CASCADE
    )
    user_id: UUID
    material: fields.ForeignKeyNullableRelation[StudyMaterial] = fields.ForeignKeyField(
        "models.StudyMaterial", related_name="assets", null=True, on_delete=fields.CASCADE
    )
    material_id: UUID | None
    # Chunks are replaced by a regeneration; an asset kept across it loses its chunk.
    chunk: fields.ForeignKeyNullableRelation[ContentChunk] = fields.ForeignKeyField(
        "models.ContentChunk", related_name="assets", null=True, on_delete=fields.SET_NULL
    )
    chunk_id: UUID | None
    type = fields.CharEnumField(AssetType, max_length=16)
    content: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    source = fields.CharEnumField(AssetSource, max_length=16, default=AssetSource.MATERIAL)
    source_key = fields.CharField(max_length=128)  # unique per user (see the docstring)
    generator = fields.CharField(max_length=64, default="")
    parameters: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    quality = fields.FloatField(default=0.0)  # 0-1
    difficulty = fields.SmallIntField(default=5)  # 1-10
    status = fields.CharEnumField(AssetStatus, max_length=16, default=AssetStatus.ACTIVE)

    class Meta:
        table = "generated_assets"
        unique_together = (("user", "source_key"),)
        indexes = (("material", "type"),)


class StudySession(MutableEntity):
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="study_sessions", on_delete=fields.CASCADE
    )
    user_id: UUID
    material: fields.ForeignKeyNullableRelation[StudyMaterial] = fields.ForeignKeyField(
        "models.StudyMaterial", related_name="sessions", null=True, on_delete=fields.CASCADE
    )
    material_id: UUID | None
    mode = fields.CharEnumField(StudyMode, max_length=8)
    status = fields.CharEnumField(SessionStatus, max_length=16, default=SessionStatus.ACTIVE)
    item_ids: fields.JSONField[list[str]] = fields.JSONField(default=list)  # assets, in order
    started_at = fields.DatetimeField()
    ended_at = fields.DatetimeField(null=True)
    total_interactions = fields.IntField(default=0)
    correct_count = fields.IntField(default=0)
    completion_percentage = fields.SmallIntField(default=0)  # 0-100
    hearts_restored = fields.BooleanField(default=False)  # practice hearts: once per session

    class Meta:
        table = "study_sessions"
        indexes = (("user", "started_at"),)


class Interaction(Entity):
    session: fields.ForeignKeyRelation[StudySession] = fields.ForeignKeyField(
        "models.StudySession", related_name="interactions", on_delete=fields.CASCADE
    )
    session_id: UUID
    asset: fields.ForeignKeyRelation[GeneratedAsset] = fields.ForeignKeyField(
        "models.GeneratedAsset", related_name="interactions", on_delete=fields.CASCADE
    )
    asset_id: UUID
    kind = fields.CharEnumField(InteractionKind, max_length=8)
    answer = fields.TextField(null=True)
    correct = fields.BooleanField(null=True)  # None: a VIEW or SKIP
    response_time_ms = fields.IntField(null=True)
    confidence = fields.FloatField(null=True)  # 0-1

    class Meta:
        table = "study_interactions"
        indexes = (("session", "created_at"),)


class AssetFeedback(MutableEntity):
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="asset_feedback", on_delete=fields.CASCADE
    )
    user_id: UUID
    asset: fields.ForeignKeyRelation[GeneratedAsset] = fields.ForeignKeyField(
        "models.GeneratedAsset", related_name="feedback", on_delete=fields.CASCADE
    )
    asset_id: UUID
    rating = fields.SmallIntField()  # 1-5: a CHECK in the migration
    comment = fields.TextField(default="")

    class Meta:
        table = "asset_feedback"
        unique_together = (("user", "asset"),)


class ReviewCard(MutableEntity):
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="review_cards", on_delete=fields.CASCADE
    )
    user_id: UUID
    asset: fields.ForeignKeyRelation[GeneratedAsset] = fields.ForeignKeyField(
        "models.GeneratedAsset", related_name="review_cards", on_delete=fields.CASCADE
    )
    asset_id: UUID
    # The scheduler's card (fsrs `Card.to_dict()`); None until the first review.
    state: fields.JSONField[dict[str, Any] | None] = fields.JSONField(null=True)
    # Copied out of `state` for queries: learning | review | relearning ("new" before any).
    phase = fields.CharField(max_length=16, default="new")
    due_at = fields.DatetimeField()
    stability = fields.FloatField(null=True)
    reps = fields.IntField(default=0)
    lapses = fields.IntField(default=0)
    last_reviewed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "review_cards"
        unique_together = (("user", "asset"),)
