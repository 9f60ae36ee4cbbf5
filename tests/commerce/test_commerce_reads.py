"""Commerce's reads through the API, with the frontend's operations (commerce.graphql):

- `MyTransactions`: the learner's own transactions newest first, paginated, with their
  subscription and tier; a PENDING checkout past its 30 minutes reads FAILED. Another
  user's are not theirs to read (an admin's `node` of a user reads them).
- `Transaction` by `node`: the owner and admins; another learner, the course's author and
  nobody signed in read null.
- `CourseRevenue`: the course's author and admins; null for everyone else. Sums are exact
  `Decimal`s per currency (0.10 + 0.20 is "0.30", and 30 x 0.10 is "3.00", where floats
  drift), net of refunds; expired checkouts count nowhere; months are UTC.
- Statement counts: `MyTransactions` is the same for 2 transactions as for 40; revenue is
  one statement for any number of courses.

Rows are written directly (tests/factories/commerce_rows.py): no checkout, no webhook.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from graphql import print_ast

from core.sqlcount import StatementLog
from engine.ids import global_id
from models.catalog import Course
from models.commerce import SubscriptionPlan, TransactionStatus
from models.identity import Role, User
from tests.factories.catalog import course_tree
from tests.factories.classroom import in_scope_document
from tests.factories.commerce_rows import Row, premium_subscription, transaction, transactions
from tests.factories.identity import create_user, signed_in, token_for
from tests.graphql_client import GraphQLClient, operation

# The read operations of commerce.graphql, with the fragment they use (the file's mutations
# are the write side's).
OPS = print_ast(
    in_scope_document(
        operation("commerce.graphql"), ("MyTransactions", "Transaction", "CourseRevenue")
    )
)
pytestmark = pytest.mark.usefixtures("server")  # its lifespan opens the ORM

COMPLETED, REFUNDED = TransactionStatus.COMPLETED, TransactionStatus.REFUNDED
PENDING, FAILED = TransactionStatus.PENDING, TransactionStatus.FAILED

# Measured. `MyTransactions`: the token, the transactions' page (its total in the same
# statement), their courses, the subscription.
MY_TRANSACTIONS = 4
# `CourseRevenue`: the token, the course, its revenue.
COURSE_REVENUE = 3


async def _run(gql: GraphQLClient, op: str, token: str | None = None, **variables: Any) -> Any:
    return await gql(OPS, variables, token=token, operation_name=op)


async def _priced_course(author: User | None = None, **fields: Any) -> Course:
    fields.setdefault("price_amount", Decimal("19.99"))
    return (await course_tree(author=author, **fields)).course


def _money(amount: str, currency: str = "USD") -> dict[str, str]:
    return {"amount": amount, "currency": currency}


# --- MyTransactions ------------------------------------------------------------------------


async def test_my_transactions_newest_first_with_the_subscription_and_tier(
    gql: GraphQLClient,
) -> None:
    learner, token = await signed_in()
    course = await _priced_course()
    now = datetime.now(UTC)
    bought, plan, open_, expired = await transactions(
        [
            Row(learner, course=course, created_at=now - timedelta(days=3)),
            Row(learner, plan=SubscriptionPlan.PREMIUM_MONTHLY, amount="9.99",
                created_at=now - timedelta(days=2)),
            Row(learner, course=course, status=PENDING, created_at=now - timedelta(minutes=5)),
            Row(learner, course=course, status=PENDING, created_at=now - timedelta(minutes=31)),
        ]
    )  # fmt: skip
    await transaction(await create_user(), course=course)  # someone else's
    subscription = await premium_subscription(learner, period_end=now + timedelta(days=27))

    first = (await _run(gql, "MyTransactions", token, first=2))["me"]
    assert first["subscriptionTier"] == "PREMIUM"
    assert first["subscription"] == {
        "id": global_id("PremiumSubscription", subscription.id),
        "plan": "PREMIUM_MONTHLY",
        "status": "ACTIVE",
        "currentPeriodEnd": subscription.current_period_end.isoformat(),
        "cancelAtPeriodEnd": False,
    }
    page = first["transactions"]
    assert page["totalCount"] == 4 and page["pageInfo"]["hasNextPage"] is True
    nodes = [edge["node"] for edge in page["edges"]]
    assert [n["id"] for n in nodes] == [global_id("Transaction", t.id) for t in (open_, expired)]
    assert [n["status"] for n in nodes] == ["PENDING", "FAILED"]  # 31 minutes: expired
    assert nodes[0]["completedAt"] is None and nodes[0]["course"]["slug"] == course.slug

    after = page["pageInfo"]["endCursor"]
    rest = (await _run(gql, "MyTransactions", token, first=2, after=after))["me"]["transactions"]
    assert rest["totalCount"] == 4 and rest["pageInfo"]["hasNextPage"] is False
    older = [edge["node"] for edge in rest["edges"]]
    assert [n["id"] for n in older] == [global_id("Transaction", t.id) for t in (plan, bought)]
    assert older[0] == {
        "id": global_id("Transaction", plan.id),
        "status": "COMPLETED",
        "kind": "SUBSCRIPTION",
        "amount": _money("9.99"),
        "provider": "local",
        "providerTransactionId": plan.provider_transaction_id,
        "createdAt": plan.created_at.isoformat(),
        "completedAt": plan.created_at.isoformat(),
        "refundedAt": None,
        "course": None,
    }
    assert older[1]["kind"] == "COURSE_PURCHASE" and older[1]["amount"] == _money("19.99")
    assert older[1]["course"] == {
        "id": global_id("Course", course.id), "slug": course.slug, "title": course.title
    }  # fmt: skip


async def test_a_learner_without_purchases_has_none(gql: GraphQLClient) -> None:
    _, token = await signed_in()
    me = (await _run(gql, "MyTransactions", token))["me"]
    assert (me["subscriptionTier"], me["subscription"]) == ("FREE", None)
    assert me["transactions"] == {
        "totalCount": 0, "pageInfo": {"hasNextPage": False, "endCursor": None}, "edges": []
    }  # fmt: skip
    assert (await _run(gql, "MyTransactions"))["me"] is None  # nobody signed in


USER_COMMERCE = """query($id: ID!) { node(id: $id) { __typename ... on User {
  subscription { id } transactions { totalCount edges { node { id } } } } } }"""


async def test_another_users_payments_are_for_admins_only(gql: GraphQLClient) -> None:
    learner = await create_user()
    bought = await transaction(learner, course=await _priced_course())
    subscription = await premium_subscription(learner)
    variables = {"id": global_id("User", learner.id)}
    _, admin = await signed_in(Role.ADMIN)
    seen = (await gql(USER_COMMERCE, variables, token=admin))["node"]
    assert seen == {
        "__typename": "User",
        "subscription": {"id": global_id("PremiumSubscription", subscription.id)},
        "transactions": {
            "totalCount": 1,
            "edges": [{"node": {"id": global_id("Transaction", bought.id)}}],
        },
    }
    for token in (None, (await signed_in())[1], (await signed_in(Role.TEACHER))[1]):
        assert (await gql(USER_COMMERCE, variables, token=token))["node"] is None


# --- Transaction by node -------------------------------------------------------------------


async def test_a_transaction_is_read_by_its_owner_and_admins_only(gql: GraphQLClient) -> None:
    author = await create_user(role=Role.TEACHER)
    learner, token = await signed_in()
    course = await _priced_course(author)
    refunded = await transaction(learner, course=course, status=REFUNDED)
    tx_id = global_id("Transaction", refunded.id)

    mine = (await _run(gql, "Transaction", token, id=tx_id))["node"]
    assert (mine["id"], mine["status"], mine["kind"]) == (tx_id, "REFUNDED", "COURSE_PURCHASE")
    assert refunded.refunded_at is not None
    assert mine["refundedAt"] == refunded.refunded_at.isoformat()
    _, admin = await signed_in(Role.ADMIN)
    assert (await _run(gql, "Transaction", admin, id=tx_id))["node"] == mine

    others = [None, (await signed_in())[1], await token_for(author)]
    for other in others:  # nobody, another learner, the course's author
        assert (await _run(gql, "Transaction", other, id=tx_id))["node"] is None


# --- CourseRevenue -------------------------------------------------------------------------

SEPTEMBER, OCTOBER = datetime(2026, 9, 10, tzinfo=UTC), datetime(2026, 10, 10, tzinfo=UTC)
# Midnight at the month's edge, in UTC: the month is the UTC one, whatever the offset given.
LAST_SEPTEMBER_SECOND = datetime(2026, 9, 30, 23, 59, 59, tzinfo=UTC)
FIRST_OCTOBER_SECOND = datetime(2026, 10, 1, tzinfo=UTC)
NOVEMBER_IN_CAIRO = datetime(2026, 11, 1, 0, 30, tzinfo=timezone(timedelta(hours=2)))


async def _sales(course: Course, other: Course) -> None:
    """30 x 0.10 USD in September, 30 x 0.20 USD in October, 0.10 + 0.20 EUR in October,
    three 19.99 USD on the months' edges; two refunds, one failure, one open checkout and one
    expired; a sale of another course and a plan."""
    buyer = await create_user()
    now = datetime.now(UTC)
    rows = [Row(buyer, course=course, amount="0.10", completed_at=SEPTEMBER)] * 30
    rows += [Row(buyer, course=course, amount="0.20", completed_at=OCTOBER)] * 30
    rows += [
        Row(buyer, course=course, amount="0.10", currency="EUR", completed_at=OCTOBER),
        Row(buyer, course=course, amount="0.20", currency="EUR", completed_at=OCTOBER),
        Row(buyer, course=course, completed_at=LAST_SEPTEMBER_SECOND),
        Row(buyer, course=course, completed_at=FIRST_OCTOBER_SECOND),
        Row(buyer, course=course, completed_at=NOVEMBER_IN_CAIRO),  # 22:30 UTC, October 31
        Row(buyer, course=course, status=REFUNDED, completed_at=OCTOBER),
        Row(buyer, course=course, amount="0.10", currency="EUR", status=REFUNDED,
            completed_at=SEPTEMBER, refunded_at=OCTOBER),
        Row(buyer, course=course, amount="5.00", status=FAILED),
        Row(buyer, course=course, status=PENDING, created_at=now - timedelta(minutes=5)),
        Row(buyer, course=course, status=PENDING, created_at=now - timedelta(minutes=31)),
        Row(buyer, course=other, amount="1000.00", completed_at=OCTOBER),
        Row(buyer, plan=SubscriptionPlan.PREMIUM_YEARLY, amount="79.99", completed_at=OCTOBER),
    ]  # fmt: skip
    await transactions(rows)


REVENUE = {
    "total": [_money("0.30", "EUR"), _money("68.97")],  # 3.00 + 6.00 + 3 x 19.99
    "refunded": [_money("0.10", "EUR"), _money("19.99")],
    "completedCount": 65,
    "refundedCount": 2,
    "pendingCount": 1,  # the one 31 minutes old counts as failed
    "byMonth": [
        {"month": "2026-09-01", "total": [_money("22.99")], "count": 31},
        {"month": "2026-10-01", "total": [_money("0.30", "EUR"), _money("45.98")], "count": 34},
    ],
}


def test_floats_would_not_add_up_where_the_revenue_does() -> None:
    # What the expected figures guard against: the same sums in binary floating point.
    assert sum([0.1] * 30) != 3.0 and 0.1 + 0.2 != 0.3
    assert sum([Decimal("0.10")] * 30) + 3 * Decimal("19.99") + 30 * Decimal("0.20") == Decimal(
        "68.97"
    )


async def test_course_revenue_is_exact_per_currency_and_month(gql: GraphQLClient) -> None:
    author, token = await signed_in(Role.TEACHER)
    course, other = await _priced_course(author), await _priced_course(author)
    await _sales(course, other)
    found = (await _run(gql, "CourseRevenue", token, slug=course.slug))["course"]
    assert found["id"] == global_id("Course", course.id)
    assert found["price"] == _money("19.99")
    assert found["revenue"] == REVENUE
    _, admin = await signed_in(Role.ADMIN)
    assert (await _run(gql, "CourseRevenue", admin, slug=course.slug))["course"] == found


async def test_a_course_without_sales_has_empty_figures(gql: GraphQLClient) -> None:
    author, token = await signed_in(Role.TEACHER)
    course = await _priced_course(author)
    await transaction(await create_user(), course=course, status=FAILED)
    revenue = (await _run(gql, "CourseRevenue", token, slug=course.slug))["course"]["revenue"]
    assert revenue == {
        "total": [], "refunded": [], "completedCount": 0, "refundedCount": 0,
        "pendingCount": 0, "byMonth": [],
    }  # fmt: skip


async def test_course_revenue_is_null_for_everyone_but_its_author_and_admins(
    gql: GraphQLClient,
) -> None:
    author = await create_user(role=Role.TEACHER)
    course = await _priced_course(author)
    buyer, buyer_token = await signed_in()
    await transaction(buyer, course=course)
    readers = [
        None,
        buyer_token,
        (await signed_in(Role.TEACHER))[1],  # another teacher
        (await signed_in())[1],
    ]
    for token in readers:
        found = (await _run(gql, "CourseRevenue", token, slug=course.slug))["course"]
        assert found["price"] == _money("19.99") and found["revenue"] is None
    own = await _run(gql, "CourseRevenue", await token_for(author), slug=course.slug)
    assert own["course"]["revenue"]["total"] == [_money("19.99")]


# --- statements ----------------------------------------------------------------------------


async def _second_run(
    gql: GraphQLClient, sql: StatementLog, query: str, token: str, op: str | None, **variables: Any
) -> tuple[int, Any]:
    """The statements of the query's second run (the first warms the token), and its data."""
    await gql(query, variables, token=token, operation_name=op)
    sql.clear()
    data = await gql(query, variables, token=token, operation_name=op)
    return sql.count, data


