"""Lesson play: start a lesson, answer its exercises, complete it.

Each call is one transaction. Row locks are always taken in the same order — the
enrollment, then the lesson progress, then the user's streak row — so concurrent answers
and completions of one learner serialise without deadlocks: twenty wrong answers at once
cost exactly the hearts there are, and a lesson completed twice at once pays out once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from core.errors import AppError, ErrorCode, Validator, not_found
from core.events import emit
from loaders.base import select_visible
from models.catalog import Course, Exercise, ExerciseOption, ExerciseType, Lesson
from models.identity import User
from models.learning import (
    Achievement,
    Enrollment,
    EnrollmentStatus,
    ExerciseAttempt,
    HeartEvent,
    HeartReason,
    LessonProgress,
    ProgressStatus,
    UserStreak,
)
from resolvers.catalog.policy import can_see
from resolvers.identity.policy import require_viewer, subscription_tier
from resolvers.learning import policy, queries
from resolvers.learning.enrollment import (
    Stats,
    completed_lesson_ids,
    course_path,
    heart_state,
    hearts_now,
    open_lessons,
    stats_of,
    streak_state,
)
from resolvers.learning.events import (
    AnswerSubmitted,
    CourseCompleted,
    LessonCompleted,
    LessonStarted,
)
from resolvers.learning.rewards import add_day, award_all, lock_streak
from rules.learning import answers as answer_rules
from rules.learning import hearts as heart_rules
from rules.learning import scoring, streaks, unlocking, xp

MAX_ANSWER_LENGTH = 2000


@dataclass(frozen=True)
class StartedLesson:
    lesson_progress: LessonProgress
    hearts: int


@dataclass(frozen=True)
class AnswerResult:
    correct: bool
    correct_answer: str | None
    explanation: str | None
    xp_earned: int
    hearts: int


@dataclass(frozen=True)
class CompletedLesson:
    lesson_progress: LessonProgress
    xp_earned: int
    stats: Stats
    new_achievements: list[Achievement]
    unlocked_lessons: list[Lesson]
    course_id: UUID
    completed_at: datetime


@dataclass
class Place:
    lesson: Lesson
    course: Course
    enrollment: Enrollment


async def _place(user: User, lesson_id: UUID) -> Place:
    """The lesson, its course and the learner's enrollment (LOCKED when not enrolled)."""
    conn = connections.get("default")
    rows = await conn.execute_query_dict(queries.COURSE_OF_ACTIVE_LESSON, [lesson_id])
    course = await Course.get_or_none(id=rows[0]["course_id"]) if rows else None
    if course is None or not can_see(user, course):
        raise not_found("Lesson", "lessonId")
    enrollment = await Enrollment.get_or_none(user_id=user.id, course_id=course.id)
    if enrollment is None:
        raise AppError.of(ErrorCode.LOCKED, "Enroll in this course first.", "lessonId")
    lesson = await Lesson.get(id=lesson_id)
    return Place(lesson=lesson, course=course, enrollment=enrollment)


async def _lock_enrollment(conn: BaseDBAsyncClient, enrollment_id: UUID) -> Enrollment:
    return await Enrollment.filter(id=enrollment_id).using_db(conn).select_for_update().get()


async def _lock_progress(
    conn: BaseDBAsyncClient, user_id: UUID, lesson_id: UUID
) -> LessonProgress | None:
    return (
        await LessonProgress.filter(user_id=user_id, lesson_id=lesson_id)
        .using_db(conn)
        .select_for_update()
        .first()
    )


async def _lock_started(
    conn: BaseDBAsyncClient, place: Place, user_id: UUID, lesson_id: UUID
) -> tuple[Enrollment, LessonProgress]:
    """The enrollment and the lesson's progress, locked in that order; NOT_STARTED unless the
    lesson is in progress."""
    enrollment = await _lock_enrollment(conn, place.enrollment.id)
    progress = await _lock_progress(conn, user_id, lesson_id)
    if progress is None or progress.status != ProgressStatus.IN_PROGRESS:
        raise AppError.of(ErrorCode.NOT_STARTED, "Start the lesson first.", "lessonId")
    return enrollment, progress


def _tier(user: User) -> str:
    return subscription_tier(user)


# --- start ---------------------------------------------------------------------------------


