"""Receiving a payment provider's webhook (`receive_webhook`), and the job that delivers the
local provider's refunds to it.

In this order, each refusal answered 4xx with nothing stored (a provider retries what was
not answered 2xx; a retry of a refused event is refused the same way, until it is fixed):
1. the provider verifies the event (`parse_webhook`: its signature over the raw body, its
   timestamp within 5 minutes, a readable body): `WebhookRefused` gives its status (401 a
   signature, 400 a malformed body);
2. `subscription.renewed` goes to resolvers/commerce/renewals.py; an event type the state
   machine does not know (Stripe sends many) is recorded as ignored and answered 200;
3. the transaction is found by our global id in the event (one of another type is 400
   `MALFORMED`), else by the provider's id of the payment, among this provider's: none is
   404 `NOT_FOUND` (it may not be committed yet, or is not ours: the provider's retries
   settle it). A provider id differing from the one stored for our id is 400 `INVALID`;
4. an amount or currency differing from the transaction's is 400 `INVALID`
   (rules/commerce/transactions.py `event_mismatch`; refunds are whole).
Then, in one database transaction with the learner's and the transaction's rows locked
(resolvers/commerce/queries.py's order): the event is inserted once (a repeat or a
concurrent duplicate answers 200 and does nothing, resolvers/commerce/event_log.py), the
state machine decides (`decide`), the transition and its effects are applied
(resolvers/commerce/effects.py) or the event is recorded as ignored with the reason, and a
duplicate purchase's refund is queued. All of it commits together, or none of it.

The refund job (`refund_payment`) delivers a refund's webhook from the local provider to
`receive_webhook`, in this process: the admin's refund hands it the provider's signed
`Delivery`; a duplicate purchase's asks the provider for the refund itself, after the
commit (Stripe then sends its own webhook: nothing to deliver). A delivery the handler
refuses (signed more than 5 minutes earlier, when the worker was away) is replaced by a
fresh one from the provider, once; a transaction no longer COMPLETED needs nothing. A
failing provider or database fails the job, which is retried with backoff.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from procrastinate import JobContext
from tortoise.transactions import in_transaction

from core import jobs
from core.ids import decode_global_id, global_id
from models.commerce import Transaction, TransactionStatus
from resolvers.commerce import event_log, queries
from resolvers.commerce.effects import apply
from resolvers.commerce.event_log import WebhookResult, refused
from resolvers.commerce.pricing import configured_plans
from resolvers.commerce.renewals import renew
from rules.commerce.plans import Plan
from rules.commerce.transactions import (
    APPLIED,
    IGNORED,
    PAYMENT_EVENT_TYPES,
    SUBSCRIPTION_RENEWED,
    UNKNOWN_EVENT,
    Ignored,
    decide,
    event_mismatch,
)
from services.payments.base import Delivery, PaymentProvider, ProviderEvent, WebhookRefused

log = logging.getLogger("lingograph.commerce")

REFUND_ATTEMPTS = 8  # retried after 2, 4, … 128 s while the provider or the database is away


def _now() -> datetime:
    return datetime.now(UTC)


async def _find(provider_name: str, event: ProviderEvent) -> Transaction | WebhookResult:
    """The transaction the event is about, or the refusal."""
    if not event.transaction_id:
        found = None
        if event.provider_transaction_id:
            found = await Transaction.get_or_none(
                provider=provider_name, provider_transaction_id=event.provider_transaction_id
            )
        return found if found is not None else refused(404, "NOT_FOUND", "No such transaction.")
    ours = decode_global_id(event.transaction_id, "Transaction")
    if ours is None:
        return refused(400, "MALFORMED", "transactionId is not a transaction's id.")
    found = await Transaction.get_or_none(id=ours, provider=provider_name)
    if found is None:
        return refused(404, "NOT_FOUND", "No such transaction.")
    given, stored = event.provider_transaction_id, found.provider_transaction_id
    if given and stored and given != stored:
        return refused(400, "INVALID", "The event's two ids name different payments.")
    return found


async def _ignore_unknown(provider_name: str, event: ProviderEvent, now: datetime) -> WebhookResult:
    async with in_transaction() as conn:
        row_id = await event_log.record(conn, provider_name, event, None, now)
        if row_id is None:
            return WebhookResult(200, outcome=event_log.DUPLICATE)
        return await event_log.finish(conn, row_id, IGNORED, UNKNOWN_EVENT, now)


async def _process(
    provider_name: str,
    event: ProviderEvent,
    found: Transaction,
    plans: Mapping[str, Plan],
    now: datetime,
) -> WebhookResult:
    async with in_transaction() as conn:
        await conn.execute_query(queries.LOCK_USER, [found.user_id])
        await conn.execute_query(queries.LOCK_TRANSACTION, [found.id])
        row_id = await event_log.record(conn, provider_name, event, found.id, now)
        if row_id is None:
            return WebhookResult(200, outcome=event_log.DUPLICATE)
        transaction = await Transaction.get(id=found.id, using_db=conn)  # as of the lock
        decision = decide(transaction.status, event.type, transaction.created_at, now)
        if isinstance(decision, Ignored):
            return await event_log.finish(conn, row_id, IGNORED, decision.reason, now)
        effects = await apply(
            conn, transaction, decision, event, provider_name=provider_name, plans=plans, now=now
        )
        if effects.refund_duplicate:
            await queue_refund(transaction.id)
        return await event_log.finish(conn, row_id, APPLIED, "", now)


async def receive_webhook(
    provider: PaymentProvider,
    headers: Mapping[str, str],
    body: bytes,
    plans: Mapping[str, Plan],
    now: datetime | None = None,
) -> WebhookResult:
    """Verify, record and apply one webhook of `provider` (see the module's rules).
    `plans`: the plans on sale (resolvers/commerce/pricing.py)."""
    now = now or _now()
    try:
        event = provider.parse_webhook(headers, body, int(now.timestamp()))
    except WebhookRefused as refusal:
        return refused(refusal.status, refusal.code, refusal.message)
    if event.type == SUBSCRIPTION_RENEWED:
        return await renew(provider.name, event, plans, now)
    if event.type not in PAYMENT_EVENT_TYPES:
        return await _ignore_unknown(provider.name, event, now)
    found = await _find(provider.name, event)
    if isinstance(found, WebhookResult):
        return found
    mismatch = event_mismatch(found.amount, found.currency, event.amount, event.currency)
    if mismatch is not None:
        return refused(400, mismatch.code.value, mismatch.message)
    result = await _process(provider.name, event, found, plans, now)
    log.info(
        "%s webhook %s (%s) for transaction %s: %s",
        provider.name,
        event.event_id,
        event.type,
        found.id,
        result.outcome,
    )
    return result


# --- delivering refunds ------------------------------------------------------------------


async def queue_refund(transaction_id: Any, delivery: Delivery | None = None) -> None:
    """Queue the refund's delivery, in the caller's transaction: `delivery` is the local
    provider's signed event; without one the job asks the provider to refund."""
    arguments: dict[str, Any] = {"transaction_id": str(transaction_id)}
    if delivery is not None:
        arguments["headers"] = dict(delivery.headers)
        arguments["body"] = base64.b64encode(delivery.body).decode("ascii")
    await jobs.defer(refund_payment, **arguments)


async def _deliver(
    provider: PaymentProvider, delivery: Delivery, plans: Mapping[str, Plan]
) -> bool:
    result = await receive_webhook(provider, delivery.headers, delivery.body, plans)
    if not result.received:
        log.warning("refund delivery refused: %s %s", result.code, result.message)
    return result.received


@jobs.task("commerce.refund_payment", attempts=REFUND_ATTEMPTS)
async def refund_payment(
    context: JobContext,
    transaction_id: str,
    headers: dict[str, str] | None = None,
    body: str | None = None,
) -> None:
    provider: PaymentProvider = jobs.services_of(context).payments
    plans = configured_plans(jobs.settings_of(context))
    given = Delivery(headers, base64.b64decode(body)) if headers and body else None
    if given is not None and await _deliver(provider, given, plans):
        return
    transaction = await Transaction.get_or_none(id=transaction_id)
    if (
        transaction is None
        or transaction.status is not TransactionStatus.COMPLETED
        or transaction.provider != provider.name
        or transaction.provider_transaction_id is None
    ):
        return  # refunded meanwhile, or nothing this provider can refund
    fresh = await provider.refund(
        provider_transaction_id=transaction.provider_transaction_id,
        amount=transaction.amount,
        currency=transaction.currency,
        transaction_id=global_id("Transaction", transaction.id),
    )
    if fresh is not None:  # the local provider: its webhook is ours to deliver
        await _deliver(provider, fresh, plans)
