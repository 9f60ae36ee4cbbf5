"""Ratings of generated assets (`rateAsset`) and each asset's average rating.

- A rating is 1-5 (INVALID on rating; the table's CHECK holds it too) with an optional
  comment of at most `MAX_COMMENT_LENGTH` characters (TOO_LONG on comment).
- One rating per learner and asset: rating again replaces it, comment included (a comment
  not given is empty), in one statement (an upsert, so two at once leave one row).
- Learners rate their own assets only: an asset the viewer cannot read (another learner's,
  or of a deleted material) is NOT_FOUND; an admin, who reads it, is FORBIDDEN. Archived
  assets may still be rated (they are still read, with their cards' history).
- The average is over every rating of the asset (`AverageRatingByAssetLoader`), None while
  there is none.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from core.errors import AppError, ErrorCode, Validator, not_found, not_signed_in
from core.rows import build, fetch_records
from loaders.base import Loaders, select_visible
from loaders.studio_cards import AverageRating, AverageRatingByAssetLoader
from models.identity import User
from models.studio import AssetFeedback, GeneratedAsset
from resolvers.studio import policy
from resolvers.studio.study_cards import as_uuid

MIN_RATING, MAX_RATING = 1, 5
MAX_COMMENT_LENGTH = 2000
FEEDBACK = AssetFeedback._meta.db_table

# $1 id, $2 now, $3 user, $4 asset, $5 rating, $6 comment.
_UPSERT = f"""
INSERT INTO "{FEEDBACK}" (id, created_at, updated_at, user_id, asset_id, rating, comment)
VALUES ($1, $2, $2, $3, $4, $5, $6)
ON CONFLICT (user_id, asset_id) DO UPDATE
SET rating = EXCLUDED.rating, comment = EXCLUDED.comment, updated_at = EXCLUDED.updated_at
RETURNING *
"""


@dataclass(frozen=True)
class RatedAsset:
    feedback: AssetFeedback
    asset: GeneratedAsset


async def rate_asset(
    viewer: User | None,
    asset_id: Any,
    rating: int,
    comment: str | None = None,
    now: datetime | None = None,
) -> RatedAsset:
    """Rate one of the viewer's assets, or change their rating (see the module)."""
    if viewer is None:
        raise not_signed_in()
    check = Validator()
    check.check(
        MIN_RATING <= rating <= MAX_RATING,
        "rating",
        ErrorCode.INVALID,
        f"A rating is {MIN_RATING} to {MAX_RATING}.",
    )
    check.text("comment", comment, MAX_COMMENT_LENGTH)
    check.raise_if_any()
    wanted = as_uuid(asset_id)
    found = await select_visible(GeneratedAsset, [wanted], policy.assets(viewer)) if wanted else {}
    asset = found.get(wanted)
    if asset is None:
        raise not_found("Asset", "assetId")
    if asset.user_id != viewer.id:
        raise AppError.of(ErrorCode.FORBIDDEN, "Only the asset's learner rates it.", "assetId")
    rows = await fetch_records(
        _UPSERT,
        [
            uuid.uuid4(),
            now or datetime.now(UTC),
            viewer.id,
            asset.id,
            rating,
            (comment or "").strip(),
        ],
    )
    return RatedAsset(feedback=build(AssetFeedback, rows)[0], asset=asset)


async def average_rating(asset_id: Any, *, loaders: Loaders | None = None) -> AverageRating | None:
    """The asset's average rating and how many rated it (None: nobody yet); the caller has
    checked that the viewer reads the asset."""
    loader = (loaders or Loaders()).get(AverageRatingByAssetLoader)
    result: AverageRating | None = await loader.load(asset_id)
    return result
