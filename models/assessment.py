"""Assessment: quizzes of a course (or of one of its sections), their questions, learners'
attempts with one answer row per question, and the certificates a completed course earns."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any
from uuid import UUID

from tortoise import fields

from models.base import Entity, MutableEntity

if TYPE_CHECKING:
    from models.catalog import Course, Section
    from models.identity import User
    from models.learning import Enrollment


class QuestionType(str, Enum):
    MULTIPLE_CHOICE = "multiple_choice"
    TRUE_FALSE = "true_false"
    SHORT_ANSWER = "short_answer"
    ESSAY = "essay"


class AttemptStatus(str, Enum):
    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"
    PENDING_REVIEW = "pending_review"
    GRADED = "graded"
    EXPIRED = "expired"


class Quiz(MutableEntity):
    course: fields.ForeignKeyRelation[Course] = fields.ForeignKeyField(
        "models.Course", related_name="quizzes", on_delete=fields.CASCADE
    )
    course_id: UUID
    section: fields.ForeignKeyNullableRelation[Section] = fields.ForeignKeyField(
        "models.Section", related_name="quizzes", on_delete=fields.SET_NULL, null=True
    )
    section_id: UUID | None
    title = fields.CharField(max_length=200)
    description = fields.TextField(default="")
    passing_score = fields.SmallIntField(default=70)  # percent, 0-100
    time_limit_minutes = fields.IntField(null=True)  # none: untimed
    max_attempts = fields.SmallIntField(default=3)
    is_published = fields.BooleanField(default=True)

    class Meta:
        table = "quizzes"
        indexes = (("course", "created_at"),)


class QuizQuestion(MutableEntity):
    """One question, in order. `correct_answer` and `accepted_answers` are the key: never
    shown to learners until the answer-key rule (rules/assessment/key.py) allows it."""

    quiz: fields.ForeignKeyRelation[Quiz] = fields.ForeignKeyField(
        "models.Quiz", related_name="questions", on_delete=fields.CASCADE
    )
    quiz_id: UUID
    position = fields.SmallIntField()
    type = fields.CharEnumField(QuestionType, max_length=16)
    prompt = fields.TextField()
    points = fields.FloatField(default=1.0)
    # Multiple choice: [{"id": "a", "text": "..."}], in order; empty otherwise.
    options: fields.JSONField[list[dict[str, Any]]] = fields.JSONField(default=list)
    # An option id (multiple choice), "true"/"false", or the expected text; none for essays.
    correct_answer = fields.TextField(null=True)
    accepted_answers: fields.JSONField[list[str]] = fields.JSONField(default=list)
    explanation = fields.TextField(default="")

    class Meta:
        table = "quiz_questions"
        unique_together = (("quiz", "position"),)


class QuizAttempt(MutableEntity):
    quiz: fields.ForeignKeyRelation[Quiz] = fields.ForeignKeyField(
        "models.Quiz", related_name="attempts", on_delete=fields.CASCADE
    )
    quiz_id: UUID
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="quiz_attempts", on_delete=fields.CASCADE
    )
    user_id: UUID
    attempt_number = fields.SmallIntField()
    status = fields.CharEnumField(AttemptStatus, max_length=16, default=AttemptStatus.IN_PROGRESS)
    started_at = fields.DatetimeField()
    deadline_at = fields.DatetimeField(null=True)  # none: untimed
    submitted_at = fields.DatetimeField(null=True)
    points_earned = fields.FloatField(null=True)
    points_possible = fields.FloatField(default=0.0)
    score = fields.FloatField(null=True)  # 0-100, two decimals
    passed = fields.BooleanField(null=True)

    class Meta:
        table = "quiz_attempts"
        # Two concurrent starts cannot both take the same number.
        unique_together = (("quiz", "user", "attempt_number"),)
        indexes = (("user", "created_at"),)


class QuizAnswer(MutableEntity):
    """The learner's answer to one question of an attempt, and how it was marked."""

    attempt: fields.ForeignKeyRelation[QuizAttempt] = fields.ForeignKeyField(
        "models.QuizAttempt", related_name="answers", on_delete=fields.CASCADE
    )
    attempt_id: UUID
    question: fields.ForeignKeyRelation[QuizQuestion] = fields.ForeignKeyField(
        "models.QuizQuestion", related_name="answers", on_delete=fields.CASCADE
    )
    question_id: UUID
    answer = fields.TextField(null=True)  # none: left blank
    correct = fields.BooleanField(null=True)  # none: an essay not graded yet
    points_awarded = fields.FloatField(null=True)
    feedback = fields.TextField(null=True)
    grader: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="graded_quiz_answers", on_delete=fields.SET_NULL, null=True
    )
    grader_id: UUID | None
    graded_at = fields.DatetimeField(null=True)

    class Meta:
        table = "quiz_answers"
        unique_together = (("attempt", "question"),)


class Certificate(Entity):
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="certificates", on_delete=fields.CASCADE
    )
    user_id: UUID
    course: fields.ForeignKeyRelation[Course] = fields.ForeignKeyField(
        "models.Course", related_name="certificates", on_delete=fields.CASCADE
    )
    course_id: UUID
    # One certificate per enrollment: the unique key makes a second issue impossible.
    enrollment: fields.OneToOneRelation[Enrollment] = fields.OneToOneField(
        "models.Enrollment", related_name="certificate", on_delete=fields.CASCADE
    )
    enrollment_id: UUID
    number = fields.CharField(max_length=32, unique=True)
    issued_at = fields.DatetimeField()
    expires_at = fields.DatetimeField(null=True)  # none: does not expire

    class Meta:
        table = "certificates"