async def test_my_transactions_statements_do_not_grow_with_the_list(
    gql: GraphQLClient, sql: StatementLog
) -> None:
    counts = {}
    for size in (2, 40):
        buyer, token = await signed_in()
        courses = [await _priced_course() for _ in range(size)]
        await transactions([Row(buyer, course=course) for course in courses])
        await premium_subscription(buyer)
        variables = {"first": 50}
        counts[size], data = await _second_run(gql, sql, OPS, token, "MyTransactions", **variables)
        me = data["me"]
        assert me["subscription"] is not None and me["transactions"]["totalCount"] == size
        assert {e["node"]["course"]["slug"] for e in me["transactions"]["edges"]} == {
            course.slug for course in courses
        }
    assert counts == {2: MY_TRANSACTIONS, 40: MY_TRANSACTIONS}


ONE_SALE = {
    "total": [_money("19.99")],
    "completedCount": 1,
    "byMonth": [{"month": "2026-10-01", "count": 1}],
}
REVENUES = """query($filter: CourseFilter) { courses(first: 50, filter: $filter) {
  edges { node { slug revenue { total { amount currency } completedCount
                                byMonth { month count } } } } } }"""


async def test_revenue_costs_the_same_statements_for_one_course_or_many(
    gql: GraphQLClient, sql: StatementLog
) -> None:
    author, token = await signed_in(Role.TEACHER)
    course = await _priced_course(author)
    await transaction(await create_user(), course=course, completed_at=OCTOBER)
    count, data = await _second_run(gql, sql, OPS, token, "CourseRevenue", slug=course.slug)
    assert count == COURSE_REVENUE and data["course"]["revenue"]["completedCount"] == 1

    counts = {}
    for size in (2, 6):
        tag = uuid.uuid4().hex[:6]
        src, dst = f"x{tag}a", f"x{tag}b"
        courses = [await _priced_course(author, from_code=src, to_code=dst) for _ in range(size)]
        buyer = await create_user()
        await transactions([Row(buyer, course=c, completed_at=OCTOBER) for c in courses])
        variables = {"filter": {"fromLanguage": src, "toLanguage": dst}}
        counts[size], data = await _second_run(gql, sql, REVENUES, token, None, **variables)
        nodes = [edge["node"] for edge in data["courses"]["edges"]]
        assert len(nodes) == size
        assert [n["revenue"] for n in nodes] == [ONE_SALE] * size
        assert sum("sum(amount)" in q for q in sql.statements) == 1  # every course's revenue
    assert counts[2] == counts[6], counts
