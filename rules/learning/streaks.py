"""Daily goal and streaks in the learner's time zone.

- A day is the user's local calendar day in their IANA time zone (DST handled by zoneinfo).
- Any XP earned makes the day count; the daily goal is met when the day's XP reaches the
  user's `daily_xp_goal`.
- The current streak grows by one on the first XP of a new local day; missing a whole local
  day resets it to 1 at the next activity (and it reads as 0 once a day has been missed).
  The longest streak is kept.
- Time-zone changes: the last active local date is stored as the date it was in the zone
  used then. A date not after it (e.g. after moving west) counts as the same day, never a
  second one. A streak only breaks when a whole day was missed both by the stored dates
  and by the last activity's instant seen from the current zone, so moving east never
  breaks it either.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


@dataclass(frozen=True)
class StreakState:
    current: int = 0
    longest: int = 0
    last_date: date | None = None
    last_at: datetime | None = None


def zone(tz: str) -> ZoneInfo:
    try:
        return ZoneInfo(tz or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def local_date(now: datetime, tz: str) -> date:
    return now.astimezone(zone(tz)).date()


def _gap(state: StreakState, today: date, tz: str) -> int:
    """Whole local days between the last activity and today (the smaller reading)."""
    assert state.last_date is not None
    gap = (today - state.last_date).days
    if state.last_at is not None:
        gap = min(gap, (today - local_date(state.last_at, tz)).days)
    return gap


def record_activity(state: StreakState, now: datetime, tz: str) -> StreakState:
    """The streak after earning XP at `now`."""
    today = local_date(now, tz)
    if state.last_date is None:
        current = 1
    elif today <= state.last_date:
        return replace(state, last_at=now)
    elif _gap(state, today, tz) <= 1:
        current = state.current + 1
    else:
        current = 1
    return StreakState(
        current=current, longest=max(state.longest, current), last_date=today, last_at=now
    )


def current_streak(state: StreakState, now: datetime, tz: str) -> int:
    """The streak as it reads now: 0 once a whole local day was missed."""
    if state.last_date is None:
        return 0
    today = local_date(now, tz)
    if today <= state.last_date or _gap(state, today, tz) <= 1:
        return state.current
    return 0


def goal_met(day_xp: int, daily_goal: int) -> bool:
    return day_xp >= max(1, daily_goal)
