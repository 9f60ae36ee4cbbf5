"""Review cards as the studio's use cases write them: made once per learner and asset,
reviewed with FSRS (rules/studio/scheduling.py), and the ids use cases are given.

- A card is new (`phase` "new", no state) and due from when it is made, until its first
  review; it is made by the material's processing (flashcards, clozes, quiz questions), by a
  mistake (mistakes.py), or by the first answer to an asset that had none.
- A review stores the scheduler's new state and copies out what queries need: the phase
  (learning | review | relearning), the due time, the stability; `reps` counts reviews and
  `lapses` the reviews rated Again of a card in REVIEW (forgotten after being learnt).
- Making a card twice makes one (the table is unique per learner and asset).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any
from uuid import UUID

from fsrs import Rating, State
from tortoise.backends.base.client import BaseDBAsyncClient

from models.studio import ReviewCard
from rules.studio.scheduling import next_state

NEW_PHASE = "new"


def as_uuid(value: Any) -> UUID | None:
    """A use case's id argument as a UUID, or None when it is not one (read as not found)."""
    if isinstance(value, UUID):
        return value
    try:
        return UUID(str(value))
    except (TypeError, ValueError):
        return None


def phase_of(state: dict[str, Any] | None) -> str:
    """The card's phase as stored: "new" before any review, else the scheduler's state."""
    if state is None:
        return NEW_PHASE
    return State(int(state["state"])).name.lower()


async def make_cards(
    conn: BaseDBAsyncClient, user_id: UUID, asset_ids: Iterable[UUID], now: datetime
) -> None:
    """New cards of the learner for these assets, due at `now`; existing ones stay as they
    are (one statement)."""
    rows = [
        ReviewCard(user_id=user_id, asset_id=asset_id, phase=NEW_PHASE, due_at=now)
        for asset_id in dict.fromkeys(asset_ids)
    ]
    if rows:
        await ReviewCard.bulk_create(rows, ignore_conflicts=True, using_db=conn)


async def locked_card(
    conn: BaseDBAsyncClient, user_id: UUID, asset_id: UUID, now: datetime, *, create: bool
) -> ReviewCard | None:
    """The learner's card of the asset, locked for the transaction; made first (new, due at
    `now`) when there is none and `create`, else None."""
    query = ReviewCard.filter(user_id=user_id, asset_id=asset_id).using_db(conn)
    card = await query.select_for_update().first()
    if card is None and create:
        await make_cards(conn, user_id, [asset_id], now)
        card = await query.select_for_update().first()
    return card


async def review(conn: BaseDBAsyncClient, card: ReviewCard, rating: Rating, now: datetime) -> None:
    """Review the (locked) card at `now` with `rating` and store it."""
    was_review = card.state is not None and int(card.state["state"]) == State.Review
    state, due = next_state(card.state, rating, now)
    card.state = state
    card.phase = phase_of(state)
    card.due_at = due
    card.stability = state.get("stability")
    card.reps += 1
    card.lapses += int(was_review and rating is Rating.Again)
    card.last_reviewed_at = now
    await card.save(using_db=conn)
