"""Buying a course through HTTP with the local provider: checkout → pay page → Pay → the app's
signed webhook to itself → enrolled; Decline; and what a shopper expects of `startCheckout`
(a free course INVALID, an owned one CONFLICT, a pending checkout returned, two clicks at
once making one checkout)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from core.ids import global_id
from models.commerce import PaymentEvent, Transaction
from models.learning import Enrollment
from tests.factories.catalog import course_tree
from tests.factories.commerce import (
    checkout_ok,
    node,
    press,
    priced_course,
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


async def test_the_whole_purchase_pay_page_to_enrollment(
    gql: GraphQLClient, http: httpx.AsyncClient, server: str
) -> None:
    user, token = await signed_in()
    tree = await priced_course(lessons=2, title="Business English")
    payload = await checkout_ok(gql, token, course=tree.course)
    transaction = payload["transaction"]
    assert transaction["status"] == "PENDING"
    assert transaction["kind"] == "COURSE_PURCHASE"
    assert transaction["amount"] == {"amount": "19.99", "currency": "USD"}
    assert transaction["provider"] == "local"
    assert transaction["providerTransactionId"].startswith("local_")
    assert transaction["course"]["id"] == global_id("Course", tree.course.id)
    assert transaction["completedAt"] is None
    url = payload["checkoutUrl"]
    assert url == f"{server}/payments/local/checkout/{transaction['id']}"

    page = await http.get(url)
    assert page.status_code == 200
    assert "Course: Business English" in page.text and "19.99 USD" in page.text
    assert ">Pay</button>" in page.text and ">Decline</button>" in page.text
    assert page.headers["cache-control"] == "no-store"

    paid = await press(http, url, "pay")
    assert paid.status_code == 303
    back = urlsplit(paid.headers["location"])
    assert f"{back.scheme}://{back.netloc}{back.path}" == f"{server}/payments/return"
    assert parse_qs(back.query) == {"transaction": [transaction["id"]], "status": ["paid"]}
    assert "Payment received" in (await http.get(paid.headers["location"])).text

    done = await node(gql, token, transaction["id"])
    assert done is not None and done["status"] == "COMPLETED" and done["completedAt"]
    enrolled = await Enrollment.get(user_id=user.id, course_id=tree.course.id)
    # `enroll` afterwards answers that enrollment; its first lesson starts.
    again = await play(gql, "Enroll", token, courseId=global_id("Course", tree.course.id))
    assert again["enroll"]["errors"] == []
    assert again["enroll"]["enrollment"]["id"] == global_id("Enrollment", enrolled.id)
    assert (await start(gql, token, tree.lessons[0]))["errors"] == []
    # Paid: the page no longer offers the buttons.
    page = await http.get(url)
    assert "This checkout is completed." in page.text and "<button" not in page.text
    row = await row_of(transaction["id"])
    recorded = await PaymentEvent.filter(transaction_id=row.id).values_list("type", "outcome")
    assert recorded == [("payment.succeeded", "applied")]


async def test_decline_fails_the_checkout_and_a_new_one_can_start(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    user, token = await signed_in()
    tree = await priced_course()
    payload = await checkout_ok(gql, token, course=tree.course)
    declined = await press(http, payload["checkoutUrl"], "decline")
    assert declined.status_code == 303
    assert parse_qs(urlsplit(declined.headers["location"]).query)["status"] == ["declined"]
    assert "Payment declined" in (await http.get(declined.headers["location"])).text
    failed = await node(gql, token, payload["transaction"]["id"])
    assert failed is not None and failed["status"] == "FAILED"
    assert (await row_of(payload["transaction"]["id"])).failed_at is not None
    assert not await Enrollment.exists(user_id=user.id, course_id=tree.course.id)
    refused = await play(gql, "Enroll", token, courseId=global_id("Course", tree.course.id))
    assert refused["enroll"]["errors"][0]["code"] == "PAYMENT_REQUIRED"
    # A failed checkout is not returned again: the next one is new.
    retry = await checkout_ok(gql, token, course=tree.course)
    assert retry["transaction"]["id"] != payload["transaction"]["id"]


async def test_a_free_course_is_invalid_and_an_owned_one_a_conflict(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    user, token = await signed_in()
    free = await course_tree()
    payload = await start_checkout(gql, token, course=free.course)
    assert payload == {
        "transaction": None,
        "checkoutUrl": None,
        "errors": [
            {
                "field": "courseId",
                "message": "This course is free: enroll instead.",
                "code": "INVALID",
            }
        ],
    }
    tree = await priced_course()
    paid = await checkout_ok(gql, token, course=tree.course)
    assert (await press(http, paid["checkoutUrl"], "pay")).status_code == 303
    owned = await start_checkout(gql, token, course=tree.course)
    assert owned["errors"] == [
        {"field": "courseId", "message": "You already own this course.", "code": "CONFLICT"}
    ]
    # Enrolled while the course was free (no purchase): owned too.
    earlier = await priced_course()
    await enrollment(user, earlier.course)
    assert (await start_checkout(gql, token, course=earlier.course))["errors"][0][
        "code"
    ] == "CONFLICT"


async def test_a_pending_checkout_is_returned_until_it_expires_or_the_price_changes(
    gql: GraphQLClient,
) -> None:
    user, token = await signed_in()
    tree = await priced_course()
    first = await checkout_ok(gql, token, course=tree.course)
    second = await checkout_ok(gql, token, course=tree.course)
    assert second == first  # the same transaction and the same page
    # A new price: a new checkout at it (the old one is left to expire).
    tree.course.price_amount = tree.course.price_amount + 1
    await tree.course.save(update_fields=["price_amount"])
    repriced = await checkout_ok(gql, token, course=tree.course)
    assert repriced["transaction"]["id"] != first["transaction"]["id"]
    assert repriced["transaction"]["amount"] == {"amount": "20.99", "currency": "USD"}
    # Past its 30 minutes a checkout reads FAILED and is not returned.
    await Transaction.filter(user_id=user.id).update(
        created_at=datetime.now(UTC) - timedelta(minutes=31)
    )
    assert (await node(gql, token, repriced["transaction"]["id"]) or {})["status"] == "FAILED"
    fresh = await checkout_ok(gql, token, course=tree.course)
    assert fresh["transaction"]["id"] not in {
        first["transaction"]["id"],
        repriced["transaction"]["id"],
    }


async def test_clicks_at_once_make_one_checkout(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    tree = await priced_course()
    payloads = await asyncio.gather(
        *(start_checkout(gql, token, course=tree.course) for _ in range(5))
    )
    assert all(payload["errors"] == [] for payload in payloads)
    assert len({payload["transaction"]["id"] for payload in payloads}) == 1
    assert len({payload["checkoutUrl"] for payload in payloads}) == 1
    assert await Transaction.filter(user_id=user.id).count() == 1


async def test_the_input_names_exactly_one_visible_thing_to_buy(gql: GraphQLClient) -> None:
    _, token = await signed_in()
    tree = await priced_course()
    hidden = await priced_course(published=False)
    neither = await start_checkout(gql, token)
    assert neither["errors"] == [
        {"field": "courseId", "message": "Give a course or a plan to buy.", "code": "REQUIRED"}
    ]
    both = await start_checkout(gql, token, course=tree.course, plan="PREMIUM_MONTHLY")
    assert both["errors"] == [
        {"field": "plan", "message": "Buy a course or a plan, not both.", "code": "INVALID"}
    ]
    unseen = await start_checkout(gql, token, course=hidden.course)
    assert unseen["errors"] == [
        {"field": "courseId", "message": "Course not found.", "code": "NOT_FOUND"}
    ]
    anonymous = await start_checkout(gql, None, course=tree.course)
    assert anonymous["errors"] == NOT_SIGNED_IN
    assert await Transaction.filter(course_id=tree.course.id).count() == 0


async def test_the_pay_page_escapes_what_it_shows_and_knows_only_checkouts(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    _, token = await signed_in()
    tree = await priced_course(title='<script>alert("x")</script>')
    payload = await checkout_ok(gql, token, course=tree.course)
    page = await http.get(payload["checkoutUrl"])
    assert "<script>" not in page.text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page.text
    assert "default-src 'none'" in page.headers["content-security-policy"]
    for unknown in (global_id("Transaction", tree.course.id), global_id("Course", tree.course.id)):
        assert (await http.get(f"/payments/local/checkout/{unknown}")).status_code == 404
        assert (await http.post(f"/payments/local/checkout/{unknown}/pay")).status_code == 404
    wrong_method = await http.get(payload["checkoutUrl"] + "/pay")
    assert wrong_method.status_code == 405
    assert wrong_method.json()["errors"][0]["extensions"]["code"] == "METHOD_NOT_ALLOWED"


async def test_another_users_transaction_is_not_found(gql: GraphQLClient) -> None:
    _, token = await signed_in()
    _, other = await signed_in()
    tree = await priced_course()
    payload = await checkout_ok(gql, token, course=tree.course)
    assert await node(gql, other, payload["transaction"]["id"]) is None
    assert (await run(gql, "Transaction", None, id=payload["transaction"]["id"]))["node"] is None
