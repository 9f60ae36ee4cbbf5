"""What the platform holds about a person, table by table: how an export reads it and how an
account's deletion treats it. The one registry the export job (privacy_export.py), the
deletion (privacy_deletion.py) and the completeness test (tests/insight/test_privacy.py,
every model with a foreign key to `User` must be listed here) read.

- `SECTIONS`: the export's sections, in the document's order. Each names a table and how
  to find the person's rows in it (their own foreign key, or through a parent: a session's
  messages); secrets (password hashes, token hashes) are never among its columns.
- `HANDLING`: one entry per foreign key to `User`: the export section that carries those
  rows (None with a reason when nothing is exported: secrets, the exports themselves) and
  what deletion does with them, in the order deletion applies them:
  IDENTITY (erased by identity, resolvers/identity/deletion.py), DELETE (the rows go),
  ANONYMISE (kept for others, their personal columns cleared: `changes`), HAND_OVER (given
  to the successor admin), KEEP (kept, pointing at the tombstone account, which holds no
  personal data: a teacher's grades of others' work stay the students').
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any
from uuid import UUID

from tortoise.expressions import Q, Subquery
from tortoise.models import Model

from models.assessment import Certificate, QuizAnswer, QuizAttempt
from models.catalog import Course
from models.classroom import Assignment, ClassMembership, Classroom, MembershipStatus, Submission
from models.commerce import PremiumSubscription, Transaction
from models.conversation import (
    ConversationMessage,
    ConversationSession,
    Correction,
    Evaluation,
    TeacherPreference,
    TeacherProfile,
    VocabularyUse,
)
from models.identity import (
    AuthToken,
    DataExport,
    LearningProfile,
    OAuthAccount,
    User,
    VerificationToken,
)
from models.insight import AuditEntry
from models.learning import (
    ActivityEvent,
    DailyActivity,
    Enrollment,
    ExerciseAttempt,
    HeartEvent,
    LessonProgress,
    UserAchievement,
    UserStreak,
)
from models.recordings import Recording, RecordingSegment, RecordingWord, SegmentCorrection
from models.studio import (
    AssetFeedback,
    ContentChunk,
    GeneratedAsset,
    Interaction,
    ReviewCard,
    StudyMaterial,
    StudySession,
)

Where = Callable[[UUID], Q]


def owned(path: str) -> Where:
    """Rows whose `path` (a foreign key, possibly through parents) is the person."""

    def where(user_id: UUID) -> Q:
        condition: dict[str, Any] = {path: user_id}
        return Q(join_type="AND", **condition)

    return where


@dataclass(frozen=True)
class Section:
    name: str
    model: type[Model]
    where: Where
    exclude: frozenset[str] = frozenset()  # columns never exported (secrets)

    def columns(self) -> list[str]:
        return [name for name in self.model._meta.db_fields if name not in self.exclude]


def _about_user(user_id: UUID) -> Q:
    return Q(actor_id=user_id) | Q(entity_type="user", entity_id=str(user_id))


SECTIONS: tuple[Section, ...] = (
    Section("account", User, owned("id"), frozenset({"password_hash"})),
    Section("learning_profile", LearningProfile, owned("user_id")),
    Section("linked_accounts", OAuthAccount, owned("user_id")),
    Section("sessions", AuthToken, owned("user_id"), frozenset({"token_hash"})),
    Section("enrollments", Enrollment, owned("user_id")),
    Section("lesson_progress", LessonProgress, owned("user_id")),
    Section("exercise_attempts", ExerciseAttempt, owned("user_id")),
    Section("daily_activity", DailyActivity, owned("user_id")),
    Section("streak", UserStreak, owned("user_id")),
    Section("heart_events", HeartEvent, owned("user_id")),
    Section("achievements", UserAchievement, owned("user_id")),
    Section("activity", ActivityEvent, owned("user_id")),
    Section("authored_courses", Course, owned("author_id")),
    Section("custom_teachers", TeacherProfile, owned("created_by_id")),
    Section("teacher_preferences", TeacherPreference, owned("user_id")),
    Section("conversations", ConversationSession, owned("user_id")),
    Section("conversation_messages", ConversationMessage, owned("session__user_id")),
    Section("corrections", Correction, owned("message__session__user_id")),
    Section("vocabulary", VocabularyUse, owned("session__user_id")),
    Section(
        "evaluations",
        Evaluation,
        lambda user_id: (
            Q(session__user_id=user_id)
            | Q(recording_id__in=Subquery(Recording.filter(user_id=user_id).values("id")))
        ),
    ),
    Section("evaluations_given", Evaluation, owned("evaluated_by_id")),
    Section("quiz_attempts", QuizAttempt, owned("user_id")),
    Section("quiz_answers", QuizAnswer, owned("attempt__user_id")),
    Section("quiz_answers_graded", QuizAnswer, owned("grader_id")),
    Section("certificates", Certificate, owned("user_id")),
    Section("classrooms_taught", Classroom, owned("teacher_id")),
    Section("assignments_set", Assignment, owned("created_by_id")),
    Section("class_memberships", ClassMembership, owned("student_id")),
    Section("submissions", Submission, owned("student_id")),
    Section("submissions_graded", Submission, owned("grader_id")),
    Section("premium_subscription", PremiumSubscription, owned("user_id")),
    Section("transactions", Transaction, owned("user_id")),
    Section("study_materials", StudyMaterial, owned("user_id")),
    Section("content_chunks", ContentChunk, owned("material__user_id")),
    Section("generated_assets", GeneratedAsset, owned("user_id")),
    Section("study_sessions", StudySession, owned("user_id")),
    Section("study_interactions", Interaction, owned("session__user_id")),
    Section("asset_feedback", AssetFeedback, owned("user_id")),
    Section("review_cards", ReviewCard, owned("user_id")),
    Section("recordings", Recording, owned("user_id")),
    Section("recordings_uploaded", Recording, owned("uploaded_by_id")),
    Section("recording_segments", RecordingSegment, owned("recording__user_id")),
    Section("segment_corrections", SegmentCorrection, owned("segment__recording__user_id")),
    Section("recording_words", RecordingWord, owned("recording__user_id")),
    Section("audit_entries", AuditEntry, _about_user),
)
SECTION_NAMES = frozenset(section.name for section in SECTIONS)


class Deletion(str, Enum):
    IDENTITY = "identity"
    DELETE = "delete"
    ANONYMISE = "anonymise"
    HAND_OVER = "hand_over"
    KEEP = "keep"


@dataclass(frozen=True)
class Handling:
    model: type[Model]
    field: str  # the foreign key to User (its column: `field` + "_id")
    export: str | None  # a SECTIONS name, or None (`why` says why)
    deletion: Deletion
    why: str = ""
    # ANONYMISE: column → new value
    changes: dict[str, Any] = dataclasses.field(default_factory=dict)

    @property
    def column(self) -> str:
        return f"{self.field}_id"


_LEFT = {"status": MembershipStatus.INACTIVE}

# In the order deletion applies them: rows that RESTRICT others go after those others
# (conversation sessions before the custom teachers they use).
HANDLING: tuple[Handling, ...] = (
    Handling(LearningProfile, "user", "learning_profile", Deletion.IDENTITY),
    Handling(OAuthAccount, "user", "linked_accounts", Deletion.IDENTITY),
    Handling(AuthToken, "user", "sessions", Deletion.IDENTITY, "revoked"),
    Handling(VerificationToken, "user", None, Deletion.IDENTITY, "single-use secrets only"),
    Handling(DataExport, "user", None, Deletion.IDENTITY, "the exports themselves"),
    Handling(Course, "author", "authored_courses", Deletion.HAND_OVER, "learners rely on it"),
    Handling(Classroom, "teacher", "classrooms_taught", Deletion.HAND_OVER, "its students"),
    Handling(Assignment, "created_by", "assignments_set", Deletion.HAND_OVER, "its classroom"),
    Handling(
        Submission,
        "student",
        "submissions",
        Deletion.KEEP,
        "the classroom's grades stay, the student shown as deleted",
    ),
    Handling(Submission, "grader", "submissions_graded", Deletion.KEEP, "the student's grade"),
    Handling(QuizAnswer, "grader", "quiz_answers_graded", Deletion.KEEP, "the learner's mark"),
    Handling(Evaluation, "evaluated_by", "evaluations_given", Deletion.KEEP, "the learner's"),
    Handling(
        ClassMembership,
        "student",
        "class_memberships",
        Deletion.ANONYMISE,
        "the class keeps the place of the deleted student",
        _LEFT,
    ),
    Handling(
        Transaction,
        "user",
        "transactions",
        Deletion.ANONYMISE,
        "amounts kept for accounting, without the person",
        {"metadata": {}},
    ),
    Handling(
        AuditEntry,
        "actor",
        "audit_entries",
        Deletion.ANONYMISE,
        "the action is kept, without the client's address and agent",
        {"ip_address": None, "user_agent": None},
    ),
    Handling(
        Recording,
        "uploaded_by",
        "recordings_uploaded",
        Deletion.ANONYMISE,
        "the learner's recording stays theirs",
        {"uploaded_by_id": None},
    ),
    Handling(Recording, "user", "recordings", Deletion.DELETE, "files removed after commit"),
    Handling(Enrollment, "user", "enrollments", Deletion.DELETE),
    Handling(LessonProgress, "user", "lesson_progress", Deletion.DELETE),
    Handling(ExerciseAttempt, "user", "exercise_attempts", Deletion.DELETE),
    Handling(DailyActivity, "user", "daily_activity", Deletion.DELETE),
    Handling(UserStreak, "user", "streak", Deletion.DELETE),
    Handling(HeartEvent, "user", "heart_events", Deletion.DELETE),
    Handling(UserAchievement, "user", "achievements", Deletion.DELETE),
    Handling(ActivityEvent, "user", "activity", Deletion.DELETE),
    Handling(TeacherPreference, "user", "teacher_preferences", Deletion.DELETE),
    Handling(ConversationSession, "user", "conversations", Deletion.DELETE, "with messages"),
    Handling(TeacherProfile, "created_by", "custom_teachers", Deletion.DELETE),
    Handling(QuizAttempt, "user", "quiz_attempts", Deletion.DELETE),
    Handling(Certificate, "user", "certificates", Deletion.DELETE),
    Handling(PremiumSubscription, "user", "premium_subscription", Deletion.DELETE),
    Handling(ReviewCard, "user", "review_cards", Deletion.DELETE),
    Handling(AssetFeedback, "user", "asset_feedback", Deletion.DELETE),
    Handling(StudySession, "user", "study_sessions", Deletion.DELETE),
    Handling(GeneratedAsset, "user", "generated_assets", Deletion.DELETE),
    Handling(StudyMaterial, "user", "study_materials", Deletion.DELETE),
)