async def start_lesson(
    viewer: User | None, lesson_id: UUID, now: datetime | None = None
) -> StartedLesson:
    user = require_viewer(viewer)
    now = now or datetime.now(UTC)
    place = await _place(user, lesson_id)
    if place.course.price_amount > 0:
        # A refunded purchase takes the course back: the enrollment and its history stay.
        revoked = await select_visible(Course, [place.course.id], policy.revoked_courses(user))
        if place.course.id in revoked:
            raise AppError.of(
                ErrorCode.PAYMENT_REQUIRED,
                "Your purchase of this course was refunded; buy it again to go on.",
                "lessonId",
            )
    async with in_transaction() as conn:
        enrollment = await _lock_enrollment(conn, place.enrollment.id)
        progress = await _lock_progress(conn, user.id, lesson_id)
        opened = progress is not None and progress.status != ProgressStatus.LOCKED
        if not opened:
            path = await course_path(conn, place.course.id)
            done = await completed_lesson_ids(conn, enrollment.id)
            if not unlocking.is_available(lesson_id, path.order, path.prerequisites, done):
                raise AppError.of(
                    ErrorCode.LOCKED, "Complete the lessons before this one first.", "lessonId"
                )
        hearts = hearts_now(enrollment, _tier(user), now)
        if hearts <= 0:
            raise AppError.of(
                ErrorCode.NO_HEARTS, "You have no hearts left; wait for one to come back.", None
            )
        if progress is None:
            await open_lessons(conn, enrollment, [lesson_id])
            progress = await _lock_progress(conn, user.id, lesson_id)
            assert progress is not None
        progress.status = ProgressStatus.IN_PROGRESS
        progress.attempts += 1
        progress.current_first_tries = {}
        progress.current_started_at = now
        await progress.save(using_db=conn)
        enrollment.last_active_at = now
        if enrollment.status in (EnrollmentStatus.PAUSED, EnrollmentStatus.DROPPED):
            enrollment.status = EnrollmentStatus.ACTIVE
        await enrollment.save(
            using_db=conn, update_fields=["last_active_at", "status", "updated_at"]
        )
        await emit(LessonStarted(user.id, lesson_id), conn)
    return StartedLesson(lesson_progress=progress, hearts=hearts)


# --- answer --------------------------------------------------------------------------------


def _check(exercise: Exercise, options: list[ExerciseOption], answer: str) -> tuple[bool, str]:
    """Whether the answer is right, and the correct answer to reveal."""
    choices = [answer_rules.Option(str(o.id), o.text, o.is_correct) for o in options]
    if exercise.type == ExerciseType.MULTIPLE_CHOICE and choices:
        correct_text = answer_rules.correct_choice_text(choices) or exercise.correct_answer
        return answer_rules.check_choice(answer, choices), correct_text
    ok = answer_rules.check_text(answer, exercise.correct_answer, exercise.accepted_answers or [])
    return ok, exercise.correct_answer


async def submit_answer(
    viewer: User | None,
    lesson_id: UUID,
    exercise_id: UUID,
    answer: str,
    time_spent_ms: int | None = None,
    hints_used: int | None = None,
    now: datetime | None = None,
) -> AnswerResult:
    user = require_viewer(viewer)
    now = now or datetime.now(UTC)
    check = Validator()
    check.check(len(answer) <= MAX_ANSWER_LENGTH, "answer", ErrorCode.TOO_LONG, "Too long.")
    check.check((time_spent_ms or 0) >= 0, "timeSpentMs", ErrorCode.INVALID, "Must be >= 0.")
    check.check((hints_used or 0) >= 0, "hintsUsed", ErrorCode.INVALID, "Must be >= 0.")
    check.raise_if_any()
    place = await _place(user, lesson_id)
    linked = await connections.get("default").execute_query_dict(
        queries.LESSON_HAS_EXERCISE, [lesson_id, exercise_id]
    )
    exercise = await Exercise.get_or_none(id=exercise_id) if linked else None
    if exercise is None:
        raise not_found("Exercise", "exerciseId")
    options = await ExerciseOption.filter(exercise_id=exercise_id).order_by("position")
    correct, correct_answer = _check(exercise, options, answer)
    tier = _tier(user)
    async with in_transaction() as conn:
        enrollment, progress = await _lock_started(conn, place, user.id, lesson_id)
        earlier = (
            await ExerciseAttempt.filter(
                progress_id=progress.id, lesson_attempt=progress.attempts, exercise_id=exercise_id
            )
            .using_db(conn)
            .count()
        )
        key = str(exercise_id)
        if key not in progress.current_first_tries:
            progress.current_first_tries = {**progress.current_first_tries, key: correct}
        lost = 0
        if not correct:
            before = hearts_now(enrollment, tier, now)
            state, lost = heart_rules.lose_heart(heart_state(enrollment), now, tier)
            if lost:
                enrollment.hearts, enrollment.hearts_updated_at = state.hearts, state.updated_at
                await HeartEvent.create(
                    user_id=user.id,
                    enrollment_id=enrollment.id,
                    hearts_before=before,
                    hearts_after=state.hearts,
                    reason=HeartReason.WRONG_ANSWER,
                    using_db=conn,
                )
        seconds = round((time_spent_ms or 0) / 1000)
        progress.hearts_lost += lost
        progress.time_spent_seconds += seconds
        await progress.save(using_db=conn)
        enrollment.last_active_at = now
        await enrollment.save(
            using_db=conn,
            update_fields=["hearts", "hearts_updated_at", "last_active_at", "updated_at"],
        )
        await ExerciseAttempt.create(
            user_id=user.id,
            exercise_id=exercise_id,
            lesson_id=lesson_id,
            progress_id=progress.id,
            lesson_attempt=progress.attempts,
            attempt_number=earlier + 1,
            answer=answer,
            is_correct=correct,
            time_spent_ms=time_spent_ms or 0,
            hints_used=hints_used or 0,
            hearts_lost=lost,
            xp_earned=xp.ANSWER_XP,
            using_db=conn,
        )
        await emit(AnswerSubmitted(user.id, lesson_id, exercise_id, correct), conn)
    return AnswerResult(
        correct=correct,
        correct_answer=correct_answer,
        explanation=exercise.explanation,
        xp_earned=xp.ANSWER_XP,
        hearts=hearts_now(enrollment, tier, now),
    )


