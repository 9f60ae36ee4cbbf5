"""Studio loaders of review cards and ratings: cards by id and by learner and asset, a page
of due cards, review counts, and ratings (the viewer's, and each asset's average).

Access is the caller's: page and count loaders take a `Condition` (the studio policy's rule
rendered for the viewer, see resolvers/studio/cards.py), so keys of one viewer load together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from core.access import Params
from core.rows import fetch_records
from loaders.base import (
    Condition,
    ModelByIdLoader,
    ModelByPairLoader,
    PageOfConditionLoader,
    RecordLoader,
)
from models.studio import AssetFeedback, ReviewCard
from rules.studio.scheduling import MATURE_DAYS, ReviewStats

CARDS = ReviewCard._meta.db_table
FEEDBACK = AssetFeedback._meta.db_table


class ReviewCardByIdLoader(ModelByIdLoader):
    model = ReviewCard


class ReviewCardByUserAssetLoader(ModelByPairLoader):
    """Keys `(user_id, asset_id)`: the learner's card of the asset, or None."""

    model = ReviewCard
    columns = ("user_id", "asset_id")


class DueCardsPageLoader(PageOfConditionLoader):
    """Keys `(PageArgs, Condition)`: a page of the cards the condition lets through (the
    viewer's live cards due at a time), most overdue first."""

    model = ReviewCard
    order = ["t.due_at", "t.id"]
    descending = False


_STATS_SQL = f"""
SELECT count(*) AS total,
       count(*) FILTER (WHERE t.due_at <= {{now}}) AS due,
       count(*) FILTER (WHERE t.due_at < {{day_end}}) AS due_today,
       count(*) FILTER (WHERE t.phase IN ('learning', 'relearning')) AS learning,
       count(*) FILTER (WHERE t.phase = 'review' AND t.stability >= {{mature}}) AS mature,
       count(*) FILTER (WHERE t.phase = 'new') AS new
FROM "{CARDS}" t WHERE {{condition}}
"""


class ReviewStatsLoader(RecordLoader):
    """Keys `(Condition, now, local_day_end)`: the counts of rules/studio/scheduling.py's
    `review_stats` over the cards the condition lets through (the viewer's live cards), in
    one statement, from the columns copied out of each card's state: due at `now`, due
    before the learner's local midnight, LEARNING or RELEARNING, REVIEW with a stability of
    `MATURE_DAYS` or more, never reviewed."""

    async def fetch(self, keys: Sequence[tuple[Condition, datetime, datetime]]) -> dict[Any, Any]:
        found: dict[Any, ReviewStats] = {}
        for key in keys:
            condition, now, day_end = key
            # The condition's own placeholders come first ($1..$n), then these.
            params = Params(condition.params)
            sql = _STATS_SQL.format(
                condition=condition.sql,
                now=params(now),
                day_end=params(day_end),
                mature=params(MATURE_DAYS),
            )
            row = (await fetch_records(sql, params))[0]
            found[key] = ReviewStats(
                total=int(row["total"]),
                due=int(row["due"]),
                due_today=int(row["due_today"]),
                learning=int(row["learning"]),
                mature=int(row["mature"]),
                new=int(row["new"]),
            )
        return found


@dataclass(frozen=True)
class AverageRating:
    average: float  # 1-5
    count: int


class AverageRatingByAssetLoader(RecordLoader):
    """Each asset's average rating and how many rated it; None when nobody did."""

    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        rows = await fetch_records(
            f'SELECT asset_id AS k, avg(rating)::float AS v, count(*) AS n FROM "{FEEDBACK}" '
            "WHERE asset_id = ANY($1) GROUP BY asset_id",
            [list(keys)],
        )
        return {row["k"]: AverageRating(float(row["v"]), int(row["n"])) for row in rows}
