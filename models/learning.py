"""Learning: enrollments, lesson progress, answers, daily activity, streaks, hearts,
achievements and a small activity log (certificates are assessment's)."""

from __future__ import annotations

import uuid
from enum import Enum
from typing import TYPE_CHECKING, Any
from uuid import UUID

from tortoise import fields

from models.base import Entity, MutableEntity

if TYPE_CHECKING:
    from models.catalog import Course, Exercise, Lesson
    from models.identity import User


class EnrollmentStatus(str, Enum):
    ACTIVE = "active"
    COMPLETED = "completed"
    PAUSED = "paused"
    DROPPED = "dropped"


class ProgressStatus(str, Enum):
    LOCKED = "locked"
    AVAILABLE = "available"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    NEEDS_REVIEW = "needs_review"


class HeartReason(str, Enum):
    """Why a heart was lost or given back (rules/learning/hearts.py)."""

    WRONG_ANSWER = "wrong_answer"  # lost: a wrong answer in a lesson
    PRACTICE_COMPLETED = "practice_completed"  # given back: a review session practised well


class ConditionType(str, Enum):
    LESSON_COUNT = "lesson_count"
    STREAK_DAYS = "streak_days"
    XP_TOTAL = "xp_total"
    PERFECT_LESSONS = "perfect_lessons"
    CONVERSATIONS_COMPLETED = "conversations_completed"
    COURSE_COMPLETED = "course_completed"


class ActivityKind(str, Enum):
    LESSON_STARTED = "lesson_started"
    LESSON_COMPLETED = "lesson_completed"
    ANSWER_SUBMITTED = "answer_submitted"
    # Recorded by insight (resolvers/insight/activity.py) from the other domains' events.
    SIGNED_IN = "signed_in"
    ENROLLED = "enrolled"
    CONVERSATION_ENDED = "conversation_ended"
    QUIZ_SUBMITTED = "quiz_submitted"
    PURCHASE_COMPLETED = "purchase_completed"


class Enrollment(MutableEntity):
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="enrollments", on_delete=fields.CASCADE
    )
    user_id: UUID
    course: fields.ForeignKeyRelation[Course] = fields.ForeignKeyField(
        "models.Course", related_name="enrollments", on_delete=fields.CASCADE
    )
    course_id: UUID
    status = fields.CharEnumField(EnrollmentStatus, max_length=16, default=EnrollmentStatus.ACTIVE)
    total_xp = fields.IntField(default=0)
    # The stored heart count and when it was last set; regeneration is computed on read
    # (rules.hearts), never by a timer.
    hearts = fields.SmallIntField(default=5)
    hearts_updated_at = fields.DatetimeField()
    last_active_at = fields.DatetimeField(null=True)
    completed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "enrollments"
        unique_together = (("user", "course"),)


# Lesson progress ids are derived from (user, lesson): a lesson the learner has not started
# has no row yet, but its progress already has the id its row will be created with, so a
# frontend's cache keeps one object from "locked" to "completed".
PROGRESS_ID_NAMESPACE = uuid.UUID("6c1f3c52-6a5e-4c1e-9d7e-5f0a3b9e2d41")


def lesson_progress_id(user_id: Any, lesson_id: Any) -> uuid.UUID:
    """The id a learner's progress on a lesson has (and will have, before it is stored): a
    name-based UUID (version 3, MD5), which PostgreSQL computes too (`lg_uuid3`,
    migration 25) for the read compiler's unstarted progress."""
    return uuid.uuid3(PROGRESS_ID_NAMESPACE, f"{user_id}:{lesson_id}")


class LessonProgress(MutableEntity):
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="lesson_progress", on_delete=fields.CASCADE
    )
    user_id: UUID
    lesson: fields.ForeignKeyRelation[Lesson] = fields.ForeignKeyField(
        "models.Lesson", related_name="progress", on_delete=fields.CASCADE
    )
    lesson_id: UUID
    enrollment: fields.ForeignKeyRelation[Enrollment] = fields.ForeignKeyField(
        "models.Enrollment", related_name="lesson_progress", on_delete=fields.CASCADE
    )
    enrollment_id: UUID
    status = fields.CharEnumField(ProgressStatus, max_length=16, default=ProgressStatus.AVAILABLE)
    best_score = fields.SmallIntField(null=True)  # 0-100, null until first completion
    attempts = fields.IntField(default=0)  # lesson starts
    completion_count = fields.IntField(default=0)
    time_spent_seconds = fields.IntField(default=0)
    xp_earned = fields.IntField(default=0)
    hearts_lost = fields.IntField(default=0)
    first_completed_at = fields.DatetimeField(null=True)
    last_completed_at = fields.DatetimeField(null=True)
    # The attempt in play: {exercise_id: correct at the first try} for exercises answered
    # since the last start; scored at completion.
    current_first_tries: fields.JSONField[dict[str, bool]] = fields.JSONField(default=dict)
    current_started_at = fields.DatetimeField(null=True)

    class Meta:
        table = "lesson_progress"
        unique_together = (("user", "lesson"),)


