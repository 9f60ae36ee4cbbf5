"""The demo's priced course (content/courses/business-english-essentials.yaml): loaded by the
catalog's demo loader next to the two free courses, at 19.99 USD, with its price written as a
decimal string (never a YAML float); the free ones stay free, and the demo loaders that pick
"the first free published course" never pick it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from graphql import print_ast

from demo.catalog import DEMO_COURSES
from demo.catalog import load as load_demo_catalog
from engine.ids import global_id
from models.catalog import Course
from models.identity import Role
from resolvers.catalog.import_check import parse, validate
from tests.factories.classroom import in_scope_document
from tests.factories.identity import signed_in
from tests.graphql_client import GraphQLClient, operation

pytestmark = pytest.mark.usefixtures("server")  # its lifespan opens the ORM

PRICED = "business-english-essentials"
FREE = ("english-for-spanish-speakers", "spanish-for-english-speakers")
REVENUE = print_ast(in_scope_document(operation("commerce.graphql"), ("CourseRevenue",)))
TREE = """query($slug: String!) { course(slug: $slug) { isPublished category cefrRange
  price { amount currency } sections { units { lessons { title exercises { type }
  scenarios { name } } } } } }"""


def test_the_priced_course_file_gives_its_price_as_a_decimal_string() -> None:
    document = parse((DEMO_COURSES / f"{PRICED}.yaml").read_text(encoding="utf-8"))
    validate(document)
    assert document["price"] == {"amount": "19.99", "currency": "USD"}


async def test_the_demo_has_a_priced_course_next_to_the_free_ones(gql: GraphQLClient) -> None:
    await load_demo_catalog()
    await load_demo_catalog()  # idempotent: re-importing updates in place

    stored = await Course.get(slug=PRICED)
    assert (stored.price_amount, stored.price_currency) == (Decimal("19.99"), "USD")
    assert stored.is_published and stored.deleted_at is None
    for slug in FREE:
        free = await Course.get(slug=slug)
        assert (free.price_amount, free.is_published) == (Decimal("0"), True)

    course = (await gql(TREE, {"slug": PRICED}))["course"]
    assert course["price"] == {"amount": "19.99", "currency": "USD"}
    assert (course["isPublished"], course["category"]) == (True, "BUSINESS")
    assert course["cefrRange"] == "B1\u2013B2"
    lessons = [
        lesson
        for section in course["sections"]
        for unit in section["units"]
        for lesson in unit["lessons"]
    ]
    assert len(lessons) == 4 and all(lesson["exercises"] for lesson in lessons)
    assert [s["name"] for lesson in lessons for s in lesson["scenarios"]] == [
        "Negotiating with a supplier"
    ]

    # The demo loaders' pick (demo/learning.py, demo/classroom.py, demo/assessment.py).
    first_free = (
        await Course.filter(is_published=True, price_amount=0, deleted_at=None)
        .order_by("slug")
        .first()
    )
    assert first_free is not None and first_free.slug != PRICED

    # Its revenue, through the frontend's operation: an admin reads it (nothing sold yet in
    # a fresh demo); anybody else reads the price only.
    _, admin = await signed_in(Role.ADMIN)
    found = (await gql(REVENUE, {"slug": PRICED}, token=admin))["course"]
    assert found["id"] == global_id("Course", stored.id)
    assert found["price"] == {"amount": "19.99", "currency": "USD"}
    assert found["revenue"] is not None and set(found["revenue"]) == {
        "total", "refunded", "completedCount", "refundedCount", "pendingCount", "byMonth"
    }  # fmt: skip
    anonymous = (await gql(REVENUE, {"slug": PRICED}))["course"]
    assert (anonymous["price"], anonymous["revenue"]) == (found["price"], None)
