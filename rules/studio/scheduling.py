"""Review scheduling with FSRS (the `fsrs` package), the time passed in.

Ratings from interactions (Decided in the studio issue):
- ANSWER wrong → Again; right with a confidence under `UNSURE` (0.5) → Hard; right with a
  confidence of at least `CONFIDENT` (0.9) and a response under `QUICK_MS` (3 s) → Easy;
  any other right answer → Good (an unknown confidence or time never makes it Hard or Easy).
- Flashcards are self-graded: no typed answer, the confidence (0-1) says how well the
  learner knew it; at least `UNSURE` counts as right (`self_graded`), so a flashcard is
  Again, Good or Easy, never Hard.
- VIEW and SKIP do not change the schedule (`interaction_rating` gives None).

The scheduler is FSRS with the package's default parameters, a desired retention of 0.9 and
its default learning steps (1 and 10 minutes) and relearning step (10 minutes), with fuzzing
off: the same history always gives the same due date (fuzz only spreads review load, and
a rule must be repeatable to be tested and replayed).

A card's state is the package's own JSON dict (`Card.to_dict`: state, step, stability,
difficulty, due, last review), stored as is; None is a card never reviewed, which is new
and due from its creation. `next_state` reviews it at `now` and gives the new state and due
date.

`review_stats` (Decided): `due` = due at `now`; `due_today` = due before the end of the
learner's local day (`local_day_end`); `learning` = reviewed cards in LEARNING or RELEARNING;
`mature` = REVIEW cards with a stability of `MATURE_DAYS` (21) days or more; `new` = cards
never reviewed (also counted in `due` and `due_today`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from enum import StrEnum
from typing import Any, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fsrs import Card, Rating, Scheduler, State
from fsrs.card import CardDict

UNSURE = 0.5
CONFIDENT = 0.9
QUICK_MS = 3000
MATURE_DAYS = 21.0
DESIRED_RETENTION = 0.9

# One scheduler for every card: it holds only parameters, and review_card copies the card.
SCHEDULER = Scheduler(desired_retention=DESIRED_RETENTION, enable_fuzzing=False)


class InteractionKind(StrEnum):
    ANSWER = "answer"
    VIEW = "view"
    SKIP = "skip"


def self_graded(confidence: float) -> bool:
    """A flashcard's self-grade: known well enough (right) from a confidence of 0.5."""
    return confidence >= UNSURE


def rating_for(
    correct: bool, confidence: float | None = None, response_ms: int | None = None
) -> Rating:
    """The FSRS rating of an answer (see the module's rules)."""
    if not correct:
        return Rating.Again
    if confidence is not None and confidence < UNSURE:
        return Rating.Hard
    if (
        confidence is not None
        and confidence >= CONFIDENT
        and response_ms is not None
        and response_ms < QUICK_MS
    ):
        return Rating.Easy
    return Rating.Good


def interaction_rating(
    kind: str,
    *,
    correct: bool | None,
    confidence: float | None = None,
    response_ms: int | None = None,
    flashcard: bool = False,
) -> Rating | None:
    """The rating an interaction gives its card, or None when the schedule stays as it is
    (VIEW, SKIP). A flashcard's answer is graded by its confidence alone; any other answer
    needs `correct` (checked by rules.studio.answers)."""
    if InteractionKind(kind) is not InteractionKind.ANSWER:
        return None
    if flashcard:
        if confidence is None:
            raise ValueError("a flashcard answer needs a confidence (0-1)")
        return rating_for(self_graded(confidence), confidence, response_ms)
    if correct is None:
        raise ValueError("an answer needs to be marked right or wrong")
    return rating_for(correct, confidence, response_ms)


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("times must be timezone-aware")
    return moment.astimezone(UTC)


def card_from_state(state: Mapping[str, Any] | None, now: datetime) -> Card:
    """The package's card for a stored state; a new card (None) is due at `now`."""
    if state is None:
        # The id only labels the package's review logs, which are not kept: the review's time.
        moment = _utc(now)
        return Card(card_id=int(moment.timestamp() * 1000), due=moment)
    return Card.from_dict(cast(CardDict, dict(state)))


def next_state(
    state: Mapping[str, Any] | None, rating: Rating, now: datetime
) -> tuple[dict[str, Any], datetime]:
    """Review the card at `now` with `rating`: its new state (JSON-able) and due date."""
    moment = _utc(now)
    card, _log = SCHEDULER.review_card(card_from_state(state, moment), rating, moment)
    return dict(card.to_dict()), card.due


def due_of(state: Mapping[str, Any] | None, created_at: datetime) -> datetime:
    """When a card is due: its state's due date, or its creation for a new card."""
    return _utc(created_at) if state is None else datetime.fromisoformat(str(state["due"]))


def retrievability(state: Mapping[str, Any] | None, now: datetime) -> float:
    """The predicted probability (0-1) of recalling the card at `now`; 0 for a new card."""
    if state is None:
        return 0.0
    return float(SCHEDULER.get_card_retrievability(card_from_state(state, now), _utc(now)))


def zone(tz: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(tz or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def local_day_end(now: datetime, tz: str | None) -> datetime:
    """The next local midnight in the IANA zone `tz` (UTC when unknown), as a UTC instant."""
    local = _utc(now).astimezone(zone(tz))
    tomorrow = datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=zone(tz))
    return tomorrow.astimezone(UTC)


@dataclass(frozen=True)
class ReviewStats:
    total: int = 0
    due: int = 0
    due_today: int = 0
    learning: int = 0
    mature: int = 0
    new: int = 0


@dataclass(frozen=True)
class CardSchedule:
    """What the stats need of a card: its stored state (None: never reviewed) and when it
    was created (a new card is due from then)."""

    state: Mapping[str, Any] | None
    created_at: datetime


def review_stats(
    cards: Iterable[CardSchedule], now: datetime, local_day_end: datetime
) -> ReviewStats:
    """Counts over the learner's active cards (the caller leaves out archived or deleted
    ones); see the module's definitions."""
    now, day_end = _utc(now), _utc(local_day_end)
    total = due = due_today = learning = mature = new = 0
    for card in cards:
        total += 1
        when = due_of(card.state, card.created_at)
        due += when <= now
        due_today += when < day_end
        if card.state is None:
            new += 1
            continue
        kind = State(int(card.state["state"]))
        if kind in (State.Learning, State.Relearning):
            learning += 1
        elif kind is State.Review and float(card.state.get("stability") or 0) >= MATURE_DAYS:
            mature += 1
    return ReviewStats(total, due, due_today, learning, mature, new)
