"""The commerce part of the executors' comparison world (test_executors_agree.py): the
learner bought a priced course of the author's (and has a pending checkout for another) and
pays for premium; the author reads the course's revenue."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from engine.ids import global_id
from models.commerce import SubscriptionPlan, TransactionStatus
from models.identity import User
from tests.factories.catalog import course_tree
from tests.factories.commerce_rows import Row, premium_subscription, transactions

# Commerce queries run as the course's author (revenue); the others as the learner.
AS_AUTHOR = {"CourseRevenue"}


async def commerce_variables(author: User, learner: User) -> dict[str, list[dict[str, Any]]]:
    """Builds the purchases and returns the variable sets of the commerce queries."""
    priced = await course_tree(lessons=1, exercises=0, author=author, price_amount=Decimal("19.99"))
    other = await course_tree(lessons=1, exercises=0, author=author, price_amount=Decimal("5.50"))
    last_month = datetime.now(UTC) - timedelta(days=35)
    bought, *_ = await transactions(
        [
            Row(learner, course=priced.course, created_at=last_month),
            Row(learner, course=other.course, status=TransactionStatus.PENDING),
            Row(learner, plan=SubscriptionPlan.PREMIUM_MONTHLY, amount="9.99"),
        ]
    )
    await premium_subscription(learner)
    return {
        "MyTransactions": [{}, {"first": 2}],
        "Transaction": [{"id": global_id("Transaction", bought.id)}],
        "CourseRevenue": [{"slug": priced.course.slug}],
    }
