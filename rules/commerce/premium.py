"""The premium tier, computed on read from the learner's subscription (like hearts).

- A subscription (one per learner) has a plan, a stored status, the end of its current
  period and a `cancel_at_period_end` flag. Stored statuses: ACTIVE (paid up to
  `current_period_end`, canceled or not) and CANCELED (ended early: its payment was
  refunded). Nothing runs on a timer: an ACTIVE subscription whose period has ended reads
  CANCELED if its holder had canceled it, else EXPIRED (not renewed), as Stripe names them
  (`effective_status`).
- The tier is PREMIUM while the subscription reads ACTIVE, i.e. stored ACTIVE and
  now < current_period_end (at the end instant it is over); else FREE.
- The stored `users.subscription_tier` is a grant made outside commerce (admins, demo data,
  an enterprise contract); commerce never writes it. The tier a learner has is the higher of
  that grant and their subscription's (`tier_now`): free < premium < enterprise.
- Hearts are unlimited while premium (rules/learning/hearts.py knows the tier names; the
  subscription only decides the tier).
- A completed SUBSCRIPTION payment (a first purchase, a renewal, a purchase of another plan)
  makes the subscription ACTIVE on that plan, clears `cancel_at_period_end` (paying again
  means the learner wants it) and extends the period from max(current end, now)
  (rules/commerce/plans.py). A renewal reported by the provider with its own period end
  uses that end.
- Canceling keeps premium to the period's end: it only sets `cancel_at_period_end`.
  Canceling twice is harmless (unchanged). Canceling with no subscription in force (none,
  ended or refunded) is refused: `NOT_FOUND`, no field.
- A refunded SUBSCRIPTION payment ends the subscription at once (CANCELED, the period
  ending now): the money for the period is back, so is the period. Refunds are an admin's
  act on one learner; refunding an old renewal while keeping later ones is not offered.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from core.errors import ErrorCode, FieldError
from rules.commerce.plans import Plan, renewal_period_end

ACTIVE = "active"
CANCELED = "canceled"
EXPIRED = "expired"  # computed only
SUBSCRIPTION_STATUSES = (ACTIVE, CANCELED, EXPIRED)

# The values of models.identity.SubscriptionTier, lowest first.
FREE = "free"
PREMIUM = "premium"
ENTERPRISE = "enterprise"
TIER_ORDER = (FREE, PREMIUM, ENTERPRISE)


def _value(status: object) -> str:
    return str(getattr(status, "value", status))


@dataclass(frozen=True)
class SubscriptionState:
    plan: str
    status: str
    current_period_end: datetime
    cancel_at_period_end: bool = False


def effective_status(subscription: SubscriptionState, now: datetime) -> str:
    """ACTIVE, CANCELED or EXPIRED as of now (see the module's rules)."""
    status = _value(subscription.status)
    if status != ACTIVE:
        return status
    if now < subscription.current_period_end:
        return ACTIVE
    return CANCELED if subscription.cancel_at_period_end else EXPIRED


def is_premium(subscription: SubscriptionState | None, now: datetime) -> bool:
    return subscription is not None and effective_status(subscription, now) == ACTIVE


def subscription_tier(subscription: SubscriptionState | None, now: datetime) -> str:
    """PREMIUM while the subscription is in force, else FREE."""
    return PREMIUM if is_premium(subscription, now) else FREE


def tier_now(granted_tier: object, subscription: SubscriptionState | None, now: datetime) -> str:
    """The higher of the stored grant and the subscription's tier."""
    granted = _value(granted_tier)
    rank = TIER_ORDER.index(granted) if granted in TIER_ORDER else 0
    return max(TIER_ORDER[rank], subscription_tier(subscription, now), key=TIER_ORDER.index)


def hearts_unlimited(subscription: SubscriptionState | None, now: datetime) -> bool:
    """Premium learners never run out of hearts."""
    return is_premium(subscription, now)


def after_payment(
    subscription: SubscriptionState | None,
    plan: Plan,
    now: datetime,
    reported_end: datetime | None = None,
) -> SubscriptionState:
    """The subscription once a SUBSCRIPTION payment for `plan` has completed."""
    current_end = None
    if subscription is not None and _value(subscription.status) == ACTIVE:
        current_end = subscription.current_period_end  # a lapsed one restarts from now
    end = renewal_period_end(current_end, now, plan.months, reported_end)
    return SubscriptionState(plan.code, ACTIVE, end, cancel_at_period_end=False)


def cancel_refusal(subscription: SubscriptionState | None, now: datetime) -> FieldError | None:
    """Why the learner cannot cancel, or None."""
    if not is_premium(subscription, now):
        return FieldError(ErrorCode.NOT_FOUND, "You have no subscription to cancel.", None)
    return None


def cancel(subscription: SubscriptionState, now: datetime) -> SubscriptionState:
    """Canceled at the period's end: premium until then. Check `cancel_refusal` first."""
    if not is_premium(subscription, now):
        raise ValueError("only a subscription in force can be canceled")
    return replace(subscription, cancel_at_period_end=True)


def after_refund(subscription: SubscriptionState, now: datetime) -> SubscriptionState:
    """The subscription once one of its payments was refunded: over, now."""
    end = min(subscription.current_period_end, now)
    return replace(subscription, status=CANCELED, current_period_end=end)
