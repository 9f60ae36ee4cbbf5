"""The local payment provider: its checkout URL and ids, the events it signs (and reads back
the same), every refusal of `parse_webhook` (401 signature, 400 body), and the provider
chosen by the settings. Offline, no database."""

from __future__ import annotations

import dataclasses
import json
import re
import time
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any
from uuid import uuid4

import pytest

from core.settings import Settings
from engine.ids import global_id
from rules.commerce.money import InvalidMoney
from rules.commerce.signatures import HEADER, expected_signature, sign
from services import build_services
from services.payments import build_provider
from services.payments.base import (
    PAYMENT_FAILED,
    PAYMENT_REFUNDED,
    PAYMENT_SUCCEEDED,
    SUBSCRIPTION_RENEWED,
    CheckoutRequest,
    Delivery,
    WebhookRefused,
    return_link,
)
from services.payments.local import LocalProvider
from services.payments.stripe import StripeProvider

SECRET = "whsec_local_test"
T = 1_760_000_000
TX = global_id("Transaction", uuid4())
SUB = global_id("PremiumSubscription", uuid4())
PROVIDER = LocalProvider(SECRET)


def _request(app_url: str = "http://localhost:8000") -> CheckoutRequest:
    transaction = uuid4()
    return CheckoutRequest(
        transaction_id=transaction,
        transaction_global_id=global_id("Transaction", transaction),
        amount=Decimal("19.99"),
        currency="USD",
        description="Business English",
        customer_email="ana@example.com",
        app_url=app_url,
        return_url=f"{app_url}/purchases",
    )


def _succeeded(now: int = T, **changes: Any) -> Delivery:
    fields: dict[str, Any] = {
        "transaction_id": TX,
        "provider_transaction_id": "local_" + "a" * 32,
        "amount": Decimal("19.99"),
        "currency": "USD",
        "now": now,
    }
    return PROVIDER.event(PAYMENT_SUCCEEDED, **(fields | changes))


def _refused(delivery: Delivery, now: int = T, headers: dict[str, str] | None = None) -> Any:
    with pytest.raises(WebhookRefused) as refused:
        PROVIDER.parse_webhook(
            delivery.headers if headers is None else headers, delivery.body, now=now
        )
    return refused.value


# --- checkout ------------------------------------------------------------------------------


async def test_a_checkout_is_our_own_pay_page_with_a_fresh_local_id() -> None:
    request = _request()
    checkout = await PROVIDER.start_checkout(request)
    assert checkout.url == (
        f"http://localhost:8000/payments/local/checkout/{request.transaction_global_id}"
    )
    assert re.fullmatch(r"local_[0-9a-f]{32}", checkout.provider_transaction_id)
    again = await PROVIDER.start_checkout(request)
    assert again.provider_transaction_id != checkout.provider_transaction_id
    slash = await PROVIDER.start_checkout(_request("http://localhost:8000/"))
    assert "8000/payments/local/checkout/" in slash.url


def test_the_return_link_adds_the_transaction_and_the_outcome() -> None:
    assert return_link("http://app/purchases", "VHg6MQ", "paid") == (
        "http://app/purchases?transaction=VHg6MQ&status=paid"
    )
    assert return_link("http://app/p?tab=2", "VHg=", "declined") == (
        "http://app/p?tab=2&transaction=VHg%3D&status=declined"
    )


# --- signing and reading back ------------------------------------------------------------


def test_an_event_is_compact_json_signed_with_the_webhook_secret() -> None:
    delivery = _succeeded()
    body = json.loads(delivery.body)
    assert delivery.body == json.dumps(body, separators=(",", ":")).encode()
    assert re.fullmatch(r"evt_local_[0-9a-f]{32}", body["id"])
    assert body["type"] == PAYMENT_SUCCEEDED
    assert body["data"] == {
        "transactionId": TX,
        "providerTransactionId": "local_" + "a" * 32,
        "amount": "19.99",
        "currency": "USD",
    }
    # Exactly the documented header: t=<now>,v1=<hex HMAC-SHA256 of "<t>.<body>">.
    assert delivery.headers[HEADER] == f"t={T},v1={expected_signature(SECRET, delivery.body, T)}"