class ExerciseAttempt(Entity):
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="exercise_attempts", on_delete=fields.CASCADE
    )
    user_id: UUID
    exercise: fields.ForeignKeyRelation[Exercise] = fields.ForeignKeyField(
        "models.Exercise", related_name="attempts", on_delete=fields.CASCADE
    )
    exercise_id: UUID
    lesson: fields.ForeignKeyRelation[Lesson] = fields.ForeignKeyField(
        "models.Lesson", related_name="exercise_attempts", on_delete=fields.CASCADE
    )
    lesson_id: UUID
    progress: fields.ForeignKeyRelation[LessonProgress] = fields.ForeignKeyField(
        "models.LessonProgress", related_name="exercise_attempts", on_delete=fields.CASCADE
    )
    progress_id: UUID
    lesson_attempt = fields.IntField()  # which start of the lesson this belongs to
    attempt_number = fields.IntField(default=1)  # nth answer to this exercise in that start
    answer = fields.TextField()
    is_correct = fields.BooleanField()
    time_spent_ms = fields.IntField(default=0)
    hints_used = fields.SmallIntField(default=0)
    hearts_lost = fields.SmallIntField(default=0)
    xp_earned = fields.IntField(default=0)

    class Meta:
        table = "exercise_attempts"


class DailyActivity(MutableEntity):
    """One row per user and local calendar day (in the user's time zone at the time)."""

    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="daily_activities", on_delete=fields.CASCADE
    )
    user_id: UUID
    date = fields.DateField()
    xp = fields.IntField(default=0)
    goal_met = fields.BooleanField(default=False)
    lessons_completed = fields.IntField(default=0)
    time_spent_seconds = fields.IntField(default=0)

    class Meta:
        table = "daily_activities"
        unique_together = (("user", "date"),)


class UserStreak(MutableEntity):
    """The user's running totals across courses: streak and all-time XP (one row per user;
    its row lock serialises a user's completions)."""

    user: fields.OneToOneRelation[User] = fields.OneToOneField(
        "models.User", related_name="streak", on_delete=fields.CASCADE
    )
    user_id: UUID
    current = fields.IntField(default=0)
    longest = fields.IntField(default=0)
    last_active_local_date = fields.DateField(null=True)
    last_active_at = fields.DatetimeField(null=True)
    total_xp = fields.IntField(default=0)

    class Meta:
        table = "user_streaks"


class HeartEvent(Entity):
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="heart_events", on_delete=fields.CASCADE
    )
    user_id: UUID
    enrollment: fields.ForeignKeyRelation[Enrollment] = fields.ForeignKeyField(
        "models.Enrollment", related_name="heart_events", on_delete=fields.CASCADE
    )
    enrollment_id: UUID
    hearts_before = fields.SmallIntField()
    hearts_after = fields.SmallIntField()
    reason = fields.CharEnumField(HeartReason, max_length=32)

    class Meta:
        table = "heart_events"


class Achievement(MutableEntity):
    code = fields.CharField(max_length=64, unique=True)
    name = fields.CharField(max_length=200)
    description = fields.TextField(default="")
    icon_url = fields.CharField(max_length=500, null=True)
    condition_type = fields.CharEnumField(ConditionType, max_length=32)
    threshold = fields.IntField()
    xp_reward = fields.IntField(default=0)
    is_active = fields.BooleanField(default=True)

    class Meta:
        table = "achievements"


class UserAchievement(Entity):
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="achievements", on_delete=fields.CASCADE
    )
    user_id: UUID
    achievement: fields.ForeignKeyRelation[Achievement] = fields.ForeignKeyField(
        "models.Achievement", related_name="earners", on_delete=fields.CASCADE
    )
    achievement_id: UUID
    earned_at = fields.DatetimeField()

    class Meta:
        table = "user_achievements"
        unique_together = (("user", "achievement"),)


class ActivityEvent(Entity):
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="activity_events", on_delete=fields.CASCADE
    )
    user_id: UUID
    kind = fields.CharEnumField(ActivityKind, max_length=32)
    lesson: fields.ForeignKeyNullableRelation[Lesson] = fields.ForeignKeyField(
        "models.Lesson", related_name="activity_events", null=True, on_delete=fields.SET_NULL
    )
    lesson_id: UUID | None
    exercise: fields.ForeignKeyNullableRelation[Exercise] = fields.ForeignKeyField(
        "models.Exercise", related_name="activity_events", null=True, on_delete=fields.SET_NULL
    )
    exercise_id: UUID | None
    data: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)

    class Meta:
        table = "activity_events"
