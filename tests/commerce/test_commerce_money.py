"""Money: strict decimal strings, 2 places, currencies, minor units, exact sums per
currency net of refunds; no float ever touches an amount. No database."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.errors import ErrorCode, FieldError
from rules.commerce.money import (
    InvalidMoney,
    Sum,
    amount_problem,
    cents,
    currency_problem,
    from_minor_units,
    parse_amount,
    parse_currency,
    render,
    sum_by_currency,
    to_minor_units,
)
from tests.commerce.properties import PROPERTIES, amounts

D = Decimal


# --- money: parsing --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("19.99", D("19.99")),
        ("20", D("20.00")),
        ("20.0", D("20.00")),
        ("0.5", D("0.50")),
        ("0", D("0.00")),
        ("0.01", D("0.01")),
        ("99999999.99", D("99999999.99")),
    ],
)
def test_a_decimal_string_is_read_exactly_with_two_places(text: str, amount: Decimal) -> None:
    parsed = parse_amount(text)
    assert parsed == amount
    assert parsed.as_tuple().exponent == -2
    assert amount_problem(text) is None


@pytest.mark.parametrize(
    "value",
    [
        19.99,  # a float has already lost the exact cents
        20,  # a JSON number, even whole
        True,
        D("19.99"),  # text only: the contract says a decimal string
        "",
        " 19.99",
        "19.99 ",
        "19.99\n",
        "19.999",  # no silent rounding of money
        "19.990",
        "-1",
        "-0",
        "+1",
        "1e3",
        "1E2",
        "NaN",
        "nan",
        "Infinity",
        "-Infinity",
        "inf",
        "100000000",  # above numeric(10,2)
        "100000000.00",
        "999999999.99",
        "007",
        "00.50",
        "19.",
        ".5",
        "1,99",
        "1_000",
        "١٩",  # Arabic-Indic digits, which Decimal() would accept
        "0x10",
    ],
)
def test_anything_but_a_plain_decimal_string_is_refused(value: object) -> None:
    problem = amount_problem(value, "amount")
    assert problem is not None
    assert (problem.code, problem.field) == (ErrorCode.INVALID, "amount")
    with pytest.raises(InvalidMoney) as refused:
        parse_amount(value)
    assert refused.value.problem == problem


def test_a_missing_amount_is_required_on_the_given_field() -> None:
    assert amount_problem(None, "price") == FieldError(
        ErrorCode.REQUIRED, "The amount is required.", "price"
    )


@PROPERTIES
@given(amounts)
def test_rendering_and_parsing_round_trip(amount: Decimal) -> None:
    text = render(amount)
    assert parse_amount(text) == amount
    assert D(text) == amount
    whole, point, decimals = text.partition(".")
    assert point == "." and len(decimals) == 2 and whole.isdigit()


@PROPERTIES
@given(st.floats(allow_nan=True, allow_infinity=True))
def test_no_float_is_ever_read_as_an_amount(value: float) -> None:
    assert amount_problem(value) is not None
    with pytest.raises(TypeError, match="Decimal"):
        cents(value)  # type: ignore[arg-type]


# --- money: quantizing and rendering ---------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (D("19.99"), "19.99"),
        (D("20"), "20.00"),
        (D("19.9"), "19.90"),
        (D("1E+2"), "100.00"),  # never an exponent
        (D("-0.00"), "0.00"),  # never a negative zero
        (D("0.005"), "0.01"),  # half up
        (D("0.004"), "0.00"),
        (D("-5"), "-5.00"),
        (20, "20.00"),
        (D("99999999.99"), "99999999.99"),
    ],
)
def test_amounts_render_with_exactly_two_decimals(amount: Decimal | int, text: str) -> None:
    assert render(amount) == text


@pytest.mark.parametrize("value", [1.5, True, "1.50", None])
def test_cents_refuses_anything_but_decimal_and_int(value: object) -> None:
    with pytest.raises(TypeError):
        cents(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [D("NaN"), D("Infinity"), D("-Infinity")])
def test_cents_refuses_what_is_not_finite(value: Decimal) -> None:
    with pytest.raises(ValueError, match="finite"):
        cents(value)


# --- money: currencies and minor units -------------------------------------------------


@pytest.mark.parametrize(("text", "code"), [("USD", "USD"), ("usd", "USD"), ("eUr", "EUR")])
def test_a_currency_is_three_letters_in_upper_case(text: str, code: str) -> None:
    assert parse_currency(text) == code
    assert currency_problem(text) is None


@pytest.mark.parametrize("value", ["US", "USDD", "US1", "", " USD", "ÉUR", "US$", 840, b"USD"])
def test_a_currency_that_is_not_three_ascii_letters_is_refused(value: object) -> None:
    assert currency_problem(value, "currency") == FieldError(
        ErrorCode.INVALID, "Use a 3-letter currency code (USD).", "currency"
    )


def test_a_missing_currency_is_required_and_three_decimal_ones_are_refused() -> None:
    assert currency_problem(None) == FieldError(
        ErrorCode.REQUIRED, "The currency is required.", "currency"
    )
    problem = currency_problem("kwd")
    assert problem is not None and problem.code is ErrorCode.INVALID
    assert "KWD" in problem.message


@pytest.mark.parametrize(
    ("amount", "currency", "units"),
    [
        (D("19.99"), "USD", 1999),
        (D("0.01"), "EUR", 1),
        (D("79.99"), "usd", 7999),
        (D("500"), "JPY", 500),  # zero-decimal: the minor unit is the yen
        (D("500.00"), "jpy", 500),
        (D("99999999.99"), "USD", 9_999_999_999),
    ],
)
def test_minor_units_round_trip(amount: Decimal, currency: str, units: int) -> None:
    assert to_minor_units(amount, currency) == units
    assert from_minor_units(units, currency) == amount
    assert from_minor_units(units, currency).as_tuple().exponent == -2


def test_minor_units_refuse_what_they_cannot_hold() -> None:
    with pytest.raises(ValueError, match="JPY"):
        to_minor_units(D("500.50"), "JPY")
    with pytest.raises(TypeError):
        from_minor_units(19.99, "USD")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        from_minor_units(True, "USD")


# --- money: sums -----------------------------------------------------------------------


def test_point_one_plus_point_two_is_exactly_point_three() -> None:
    total = sum_by_currency([("USD", D("0.10")), ("USD", D("0.20"))])
    assert total == [("USD", D("0.30"))]
    assert render(total[0].amount) == "0.30"
    assert 0.1 + 0.2 != 0.3  # what a float would have said


def test_sums_are_per_currency_sorted_and_net_of_refunds() -> None:
    received = [("USD", D("19.99")), ("EUR", D("9.99")), ("usd", D("19.99")), ("CHF", D("5"))]
    refunded = [("USD", D("19.99")), ("EUR", D("9.99"))]
    assert sum_by_currency(received, refunded) == [
        Sum("CHF", D("5.00")),
        Sum("EUR", D("0.00")),  # everything refunded: still listed, at 0.00
        Sum("USD", D("19.99")),
    ]
    assert sum_by_currency([]) == []


def test_sums_refuse_a_float() -> None:
    with pytest.raises(TypeError):
        sum_by_currency([("USD", 0.1)])  # type: ignore[list-item]


@PROPERTIES
@given(
    st.lists(st.tuples(st.sampled_from(["USD", "EUR", "GBP"]), amounts), max_size=30),
    st.lists(st.tuples(st.sampled_from(["USD", "EUR"]), amounts), max_size=10),
)
def test_sums_equal_the_sums_of_whole_cents(
    received: list[tuple[str, Decimal]], refunded: list[tuple[str, Decimal]]
) -> None:
    expected: dict[str, int] = {}
    for currency, amount in received:
        expected[currency] = expected.get(currency, 0) + int(amount * 100)
    for currency, amount in refunded:
        expected[currency] = expected.get(currency, 0) - int(amount * 100)
    totals = sum_by_currency(received, refunded)
    assert [currency for currency, _ in totals] == sorted(expected)
    assert {currency: int(amount * 100) for currency, amount in totals} == expected
    assert all(amount.as_tuple().exponent == -2 for _, amount in totals)