def test_what_the_provider_signs_it_reads_back() -> None:
    delivery = _succeeded()
    event = PROVIDER.parse_webhook(delivery.headers, delivery.body, now=T)
    assert event.event_id == json.loads(delivery.body)["id"]
    assert (event.type, event.transaction_id, event.amount, event.currency) == (
        PAYMENT_SUCCEEDED,
        TX,
        "19.99",
        "USD",
    )
    assert event.provider_transaction_id == "local_" + "a" * 32
    assert (event.subscription_id, event.period_end) == (None, None)
    assert event.payload == json.loads(delivery.body)
    # Any header case: a plain dict is what a queued delivery carries.
    lower = {HEADER.lower(): delivery.headers[HEADER]}
    assert PROVIDER.parse_webhook(lower, delivery.body, now=T).event_id == event.event_id


def test_every_event_has_its_own_id() -> None:
    assert json.loads(_succeeded().body)["id"] != json.loads(_succeeded().body)["id"]


@pytest.mark.parametrize(
    ("amount", "written"),
    [(Decimal("20"), "20.00"), (Decimal("0.1") + Decimal("0.2"), "0.30"), ("19.9", "19.90")],
)
def test_amounts_are_written_with_two_decimals(amount: Decimal | str, written: str) -> None:
    assert json.loads(_succeeded(amount=amount).body)["data"]["amount"] == written


@pytest.mark.parametrize("amount", ["19.999", "-1", "1e3", ""])
def test_an_invalid_amount_string_is_not_signed(amount: str) -> None:
    with pytest.raises(InvalidMoney):
        _succeeded(amount=amount)


def test_a_float_never_becomes_an_amount() -> None:
    with pytest.raises(TypeError):
        _succeeded(amount=19.99)


def test_a_renewal_carries_the_subscription_and_the_period_end() -> None:
    end = datetime(2026, 4, 1, 14, 30, tzinfo=timezone(timedelta(hours=2)))
    delivery = PROVIDER.event(
        SUBSCRIPTION_RENEWED,
        provider_transaction_id="local_renewal_1",
        amount=Decimal("9.99"),
        currency="USD",
        subscription_id=SUB,
        period_end=end,
        now=T,
    )
    assert json.loads(delivery.body)["data"] == {
        "subscriptionId": SUB,
        "providerTransactionId": "local_renewal_1",
        "amount": "9.99",
        "currency": "USD",
        "periodEnd": "2026-04-01T12:30:00+00:00",
    }
    event = PROVIDER.parse_webhook(delivery.headers, delivery.body, now=T)
    assert (event.type, event.subscription_id, event.transaction_id) == (
        SUBSCRIPTION_RENEWED,
        SUB,
        None,
    )
    assert event.period_end == end and event.period_end.tzinfo == UTC
    assert (event.amount, event.provider_transaction_id) == ("9.99", "local_renewal_1")


def test_an_event_missing_what_names_its_target_is_not_signed() -> None:
    with pytest.raises(ValueError, match="transaction_id"):
        _succeeded(transaction_id=None)
    common: dict[str, Any] = {
        "provider_transaction_id": "local_1",
        "amount": "9.99",
        "currency": "USD",
        "now": T,
    }
    with pytest.raises(ValueError, match="subscription_id"):
        PROVIDER.event(SUBSCRIPTION_RENEWED, period_end=datetime.now(UTC), **common)
    with pytest.raises(ValueError, match="period_end"):
        PROVIDER.event(
            SUBSCRIPTION_RENEWED, subscription_id=SUB, period_end=datetime(2026, 4, 1), **common
        )


