"""Review scheduling through FSRS, the ratings interactions give, review statistics, and the
marking of answers to generated assets."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from fsrs import Rating, State

from rules.studio import answers
from rules.studio.scheduling import (
    MATURE_DAYS,
    CardSchedule,
    ReviewStats,
    card_from_state,
    due_of,
    interaction_rating,
    local_day_end,
    next_state,
    rating_for,
    retrievability,
    review_stats,
)

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("correct", "confidence", "response_ms", "rating"),
    [
        (False, None, None, Rating.Again),
        (False, 1.0, 500, Rating.Again),
        (True, 0.2, 1000, Rating.Hard),
        (True, 0.49, None, Rating.Hard),
        (True, None, None, Rating.Good),
        (True, 0.5, 1000, Rating.Good),
        (True, 0.89, 1000, Rating.Good),
        (True, 0.9, 3000, Rating.Good),  # not under 3 s
        (True, 0.95, None, Rating.Good),  # time unknown
        (True, None, 1000, Rating.Good),  # confidence unknown
        (True, 0.9, 2999, Rating.Easy),
        (True, 1.0, 0, Rating.Easy),
    ],
)
def test_rating_mapping(
    correct: bool, confidence: float | None, response_ms: int | None, rating: Rating
) -> None:
    assert rating_for(correct, confidence, response_ms) is rating
    assert (
        interaction_rating(
            "answer", correct=correct, confidence=confidence, response_ms=response_ms
        )
        is rating
    )


@pytest.mark.parametrize(
    ("confidence", "response_ms", "rating"),
    [(0.0, 900, Rating.Again), (0.49, 900, Rating.Again), (0.5, 900, Rating.Good),
     (0.95, 4000, Rating.Good), (0.95, 900, Rating.Easy)],
)  # fmt: skip
def test_flashcards_are_graded_by_confidence(
    confidence: float, response_ms: int, rating: Rating
) -> None:
    # A flashcard's `correct` (even if a client sends one) does not count: confidence does.
    got = interaction_rating(
        "answer", correct=False, confidence=confidence, response_ms=response_ms, flashcard=True
    )
    assert got is rating
    with pytest.raises(ValueError):
        interaction_rating("answer", correct=True, flashcard=True)


def test_view_and_skip_leave_the_schedule_alone() -> None:
    for kind in ("view", "skip"):
        assert interaction_rating(kind, correct=None) is None
        assert interaction_rating(kind, correct=True, confidence=1.0, flashcard=True) is None
    with pytest.raises(ValueError):
        interaction_rating("answer", correct=None)
    with pytest.raises(ValueError):
        interaction_rating("peek", correct=True)


def test_a_wrong_answer_comes_back_sooner_than_a_right_one() -> None:
    _, wrong = next_state(None, Rating.Again, T0)
    _, hard = next_state(None, Rating.Hard, T0)
    _, good = next_state(None, Rating.Good, T0)
    _, easy = next_state(None, Rating.Easy, T0)
    assert T0 < wrong < hard < good < easy
    # And for a card already in review: a lapse goes back to (re)learning, minutes away.
    state, due = None, T0
    for _ in range(4):
        state, due = next_state(state, Rating.Good, due)
    lapse, lapse_due = next_state(state, Rating.Again, due)
    kept, kept_due = next_state(state, Rating.Good, due)
    assert lapse["state"] == State.Relearning and lapse_due - due <= timedelta(minutes=10)
    assert kept["state"] == State.Review and kept_due - due > timedelta(days=30)


def test_due_dates_grow_with_successful_reviews() -> None:
    state, now, intervals = None, T0, []
    for _ in range(6):
        state, due = next_state(state, Rating.Good, now)
        intervals.append(due - now)
        now = due  # reviewed right when due
    assert intervals == sorted(intervals) and len(set(intervals)) == len(intervals)
    assert intervals[0] <= timedelta(minutes=10) and intervals[-1] > timedelta(days=100)
    assert state is not None and state["state"] == State.Review
    assert float(state["stability"]) >= MATURE_DAYS


def test_the_schedule_is_deterministic_and_stored_as_json() -> None:
    first = next_state(None, Rating.Good, T0)
    assert next_state(None, Rating.Good, T0) == first
    state, due = first
    stored = json.loads(json.dumps(state))
    assert stored == state and due_of(stored, T0) == due
    again = next_state(stored, Rating.Good, due)
    assert again == next_state(state, Rating.Good, due)
    assert card_from_state(stored, T0).to_dict() == state
    # Another time zone for the same instant gives the same schedule.
    berlin = due.astimezone(ZoneInfo("Europe/Berlin"))
    assert next_state(stored, Rating.Good, berlin) == again
    with pytest.raises(ValueError):
        next_state(None, Rating.Good, datetime(2026, 3, 1, 12))  # naive


def test_retrievability_falls_with_time() -> None:
    state, due = None, T0
    for _ in range(3):
        state, due = next_state(state, Rating.Good, due)
    assert retrievability(None, T0) == 0.0
    soon, late = retrievability(state, due), retrievability(state, due + timedelta(days=90))
    assert 0 < late < soon <= 1


def _state(kind: State, due: datetime, stability: float) -> dict[str, Any]:
    return {
        "card_id": 1, "state": int(kind), "step": None if kind is State.Review else 0,
        "stability": stability, "difficulty": 5.0, "due": due.isoformat(),
        "last_review": (due - timedelta(days=1)).isoformat(),
    }  # fmt: skip


def test_review_stats() -> None:
    now = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)  # 15:00 in New York
    day_end = local_day_end(now, "America/New_York")
    assert day_end == datetime(2026, 3, 2, 5, 0, tzinfo=UTC)  # local midnight, EST
    cards = [
        CardSchedule(None, now - timedelta(days=2)),  # new: due since its creation
        CardSchedule(None, now + timedelta(hours=1)),  # new, created later (not due yet)
        CardSchedule(_state(State.Learning, now - timedelta(minutes=5), 0.5), now),
        CardSchedule(_state(State.Relearning, now + timedelta(hours=2), 2.0), now),
        CardSchedule(_state(State.Review, now + timedelta(hours=12), 30.0), now),  # tomorrow
        CardSchedule(_state(State.Review, now - timedelta(days=1), 21.0), now),
        CardSchedule(_state(State.Review, now + timedelta(days=3), 20.9), now),
    ]
    assert review_stats(cards, now, day_end) == ReviewStats(
        total=7, due=3, due_today=5, learning=2, mature=2, new=2
    )
    assert review_stats([], now, day_end) == ReviewStats()


def test_the_local_day_ends_at_local_midnight() -> None:
    # The day clocks spring forward in Europe: 23 hours long.
    morning = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)  # 01:30 in Berlin
    assert local_day_end(morning, "Europe/Berlin") == datetime(2026, 3, 29, 22, 0, tzinfo=UTC)
    assert local_day_end(T0, "Asia/Tokyo") == datetime(2026, 3, 1, 15, 0, tzinfo=UTC)
    assert local_day_end(T0, "Not/AZone") == datetime(2026, 3, 2, 0, 0, tzinfo=UTC)
    assert local_day_end(T0, None) == datetime(2026, 3, 2, 0, 0, tzinfo=UTC)


# --- marking answers ----------------------------------------------------------------------

CLOZE = {"text": "The cycle begins with ____.", "answer": "evaporation",
         "sentence": "The cycle begins with evaporation."}  # fmt: skip
QUIZ = {"prompt": "The cycle begins with ____.",
        "options": ["condensation", "evaporation", "droplets", "cools"], "answer": 1,
        "explanation": "The cycle begins with evaporation."}  # fmt: skip
CARD = {"front": "evaporation", "back": "The cycle begins with evaporation.",
        "lemma": "evaporation"}  # fmt: skip


@pytest.mark.parametrize(
    ("answer", "correct"),
    [("evaporation", True), (" Evaporation. ", True), ("EVAPORATION!", True),
     ("evaporations", False), ("", False), (None, False), ("   ", False)],
)  # fmt: skip
def test_cloze_answers_use_the_exercises_normalisation(answer: str | None, correct: bool) -> None:
    assert answers.check("cloze", CLOZE, answer) == answers.Verdict(correct, "evaporation")


@pytest.mark.parametrize(
    ("answer", "correct"),
    [("1", True), (" 1 ", True), ("Evaporation", True), ("evaporation.", True),
     ("0", False), ("condensation", False), ("4", False), ("", False), ("-1", False)],
)  # fmt: skip
def test_quiz_answers_name_an_option_by_index_or_text(answer: str, correct: bool) -> None:
    assert answers.check("quiz_question", QUIZ, answer) == answers.Verdict(correct, "evaporation")
    # A key given as the option's text marks the same way.
    by_text = {**QUIZ, "answer": "Evaporation"}
    assert answers.check("QUIZ_QUESTION", by_text, answer).correct is correct


def test_a_quiz_index_wins_over_an_option_text() -> None:
    numbers = {**QUIZ, "options": ["1990", "1", "0", "2000"], "answer": 2}
    assert answers.check("quiz_question", numbers, "2").correct  # index 2 ("0")
    assert not answers.check("quiz_question", numbers, "0").correct  # index 0 ("1990")
    assert answers.check("quiz_question", numbers, "1990").correct is False


def test_flashcards_are_self_graded_and_summaries_take_no_answer() -> None:
    assert answers.check("flashcard", CARD, None, confidence=0.5) == answers.Verdict(
        True, CARD["back"]
    )
    assert not answers.check("flashcard", CARD, "whatever", confidence=0.2).correct
    with pytest.raises(answers.NotAnswerable):
        answers.check("flashcard", CARD, "evaporation")
    with pytest.raises(answers.NotAnswerable):
        answers.check("summary", {"text": "x", "sentences": ["x"]}, "x")
