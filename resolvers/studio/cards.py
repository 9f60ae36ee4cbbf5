"""The learner's review cards: what is due (`due_reviews`, and the REVIEW sessions of
sessions.py) and the counts of `review_stats`.

- Due: the viewer's own live cards (policy.live_cards: of ACTIVE assets, not of a deleted
  material; a mistake card has no material) whose due time has come, most overdue first
  (due time, then id). Cards of archived assets keep their history but never come due.
  An admin's `dueReviews` are their own cards too: reviewing is the learner's alone.
- Stats (rules/studio/scheduling.py's definitions, decided in the studio issue): `due` =
  due now; `due_today` = due before the end of the learner's local day (`users.timezone`,
  UTC when unknown); `learning` = cards in LEARNING or RELEARNING; `mature` = REVIEW cards
  with a stability of 21 days or more; `new` = never reviewed; `total` = live cards.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from core.access import Param, Rule, column_is
from core.errors import not_signed_in
from core.pagination import Page, PageArgs
from loaders.base import Condition, Loaders
from loaders.studio_cards import DueCardsPageLoader, ReviewStatsLoader
from models.identity import User
from models.studio import GeneratedAsset, ReviewCard
from resolvers.studio import policy
from rules.studio.scheduling import ReviewStats, local_day_end

ASSETS = GeneratedAsset._meta.db_table


def _all(*rules: Rule) -> Rule:
    return Rule(lambda alias, param: " AND ".join(r.sql(alias, param) for r in rules))


def own_live_cards(viewer: User) -> Rule:
    """The viewer's own cards that may come due (whoever the viewer is, admins included)."""
    return _all(column_is("user_id", viewer.id), policy.live_cards(viewer))


def due_cards(viewer: User, now: datetime, material_id: Any = None) -> Rule:
    """The viewer's own live cards due at `now`; only those of `material_id`'s assets when
    given."""

    def due(alias: str, param: Param) -> str:
        return f"{alias}.due_at <= {param(now)}"

    def of_material(alias: str, param: Param) -> str:
        a = f"dm_{alias}"
        return (
            f'EXISTS (SELECT 1 FROM "{ASSETS}" {a} WHERE {a}.id = {alias}.asset_id '
            f"AND {a}.material_id = {param(material_id)})"
        )

    rules = [own_live_cards(viewer), Rule(due)]
    if material_id is not None:
        rules.append(Rule(of_material))
    return _all(*rules)


async def due_reviews(
    viewer: User | None,
    now: datetime,
    args: PageArgs | None = None,
    *,
    loaders: Loaders | None = None,
) -> Page[ReviewCard]:
    """A page of the viewer's due cards, most overdue first (keyset: due time, id); its
    `total_count` counts them all."""
    if viewer is None:
        raise not_signed_in()
    loader = (loaders or Loaders()).get(DueCardsPageLoader)
    page: Page[ReviewCard] = await loader.load(
        (args or PageArgs(), Condition.of(due_cards(viewer, now)))
    )
    return page


async def review_stats(
    viewer: User | None, now: datetime, *, loaders: Loaders | None = None
) -> ReviewStats:
    """The viewer's review counts at `now` (see the module's definitions), in one statement."""
    if viewer is None:
        raise not_signed_in()
    day_end = local_day_end(now, viewer.timezone)
    loader = (loaders or Loaders()).get(ReviewStatsLoader)
    stats: ReviewStats = await loader.load((Condition.of(own_live_cards(viewer)), now, day_end))
    return stats
