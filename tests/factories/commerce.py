"""Buying through the API as a learner would, and sending the local provider's webhooks as
the provider would: the operations of commerce.graphql, the pay page's buttons, and signed
(or deliberately mis-signed) events delivered to `/webhooks/payments/local`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import httpx

from core.ids import decode_global_id, global_id
from core.settings import get_settings
from models.commerce import PremiumSubscription, Transaction
from services.payments.base import Delivery
from services.payments.local import LocalProvider
from tests.factories.catalog import CourseTree, course_tree
from tests.graphql_client import GraphQLClient, operation

OPS = operation("commerce.graphql")
WEBHOOK = "/webhooks/payments/local"
PRICE = Decimal("19.99")


def provider() -> LocalProvider:
    """The local provider with the secret the session server checks."""
    return LocalProvider(get_settings().payment_webhook_secret)


async def priced_course(price: str = "19.99", currency: str = "USD", **fields: Any) -> CourseTree:
    return await course_tree(price_amount=Decimal(price), price_currency=currency, **fields)


async def run(gql: GraphQLClient, name: str, token: str | None, **variables: Any) -> Any:
    return await gql(OPS, variables, token=token, operation_name=name)


async def start_checkout(
    gql: GraphQLClient, token: str | None, *, course: Any = None, plan: str | None = None
) -> dict[str, Any]:
    """The `startCheckout` payload for a course (row) or a plan (its enum name)."""
    variables: dict[str, Any] = {}
    if course is not None:
        variables["courseId"] = global_id("Course", course.id)
    if plan is not None:
        variables["plan"] = plan
    data = await run(gql, "StartCheckout", token, **variables)
    return data["startCheckout"]


async def checkout_ok(
    gql: GraphQLClient, token: str, *, course: Any = None, plan: str | None = None
) -> dict[str, Any]:
    """A checkout that must start: its payload (transaction and checkoutUrl)."""
    payload = await start_checkout(gql, token, course=course, plan=plan)
    assert payload["errors"] == [], payload["errors"]
    return payload


async def row_of(transaction_gid: str) -> Transaction:
    transaction_id = decode_global_id(transaction_gid, "Transaction")
    assert transaction_id is not None
    return await Transaction.get(id=transaction_id)


async def node(gql: GraphQLClient, token: str, transaction_gid: str) -> dict[str, Any] | None:
    """The transaction as its `Transaction` query reads it (null when not visible)."""
    node: dict[str, Any] | None = (await run(gql, "Transaction", token, id=transaction_gid))["node"]
    return node


async def press(http: httpx.AsyncClient, checkout_url: str, button: str) -> httpx.Response:
    """Press Pay or Decline (`button`: "pay" or "decline") on the local pay page."""
    return await http.post(f"{checkout_url}/{button}")


def event(
    row: Transaction,
    type: str,
    *,
    now: int | None = None,
    amount: Decimal | str | None = None,
    currency: str | None = None,
    **fields: Any,
) -> Delivery:
    """The local provider's signed `type` event about the transaction, as stored."""
    return provider().event(
        type,
        transaction_id=fields.pop("transaction_id", global_id("Transaction", row.id)),
        provider_transaction_id=fields.pop("provider_transaction_id", row.provider_transaction_id),
        amount=amount if amount is not None else row.amount,
        currency=currency or row.currency,
        now=now if now is not None else int(datetime.now(UTC).timestamp()),
        **fields,
    )


def renewal(
    subscription: PremiumSubscription,
    *,
    period_end: datetime,
    amount: str = "9.99",
    provider_transaction_id: str = "local_renewal_1",
) -> Delivery:
    return provider().event(
        "subscription.renewed",
        subscription_id=global_id("PremiumSubscription", subscription.id),
        provider_transaction_id=provider_transaction_id,
        amount=amount,
        currency="USD",
        period_end=period_end,
        now=int(datetime.now(UTC).timestamp()),
    )


async def deliver(http: httpx.AsyncClient, delivery: Delivery) -> httpx.Response:
    """POST a webhook to the app as the provider would."""
    return await http.post(WEBHOOK, content=delivery.body, headers=delivery.headers)


def refusal(response: httpx.Response) -> tuple[int, str]:
    """(status, code) of a refused webhook."""
    return response.status_code, response.json()["errors"][0]["extensions"]["code"]
