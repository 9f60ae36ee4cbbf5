"""Hearts: 5 max, one per wrong answer, +1 per 4 hours from when the value was last set."""

from datetime import UTC, datetime, timedelta

from rules.learning.hearts import (
    MAX_HEARTS,
    HeartState,
    can_start_lesson,
    current_hearts,
    lose_heart,
    next_heart_at,
)

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def test_full_hearts_stay_full_and_have_no_next_heart() -> None:
    state = HeartState(MAX_HEARTS, T0)
    assert current_hearts(state, T0 + timedelta(days=3)) == 5
    assert next_heart_at(state, T0) is None


def test_one_heart_regenerates_exactly_at_the_four_hour_boundary() -> None:
    state = HeartState(2, T0)
    assert current_hearts(state, T0 + timedelta(hours=4) - timedelta(microseconds=1)) == 2
    assert current_hearts(state, T0 + timedelta(hours=4)) == 3
    assert current_hearts(state, T0 + timedelta(hours=11, minutes=59)) == 4
    assert current_hearts(state, T0 + timedelta(hours=12)) == 5
    assert current_hearts(state, T0 + timedelta(hours=400)) == 5


def test_next_heart_at_is_the_next_four_hour_step_from_when_the_value_was_set() -> None:
    state = HeartState(0, T0)
    assert next_heart_at(state, T0) == T0 + timedelta(hours=4)
    assert next_heart_at(state, T0 + timedelta(hours=4)) == T0 + timedelta(hours=8)
    assert next_heart_at(state, T0 + timedelta(hours=5)) == T0 + timedelta(hours=8)
    assert next_heart_at(state, T0 + timedelta(hours=20)) is None


def test_wrong_answer_costs_one_heart_and_restarts_the_clock() -> None:
    state, lost = lose_heart(HeartState(5, T0), T0 + timedelta(minutes=1))
    assert (state, lost) == (HeartState(4, T0 + timedelta(minutes=1)), 1)
    # Regenerated hearts are materialised before the loss: 1 stored + 1 regenerated - 1.
    state, lost = lose_heart(HeartState(1, T0), T0 + timedelta(hours=5))
    assert (state, lost) == (HeartState(1, T0 + timedelta(hours=5)), 1)


def test_hearts_never_go_below_zero() -> None:
    state = HeartState(1, T0)
    state, lost = lose_heart(state, T0)
    assert (state.hearts, lost) == (0, 1)
    again, lost = lose_heart(state, T0 + timedelta(minutes=5))
    assert (again, lost) == (state, 0)


def test_no_lesson_starts_at_zero_hearts_until_one_regenerates() -> None:
    state = HeartState(0, T0)
    assert not can_start_lesson(state, T0 + timedelta(hours=3, minutes=59))
    assert can_start_lesson(state, T0 + timedelta(hours=4))


def test_premium_and_enterprise_have_unlimited_hearts() -> None:
    for tier in ("premium", "enterprise"):
        state = HeartState(0, T0)
        assert current_hearts(state, T0, tier) == MAX_HEARTS
        assert next_heart_at(state, T0, tier) is None
        assert lose_heart(HeartState(5, T0), T0, tier) == (HeartState(5, T0), 0)
        assert can_start_lesson(state, T0, tier)
