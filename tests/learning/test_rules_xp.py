"""XP: the lesson's reward first, half on repeats, +5 for a perfect lesson."""

from rules.learning.xp import PERFECT_BONUS, completion_xp


def test_first_completion_earns_the_lesson_reward() -> None:
    assert completion_xp(10, first_completion=True, score=80) == 10


def test_repeats_earn_half_rounded_down_and_at_least_one() -> None:
    assert completion_xp(10, first_completion=False, score=80) == 5
    assert completion_xp(15, first_completion=False, score=0) == 7
    assert completion_xp(1, first_completion=False, score=50) == 1


def test_a_perfect_lesson_adds_the_bonus() -> None:
    assert PERFECT_BONUS == 5
    assert completion_xp(10, first_completion=True, score=100) == 15
    assert completion_xp(10, first_completion=False, score=100) == 10


def test_a_lesson_without_reward_earns_only_the_bonus() -> None:
    assert completion_xp(0, first_completion=False, score=90) == 0
    assert completion_xp(0, first_completion=True, score=100) == 5
