"""Hearts: a learner's allowance of mistakes in a course.

- At most `MAX_HEARTS` (5). A wrong answer during a lesson costs one; never below 0.
- One heart comes back every `REGEN_INTERVAL` (4 hours), counted from when the stored value
  was last set. Nothing runs on a timer: the current count is computed on read from the
  stored value and its timestamp, and written back (with a new timestamp) whenever it changes.
- Premium and enterprise subscribers have unlimited hearts: they always read as full and
  never lose any.
- A lesson cannot start with 0 hearts (`NO_HEARTS`). A lesson already in play can be
  finished at 0: its answers are still checked and recorded, they just cost nothing more.
- Hearts belong to an enrollment (each course has its own five).
- Practice gives hearts back (`PRACTICE_COMPLETED`): finishing a studio REVIEW session with
  at least 10 distinct cards answered and at least 80% of its answers right
  (rules/studio/practice.py) gives one heart back in each of the learner's enrollments that
  has fewer than `MAX_HEARTS` right now (regeneration counted), at most once per session.
  Like a lost heart, the regenerated count is materialised first and the new value is set
  "now". Unlimited hearts (premium) get nothing back: they are always full.

Every change of a stored count is logged as a heart event with its reason: `WRONG_ANSWER`
(one lost to a wrong answer in a lesson) or `PRACTICE_COMPLETED` (one given back by
practice). Regeneration is never logged: it is computed on read, not stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

MAX_HEARTS = 5
REGEN_INTERVAL = timedelta(hours=4)
UNLIMITED_TIERS = frozenset({"premium", "enterprise"})

# The heart event reason of hearts given back by practice (a models.learning.HeartReason).
PRACTICE_COMPLETED = "practice_completed"


@dataclass(frozen=True)
class HeartState:
    hearts: int
    updated_at: datetime


def has_unlimited(tier: str) -> bool:
    return str(getattr(tier, "value", tier)) in UNLIMITED_TIERS


def current_hearts(state: HeartState, now: datetime, tier: str = "free") -> int:
    """Hearts right now: the stored value plus one per whole 4 hours since it was set."""
    if has_unlimited(tier):
        return MAX_HEARTS
    stored = max(0, min(MAX_HEARTS, state.hearts))
    if stored >= MAX_HEARTS:
        return MAX_HEARTS
    elapsed = now - state.updated_at
    regenerated = max(0, elapsed // REGEN_INTERVAL)
    return min(MAX_HEARTS, stored + regenerated)


def next_heart_at(state: HeartState, now: datetime, tier: str = "free") -> datetime | None:
    """When the next heart comes back, or None when full (or unlimited)."""
    if current_hearts(state, now, tier) >= MAX_HEARTS:
        return None
    elapsed = now - state.updated_at
    steps = max(0, elapsed // REGEN_INTERVAL) + 1
    return state.updated_at + steps * REGEN_INTERVAL


def lose_heart(state: HeartState, now: datetime, tier: str = "free") -> tuple[HeartState, int]:
    """The state after a wrong answer, and how many hearts it cost (0 or 1).

    The regenerated count is materialised first, so the new value is set "now".
    """
    if has_unlimited(tier):
        return state, 0
    hearts = current_hearts(state, now, tier)
    if hearts == 0:
        return HeartState(0, state.updated_at), 0
    return HeartState(hearts - 1, now), 1


def can_start_lesson(state: HeartState, now: datetime, tier: str = "free") -> bool:
    return current_hearts(state, now, tier) > 0
