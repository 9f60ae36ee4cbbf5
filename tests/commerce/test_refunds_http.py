"""Refunds through HTTP: an admin's `refundTransaction` asks the local provider, whose webhook
(delivered by a job) completes the refund; a refunded course no longer starts
(PAYMENT_REQUIRED) but its enrollment and history stay; a refunded premium payment ends
premium now; only admins refund, and only completed payments."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from core.events import subscribe
from core.ids import global_id
from core.jobs import wait_until_idle
from models.commerce import PaymentEvent, PremiumSubscription, Transaction, TransactionStatus
from models.identity import Role, User
from models.learning import Enrollment, LessonProgress
from resolvers.commerce.events import CommerceChanged
from resolvers.commerce.webhooks import queue_refund
from tests.factories.commerce import checkout_ok, event, node, press, priced_course, row_of, run
from tests.factories.identity import NOT_SIGNED_IN, signed_in
from tests.factories.learning_play import start
from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.usefixtures("server")  # its lifespan opens the ORM

AUDITED: list[CommerceChanged] = []


async def _record(change: CommerceChanged, conn: Any) -> None:
    AUDITED.append(change)


subscribe(CommerceChanged, _record)


async def _refund(
    gql: GraphQLClient, token: str | None, transaction_id: str, reason: str | None = None
) -> Any:
    data = await run(gql, "RefundTransaction", token, transactionId=transaction_id, reason=reason)
    return data["refundTransaction"]


async def _bought(gql: GraphQLClient, http: httpx.AsyncClient, **checkout: Any) -> tuple[str, str]:
    """A learner's token and the global id of what they paid for through the pay page."""
    _, token = await signed_in()
    payload = await checkout_ok(gql, token, **checkout)
    assert (await press(http, payload["checkoutUrl"], "pay")).status_code == 303
    return token, payload["transaction"]["id"]


async def test_a_refund_revokes_the_course_and_keeps_its_history(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    _, token = await signed_in()
    tree = await priced_course(lessons=2)
    payload = await checkout_ok(gql, token, course=tree.course)
    assert (await press(http, payload["checkoutUrl"], "pay")).status_code == 303
    assert (await start(gql, token, tree.lessons[0]))["errors"] == []
    gid = payload["transaction"]["id"]
    admin, admin_token = await signed_in(Role.ADMIN)

    answer = await _refund(gql, admin_token, gid, "asked by the learner")
    assert answer["errors"] == []
    assert answer["transaction"]["status"] == "COMPLETED"  # until the provider confirms
    row = await row_of(gid)
    assert AUDITED[-1] == CommerceChanged(
        admin.id, "refund_transaction", "transaction", row.id, "asked by the learner"
    )
    assert row.metadata["refund_reason"] == "asked by the learner"
    await wait_until_idle()
    refunded = await node(gql, token, gid)
    assert refunded is not None and refunded["status"] == "REFUNDED" and refunded["refundedAt"]
    stopped = await start(gql, token, tree.lessons[0])
    assert [(e["field"], e["code"]) for e in stopped["errors"]] == [
        ("lessonId", "PAYMENT_REQUIRED")
    ]
    learner_rows = await Enrollment.filter(course_id=tree.course.id)
    assert len(learner_rows) == 1  # the enrollment stays
    assert await LessonProgress.filter(enrollment_id=learner_rows[0].id).count() >= 1
    events = PaymentEvent.filter(transaction_id=row.id).order_by("received_at")
    outcomes = await events.values_list("type", "outcome")
    assert outcomes == [("payment.succeeded", "applied"), ("payment.refunded", "applied")]

    # Buying it again gives the access back, in the same enrollment.
    again = await checkout_ok(gql, token, course=tree.course)
    assert again["transaction"]["id"] != gid
    assert (await press(http, again["checkoutUrl"], "pay")).status_code == 303
    assert (await start(gql, token, tree.lessons[0]))["errors"] == []
    assert await Enrollment.filter(course_id=tree.course.id).count() == 1


async def test_only_admins_refund_and_only_completed_payments(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    token, gid = await _bought(gql, http, course=(await priced_course()).course)
    _, other = await signed_in()
    _, teacher = await signed_in(Role.TEACHER)
    _, admin = await signed_in(Role.ADMIN)
    own = await _refund(gql, token, gid)
    assert own == {
        "transaction": None,
        "errors": [{"field": None, "message": "Only admins refund payments.", "code": "FORBIDDEN"}],
    }
    not_found = [
        {"field": "transactionId", "message": "Transaction not found.", "code": "NOT_FOUND"}
    ]
    for stranger in (other, teacher):
        assert (await _refund(gql, stranger, gid))["errors"] == not_found
    not_a_transaction = global_id("Course", (await row_of(gid)).course_id)
    assert (await _refund(gql, admin, not_a_transaction))["errors"] == not_found
    assert (await _refund(gql, None, gid))["errors"] == NOT_SIGNED_IN
    too_long = await _refund(gql, admin, gid, "x" * 1001)
    assert too_long["errors"][0]["code"] == "TOO_LONG"

    pending = await checkout_ok(gql, token, course=(await priced_course()).course)
    invalid = [
        {
            "field": "transactionId",
            "message": "Only a completed payment is refunded.",
            "code": "INVALID",
        }
    ]
    assert (await _refund(gql, admin, pending["transaction"]["id"]))["errors"] == invalid
    assert (await _refund(gql, admin, gid))["errors"] == []
    await wait_until_idle()
    assert (await _refund(gql, admin, gid))["errors"] == invalid  # refunded already


async def test_a_refunded_premium_payment_ends_premium_now(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    token, gid = await _bought(gql, http, plan="PREMIUM_MONTHLY")
    assert (await run(gql, "MyTransactions", token))["me"]["subscriptionTier"] == "PREMIUM"
    _, admin = await signed_in(Role.ADMIN)
    assert (await _refund(gql, admin, gid))["errors"] == []
    await wait_until_idle()
    me = (await run(gql, "MyTransactions", token))["me"]
    assert me["subscriptionTier"] == "FREE"
    assert me["subscription"]["status"] == "CANCELED"
    subscription = await PremiumSubscription.get(id=(await row_of(gid)).subscription_id)
    assert subscription.current_period_end <= datetime.now(UTC)
    assert (await User.get(id=subscription.user_id)).premium_until == (
        subscription.current_period_end
    )


async def test_a_refund_delivery_refused_when_it_comes_is_asked_for_again(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    _, gid = await _bought(gql, http, course=(await priced_course()).course)
    row = await row_of(gid)
    stale = event(row, "payment.refunded", now=int(datetime.now(UTC).timestamp()) - 3600)
    await queue_refund(row.id, stale)  # a job that waited an hour for its worker
    await wait_until_idle()
    assert (await Transaction.get(id=row.id)).status is TransactionStatus.REFUNDED
