"""Hearts given back by practice elsewhere (the studio's review sessions): learning owns
hearts, so a higher domain that rewards practice asks through `restore_hearts`, which this
package exports.

The rule (rules/learning/hearts.py): one heart back in each of the learner's enrollments
that has fewer than the maximum right now (regeneration counted), whatever the
enrollment's status; the regenerated count is materialised and the new value set `now`;
unlimited hearts get nothing; each heart given back is a `HeartEvent` with the reason.
Whether the practice earned it (and only once) is the caller's rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient

from models.identity import User
from models.learning import Enrollment, HeartEvent, HeartReason
from resolvers.identity.policy import subscription_tier
from rules.learning import hearts as heart_rules

# The reasons that give a heart back (the others take one).
RESTORING_REASONS = frozenset({HeartReason(heart_rules.PRACTICE_COMPLETED)})


@dataclass(frozen=True)
class RestoredHeart:
    enrollment_id: UUID
    course_id: UUID
    hearts_before: int  # right now, regeneration counted
    hearts_after: int


async def restore_hearts(
    conn: BaseDBAsyncClient, user_id: UUID, reason: str, now: datetime
) -> list[RestoredHeart]:
    """Give one heart back in each of the user's enrollments under the maximum, on `conn`
    (the caller's transaction): the hearts given back, in enrollment id order. `reason` must be a
    reason that restores hearts (`RESTORING_REASONS`), else ValueError.

    The enrollments are locked (in id order, so two calls cannot deadlock; a lesson's answer
    locks one enrollment only), so a wrong answer at the same time is counted either before
    or after, never lost."""
    heart_reason = HeartReason(reason)
    if heart_reason not in RESTORING_REASONS:
        raise ValueError(f"{reason!r} does not give hearts back")
    user = await User.get(id=user_id, using_db=conn)
    tier = subscription_tier(user, now)
    if heart_rules.has_unlimited(tier):
        return []
    enrollments = (
        await Enrollment.filter(user_id=user_id).using_db(conn).order_by("id").select_for_update()
    )
    restored: list[RestoredHeart] = []
    for enrollment in enrollments:
        state = heart_rules.HeartState(enrollment.hearts, enrollment.hearts_updated_at)
        before = heart_rules.current_hearts(state, now, tier)
        if before >= heart_rules.MAX_HEARTS:
            continue
        enrollment.hearts, enrollment.hearts_updated_at = before + 1, now
        await enrollment.save(
            using_db=conn, update_fields=["hearts", "hearts_updated_at", "updated_at"]
        )
        await HeartEvent.create(
            user_id=user_id,
            enrollment_id=enrollment.id,
            hearts_before=before,
            hearts_after=before + 1,
            reason=heart_reason,
            using_db=conn,
        )
        restored.append(RestoredHeart(enrollment.id, enrollment.course_id, before, before + 1))
    return restored
