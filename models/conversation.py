"""Conversation practice: AI teacher personas and preferences, sessions → messages →
corrections, the evaluation of a completed session, and the vocabulary a learner used."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any
from uuid import UUID

from tortoise import fields

from models.base import Entity, MutableEntity

if TYPE_CHECKING:
    from models.catalog import ConversationScenario
    from models.identity import User


class SessionStatus(str, Enum):
    ACTIVE = "active"
    PAUSED = "paused"
    COMPLETED = "completed"
    ABANDONED = "abandoned"


CLOSED_STATUSES = (SessionStatus.COMPLETED, SessionStatus.ABANDONED)


class Sender(str, Enum):
    USER = "user"
    AI = "ai"
    SYSTEM = "system"


class CorrectionType(str, Enum):
    GRAMMAR = "grammar"
    VOCABULARY = "vocabulary"
    SPELLING = "spelling"
    STYLE = "style"
    PRONUNCIATION = "pronunciation"


class Severity(str, Enum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class Evaluator(str, Enum):
    AI = "ai"
    TEACHER = "teacher"


class TeacherProfile(MutableEntity):
    """An AI teacher persona. System personas are shared; custom ones belong to a user."""

    name = fields.CharField(max_length=100)
    description = fields.TextField(default="")
    # {"title", "background", "specialties", "catchPhrases", "motivationalStyle", ...}
    personality: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    # {"voice", "speed", "pitch", "accent"}
    voice: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    # {"personality", "formality", "correctionStyle", "encouragementLevel", "adaptability"}
    teaching_style: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    # {"areas": [...], "level": ...}
    focus: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    is_system = fields.BooleanField(default=True)
    is_active = fields.BooleanField(default=True)
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="custom_teachers", null=True, on_delete=fields.CASCADE
    )
    created_by_id: UUID | None

    class Meta:
        table = "teacher_profiles"


class TeacherPreference(MutableEntity):
    """A user's settings for one teacher; at most one is active per user."""

    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="teacher_preferences", on_delete=fields.CASCADE
    )
    user_id: UUID
    teacher: fields.ForeignKeyRelation[TeacherProfile] = fields.ForeignKeyField(
        "models.TeacherProfile", related_name="preferences", on_delete=fields.CASCADE
    )
    teacher_id: UUID
    is_active = fields.BooleanField(default=False)
    customizations: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)

    class Meta:
        table = "teacher_preferences"
        unique_together = (("user", "teacher"),)


class ConversationSession(MutableEntity):
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="conversation_sessions", on_delete=fields.CASCADE
    )
    user_id: UUID
    scenario: fields.ForeignKeyNullableRelation[ConversationScenario] = fields.ForeignKeyField(
        "models.ConversationScenario", related_name="sessions", null=True, on_delete=fields.SET_NULL
    )
    scenario_id: UUID | None
    teacher: fields.ForeignKeyRelation[TeacherProfile] = fields.ForeignKeyField(
        "models.TeacherProfile", related_name="sessions", on_delete=fields.RESTRICT
    )
    teacher_id: UUID
    status = fields.CharEnumField(SessionStatus, max_length=16, default=SessionStatus.ACTIVE)
    started_at = fields.DatetimeField()
    completed_at = fields.DatetimeField(null=True)
    duration_seconds = fields.IntField(default=0)
    message_count = fields.IntField(default=0)
    # the teacher customizations in force
    config: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)

    class Meta:
        table = "conversation_sessions"
        indexes = (("user_id", "started_at"),)


class ConversationMessage(Entity):
    session: fields.ForeignKeyRelation[ConversationSession] = fields.ForeignKeyField(
        "models.ConversationSession", related_name="messages", on_delete=fields.CASCADE
    )
    session_id: UUID
    # Order within the session; created_at can tie, the sequence cannot.
    sequence = fields.IntField()
    sender = fields.CharEnumField(Sender, max_length=8)
    content = fields.TextField()
    suggestions: fields.JSONField[list[str]] = fields.JSONField(default=list)
    metadata: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)

    class Meta:
        table = "conversation_messages"
        unique_together = (("session", "sequence"),)


class Correction(Entity):
    message: fields.ForeignKeyRelation[ConversationMessage] = fields.ForeignKeyField(
        "models.ConversationMessage", related_name="corrections", on_delete=fields.CASCADE
    )
    message_id: UUID
    position = fields.SmallIntField(default=0)  # order within the message
    original = fields.TextField()
    corrected = fields.TextField()
    explanation = fields.TextField()
    type = fields.CharEnumField(CorrectionType, max_length=16)
    severity = fields.CharEnumField(Severity, max_length=8)
    rule = fields.CharField(max_length=40, default="")  # the detecting rule family
    start = fields.IntField()  # character span in the message content, end exclusive
    end = fields.IntField()

    class Meta:
        table = "corrections"
        # Corrections are always read by message, in order: without it every read scans.
        indexes = (("message_id", "position"),)


class Evaluation(MutableEntity):
    """The score of a completed session, or one of a recording's evaluations (the AI's, a
    teacher's): overall = the sum of the capped sub-scores. Exactly one of `session` and
    `recording_id` is set (a CHECK); the recording's foreign key is declared by the recordings
    migration, since this domain does not know that model."""

    session: fields.OneToOneNullableRelation[ConversationSession] = fields.OneToOneField(
        "models.ConversationSession",
        related_name="evaluation",
        null=True,
        on_delete=fields.CASCADE,
    )
    session_id: UUID | None
    recording_id = fields.UUIDField(null=True, db_index=True)
    evaluated_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="evaluations_given", null=True, on_delete=fields.SET_NULL
    )
    evaluated_by_id: UUID | None  # a TEACHER evaluation's teacher
    recommendations: fields.JSONField[list[str]] = fields.JSONField(default=list)
    overall_score = fields.SmallIntField()  # 0 to 100
    grammar_score = fields.SmallIntField()  # ≤ 25
    vocabulary_score = fields.SmallIntField()  # ≤ 20
    fluency_score = fields.SmallIntField()  # ≤ 20
    pronunciation_score = fields.SmallIntField()  # ≤ 15
    comprehension_score = fields.SmallIntField()  # ≤ 20
    cefr_level = fields.CharField(max_length=2)
    strengths: fields.JSONField[list[str]] = fields.JSONField(default=list)
    improvements: fields.JSONField[list[str]] = fields.JSONField(default=list)
    evaluator = fields.CharEnumField(Evaluator, max_length=8, default=Evaluator.AI)

    class Meta:
        table = "evaluations"


class VocabularyUse(MutableEntity):
    """How often the learner used a word in a session."""

    session: fields.ForeignKeyRelation[ConversationSession] = fields.ForeignKeyField(
        "models.ConversationSession", related_name="vocabulary", on_delete=fields.CASCADE
    )
    session_id: UUID
    word = fields.CharField(max_length=100)
    count = fields.IntField(default=1)

    class Meta:
        table = "vocabulary_uses"
        unique_together = (("session", "word"),)
