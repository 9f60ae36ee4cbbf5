"""The payment webhook through HTTP (`POST /webhooks/payments/local`), as the provider sends it:
each event takes effect once (repeated or concurrent delivery), refusals change nothing
(signature, time, body, amount, unknown transaction), events out of order are recorded and
ignored, money received wins (a late success completes; a duplicate purchase is refunded),
and the CLI sends any event to a running server."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from core.ids import global_id
from core.jobs import wait_until_idle
from core.settings import Settings
from models.commerce import PaymentEvent, Transaction, TransactionStatus
from models.learning import Enrollment
from tests.factories.commerce import (
    WEBHOOK,
    checkout_ok,
    deliver,
    event,
    node,
    press,
    priced_course,
    provider,
    refusal,
    row_of,
)
from tests.factories.identity import signed_in
from tests.graphql_client import GraphQLClient
from tests.http_helpers import client_for, variant

pytestmark = pytest.mark.usefixtures("server")  # its lifespan opens the ORM

ROOT = Path(__file__).resolve().parents[2]


async def _pending(gql: GraphQLClient) -> tuple[str, Transaction]:
    """A learner's token and their pending checkout of a priced course."""
    _, token = await signed_in()
    tree = await priced_course()
    payload = await checkout_ok(gql, token, course=tree.course)
    return token, await row_of(payload["transaction"]["id"])


async def _events(row: Transaction) -> list[tuple[str, str, str]]:
    found = await PaymentEvent.filter(transaction_id=row.id).order_by("received_at")
    return [(e.type, e.outcome, e.reason) for e in found]


async def _unchanged(row: Transaction) -> None:
    """Nothing was stored and the transaction is as it was."""
    assert await PaymentEvent.filter(transaction_id=row.id).count() == 0
    again = await Transaction.get(id=row.id)
    assert (again.status, again.completed_at) == (row.status, row.completed_at)
    assert not await Enrollment.exists(user_id=row.user_id, course_id=row.course_id)


