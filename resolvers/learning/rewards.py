"""Rewards of the learning domain: achievements (the defaults, awarding once) and the daily
activity tally. Called inside the completion's transaction. (Certificates are assessment's:
it reacts to `CourseCompleted`.)"""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from models.identity import User
from models.learning import (
    Achievement,
    ConditionType,
    DailyActivity,
    UserAchievement,
    UserStreak,
)
from resolvers.learning import queries
from rules.learning import achievements as achievement_rules
from rules.learning.streaks import local_date

MAX_ACHIEVEMENT_ROUNDS = 5  # bounded: rewards could in theory chain

# --- achievements --------------------------------------------------------------------------


async def achievement_metrics(
    conn: BaseDBAsyncClient, user_id: UUID, streak: UserStreak
) -> dict[str, int]:
    rows = await conn.execute_query_dict(queries.ACHIEVEMENT_METRICS, [user_id])
    row = rows[0]
    metrics = {
        ConditionType.LESSON_COUNT.value: int(row["lessons"]),
        ConditionType.PERFECT_LESSONS.value: int(row["perfect"]),
        ConditionType.COURSE_COMPLETED.value: int(row["courses"]),
        ConditionType.STREAK_DAYS.value: streak.current,
        ConditionType.XP_TOTAL.value: streak.total_xp,
        ConditionType.CONVERSATIONS_COMPLETED.value: int(row["conversations"]),
    }
    return metrics


async def award_achievements(
    conn: BaseDBAsyncClient, user_id: UUID, streak: UserStreak, now: datetime
) -> list[Achievement]:
    """Award every newly earned achievement, inside the caller's transaction.

    The caller holds the user's streak row lock, so a user's awards are serialised; the
    unique (user, achievement) key is the last guard. Returns the new ones; their XP
    rewards are added to `streak.total_xp` by the caller.
    """
    catalog = await Achievement.filter(is_active=True).using_db(conn)
    owned = (
        await UserAchievement.filter(user_id=user_id)
        .using_db(conn)
        .values_list("achievement_id", flat=True)
    )
    metrics = await achievement_metrics(conn, user_id, streak)
    rules = [achievement_rules.Rule(a.id, a.condition_type.value, a.threshold) for a in catalog]
    new_ids = achievement_rules.earned(rules, metrics, owned)
    awarded = [a for a in catalog if a.id in new_ids]
    for achievement in awarded:
        await conn.execute_query(queries.AWARD_ACHIEVEMENT, [user_id, achievement.id, now])
    return awarded


async def award_all(
    conn: BaseDBAsyncClient, user_id: UUID, streak: UserStreak, now: datetime
) -> list[Achievement]:
    """Award achievements until none is new: an achievement's XP can earn an XP-total one.

    Adds the rewards to `streak.total_xp` (the caller saves the row).
    """
    new: list[Achievement] = []
    for _ in range(MAX_ACHIEVEMENT_ROUNDS):
        awarded = await award_achievements(conn, user_id, streak, now)
        if not awarded:
            break
        new.extend(awarded)
        streak.total_xp += sum(a.xp_reward for a in awarded)
    return new


async def ensure_streak_row(conn: BaseDBAsyncClient, user_id: UUID) -> None:
    await conn.execute_query(queries.ENSURE_STREAK, [user_id])


async def lock_streak(conn: BaseDBAsyncClient, user_id: UUID) -> UserStreak:
    """The user's streak row (created when missing), locked: it serialises a user's awards."""
    await ensure_streak_row(conn, user_id)
    return await UserStreak.filter(user_id=user_id).using_db(conn).select_for_update().get()


async def check_achievements(user: User, now: datetime | None = None) -> list[Achievement]:
    """Award what the user's totals now earn, for events outside lesson play (e.g. the
    conversation domain calls this when a session completes). One transaction holding the
    user's streak row lock, so each achievement is still awarded exactly once; reward XP
    goes to the user's total and today's activity."""
    now = now or datetime.now(UTC)
    async with in_transaction() as conn:
        streak = await lock_streak(conn, user.id)
        before = streak.total_xp
        awarded = await award_all(conn, user.id, streak, now)
        if awarded:
            await streak.save(using_db=conn, update_fields=["total_xp", "updated_at"])
            today = local_date(now, user.timezone)
            await add_day(conn, user, today, streak.total_xp - before, 0, 0)
    return awarded


# --- days ----------------------------------------------------------------------------


async def add_day(
    conn: BaseDBAsyncClient, user: User, day: date, xp_delta: int, lessons: int, seconds: int
) -> DailyActivity:
    rows = await conn.execute_query_dict(
        queries.ADD_DAY,
        [user.id, day, xp_delta, lessons, seconds, max(1, user.daily_xp_goal)],
    )
    return DailyActivity._init_from_db(**rows[0])
