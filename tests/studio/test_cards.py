"""The learner's due cards and review counts through the use cases on PostgreSQL: most
overdue first, keyset pages, nothing archived, deleted or someone else's; `dueToday` by the
learner's time zone, and counts equal to the scheduling rules' own over the same cards."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Rating
from tortoise.transactions import in_transaction

from core.errors import AppError
from core.pagination import PageArgs
from models.identity import Role, User
from models.studio import AssetSource, AssetStatus, AssetType, ReviewCard
from resolvers.studio.cards import due_reviews, review_stats
from resolvers.studio.study_cards import review
from rules.studio.scheduling import (
    CardSchedule,
    ReviewStats,
    local_day_end,
    next_state,
)
from rules.studio.scheduling import review_stats as rules_review_stats
from tests.factories.identity import create_user
from tests.studio.study_rows import asset, card_of, material

pytestmark = pytest.mark.usefixtures("server")  # its lifespan opens the ORM

CLOZE = AssetType.CLOZE
EAST, WEST = "Pacific/Kiritimati", "Pacific/Pago_Pago"  # UTC+14 and UTC-11


async def test_due_reviews_page_the_viewers_live_due_cards_most_overdue_first() -> None:
    user, other = await create_user(), await create_user()
    now = datetime.now(UTC)
    mat, _ = await material(user)
    gone, _ = await material(user, deleted_at=now)
    due = [
        await asset(user, CLOZE, material_row=mat, due_at=now - timedelta(hours=2)),
        await asset(user, CLOZE, source=AssetSource.CORRECTION, due_at=now - timedelta(hours=3)),
        await asset(user, CLOZE, material_row=mat, due_at=now),
        await asset(user, CLOZE, source=AssetSource.EXERCISE, due_at=now - timedelta(hours=1)),
    ]
    await asset(user, CLOZE, material_row=mat, due_at=now + timedelta(seconds=1))
    await asset(user, CLOZE, material_row=mat, status=AssetStatus.ARCHIVED, due_at=now)
    await asset(user, CLOZE, material_row=gone, due_at=now)
    await asset(other, CLOZE, due_at=now - timedelta(days=5))
    in_order = [due[1], due[0], due[3], due[2]]

    first = await due_reviews(user, now, PageArgs(first=2))
    assert [(await card_of(user, a)) for a in in_order[:2]] == first.items
    assert [c.asset_id for c in first.items] == [a.id for a in in_order[:2]]
    assert (first.has_next_page, first.has_previous_page) == (True, False)
    assert await first.total_count() == 4
    second = await due_reviews(user, now, PageArgs(first=2, after=first.cursor(1)))
    assert [c.asset_id for c in second.items] == [a.id for a in in_order[2:]]
    assert (second.has_next_page, second.has_previous_page) == (False, True)
    whole = await due_reviews(user, now)
    assert [c.asset_id for c in whole.items] == [a.id for a in in_order]
    # A second later the card due then joins them.
    later = await due_reviews(user, now + timedelta(seconds=1))
    assert await later.total_count() == 5


async def test_an_admins_due_reviews_are_their_own_and_anonymous_is_refused() -> None:
    admin, learner = await create_user(role=Role.ADMIN), await create_user()
    now = datetime.now(UTC)
    own = await asset(admin, CLOZE, due_at=now - timedelta(minutes=1))
    await asset(learner, CLOZE, due_at=now - timedelta(minutes=2))
    page = await due_reviews(admin, now)
    assert [c.asset_id for c in page.items] == [own.id]
    stats = await review_stats(admin, now)
    assert (stats.total, stats.due) == (1, 1)
    for call in (due_reviews(None, now), review_stats(None, now)):
        with pytest.raises(AppError) as error:
            await call
        assert [(e.code.value, e.field) for e in error.value.errors] == [("UNAUTHENTICATED", None)]


async def _reviewed(user: User, history: Sequence[tuple[Rating, datetime]]) -> ReviewCard:
    """A card of a new cloze reviewed with these ratings at these times."""
    item = await asset(user, CLOZE, due_at=history[0][1])
    card = await card_of(user, item)
    assert card is not None
    for rating, when in history:
        async with in_transaction() as conn:
            await review(conn, card, rating, when)
    return card


def _mature_history(last: datetime) -> list[tuple[Rating, datetime]]:
    """Easy, then Good at each due date until the stability reaches 21 days; shifted so the
    last review is at `last` (FSRS depends on elapsed time only)."""
    start = last - timedelta(days=1000)
    state, due = next_state(None, Rating.Easy, start)
    history = [(Rating.Easy, start)]
    while float(state["stability"]) < 21:
        history.append((Rating.Good, due))
        state, due = next_state(state, Rating.Good, due)
    shift = last - history[-1][1]
    return [(rating, when + shift) for rating, when in history]


async def _cards_of_every_kind(user: User, now: datetime, between: datetime) -> None:
    """New (due an hour ago), learning (due at `between`), relearning (due 10 minutes ago),
    mature (due in 20+ days), young review (due 22 days ago), and three that never count."""
    new = await asset(user, CLOZE, due_at=now - timedelta(hours=1))
    await ReviewCard.filter(asset_id=new.id).update(created_at=now - timedelta(hours=1))
    await _reviewed(user, [(Rating.Good, between - timedelta(minutes=10))])
    month_ago = now - timedelta(days=30)
    await _reviewed(user, [(Rating.Easy, month_ago), (Rating.Again, now - timedelta(minutes=20))])
    await _reviewed(user, _mature_history(now - timedelta(days=1)))
    await _reviewed(user, [(Rating.Easy, month_ago)])
    mat, _ = await material(user)
    gone, _ = await material(user, deleted_at=now)
    await asset(user, CLOZE, material_row=mat, status=AssetStatus.ARCHIVED, due_at=now)
    await asset(user, CLOZE, material_row=gone, due_at=now)


async def test_review_stats_count_by_the_learners_day_as_the_rules_do() -> None:
    now = datetime.now(UTC)
    east_end, west_end = local_day_end(now, EAST), local_day_end(now, WEST)
    # Local midnights 25 hours apart: 1 or 23 hours between the two day ends.
    between = min(east_end, west_end) + timedelta(minutes=1)
    assert between < max(east_end, west_end)
    counts = {}
    for tz in (EAST, WEST):
        user = await create_user(timezone=tz)
        await _cards_of_every_kind(user, now, between)
        stats = await review_stats(user, now)
        # The live ones: of active assets without a material (the other two have one).
        live = await ReviewCard.filter(
            user_id=user.id, asset__status="active", asset__material_id__isnull=True
        )
        assert len(live) == 5
        expected = rules_review_stats(
            [CardSchedule(c.state, c.created_at) for c in live], now, local_day_end(now, tz)
        )
        assert stats == expected
        counts[tz] = stats
        page = await due_reviews(user, now)
        assert await page.total_count() == stats.due
    later_day = EAST if east_end > west_end else WEST
    for tz, stats in counts.items():
        assert stats == ReviewStats(
            total=5,
            due=3,  # new, relearning, young review
            due_today=4 if tz == later_day else 3,  # + learning, due before its midnight
            learning=2,  # learning, relearning
            mature=1,
            new=1,
        )