async def test_a_refund_is_the_signed_refund_event_for_the_caller_to_deliver() -> None:
    delivery = await PROVIDER.refund(
        provider_transaction_id="local_" + "b" * 32,
        amount=Decimal("19.99"),
        currency="USD",
        transaction_id=TX,
    )
    event = PROVIDER.parse_webhook(delivery.headers, delivery.body, now=int(time.time()))
    assert (event.type, event.transaction_id, event.provider_transaction_id) == (
        PAYMENT_REFUNDED,
        TX,
        "local_" + "b" * 32,
    )
    assert (event.amount, event.currency) == ("19.99", "USD")
    with pytest.raises(ValueError, match="transaction_id"):
        await PROVIDER.refund(
            provider_transaction_id="local_1", amount=Decimal("19.99"), currency="USD"
        )


def test_other_event_types_pass_through() -> None:
    """The CLI sends any type; the use case records it and ignores it."""
    event = _read({"id": "evt_1", "type": "payment.disputed", "data": {}})
    assert (event.type, event.transaction_id, event.amount) == ("payment.disputed", None, None)
    failed = _read(
        {
            "id": "evt_2",
            "type": PAYMENT_FAILED,
            "data": {"transactionId": TX, "providerTransactionId": None, "amount": "1.00"}
            | {"currency": "usd"},
        }
    )
    # Kept as given: the use case compares amount and currency strictly.
    assert (failed.provider_transaction_id, failed.currency) == (None, "usd")


def test_the_amount_is_kept_as_the_string_given() -> None:
    data = {"transactionId": TX, "amount": "19.999", "currency": "USD"}
    event = _read({"id": "evt_1", "type": PAYMENT_SUCCEEDED, "data": data})
    assert event.amount == "19.999"  # refused by the use case (INVALID), not read here


# --- refusals: the signature (401) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (None, "missing"),
        ("", "missing"),
        ("v1=" + "0" * 64, "malformed"),
        (f"t={T}", "malformed"),
        ("garbage", "malformed"),
        (f"t={T},v1=" + "0" * 64, "does not match"),
        (sign("whsec_other", b"{}", T), "does not match"),
    ],
)
def test_a_missing_malformed_or_wrong_signature_is_refused(
    header: str | None, message: str
) -> None:
    delivery = _succeeded()
    headers = {} if header is None else {HEADER: header}
    refused = _refused(delivery, headers=headers)
    assert (refused.status, refused.code) == (401, "SIGNATURE")
    assert message in refused.message


def test_a_changed_body_or_another_secret_is_refused() -> None:
    delivery = _succeeded()
    changed = delivery.body.replace(b"19.99", b"10.00")
    with pytest.raises(WebhookRefused) as refused:
        PROVIDER.parse_webhook(delivery.headers, changed, now=T)
    assert refused.value.status == 401
    other = LocalProvider("whsec_other").event(
        PAYMENT_SUCCEEDED,
        transaction_id=TX,
        provider_transaction_id=None,
        amount="19.99",
        currency="USD",
        now=T,
    )
    assert _refused(other).status == 401


def test_five_minutes_either_way_and_no_more() -> None:
    delivery = _succeeded(now=T)
    for now in (T - 300, T, T + 300):
        assert PROVIDER.parse_webhook(delivery.headers, delivery.body, now=now)
    stale = _refused(delivery, now=T + 301)
    assert (stale.status, stale.code, stale.message) == (
        401,
        "SIGNATURE",
        "The signature's timestamp is too old.",
    )
    future = _refused(delivery, now=T - 301)
    assert (future.status, future.message) == (401, "The signature's timestamp is in the future.")


# --- refusals: the body (400) --------------------------------------------------------------


def _read(body: Any) -> Any:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    delivery = PROVIDER.signed(raw, now=T)
    return PROVIDER.parse_webhook(delivery.headers, delivery.body, now=T)


