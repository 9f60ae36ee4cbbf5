"""Commerce's fields of the composed types (schema/graph.py), and a course's revenue.

- `User.transactions` and `User.subscription` are private: the user's own, and anyone's for
  an admin; other viewers get an empty list and null (as every private list of `User`).
  Transactions come newest first.
- `Course.revenue` is for those who edit the course (its author, admins): null for everyone
  else (`policy.can_see_revenue`). Its figures are computed in SQL (loaders/commerce.py) and
  turned into the API's units by rules/commerce/revenue.py: money is `Money` (a decimal
  string and its currency), every sum a list per currency sorted by currency, `total` net of
  refunds (the COMPLETED payments; refunded ones are in `refunded`), a PENDING checkout past
  its 30 minutes counted as failed (in no figure), and `byMonth` the COMPLETED payments per
  month they completed in (a `Date`, the 1st, UTC), oldest first, months without any left
  out.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

import strawberry

from core.pagination import Page
from engine.connections import Connection, page_args, to_connection
from engine.context import AppInfo, Context
from engine.relations import related, when_loaded
from loaders.commerce import (
    PremiumSubscriptionByUserLoader,
    RevenueByCourseLoader,
    RevenueRows,
    TransactionsPageByUserLoader,
)
from models.catalog import Course as CourseRow
from models.identity import User as UserRow
from resolvers.commerce import policy
from resolvers.identity.policy import can_see_private
from rules.commerce.money import Sum
from rules.commerce.revenue import by_month, summarize
from schema.catalog.types import Money
from schema.commerce.types import PremiumSubscription, Transaction


def _money(sums: list[Sum]) -> list[Money]:
    return [Money(amount=item.amount, currency=item.currency) for item in sums]


@strawberry.type(description="One month of a course's sales: the payments completed in it.")
class MonthRevenue:
    month: dt.date = strawberry.field(description="The month's 1st (UTC).")
    total: list[Money] = strawberry.field(description="Per currency, sorted by currency.")
    count: int = strawberry.field(description="How many payments completed in it.")


@strawberry.type(
    description="A course's sales, for its author and admins. Sums are lists per currency "
    "(sorted by currency; a currency without such payments is absent)."
)
class CourseRevenue:
    total: list[Money] = strawberry.field(
        description="What was received and kept: completed payments, net of refunds."
    )
    refunded: list[Money] = strawberry.field(description="What was given back.")
    completed_count: int
    refunded_count: int
    pending_count: int = strawberry.field(
        description="Checkouts still open (30 minutes at most; older ones count as failed)."
    )
    by_month: list[MonthRevenue] = strawberry.field(
        description="The completed payments per month they completed in (UTC), oldest "
        "first; months without any are left out."
    )

    @classmethod
    def of(cls, rows: RevenueRows) -> CourseRevenue:
        summary = summarize(rows.statuses)
        return cls(
            total=_money(summary.total),
            refunded=_money(summary.refunded),
            completed_count=summary.completed_count,
            refunded_count=summary.refunded_count,
            pending_count=summary.pending_count,
            by_month=[
                MonthRevenue(month=month.month, total=_money(month.total), count=month.count)
                for month in by_month(rows.months)
            ],
        )


def _own_subscription(source: Any, context: Context) -> Any:
    """The key of the user's subscription: the user's id for themselves and admins, else
    None (null)."""
    user = cast(UserRow, source)
    return user.id if can_see_private(context.viewer, user.id) else None


@strawberry.type
class UserFields:
    """Commerce's fields of `User` (private: empty or null for other viewers)."""

    @strawberry.field(description="The user's payments, newest first (own; else empty).")
    async def transactions(
        self, info: AppInfo, first: int | None = None, after: str | None = None
    ) -> Connection[Transaction]:
        user = cast(UserRow, self)
        args = page_args(first, after)
        if not can_see_private(info.context.viewer, user.id):
            return to_connection(Page.empty())
        page = await info.context.loaders.get(TransactionsPageByUserLoader).load((user.id, args))
        return to_connection(page)

    subscription: PremiumSubscription | None = related(
        PremiumSubscriptionByUserLoader,
        _own_subscription,
        description="The user's premium plan, in whatever state it is now (own; else null); "
        "null when they never had one.",
    )


@strawberry.type
class CourseFields:
    """Commerce's fields of `Course`."""

    @strawberry.field(description="The course's sales: for its author and admins; else null.")
    def revenue(self, info: AppInfo) -> CourseRevenue | None:
        course = cast(CourseRow, self)
        if not policy.can_see_revenue(info.context.viewer, course):
            return None
        rows = info.context.loaders.get(RevenueByCourseLoader).get_or_load(course.id)
        return cast(CourseRevenue | None, when_loaded(CourseRevenue.of, rows))
