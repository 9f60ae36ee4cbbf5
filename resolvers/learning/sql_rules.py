"""The learning rules that reads show, as SQL expressions, for the read compiler
(engine/compiler): hearts with regeneration and the next heart, the streak as it reads now
and the daily goal, in the learner's time zone. Built from the constants of rules/learning;
the Python rules stay the single source of truth (writes use them) and these expressions are
tested against them at the edges (tests/learning/test_sql_rules.py).

Every function takes SQL expressions (columns, parameters) and returns one; `now` is the
instant the statement reads at (a parameter).
"""

from __future__ import annotations

from rules.learning import hearts as heart_rules

_MAX = heart_rules.MAX_HEARTS
_INTERVAL = int(heart_rules.REGEN_INTERVAL.total_seconds())
_UNLIMITED = ", ".join(f"'{tier}'" for tier in sorted(heart_rules.UNLIMITED_TIERS))


def _regenerated(updated_at: str, now: str) -> str:
    """Whole regeneration intervals since `updated_at` (0 when it is in the future)."""
    return f"greatest(0, floor(extract(epoch FROM ({now}) - ({updated_at})) / {_INTERVAL}))::int"


def hearts_sql(stored: str, updated_at: str, tier: str, now: str) -> str:
    """`current_hearts`."""
    clamped = f"greatest(0, least({_MAX}, {stored}))"
    return (
        f"(CASE WHEN ({tier}) IN ({_UNLIMITED}) OR {clamped} >= {_MAX} THEN {_MAX} "
        f"ELSE least({_MAX}, {clamped} + {_regenerated(updated_at, now)}) END)"
    )


def next_heart_sql(stored: str, updated_at: str, tier: str, now: str) -> str:
    """`next_heart_at`: null when full (or unlimited)."""
    steps = f"({_regenerated(updated_at, now)} + 1)"
    return (
        f"(CASE WHEN {hearts_sql(stored, updated_at, tier, now)} >= {_MAX} THEN NULL "
        f"ELSE ({updated_at}) + {steps} * interval '{_INTERVAL} seconds' END)"
    )


def local_date_sql(at: str, tz: str) -> str:
    """`local_date` (migration 24's `lg_local_date`)."""
    return f"lg_local_date({at}, {tz})"


def current_streak_sql(current: str, last_date: str, last_at: str, now: str, tz: str) -> str:
    """`current_streak`: the stored streak, or 0 once a whole local day was missed (the
    smaller gap of the stored date and of the last activity seen from today's zone)."""
    today = local_date_sql(now, tz)
    gap = (
        f"least({today} - ({last_date}), CASE WHEN ({last_at}) IS NULL THEN {today} - "
        f"({last_date}) ELSE {today} - {local_date_sql(last_at, tz)} END)"
    )
    return (
        f"(CASE WHEN ({last_date}) IS NULL THEN 0 "
        f"WHEN {today} <= ({last_date}) OR {gap} <= 1 THEN {current} ELSE 0 END)"
    )


def goal_met_sql(day_xp: str, daily_goal: str) -> str:
    """`goal_met`."""
    return f"(({day_xp}) >= greatest(1, {daily_goal}))"