async def test_a_repeated_delivery_takes_effect_once(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    _, row = await _pending(gql)
    succeeded = event(row, "payment.succeeded")
    first = await deliver(http, succeeded)
    assert (first.status_code, first.json()) == (200, {"received": True, "outcome": "applied"})
    repeat = await deliver(http, succeeded)
    assert (repeat.status_code, repeat.json()) == (200, {"received": True, "outcome": "duplicate"})
    assert await _events(row) == [("payment.succeeded", "applied", "")]
    assert await Enrollment.filter(user_id=row.user_id, course_id=row.course_id).count() == 1


async def test_a_concurrent_delivery_takes_effect_once(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    _, row = await _pending(gql)
    succeeded = event(row, "payment.succeeded")
    answers = await asyncio.gather(*(deliver(http, succeeded) for _ in range(6)))
    assert [a.status_code for a in answers] == [200] * 6
    outcomes = sorted(a.json()["outcome"] for a in answers)
    assert outcomes == ["applied"] + ["duplicate"] * 5
    assert await _events(row) == [("payment.succeeded", "applied", "")]
    assert await Enrollment.filter(user_id=row.user_id, course_id=row.course_id).count() == 1
    assert (await Transaction.get(id=row.id)).status is TransactionStatus.COMPLETED


async def test_a_bad_signature_or_time_is_refused_and_changes_nothing(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    _, row = await _pending(gql)
    now = int(datetime.now(UTC).timestamp())
    genuine = event(row, "payment.succeeded")
    tampered = genuine.body.replace(b'"19.99"', b'"0.01"')
    forged = await http.post(WEBHOOK, content=tampered, headers=genuine.headers)
    assert refusal(forged) == (401, "SIGNATURE")
    unsigned = await http.post(WEBHOOK, content=genuine.body)
    assert refusal(unsigned) == (401, "SIGNATURE")
    other_secret = dataclasses.replace(genuine, headers={"Lingograph-Signature": "t=1,v1=ab"})
    assert refusal(await deliver(http, other_secret)) == (401, "SIGNATURE")
    stale = event(row, "payment.succeeded", now=now - 301)
    answer = await deliver(http, stale)
    assert refusal(answer) == (401, "SIGNATURE")
    assert "too old" in answer.json()["errors"][0]["message"]
    future = event(row, "payment.succeeded", now=now + 301)
    assert refusal(await deliver(http, future)) == (401, "SIGNATURE")
    await _unchanged(row)


async def test_a_wrong_amount_currency_or_body_is_refused_and_changes_nothing(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    _, row = await _pending(gql)
    wrong_amount = await deliver(http, event(row, "payment.succeeded", amount="20.00"))
    assert refusal(wrong_amount) == (400, "INVALID")
    assert "20.00" in wrong_amount.json()["errors"][0]["message"]
    wrong_currency = await deliver(http, event(row, "payment.succeeded", currency="EUR"))
    assert refusal(wrong_currency) == (400, "INVALID")
    partial_refund = event(row, "payment.refunded", amount="5.00")
    assert refusal(await deliver(http, partial_refund)) == (400, "INVALID")
    not_json = provider().signed(b"{not json", now=int(datetime.now(UTC).timestamp()))
    assert refusal(await deliver(http, not_json)) == (400, "MALFORMED")
    await _unchanged(row)
    too_big = b"x" * (4 * 1024 * 1024)
    assert refusal(await http.post(WEBHOOK, content=too_big)) == (413, "PAYLOAD_TOO_LARGE")


async def test_unknown_transactions_providers_and_event_types(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    _, row = await _pending(gql)
    stranger = event(row, "payment.succeeded", transaction_id=global_id("Transaction", row.user_id))
    assert refusal(await deliver(http, stranger)) == (404, "NOT_FOUND")
    not_ours = event(row, "payment.succeeded", transaction_id="bm90IGFuIGlk")
    assert refusal(await deliver(http, not_ours)) == (400, "MALFORMED")
    await _unchanged(row)
    other_payment = event(row, "payment.succeeded", provider_transaction_id="local_other")
    assert refusal(await deliver(http, other_payment)) == (400, "INVALID")
    # Another provider's route: not the one configured.
    stripe = await http.post("/webhooks/payments/stripe", content=b"{}")
    assert refusal(stripe) == (404, "NOT_FOUND")
    assert refusal(await http.get(WEBHOOK)) == (405, "METHOD_NOT_ALLOWED")
    # A type the state machine does not know: recorded, ignored, 200.
    other = event(row, "customer.created")
    answer = await deliver(http, other)
    assert answer.json() == {"received": True, "outcome": "ignored"}
    stored = await PaymentEvent.filter(type="customer.created").order_by("-received_at").first()
    assert stored is not None and stored.reason == "unknown event type"
    assert (await Transaction.get(id=row.id)).status is TransactionStatus.PENDING


async def test_events_out_of_order_are_recorded_and_ignored(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    _, row = await _pending(gql)
    # A refund before the success: ignored; the success then completes.
    early_refund = await deliver(http, event(row, "payment.refunded"))
    assert early_refund.json()["outcome"] == "ignored"
    assert (await deliver(http, event(row, "payment.succeeded"))).json()["outcome"] == "applied"
    # A failure after the success: money received wins.
    late_failure = await deliver(http, event(row, "payment.failed"))
    assert late_failure.json()["outcome"] == "ignored"
    # The same success under another event id: nothing more.
    assert (await deliver(http, event(row, "payment.succeeded"))).json()["outcome"] == "ignored"
    assert await _events(row) == [
        ("payment.refunded", "ignored", "only a completed transaction can be refunded"),
        ("payment.succeeded", "applied", ""),
        ("payment.failed", "ignored", "a failure after the payment succeeded: money received wins"),
        ("payment.succeeded", "ignored", "already completed"),
    ]
    again = await Transaction.get(id=row.id)
    assert again.status is TransactionStatus.COMPLETED and again.failed_at is None
    assert await Enrollment.exists(user_id=row.user_id, course_id=row.course_id)


async def test_a_success_after_a_failure_or_expiry_still_completes(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    token, row = await _pending(gql)
    await deliver(http, event(row, "payment.failed"))
    assert (await node(gql, token, global_id("Transaction", row.id)) or {})["status"] == "FAILED"
    assert (await deliver(http, event(row, "payment.succeeded"))).json()["outcome"] == "applied"
    late = await Transaction.get(id=row.id)
    assert late.status is TransactionStatus.COMPLETED and late.metadata["completed_late"]
    assert await Enrollment.exists(user_id=row.user_id, course_id=row.course_id)
    _, expired = await _pending(gql)
    await Transaction.filter(id=expired.id).update(
        created_at=datetime.now(UTC) - timedelta(hours=2)
    )
    assert (await deliver(http, event(expired, "payment.succeeded"))).json()["outcome"] == "applied"
    assert (await Transaction.get(id=expired.id)).status is TransactionStatus.COMPLETED


async def test_a_late_success_for_a_course_owned_meanwhile_is_refunded(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    user, token = await signed_in()
    tree = await priced_course()
    abandoned = await checkout_ok(gql, token, course=tree.course)
    await Transaction.filter(user_id=user.id).update(
        created_at=datetime.now(UTC) - timedelta(minutes=45)
    )
    bought = await checkout_ok(gql, token, course=tree.course)
    assert (await press(http, bought["checkoutUrl"], "pay")).status_code == 303
    # The abandoned checkout's money arrives after all: completed, then refunded.
    first = await row_of(abandoned["transaction"]["id"])
    assert (await deliver(http, event(first, "payment.succeeded"))).json()["outcome"] == "applied"
    await wait_until_idle()
    refunded = await Transaction.get(id=first.id)
    assert refunded.status is TransactionStatus.REFUNDED
    assert refunded.metadata["duplicate_purchase"] is True
    assert [e[0] for e in await _events(refunded)] == ["payment.succeeded", "payment.refunded"]
    kept = await node(gql, token, bought["transaction"]["id"])
    assert kept is not None and kept["status"] == "COMPLETED"
    assert await Enrollment.filter(user_id=user.id, course_id=tree.course.id).count() == 1


async def test_pay_is_delivered_over_http_and_in_process_without_a_socket(
    gql: GraphQLClient,
    http: httpx.AsyncClient,
    settings: Settings,
    database_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, "lingograph.payments")
    _, token = await signed_in()
    over_http = await checkout_ok(gql, token, course=(await priced_course()).course)
    assert (await press(http, over_http["checkoutUrl"], "pay")).status_code == 303
    assert not [r for r in caplog.records if "in-process" in r.getMessage()]
    # An in-process client: the app has no socket to post to, so it hands the event over.
    in_process = await checkout_ok(gql, token, course=(await priced_course()).course)
    path = httpx.URL(in_process["checkoutUrl"]).path
    async with client_for(variant(settings, database_url=database_url)) as client:
        answer = await client.post(path + "/pay")
    assert answer.status_code == 303
    assert [r for r in caplog.records if "in-process" in r.getMessage()]
    for payload in (over_http, in_process):
        assert (await row_of(payload["transaction"]["id"])).status is TransactionStatus.COMPLETED


async def test_the_cli_sends_a_signed_event_to_a_running_server(
    gql: GraphQLClient, server: str, database_url: str
) -> None:
    token, row = await _pending(gql)
    gid = global_id("Transaction", row.id)
    environment = {**os.environ, "DATABASE_URL": database_url, "PAYMENT_PROVIDER": "local"}
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "main.py",
        "payment-event",
        gid,
        "payment.succeeded",
        "--url",
        server,
        cwd=ROOT,
        env=environment,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    output, errors = await process.communicate()
    assert process.returncode == 0, (output + errors).decode()
    last_line = output.decode().strip().splitlines()[-1]
    assert last_line == '200 {"received":true,"outcome":"applied"}'
    assert (await node(gql, token, gid) or {})["status"] == "COMPLETED"
