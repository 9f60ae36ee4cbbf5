"""Streaks in local days: consecutive days grow it, a missed day resets it, time zones and
daylight-saving changes neither break nor double-count a day."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from rules.learning.achievements import Rule, earned
from rules.learning.streaks import (
    StreakState,
    current_streak,
    goal_met,
    local_date,
    record_activity,
)

NY = "America/New_York"


def at(tz: str, year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(tz)).astimezone(UTC)


def test_first_activity_starts_a_streak_of_one() -> None:
    state = record_activity(StreakState(), at("UTC", 2026, 5, 1, 9), "UTC")
    assert (state.current, state.longest, state.last_date) == (1, 1, date(2026, 5, 1))


def test_same_day_counts_once_and_next_day_adds_one() -> None:
    state = record_activity(StreakState(), at(NY, 2026, 5, 1, 8), NY)
    state = record_activity(state, at(NY, 2026, 5, 1, 23, 59), NY)
    assert state.current == 1
    state = record_activity(state, at(NY, 2026, 5, 2, 0, 1), NY)
    assert (state.current, state.longest) == (2, 2)


def test_local_day_not_utc_day_decides() -> None:
    # 23:30 in New York on May 1 is already May 2 in UTC; 08:00 on May 2 is the next local day.
    state = record_activity(StreakState(), at(NY, 2026, 5, 1, 23, 30), NY)
    assert state.last_date == date(2026, 5, 1)
    state = record_activity(state, at(NY, 2026, 5, 2, 8), NY)
    assert state.current == 2


def test_missing_a_whole_local_day_resets_and_longest_is_kept() -> None:
    state = StreakState()
    for day in range(1, 5):
        state = record_activity(state, at(NY, 2026, 5, day, 12), NY)
    assert (state.current, state.longest) == (4, 4)
    assert current_streak(state, at(NY, 2026, 5, 5, 23, 59), NY) == 4
    assert current_streak(state, at(NY, 2026, 5, 6, 0, 1), NY) == 0
    state = record_activity(state, at(NY, 2026, 5, 6, 12), NY)
    assert (state.current, state.longest) == (1, 4)


def test_dst_spring_forward_day_is_consecutive() -> None:
    # 2026-03-08 has 23 hours in New York.
    state = record_activity(StreakState(), at(NY, 2026, 3, 7, 23, 30), NY)
    state = record_activity(state, at(NY, 2026, 3, 8, 23, 30), NY)
    assert state.current == 2
    assert local_date(at(NY, 2026, 3, 8, 23, 30), NY) == date(2026, 3, 8)


def test_dst_fall_back_day_is_consecutive_and_counts_once() -> None:
    # 2026-11-01 has 25 hours in New York: 00:10 Oct 31 to 23:50 Nov 1 is 48h40m but adjacent.
    state = record_activity(StreakState(), at(NY, 2026, 10, 31, 0, 10), NY)
    nov1_late = at(NY, 2026, 11, 1, 23, 50)
    assert nov1_late - at(NY, 2026, 10, 31, 0, 10) > timedelta(hours=48)
    state = record_activity(state, nov1_late, NY)
    assert state.current == 2
    # The repeated 01:xx hour is the same day.
    first = datetime(2026, 11, 1, 5, 30, tzinfo=UTC)  # 01:30 EDT
    second = datetime(2026, 11, 1, 6, 30, tzinfo=UTC)  # 01:30 EST
    s = record_activity(StreakState(), first, NY)
    assert record_activity(s, second, NY).current == 1


def test_moving_west_never_counts_a_day_twice() -> None:
    tokyo_morning = at("Asia/Tokyo", 2026, 6, 10, 10)  # June 9 in Los Angeles
    state = record_activity(StreakState(), tokyo_morning, "Asia/Tokyo")
    assert state.last_date == date(2026, 6, 10)
    la = "America/Los_Angeles"
    later = tokyo_morning + timedelta(hours=2)
    assert local_date(later, la) == date(2026, 6, 9)
    state = record_activity(state, later, la)
    assert (state.current, state.last_date) == (1, date(2026, 6, 10))
    # June 10 in LA is the day already counted.
    state = record_activity(state, at(la, 2026, 6, 10, 12), la)
    assert state.current == 1
    state = record_activity(state, at(la, 2026, 6, 11, 12), la)
    assert state.current == 2


def test_moving_east_never_breaks_a_streak() -> None:
    # Active at 00:30 on June 10 at UTC-10, then flying to UTC+14.
    honolulu, kiritimati = "Pacific/Honolulu", "Pacific/Kiritimati"
    state = record_activity(
        StreakState(3, 3, date(2026, 6, 9), at(honolulu, 2026, 6, 9, 12)),
        at(honolulu, 2026, 6, 10, 0, 30),
        honolulu,
    )
    assert state.current == 4
    # 24 hours later it is June 12 in Kiritimati, two dates after June 10, yet no whole day
    # was missed: the last activity happened on June 11 there.
    later = at(kiritimati, 2026, 6, 12, 0, 30)
    assert later - at(honolulu, 2026, 6, 10, 0, 30) == timedelta(hours=24)
    assert local_date(later, kiritimati) == date(2026, 6, 12)
    assert current_streak(state, later, kiritimati) == 4
    state = record_activity(state, later, kiritimati)
    assert (state.current, state.last_date) == (5, date(2026, 6, 12))


def test_unknown_time_zone_falls_back_to_utc() -> None:
    assert local_date(datetime(2026, 1, 1, 23, tzinfo=UTC), "Mars/Olympus") == date(2026, 1, 1)


def test_daily_goal_is_met_at_the_users_goal() -> None:
    assert not goal_met(19, 20)
    assert goal_met(20, 20)
    assert goal_met(1, 0)


def test_achievements_are_earned_at_their_threshold_once() -> None:
    rules = [Rule("first", "lesson_count", 1), Rule("week", "streak_days", 7)]
    assert earned(rules, {"lesson_count": 1, "streak_days": 6}, []) == ["first"]
    assert earned(rules, {"lesson_count": 3, "streak_days": 7}, ["first"]) == ["week"]
    assert earned(rules, {"lesson_count": 3, "streak_days": 7}, ["first", "week"]) == []
