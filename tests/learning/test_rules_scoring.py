"""Scores: first-try share 0-100, best kept, under 60 needs review."""

from rules.learning.scoring import (
    NEEDS_REVIEW_THRESHOLD,
    best_score,
    completed_status,
    lesson_score,
)


def test_score_is_the_rounded_share_of_first_try_answers() -> None:
    assert lesson_score(3, 3) == 100
    assert lesson_score(2, 3) == 67
    assert lesson_score(1, 3) == 33
    assert lesson_score(1, 8) == 13  # 12.5 rounds half up
    assert lesson_score(0, 4) == 0


def test_score_is_bounded_and_empty_lessons_are_perfect() -> None:
    assert lesson_score(9, 4) == 100
    assert lesson_score(-1, 4) == 0
    assert lesson_score(0, 0) == 100


def test_best_score_is_kept() -> None:
    assert best_score(None, 40) == 40
    assert best_score(80, 40) == 80
    assert best_score(40, 90) == 90


def test_completed_under_the_threshold_needs_review() -> None:
    assert NEEDS_REVIEW_THRESHOLD == 60
    assert completed_status(59) == "needs_review"
    assert completed_status(60) == "completed"
    assert completed_status(100) == "completed"
