"""The premium plan through HTTP: buying it with the local provider makes the tier PREMIUM
(hearts unlimited) until the period ends; `subscription.renewed` extends it once; cancelling
keeps it to the period's end."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from core.ids import global_id
from models.commerce import PremiumSubscription, Transaction, TransactionKind, TransactionStatus
from models.identity import User
from rules.commerce.plans import period_end
from tests.factories.catalog import course_tree
from tests.factories.commerce import (
    checkout_ok,
    deliver,
    press,
    priced_course,
    refusal,
    renewal,
    row_of,
    run,
    start_checkout,
)
from tests.factories.identity import NOT_SIGNED_IN, signed_in
from tests.factories.learning import enrollment
from tests.factories.learning_play import run as play
from tests.factories.learning_play import start
from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.usefixtures("server")  # its lifespan opens the ORM


async def _me(gql: GraphQLClient, token: str) -> dict[str, Any]:
    me: dict[str, Any] = (await run(gql, "MyTransactions", token))["me"]
    return me


async def _premium(
    gql: GraphQLClient, http: httpx.AsyncClient, plan: str = "PREMIUM_MONTHLY"
) -> tuple[User, str, PremiumSubscription]:
    """A learner who bought `plan` through the pay page."""
    user, token = await signed_in()
    payload = await checkout_ok(gql, token, plan=plan)
    assert (await press(http, payload["checkoutUrl"], "pay")).status_code == 303
    return user, token, await PremiumSubscription.get(user_id=user.id)


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text)


async def _cancel(gql: GraphQLClient, token: str | None, reason: str | None = None) -> Any:
    return (await run(gql, "CancelSubscription", token, reason=reason))["cancelSubscription"]


async def test_buying_premium_makes_the_tier_premium_and_hearts_unlimited(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    user, token = await signed_in()
    free = await course_tree()
    await enrollment(user, free.course, hearts=0)
    no_hearts = await start(gql, token, free.lessons[0])
    assert no_hearts["errors"][0]["code"] == "NO_HEARTS"

    payload = await checkout_ok(gql, token, plan="PREMIUM_MONTHLY")
    transaction = payload["transaction"]
    assert transaction["kind"] == "SUBSCRIPTION" and transaction["course"] is None
    assert transaction["amount"] == {"amount": "9.99", "currency": "USD"}
    assert (await _me(gql, token))["subscriptionTier"] == "FREE"
    assert (await press(http, payload["checkoutUrl"], "pay")).status_code == 303

    row = await row_of(transaction["id"])
    assert row.status is TransactionStatus.COMPLETED and row.completed_at is not None
    subscription = await PremiumSubscription.get(user_id=user.id)
    assert row.subscription_id == subscription.id
    assert subscription.current_period_end == period_end(row.completed_at, 1)
    assert (await User.get(id=user.id)).premium_until == subscription.current_period_end
    me = await _me(gql, token)
    assert me["subscriptionTier"] == "PREMIUM"
    assert me["subscription"] == {
        "id": global_id("PremiumSubscription", subscription.id),
        "plan": "PREMIUM_MONTHLY",
        "status": "ACTIVE",
        "currentPeriodEnd": me["subscription"]["currentPeriodEnd"],
        "cancelAtPeriodEnd": False,
    }
    assert _when(me["subscription"]["currentPeriodEnd"]) == subscription.current_period_end
    started = await start(gql, token, free.lessons[0])
    assert started["errors"] == [] and started["hearts"] == 5
    # Premium is not a second premium, and does not unlock priced courses.
    again = await start_checkout(gql, token, plan="PREMIUM_YEARLY")
    assert again["errors"] == [
        {"field": "plan", "message": "You are already premium.", "code": "CONFLICT"}
    ]
    priced = await priced_course()
    enroll = await play(gql, "Enroll", token, courseId=global_id("Course", priced.course.id))
    assert enroll["enroll"]["errors"][0]["code"] == "PAYMENT_REQUIRED"


async def test_the_yearly_plan_costs_its_price_for_twelve_months(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    user, _, subscription = await _premium(gql, http, "PREMIUM_YEARLY")
    paid = await Transaction.get(user_id=user.id)
    assert f"{paid.amount}" == "79.99" and paid.plan is not None
    assert paid.completed_at is not None
    assert subscription.current_period_end == period_end(paid.completed_at, 12)


async def test_a_renewal_extends_the_period_once(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    user, token, subscription = await _premium(gql, http)
    next_end = period_end(subscription.current_period_end, 1)
    renewed = renewal(subscription, period_end=next_end, provider_transaction_id="local_r1")
    answer = await deliver(http, renewed)
    assert answer.json() == {"received": True, "outcome": "applied"}
    assert (await deliver(http, renewed)).json()["outcome"] == "duplicate"
    # The same charge reported again under another event id: recorded, ignored.
    same_charge = renewal(subscription, period_end=next_end, provider_transaction_id="local_r1")
    assert (await deliver(http, same_charge)).json()["outcome"] == "ignored"
    extended = await PremiumSubscription.get(id=subscription.id)
    assert extended.current_period_end == next_end
    assert (await User.get(id=user.id)).premium_until == next_end
    payments = await Transaction.filter(user_id=user.id).order_by("created_at")
    assert [(p.kind, p.status, f"{p.amount}") for p in payments] == [
        (TransactionKind.SUBSCRIPTION, TransactionStatus.COMPLETED, "9.99"),
        (TransactionKind.SUBSCRIPTION, TransactionStatus.COMPLETED, "9.99"),
    ]
    assert payments[1].provider_transaction_id == "local_r1"
    assert payments[1].subscription_id == subscription.id
    me = await _me(gql, token)
    assert me["transactions"]["totalCount"] == 2
    assert _when(me["subscription"]["currentPeriodEnd"]) == next_end
    # A renewal at another price, or of a subscription we do not know: refused.
    wrong = renewal(subscription, period_end=next_end, amount="1.00", provider_transaction_id="r2")
    assert refusal(await deliver(http, wrong)) == (400, "INVALID")
    never_stored = PremiumSubscription(id=uuid.uuid4())
    unknown = renewal(never_stored, period_end=next_end, provider_transaction_id="r3")
    assert refusal(await deliver(http, unknown)) == (404, "NOT_FOUND")
    assert await Transaction.filter(user_id=user.id).count() == 2


async def test_cancelling_keeps_premium_until_the_period_ends(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    user, token, subscription = await _premium(gql, http)
    cancelled = await _cancel(gql, token, "  too expensive ")
    assert cancelled["errors"] == []
    assert cancelled["subscription"]["status"] == "ACTIVE"
    assert cancelled["subscription"]["cancelAtPeriodEnd"] is True
    row = await PremiumSubscription.get(id=subscription.id)
    assert row.cancel_reason == "too expensive" and row.canceled_at is not None
    assert row.current_period_end == subscription.current_period_end
    assert (await _me(gql, token))["subscriptionTier"] == "PREMIUM"
    # Cancelling again changes nothing.
    assert (await _cancel(gql, token))["subscription"] == cancelled["subscription"]
    assert (await PremiumSubscription.get(id=subscription.id)).canceled_at == row.canceled_at
    # Cancelled: another plan may be bought (it starts when this period ends).
    assert (await start_checkout(gql, token, plan="PREMIUM_YEARLY"))["errors"] == []
    # The period ends: free again, and the subscription reads CANCELED.
    past = datetime.now(UTC) - timedelta(seconds=1)
    await PremiumSubscription.filter(id=subscription.id).update(current_period_end=past)
    await User.filter(id=user.id).update(premium_until=past)
    me = await _me(gql, token)
    assert me["subscriptionTier"] == "FREE"
    assert me["subscription"]["status"] == "CANCELED"
    nothing = await _cancel(gql, token)
    assert nothing == {
        "subscription": None,
        "errors": [
            {"field": None, "message": "You have no subscription to cancel.", "code": "NOT_FOUND"}
        ],
    }


async def test_cancelling_needs_a_subscription_in_force_and_a_signed_in_learner(
    gql: GraphQLClient,
) -> None:
    _, token = await signed_in()
    assert (await _cancel(gql, token))["errors"][0]["code"] == "NOT_FOUND"
    assert (await _cancel(gql, None))["errors"] == NOT_SIGNED_IN
    too_long = await _cancel(gql, token, "x" * 1001)
    assert too_long["errors"] == [
        {"field": "reason", "message": "At most 1000 characters.", "code": "TOO_LONG"}
    ]


async def test_a_renewal_after_cancelling_renews(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    _, token, subscription = await _premium(gql, http)
    assert (await _cancel(gql, token))["errors"] == []
    next_end = period_end(subscription.current_period_end, 1)
    renewed = renewal(subscription, period_end=next_end, provider_transaction_id="local_rc")
    assert (await deliver(http, renewed)).json()["outcome"] == "applied"
    row = await PremiumSubscription.get(id=subscription.id)
    assert (row.cancel_at_period_end, row.current_period_end) == (False, next_end)
