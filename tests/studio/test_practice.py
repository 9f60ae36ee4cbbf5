"""Practice restores hearts: a REVIEW session of at least 10 distinct cards answered with at
least 80% right gives one heart back to each enrollment under the maximum, once."""

from __future__ import annotations

from rules.learning.hearts import MAX_HEARTS
from rules.studio.practice import (
    MIN_ACCURACY,
    MIN_CARDS,
    PRACTICE_HEART_REASON,
    PracticeResult,
    SessionInteraction,
    earns_hearts,
    restored_hearts,
    tally,
)


def answers(right: int, wrong: int = 0, start: int = 0) -> list[SessionInteraction]:
    """One answer per card: `right` right ones, then `wrong` wrong ones."""
    marks = [True] * right + [False] * wrong
    return [SessionInteraction(f"card-{start + i}", "answer", m) for i, m in enumerate(marks)]


def test_the_thresholds_are_the_decided_ones() -> None:
    assert (MIN_CARDS, MIN_ACCURACY, PRACTICE_HEART_REASON) == (10, 0.8, "practice_completed")


def test_ten_cards_all_right_earn_hearts() -> None:
    result = tally(answers(10))
    assert result == PracticeResult(cards_answered=10, answers=10, right=10)
    assert result.accuracy == 1.0
    assert earns_hearts("review", result, already_rewarded=False)
    assert earns_hearts("REVIEW", result, already_rewarded=False)


def test_nine_cards_are_not_enough() -> None:
    assert not earns_hearts("review", tally(answers(9)), already_rewarded=False)


def test_eighty_percent_is_enough_and_less_is_not() -> None:
    assert earns_hearts("review", tally(answers(8, 2)), already_rewarded=False)
    assert not earns_hearts("review", tally(answers(7, 3)), already_rewarded=False)
    assert earns_hearts("review", tally(answers(16, 4)), already_rewarded=False)
    assert not earns_hearts("review", tally(answers(15, 4)), already_rewarded=False)


def test_views_and_skips_do_not_count() -> None:
    seen = [SessionInteraction(f"card-{i}", kind) for i in range(20) for kind in ("view", "skip")]
    result = tally(seen + answers(9))
    assert result == PracticeResult(cards_answered=9, answers=9, right=9)
    assert not earns_hearts("review", result, already_rewarded=False)


def test_cards_are_counted_once_but_every_answer_counts_for_accuracy() -> None:
    # Ten answers on five cards: too few distinct cards.
    twice = answers(5) + answers(5)
    assert tally(twice).cards_answered == 5
    assert not earns_hearts("review", tally(twice), already_rewarded=False)
    # A wrong answer retried right still counts as a mistake: 10 cards, 10 right of 13 answers.
    retried = answers(7, 3) + answers(3, start=7)
    result = tally(retried)
    assert (result.cards_answered, result.answers, result.right) == (10, 13, 10)
    assert not earns_hearts("review", result, already_rewarded=False)


def test_only_review_sessions_earn_hearts_and_only_once() -> None:
    result = tally(answers(12))
    assert not earns_hearts("study", result, already_rewarded=False)
    assert not earns_hearts("quiz", result, already_rewarded=False)
    assert not earns_hearts("review", result, already_rewarded=True)
    assert not earns_hearts("review", tally([]), already_rewarded=False)
    assert tally([]).accuracy is None


def test_one_heart_back_in_each_enrollment_under_the_maximum() -> None:
    current = {"spanish": MAX_HEARTS, "french": 3, "german": 0, "italian": MAX_HEARTS - 1}
    assert restored_hearts(current, MAX_HEARTS) == {"french": 4, "german": 1, "italian": 5}
    assert restored_hearts({"spanish": MAX_HEARTS}, MAX_HEARTS) == {}
    assert restored_hearts({}, MAX_HEARTS) == {}


def test_unlimited_hearts_get_nothing_back() -> None:
    assert restored_hearts({"spanish": 2}, MAX_HEARTS, unlimited=True) == {}
