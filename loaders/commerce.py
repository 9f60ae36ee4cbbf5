"""Commerce loaders: a learner's transactions (a page, newest first, and their count), their
premium subscription, and the courses' revenue figures computed in SQL.

These loaders return every row they are asked for: the schema applies the access rules
(resolvers/commerce/policy.py) before asking, so an empty page or a null is decided there.

Revenue (`RevenueByCourseLoader`) is one statement for any number of courses, and the
database does the arithmetic: `sum(amount)` over `numeric(10,2)` is `numeric`, which asyncpg
reads as `Decimal`, so no float ever touches an amount. The rows it gives are those of
rules/commerce/revenue.py (`StatusRow`, `MonthRow`), which turns them into the API's units:
- statuses are the effective ones: a PENDING row created more than 30 minutes ago
  (`pending_cutoff`) counts as FAILED, and FAILED rows are left out;
- months group the COMPLETED rows by the month they completed in, UTC (`date_trunc` on the
  time taken `AT TIME ZONE 'UTC'`, as a `date`: the 1st). A completed row without a
  completion time (none is written so) falls back to its creation time, so that the months
  always add up to the total.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from core.pagination import KeysetQuery
from core.rows import fetch_records
from loaders.base import CountByKeyLoader, PageByParentLoader, RecordLoader, select_rows
from models.commerce import PremiumSubscription, Transaction, TransactionStatus
from rules.commerce.revenue import MonthRow, StatusRow
from rules.commerce.transactions import pending_cutoff

TRANSACTIONS = Transaction._meta.db_table

_PENDING = TransactionStatus.PENDING.value
_COMPLETED = TransactionStatus.COMPLETED.value
_FAILED = TransactionStatus.FAILED.value


class TransactionCountByUserLoader(CountByKeyLoader):
    """`transactions.totalCount` after a cursor: all of a learner's transactions."""

    table = TRANSACTIONS
    key_column = "t.user_id"


class TransactionsPageByUserLoader(PageByParentLoader):
    """Keys `(user_id, PageArgs)`: a page of the learner's transactions, newest first (one
    windowed statement for every learner asked with the same arguments)."""

    parent_column = "t.user_id"
    count_loader = TransactionCountByUserLoader

    @classmethod
    def query(cls) -> KeysetQuery:
        return KeysetQuery(Transaction, order=["t.created_at", "t.id"], descending=True)


class PremiumSubscriptionByUserLoader(RecordLoader):
    """A learner's premium subscription (at most one per learner), or None."""

    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        rows = await select_rows(PremiumSubscription, "t.user_id = ANY($1)", [list(keys)])
        return {row.user_id: row for row in rows}


@dataclass
class RevenueRows:
    """A course's revenue as SQL grouped it: per (effective status, currency), and per
    (month, currency) of the COMPLETED ones."""

    statuses: list[StatusRow] = field(default_factory=list)
    months: list[MonthRow] = field(default_factory=list)


# $1: the courses; $2: the pending cutoff. One statement: the status groups (`month` null)
# and the month groups of the completed rows, of the same effective statuses.
_REVENUE = f"""
WITH tx AS (
  SELECT t.course_id, t.currency, t.amount,
    coalesce(t.completed_at, t.created_at) AS completed_at,
    CASE WHEN t.status = '{_PENDING}' AND t.created_at < $2 THEN '{_FAILED}'
      ELSE t.status END AS status
  FROM "{TRANSACTIONS}" t
  WHERE t.course_id = ANY($1)
)
SELECT course_id AS k, status, currency, NULL::date AS month,
  sum(amount) AS total, count(*) AS n
FROM tx WHERE status <> '{_FAILED}'
GROUP BY course_id, status, currency
UNION ALL
SELECT course_id, status, currency,
  date_trunc('month', completed_at AT TIME ZONE 'UTC')::date,
  sum(amount), count(*)
FROM tx WHERE status = '{_COMPLETED}'
GROUP BY course_id, status, currency, date_trunc('month', completed_at AT TIME ZONE 'UTC')
"""


class RevenueByCourseLoader(RecordLoader):
    """`Course.revenue`: a course's grouped rows (`RevenueRows`; empty lists without sales),
    in one statement for many courses."""

    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        found: dict[Any, RevenueRows] = {key: RevenueRows() for key in keys}
        cutoff = pending_cutoff(datetime.now(UTC))
        for row in await fetch_records(_REVENUE, [list(keys), cutoff]):
            figures = found[row["k"]]
            total, count = row["total"], int(row["n"])
            if row["month"] is None:
                figures.statuses.append(StatusRow(row["status"], row["currency"], total, count))
            else:
                figures.months.append(MonthRow(row["month"], row["currency"], total, count))
        return found