# --- complete ------------------------------------------------------------------------------


async def complete_lesson(
    viewer: User | None, lesson_id: UUID, now: datetime | None = None
) -> CompletedLesson:
    user = require_viewer(viewer)
    now = now or datetime.now(UTC)
    place = await _place(user, lesson_id)
    async with in_transaction() as conn:
        enrollment, progress = await _lock_started(conn, place, user.id, lesson_id)
        streak = await lock_streak(conn, user.id)

        exercise_ids = [
            str(r["exercise_id"])
            for r in await conn.execute_query_dict(queries.EXERCISE_IDS_OF_LESSON, [lesson_id])
        ]
        first_tries = progress.current_first_tries or {}
        right = sum(1 for e in exercise_ids if first_tries.get(e) is True)
        score = scoring.lesson_score(right, len(exercise_ids))
        first = progress.first_completed_at is None
        earned = xp.completion_xp(place.lesson.xp_reward, first, score)
        best = scoring.best_score(progress.best_score, score)

        progress.status = ProgressStatus(scoring.completed_status(best))
        progress.best_score = best
        progress.completion_count += 1
        progress.xp_earned += earned
        progress.first_completed_at = progress.first_completed_at or now
        progress.last_completed_at = now
        progress.current_started_at = None
        await progress.save(using_db=conn)

        unlocked_ids: list[UUID] = []
        course_completed = False
        if first:
            path = await course_path(conn, place.course.id)
            after = await completed_lesson_ids(conn, enrollment.id)
            before = after - {lesson_id}
            unlocked_ids = unlocking.newly_unlocked(path.order, path.prerequisites, before, after)
            await open_lessons(conn, enrollment, unlocked_ids)
            if path.order and set(path.order) <= after:
                if enrollment.status != EnrollmentStatus.COMPLETED:
                    enrollment.status = EnrollmentStatus.COMPLETED
                    enrollment.completed_at = now
                    await enrollment.save(
                        using_db=conn, update_fields=["status", "completed_at", "updated_at"]
                    )
                course_completed = True

        total = earned
        streak.total_xp += earned
        _advance_streak(streak, user, now, earned)
        xp_before = streak.total_xp
        new_achievements = await award_all(conn, user.id, streak, now)
        total += streak.total_xp - xp_before
        await streak.save(using_db=conn)

        today = streaks.local_date(now, user.timezone)
        spent = await conn.execute_query_dict(
            queries.ATTEMPT_TIME_SPENT, [progress.id, progress.attempts]
        )
        seconds = round(int(spent[0]["ms"]) / 1000)
        day = await add_day(conn, user, today, total, 1, seconds)
        enrollment.total_xp += total
        enrollment.last_active_at = now
        await enrollment.save(
            using_db=conn, update_fields=["total_xp", "last_active_at", "updated_at"]
        )
        await emit(LessonCompleted(user.id, lesson_id, score, total), conn)
        if course_completed:  # assessment may issue the certificate, in this transaction
            await emit(CourseCompleted(user.id, place.course.id, enrollment.id, now), conn)
        unlocked = await Lesson.filter(id__in=unlocked_ids).using_db(conn)
    unlocked.sort(key=lambda lesson: unlocked_ids.index(lesson.id))
    return CompletedLesson(
        lesson_progress=progress,
        xp_earned=total,
        stats=stats_of(user, streak, day, now),
        new_achievements=new_achievements,
        unlocked_lessons=unlocked,
        course_id=place.course.id,
        completed_at=now,
    )


def _advance_streak(streak: UserStreak, user: User, now: datetime, earned: int) -> None:
    if earned <= 0:
        return
    state = streaks.record_activity(streak_state(streak), now, user.timezone)
    streak.current, streak.longest = state.current, state.longest
    streak.last_active_local_date, streak.last_active_at = state.last_date, state.last_at
