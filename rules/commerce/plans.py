"""Premium plans and their periods.

- Two plans: PREMIUM_MONTHLY (9.99 USD for 1 calendar month) and PREMIUM_YEARLY (79.99 USD
  for 12 calendar months) by default. Prices, currency and periods are settings: the
  settings build their `Plan` values (`make_plans`) and pass them in; nothing here reads the
  environment. A plan's price is above 0 and at most 99999999.99, its period 1 to 120
  months (`plan_problem`, for the settings' validation).
- A period ends the same time of day, `months` calendar months later, in UTC; a day the
  target month lacks is clamped to its last day (Jan 31 + 1 month = Feb 28, or Feb 29 in a
  leap year; Aug 31 + 6 months = Feb 28). Clamping is not undone later (Jan 31 -> Feb 28 ->
  Mar 28): each period is computed from the previous end, as renewals are. A provider that
  reports its own period end (Stripe, keeping a billing anchor) is believed instead
  (`renewal_period_end`).
- A renewal extends from max(current period end, now): paying early adds a whole period to
  the one in progress; paying after a lapse starts a fresh period now (no paying for the
  gap). A reported end never shortens the current period.
- Times are timezone-aware; a naive datetime is a programming error (`ValueError`).
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from rules.commerce.money import MAX_AMOUNT, cents

PREMIUM_MONTHLY = "premium_monthly"
PREMIUM_YEARLY = "premium_yearly"
PLAN_CODES = (PREMIUM_MONTHLY, PREMIUM_YEARLY)

MIN_MONTHS = 1
MAX_MONTHS = 120


@dataclass(frozen=True)
class Plan:
    code: str
    price: Decimal
    currency: str
    months: int


DEFAULT_PLANS: Mapping[str, Plan] = {
    PREMIUM_MONTHLY: Plan(PREMIUM_MONTHLY, Decimal("9.99"), "USD", 1),
    PREMIUM_YEARLY: Plan(PREMIUM_YEARLY, Decimal("79.99"), "USD", 12),
}


def make_plans(
    *,
    monthly_price: Decimal = DEFAULT_PLANS[PREMIUM_MONTHLY].price,
    yearly_price: Decimal = DEFAULT_PLANS[PREMIUM_YEARLY].price,
    currency: str = "USD",
    monthly_months: int = DEFAULT_PLANS[PREMIUM_MONTHLY].months,
    yearly_months: int = DEFAULT_PLANS[PREMIUM_YEARLY].months,
) -> dict[str, Plan]:
    """The plans with the settings' prices and periods (the defaults when not given)."""
    code = currency.upper()
    return {
        PREMIUM_MONTHLY: Plan(PREMIUM_MONTHLY, cents(monthly_price), code, monthly_months),
        PREMIUM_YEARLY: Plan(PREMIUM_YEARLY, cents(yearly_price), code, yearly_months),
    }


def plan_problem(plan: Plan) -> str | None:
    """Why a configured plan cannot be sold, or None (a settings error, not a user's)."""
    if not Decimal(0) < plan.price <= MAX_AMOUNT:
        return f"{plan.code}: the price is above 0 and at most {MAX_AMOUNT}."
    if len(plan.currency) != 3 or not plan.currency.isascii() or not plan.currency.isupper():
        return f"{plan.code}: the currency is a 3-letter code (USD)."
    if not MIN_MONTHS <= plan.months <= MAX_MONTHS:
        return f"{plan.code}: the period is {MIN_MONTHS} to {MAX_MONTHS} months."
    return None


def get_plan(code: object, plans: Mapping[str, Plan] = DEFAULT_PLANS) -> Plan | None:
    """The plan of a code (an enum member or its value), or None."""
    return plans.get(str(getattr(code, "value", code)).lower())


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("periods are computed on timezone-aware datetimes")
    return moment.astimezone(UTC)


def period_end(start: datetime, months: int) -> datetime:
    """`months` calendar months after `start`, in UTC, the day clamped to the month's end."""
    if months < 0:
        raise ValueError("a period is not negative")
    moment = _utc(start)
    index = moment.year * 12 + (moment.month - 1) + months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def renewal_start(current_period_end: datetime | None, now: datetime) -> datetime:
    """Where a new period starts: the current end if still ahead, else now."""
    if current_period_end is None:
        return _utc(now)
    return max(_utc(current_period_end), _utc(now))


def renewal_period_end(
    current_period_end: datetime | None,
    now: datetime,
    months: int,
    reported_end: datetime | None = None,
) -> datetime:
    """The period's end after a paid period: the provider's `reported_end` when given (never
    earlier than the current end), else `months` after `renewal_start`."""
    if reported_end is not None:
        reported = _utc(reported_end)
        return reported if current_period_end is None else max(reported, _utc(current_period_end))
    return period_end(renewal_start(current_period_end, now), months)
