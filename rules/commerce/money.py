"""Money: amounts are `Decimal` end to end, never a float.

- An amount from outside (a webhook body, an API input) is a decimal string, read strictly
  (`parse_amount`): digits, optionally a point and 1 or 2 decimals ("19.99", "20", "0.5").
  Anything else is refused (`INVALID`; `REQUIRED` when missing): a JSON number (a float has
  already lost the cents, and an int is not what the contract says), a sign, an exponent,
  spaces, "NaN", "Infinity", a third decimal (no silent rounding of money), leading zeros
  ("007"), and more than `MAX_AMOUNT` (99,999,999.99: the column is numeric(10,2)).
- Amounts already in hand (the database gives `Decimal`) go through `cents`, which quantizes
  to 2 places (half up) and refuses a float or bool outright (`TypeError`): no float ever
  touches an amount, even by accident.
- A currency is an ISO 4217 code: 3 ASCII letters, normalised to upper case ("usd" -> "USD").
  Only the shape is checked (the list changes; the provider refuses codes it does not know).
  Currencies with 3 minor digits (BHD, KWD, ...) are refused: numeric(10,2) cannot hold them.
- The API renders an amount with exactly 2 decimals and no exponent ("19.99", "20.00",
  "100.00"), never "-0.00".
- Sums are per currency, never across currencies (adding dollars to euros means nothing):
  a list of (currency, amount) sorted by currency, net of refunds (received minus refunded).
  A currency that appears in the input stays in the list, even at 0.00.
- Providers that count in minor units (Stripe) convert with `to_minor_units` /
  `from_minor_units`: cents for most currencies, whole units for the zero-decimal ones (JPY).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from core.errors import ErrorCode, FieldError

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("99999999.99")

# Strict: no sign, no exponent, no spaces, no leading zeros, at most 2 decimals, and at most
# 8 digits before the point (so never above MAX_AMOUNT).
_AMOUNT = re.compile(r"(?:0|[1-9][0-9]{0,7})(?:\.[0-9]{1,2})?")
_CURRENCY = re.compile(r"[A-Za-z]{3}")

# Stripe's zero-decimal currencies: its minor unit is the whole unit (500 JPY is 500).
ZERO_DECIMAL_CURRENCIES = frozenset(
    {"BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA"}
    | {"PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"}
)
# ISO 4217 currencies with 3 minor digits: numeric(10,2) would lose the last one.
THREE_DECIMAL_CURRENCIES = frozenset({"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"})


class Sum(NamedTuple):
    """One currency's total; equal to the plain tuple (currency, amount)."""

    currency: str
    amount: Decimal


class InvalidMoney(ValueError):
    """A refused amount or currency; `problem` is the field error to answer with."""

    def __init__(self, problem: FieldError) -> None:
        self.problem = problem
        super().__init__(problem.message)


# --- amounts ---------------------------------------------------------------------------


def parse_amount(value: object, field: str = "amount") -> Decimal:
    """The amount of a decimal string, with 2 places ("19.9" -> 19.90); `InvalidMoney`
    when it is not one (see the module's rules)."""
    if value is None:
        raise InvalidMoney(FieldError(ErrorCode.REQUIRED, "The amount is required.", field))
    if not isinstance(value, str):
        # bool is an int, and a float has already lost the exact cents: only text is exact.
        raise InvalidMoney(
            FieldError(ErrorCode.INVALID, 'Give the amount as a decimal string ("19.99").', field)
        )
    if not _AMOUNT.fullmatch(value):
        raise InvalidMoney(
            FieldError(
                ErrorCode.INVALID,
                "The amount is a decimal with at most 2 decimals, from 0 to 99999999.99.",
                field,
            )
        )
    # At most 8 digits before the point: the pattern alone keeps it within MAX_AMOUNT.
    return Decimal(value).quantize(CENT)


def amount_problem(value: object, field: str = "amount") -> FieldError | None:
    """Why `value` is not an amount, or None."""
    try:
        parse_amount(value, field)
    except InvalidMoney as refused:
        return refused.problem
    return None


def cents(amount: Decimal | int) -> Decimal:
    """An amount in hand (from the database, a sum) quantized to 2 places, half up."""
    if isinstance(amount, bool) or not isinstance(amount, Decimal | int):
        raise TypeError(f"amounts are Decimal, not {type(amount).__name__}")
    value = Decimal(amount)
    if not value.is_finite():
        raise ValueError(f"an amount is finite, not {value}")
    # `+ 0` turns -0.00 into 0.00.
    return value.quantize(CENT, rounding=ROUND_HALF_UP) + 0


def render(amount: Decimal | int) -> str:
    """The API's decimal string: 2 decimals, no exponent ("20.00")."""
    return f"{cents(amount):f}"


# --- currencies ------------------------------------------------------------------------


def parse_currency(value: object, field: str = "currency") -> str:
    """The upper-case code of a currency ("usd" -> "USD"); `InvalidMoney` when it is not
    one."""
    if value is None:
        raise InvalidMoney(FieldError(ErrorCode.REQUIRED, "The currency is required.", field))
    if not isinstance(value, str) or not _CURRENCY.fullmatch(value):
        raise InvalidMoney(
            FieldError(ErrorCode.INVALID, "Use a 3-letter currency code (USD).", field)
        )
    code = value.upper()
    if code in THREE_DECIMAL_CURRENCIES:
        raise InvalidMoney(
            FieldError(ErrorCode.INVALID, f"{code} amounts have 3 decimals: not supported.", field)
        )
    return code


def currency_problem(value: object, field: str = "currency") -> FieldError | None:
    """Why `value` is not a currency code, or None."""
    try:
        parse_currency(value, field)
    except InvalidMoney as refused:
        return refused.problem
    return None


# --- minor units (providers) -----------------------------------------------------------


def to_minor_units(amount: Decimal, currency: str) -> int:
    """What a provider counting in minor units expects: 19.99 USD -> 1999, 500 JPY -> 500."""
    value = cents(amount)
    if currency.upper() in ZERO_DECIMAL_CURRENCIES:
        if value != value.to_integral_value():
            raise ValueError(f"{currency} has no minor unit: {value} is not whole")
        return int(value)
    return int(value * 100)


def from_minor_units(units: int, currency: str) -> Decimal:
    """An amount from a provider's minor units: 1999 USD -> 19.99, 500 JPY -> 500.00."""
    if isinstance(units, bool) or not isinstance(units, int):
        raise TypeError(f"minor units are an int, not {type(units).__name__}")
    if currency.upper() in ZERO_DECIMAL_CURRENCIES:
        return Decimal(units).quantize(CENT)
    return (Decimal(units) / 100).quantize(CENT)


# --- sums ------------------------------------------------------------------------------


def _add(totals: dict[str, Decimal], items: Iterable[tuple[str, Decimal]], sign: int) -> None:
    for currency, amount in items:
        code = currency.upper()
        totals[code] = totals.get(code, Decimal(0)) + sign * cents(amount)


def sum_by_currency(
    received: Iterable[tuple[str, Decimal]], refunded: Iterable[tuple[str, Decimal]] = ()
) -> list[Sum]:
    """Totals per currency, sorted by currency: what was received minus what was refunded."""
    totals: dict[str, Decimal] = {}
    _add(totals, received, 1)
    _add(totals, refunded, -1)
    return [Sum(code, cents(totals[code])) for code in sorted(totals)]