GOOD = {"transactionId": TX, "amount": "19.99", "currency": "USD"}


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"\xff\xfe{}",
        b'{"id": "evt_1", "type": "payment.succeeded", "data": {"amount": NaN}}',
        [],
        "evt_1",
        {"type": PAYMENT_SUCCEEDED, "data": GOOD},
        {"id": "", "type": PAYMENT_SUCCEEDED, "data": GOOD},
        {"id": 7, "type": PAYMENT_SUCCEEDED, "data": GOOD},
        {"id": "e" * 256, "type": PAYMENT_SUCCEEDED, "data": GOOD},
        {"id": "evt_1", "data": GOOD},
        {"id": "evt_1", "type": "t" * 65, "data": GOOD},
        {"id": "evt_1", "type": PAYMENT_SUCCEEDED},
        {"id": "evt_1", "type": PAYMENT_SUCCEEDED, "data": [GOOD]},
        {"id": "evt_1", "type": PAYMENT_SUCCEEDED, "data": GOOD | {"transactionId": None}},
        {"id": "evt_1", "type": PAYMENT_SUCCEEDED, "data": GOOD | {"transactionId": 42}},
        {"id": "evt_1", "type": PAYMENT_SUCCEEDED, "data": GOOD | {"amount": 19.99}},
        {"id": "evt_1", "type": PAYMENT_SUCCEEDED, "data": GOOD | {"amount": 1999}},
        {"id": "evt_1", "type": PAYMENT_REFUNDED, "data": {"transactionId": TX, "amount": "1"}},
        {"id": "evt_1", "type": PAYMENT_FAILED, "data": GOOD | {"providerTransactionId": ""}},
        {"id": "evt_1", "type": "payment.disputed", "data": {"amount": 5}},
        {
            "id": "evt_1",
            "type": SUBSCRIPTION_RENEWED,
            "data": {"subscriptionId": SUB, "providerTransactionId": "r1"}
            | {"amount": "9.99", "currency": "USD"},
        },
        {
            "id": "evt_1",
            "type": SUBSCRIPTION_RENEWED,
            "data": {"subscriptionId": SUB, "providerTransactionId": "r1", "amount": "9.99"}
            | {"currency": "USD", "periodEnd": "next month"},
        },
        {
            "id": "evt_1",
            "type": SUBSCRIPTION_RENEWED,
            "data": {"subscriptionId": SUB, "providerTransactionId": "r1", "amount": "9.99"}
            | {"currency": "USD", "periodEnd": "2026-04-01T00:00:00"},
        },
    ],
)
def test_a_signed_body_that_is_not_a_well_formed_event_is_refused(body: Any) -> None:
    with pytest.raises(WebhookRefused) as refused:
        _read(body)
    assert (refused.value.status, refused.value.code) == (400, "MALFORMED")
    assert refused.value.message


def test_the_signature_is_checked_before_the_body() -> None:
    """An unsigned caller learns nothing about what we would accept."""
    refused = _refused(Delivery(headers={}, body=b"not json"))
    assert refused.status == 401


# --- choosing the provider -----------------------------------------------------------------


def test_the_settings_choose_the_provider() -> None:
    base = Settings()
    assert isinstance(build_provider(base), LocalProvider)
    assert build_provider(dataclasses.replace(base, payment_provider="LOCAL")).name == "local"
    stripe = dataclasses.replace(
        base, payment_provider="stripe", stripe_api_key="sk_test_1", stripe_webhook_secret="w"
    )
    assert isinstance(build_provider(stripe), StripeProvider)
    assert build_services(base).payments.name == "local"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"payment_provider": "paypal"}, "unknown payment provider 'paypal'"),
        ({"payment_provider": ""}, "unknown payment provider"),
        ({"payment_webhook_secret": ""}, "PAYMENT_WEBHOOK_SECRET"),
        ({"payment_provider": "stripe"}, "STRIPE_API_KEY and STRIPE_WEBHOOK_SECRET"),
        (
            {"payment_provider": "stripe", "stripe_api_key": "sk_test_1"},
            "STRIPE_WEBHOOK_SECRET",
        ),
    ],
)
def test_a_provider_that_cannot_work_is_a_configuration_error(
    changes: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        build_provider(dataclasses.replace(Settings(), **changes))
