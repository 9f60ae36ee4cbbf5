"""Rating assets through the use cases on PostgreSQL: 1-5, one rating per learner and asset
that rating again replaces, the learner's own assets only, and each asset's average."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from tortoise.exceptions import IntegrityError

from loaders.base import Loaders
from loaders.studio import RatingByUserAssetLoader
from loaders.studio_cards import AverageRating
from models.identity import Role
from models.studio import AssetFeedback, AssetStatus, AssetType
from resolvers.studio.feedback import average_rating, rate_asset
from tests.factories.identity import create_user
from tests.studio.study_rows import asset, material, refused

pytestmark = pytest.mark.usefixtures("server")  # its lifespan opens the ORM


async def test_a_rating_is_one_per_learner_and_asset_and_can_be_changed() -> None:
    user = await create_user()
    item = await asset(user, AssetType.FLASHCARD)
    now = datetime.now(UTC)
    first = await rate_asset(user, item.id, 2, "  Too vague.  ", now=now)
    assert (first.feedback.rating, first.feedback.comment, first.asset.id) == (
        2,
        "Too vague.",
        item.id,
    )
    changed = await rate_asset(user, item.id, 5, now=now + timedelta(minutes=1))
    assert changed.feedback.id == first.feedback.id
    assert (changed.feedback.rating, changed.feedback.comment) == (5, "")
    assert changed.feedback.created_at == now
    assert changed.feedback.updated_at == now + timedelta(minutes=1)
    rows = await AssetFeedback.filter(asset_id=item.id).values_list("user_id", "rating", "comment")
    assert rows == [(user.id, 5, "")]
    viewer_rating = await Loaders().get(RatingByUserAssetLoader).load((user.id, item.id))
    assert viewer_rating.rating == 5
    archived = await asset(user, AssetType.CLOZE, status=AssetStatus.ARCHIVED)
    assert (await rate_asset(user, archived.id, 1)).feedback.rating == 1


async def test_ratings_are_1_to_5_and_comments_bounded_with_nothing_written() -> None:
    user = await create_user()
    item = await asset(user)
    for rating in (0, 6, -1):
        assert await refused(rate_asset(user, item.id, rating)) == [("INVALID", "rating")]
    assert await refused(rate_asset(user, item.id, 9, "x" * 2001)) == [
        ("INVALID", "rating"),
        ("TOO_LONG", "comment"),
    ]
    assert await AssetFeedback.filter(asset_id=item.id).count() == 0
    # The table holds the range too.
    with pytest.raises(IntegrityError):
        await AssetFeedback.create(user=user, asset=item, rating=6)


async def test_only_the_learner_rates_their_assets() -> None:
    user, other = await create_user(), await create_user()
    admin = await create_user(role=Role.ADMIN)
    now = datetime.now(UTC)
    mine = await asset(user)
    gone, _ = await material(user, deleted_at=now)
    deleted = await asset(user, material_row=gone)
    for viewer, asset_id in ((other, mine.id), (user, deleted.id), (user, "nope")):
        assert await refused(rate_asset(viewer, asset_id, 3)) == [("NOT_FOUND", "assetId")]
    assert await refused(rate_asset(admin, mine.id, 3)) == [("FORBIDDEN", "assetId")]
    assert await refused(rate_asset(None, mine.id, 3)) == [("UNAUTHENTICATED", None)]
    assert await AssetFeedback.filter(asset_id__in=[mine.id, deleted.id]).count() == 0


async def test_each_assets_average_rating() -> None:
    user, others = await create_user(), [await create_user() for _ in range(2)]
    rated, unrated = await asset(user), await asset(user)
    await rate_asset(user, rated.id, 5)
    # Ratings by others are not made by the use case (owner only); the average counts all.
    for other, rating in zip(others, (2, 4), strict=True):
        await AssetFeedback.create(user=other, asset=rated, rating=rating)
    loaders = Loaders()
    averages = [
        await average_rating(rated.id, loaders=loaders),
        await average_rating(unrated.id, loaders=loaders),
    ]
    assert averages == [AverageRating(average=11 / 3, count=3), None]
    await rate_asset(user, rated.id, 2)
    assert await average_rating(rated.id) == AverageRating(average=8 / 3, count=3)
