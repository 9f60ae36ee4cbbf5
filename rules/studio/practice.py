"""Practice restores hearts (the heart reason `practice_completed` of seed 003).

A companion of the heart rules in rules/learning/hearts.py (5 at most, one lost per wrong
answer in a lesson, one back every 4 hours):

- Finishing a REVIEW session earns practice hearts when the learner answered (ANSWER, not
  VIEW or SKIP) at least `MIN_CARDS` (10) distinct cards in it and at least `MIN_ACCURACY`
  (80%) of the session's answers were right. The accuracy is over every answer of the
  session (the same totals the session ends with), so retrying a card after a wrong answer
  does not erase the mistake.
- STUDY and QUIZ sessions never restore hearts.
- A session earns them at most once: a session already rewarded earns nothing more (the
  caller records the reward with the session, in the same transaction).
- The reward is one heart in each of the learner's enrollments that has fewer than the
  maximum (the current count, regeneration included, as learning's rules compute it);
  enrollments already full, and learners with unlimited hearts, get nothing. Each heart
  given back is logged as a heart event with reason `PRACTICE_HEART_REASON`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from rules.studio.scheduling import InteractionKind

MIN_CARDS = 10
MIN_ACCURACY = 0.8
REVIEW_MODE = "review"
PRACTICE_HEART_REASON = "practice_completed"

K = TypeVar("K")


@dataclass(frozen=True)
class SessionInteraction:
    card: str  # the reviewed card's (or asset's) id
    kind: str  # answer | view | skip
    correct: bool | None = None


@dataclass(frozen=True)
class PracticeResult:
    cards_answered: int  # distinct cards with at least one answer
    answers: int
    right: int

    @property
    def accuracy(self) -> float | None:
        return self.right / self.answers if self.answers else None


def tally(interactions: Iterable[SessionInteraction]) -> PracticeResult:
    cards: set[str] = set()
    answers = right = 0
    for interaction in interactions:
        if InteractionKind(interaction.kind) is not InteractionKind.ANSWER:
            continue
        cards.add(interaction.card)
        answers += 1
        right += bool(interaction.correct)
    return PracticeResult(len(cards), answers, right)


def earns_hearts(mode: str, result: PracticeResult, already_rewarded: bool) -> bool:
    """Does finishing this session restore hearts? (See the module's rules.)"""
    mode = str(getattr(mode, "value", mode)).lower()
    return (
        mode == REVIEW_MODE
        and not already_rewarded
        and result.cards_answered >= MIN_CARDS
        and result.accuracy is not None
        and result.accuracy >= MIN_ACCURACY
    )


def restored_hearts(
    current: Mapping[K, int], max_hearts: int, unlimited: bool = False
) -> dict[K, int]:
    """The new heart count of each enrollment that gets one back: those under `max_hearts`
    (`current` holds each enrollment's hearts right now). Empty for unlimited hearts."""
    if unlimited:
        return {}
    return {key: hearts + 1 for key, hearts in current.items() if 0 <= hearts < max_hearts}
