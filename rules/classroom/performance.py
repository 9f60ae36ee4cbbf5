"""The class's performance figures that are not SQL: turning counts and averages into the
API's units.

- Rates are floats from 0 to 1, None when there is nothing to divide: the on-time rate is
  the share of submissions that were not late, None before any submission.
- Grades and averages are floats from 0 to 100 with two decimals (SQL's AVG gives a
  numeric, or nothing over no rows: None).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_HUNDREDTH = Decimal("0.01")


def rate(part: int, whole: int) -> float | None:
    """part / whole, between 0 and 1; None when whole is 0."""
    if whole <= 0:
        return None
    return min(1.0, max(0.0, part / whole))


def on_time_rate(on_time: int, submitted: int) -> float | None:
    """The share of `submitted` submissions that came by their due time."""
    return rate(on_time, submitted)


def average(value: Decimal | float | int | None) -> float | None:
    """An average from SQL as the API gives it: rounded half up to 2 decimals; None stays."""
    if value is None:
        return None
    exact = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    return float(exact.quantize(_HUNDREDTH, rounding=ROUND_HALF_UP))
