"""Classroom: classes a teacher runs, their members, the work set for them (a lesson, a
conversation scenario or a quiz) and what students submit for it.

Constraints aerich does not model live in the migration (13_..._classroom.py): a join code
is unique among active classrooms, an assignment has exactly one target, a submission
names at most one piece of work, scores and capacities stay in range.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING
from uuid import UUID

from tortoise import fields

from models.base import MutableEntity
from models.identity import CefrLevel

if TYPE_CHECKING:
    from models.assessment import Quiz, QuizAttempt
    from models.catalog import ConversationScenario, Language, Lesson
    from models.conversation import ConversationSession
    from models.identity import User
    from models.learning import LessonProgress


class MembershipStatus(str, Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"  # left (or set aside by the teacher): may rejoin by code
    SUSPENDED = "suspended"  # may not rejoin by code
    COMPLETED = "completed"


class AssignmentKind(str, Enum):
    """Which target an assignment has: not stored, it follows from the column that is set
    (rules/classroom/assignments.py)."""

    LESSON = "lesson"
    CONVERSATION = "conversation"  # a conversation scenario
    QUIZ = "quiz"
    RECORDING = "recording"  # a recorded conversation the student uploads


class SubmissionStatus(str, Enum):
    SUBMITTED = "submitted"
    GRADED = "graded"
    RETURNED = "returned"  # handed back for another try
    RESUBMITTED = "resubmitted"


class Classroom(MutableEntity):
    teacher: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="taught_classrooms", on_delete=fields.CASCADE
    )
    teacher_id: UUID
    name = fields.CharField(max_length=200)
    description = fields.TextField(default="")
    # The language taught; the API names it by code, as courses do.
    language: fields.ForeignKeyRelation[Language] = fields.ForeignKeyField(
        "models.Language", related_name="classrooms", on_delete=fields.RESTRICT
    )
    language_id: UUID
    level = fields.CharEnumField(CefrLevel, max_length=2)
    capacity = fields.SmallIntField(default=30)  # active members at most
    is_active = fields.BooleanField(default=True)
    # Stored normalized (rules/classroom/join_codes.py); none: joining by code is off.
    # Unique among active classrooms: a partial unique index in the migration.
    join_code = fields.CharField(max_length=16, null=True)
    join_code_created_at = fields.DatetimeField(null=True)

    class Meta:
        table = "classrooms"
        # A teacher's classrooms, newest first.
        indexes = (("teacher", "created_at"),)


class ClassMembership(MutableEntity):
    classroom: fields.ForeignKeyRelation[Classroom] = fields.ForeignKeyField(
        "models.Classroom", related_name="memberships", on_delete=fields.CASCADE
    )
    classroom_id: UUID
    student: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="class_memberships", on_delete=fields.CASCADE
    )
    student_id: UUID
    status = fields.CharEnumField(MembershipStatus, max_length=16, default=MembershipStatus.ACTIVE)
    joined_at = fields.DatetimeField()  # the latest (re)join
    left_at = fields.DatetimeField(null=True)  # none while active

    class Meta:
        table = "class_memberships"
        # One row per student and classroom: leaving and rejoining reuse it.
        unique_together = (("classroom", "student"),)
        # A student's classrooms (and through them their assignments) start here.
        indexes = (("student", "created_at"),)


class Assignment(MutableEntity):
    """Work set for a classroom: exactly one of lesson, scenario and quiz (a CHECK in the
    migration). A deleted target takes its assignments with it: an assignment without one
    has nothing left to do."""

    classroom: fields.ForeignKeyRelation[Classroom] = fields.ForeignKeyField(
        "models.Classroom", related_name="assignments", on_delete=fields.CASCADE
    )
    classroom_id: UUID
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="created_assignments", null=True, on_delete=fields.SET_NULL
    )
    created_by_id: UUID | None
    title = fields.CharField(max_length=200)
    instructions = fields.TextField(default="")
    lesson: fields.ForeignKeyNullableRelation[Lesson] = fields.ForeignKeyField(
        "models.Lesson", related_name="assignments", null=True, on_delete=fields.CASCADE
    )
    lesson_id: UUID | None
    scenario: fields.ForeignKeyNullableRelation[ConversationScenario] = fields.ForeignKeyField(
        "models.ConversationScenario",
        related_name="assignments",
        null=True,
        on_delete=fields.CASCADE,
    )
    scenario_id: UUID | None
    quiz: fields.ForeignKeyNullableRelation[Quiz] = fields.ForeignKeyField(
        "models.Quiz", related_name="assignments", null=True, on_delete=fields.CASCADE
    )
    quiz_id: UUID | None
    # No target to name: the student hands in a recording of their own (the recordings
    # domain). Counts as the one target in the CHECK.
    expects_recording = fields.BooleanField(default=False)
    due_at = fields.DatetimeField(null=True)  # none: no deadline, never late
    is_active = fields.BooleanField(default=True)

    class Meta:
        table = "assignments"
        # A classroom's assignments, in the order they were set.
        indexes = (("classroom", "created_at"),)


class Submission(MutableEntity):
    """A student's work for an assignment: one row per student and assignment, replaced on
    each submission. The work is the student's lesson progress, conversation session or quiz
    attempt, matching the assignment's kind (at most one is set: a CHECK in the migration;
    none once the work itself was deleted)."""

    assignment: fields.ForeignKeyRelation[Assignment] = fields.ForeignKeyField(
        "models.Assignment", related_name="submissions", on_delete=fields.CASCADE
    )
    assignment_id: UUID
    student: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="submissions", on_delete=fields.CASCADE
    )
    student_id: UUID
    lesson_progress: fields.ForeignKeyNullableRelation[LessonProgress] = fields.ForeignKeyField(
        "models.LessonProgress", related_name="submissions", null=True, on_delete=fields.SET_NULL
    )
    lesson_progress_id: UUID | None
    session: fields.ForeignKeyNullableRelation[ConversationSession] = fields.ForeignKeyField(
        "models.ConversationSession",
        related_name="submissions",
        null=True,
        on_delete=fields.SET_NULL,
    )
    session_id: UUID | None
    quiz_attempt: fields.ForeignKeyNullableRelation[QuizAttempt] = fields.ForeignKeyField(
        "models.QuizAttempt", related_name="submissions", null=True, on_delete=fields.SET_NULL
    )
    quiz_attempt_id: UUID | None
    # A recording assignment's work; its foreign key (SET NULL) is declared by the recordings
    # migration, since this domain does not know that model.
    recording_id = fields.UUIDField(null=True)
    status = fields.CharEnumField(
        SubmissionStatus, max_length=16, default=SubmissionStatus.SUBMITTED
    )
    submitted_at = fields.DatetimeField()  # the latest submission
    is_late = fields.BooleanField(default=False)  # the latest submission came after the due time
    score = fields.FloatField(null=True)  # 0-100, the teacher's; none until graded
    feedback = fields.TextField(null=True)
    grader: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="graded_submissions", null=True, on_delete=fields.SET_NULL
    )
    grader_id: UUID | None
    graded_at = fields.DatetimeField(null=True)

    class Meta:
        table = "assignment_submissions"
        # One row per student and assignment: resubmitting updates it.
        unique_together = (("assignment", "student"),)
        # A student's own submissions, latest first.
        indexes = (("student", "submitted_at"),)
