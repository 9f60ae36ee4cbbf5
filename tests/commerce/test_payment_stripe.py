"""The Stripe provider, offline: checkouts and refunds against a local stand-in for Stripe's
API (tests/commerce/stripe_stand_in.py: what was sent is asserted, amounts in minor units),
and webhooks signed with Stripe's scheme, verified by the package's own `construct_event`
inside the provider, mapped to our events; bad or stale signatures and unreadable bodies
are refused. No network, no database."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qs, urlsplit
from uuid import uuid4

import pytest
import pytest_asyncio
import stripe

from engine.ids import global_id
from rules.commerce.signatures import sign
from services.payments.base import (
    PAYMENT_FAILED,
    PAYMENT_REFUNDED,
    PAYMENT_SUCCEEDED,
    SUBSCRIPTION_RENEWED,
    CheckoutRequest,
    PaymentProvider,
    ProviderError,
    ProviderEvent,
    WebhookRefused,
)
from services.payments.stripe import SESSION_LIFETIME, StripeProvider
from tests.commerce.stripe_stand_in import (
    API_KEY,
    WEBHOOK_SECRET,
    StripeStandIn,
    charge_object,
    event,
    invoice_object,
    running,
    session_object,
    signed,
)

# stripe-python's httpx client posts its form as raw bytes, which httpx deprecates: the
# package's concern, not ours.
pytestmark = pytest.mark.filterwarnings("ignore:Use 'content=<...>':DeprecationWarning")

TX = global_id("Transaction", uuid4())
SUB = global_id("PremiumSubscription", uuid4())
OFFLINE = StripeProvider(
    api_key=API_KEY, webhook_secret=WEBHOOK_SECRET, api_base="http://0.0.0.0:9"
)


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def api() -> AsyncIterator[StripeStandIn]:
    async with running() as state:
        yield state


@pytest.fixture
def provider(api: StripeStandIn) -> StripeProvider:
    api.reset()
    return StripeProvider(api_key=API_KEY, webhook_secret=WEBHOOK_SECRET, api_base=api.url)


def _request(
    amount: str = "19.99", currency: str = "USD", months: int | None = None
) -> CheckoutRequest:
    transaction = uuid4()
    return CheckoutRequest(
        transaction_id=transaction,
        transaction_global_id=global_id("Transaction", transaction),
        amount=Decimal(amount),
        currency=currency,
        description="Business English" if months is None else "Premium, monthly",
        customer_email="ana@example.com",
        app_url="https://lingograph.test",
        return_url="https://lingograph.test/purchases?tab=recent",
        recurring_months=months,
    )


# --- checkout ------------------------------------------------------------------------------


async def test_a_course_checkout_is_a_checkout_session_in_minor_units(
    api: StripeStandIn, provider: StripeProvider
) -> None:
    request = _request()
    before = int(time.time())
    checkout = await provider.start_checkout(request)
    [sent] = api.requests
    assert (sent.method, sent.path) == ("POST", "/v1/checkout/sessions")
    assert sent.headers["authorization"] == f"Bearer {API_KEY}"
    form, gid = sent.form, request.transaction_global_id
    assert form["mode"] == "payment"
    assert form["line_items[0][quantity]"] == "1"
    assert form["line_items[0][price_data][unit_amount]"] == "1999"
    assert form["line_items[0][price_data][currency]"] == "usd"
    assert form["line_items[0][price_data][product_data][name]"] == "Business English"
    assert form["client_reference_id"] == gid
    assert form["metadata[transactionId]"] == gid
    assert form["payment_intent_data[metadata][transactionId]"] == gid
    assert form["customer_email"] == "ana@example.com"
    for key, status in (("success_url", "paid"), ("cancel_url", "declined")):
        url = urlsplit(form[key])
        assert url.path == "/purchases"
        assert parse_qs(url.query) == {"tab": ["recent"], "transaction": [gid], "status": [status]}
    assert before + SESSION_LIFETIME <= int(form["expires_at"]) <= int(time.time()) + 2100
    session = api.sessions[checkout.provider_transaction_id]
    assert checkout.url == session["url"]
    assert checkout.provider_transaction_id.startswith("cs_test_")


async def test_a_plan_is_one_payment_for_its_period(
    api: StripeStandIn, provider: StripeProvider
) -> None:
    await provider.start_checkout(_request("9.99", months=1))
    form = api.requests[-1].form
    assert (form["mode"], form["line_items[0][price_data][unit_amount]"]) == ("payment", "999")
    assert form["metadata[recurringMonths]"] == "1"
    assert "subscription_data[metadata][transactionId]" not in form


async def test_zero_decimal_currencies_are_sent_in_whole_units(
    api: StripeStandIn, provider: StripeProvider
) -> None:
    await provider.start_checkout(_request("500", currency="JPY"))
    form = api.requests[-1].form
    assert form["line_items[0][price_data][unit_amount]"] == "500"
    assert form["line_items[0][price_data][currency]"] == "jpy"


async def test_a_refused_checkout_is_a_provider_error(
    api: StripeStandIn, provider: StripeProvider
) -> None:
    api.fail_next = (400, {"type": "invalid_request_error", "message": "Amount too small."})
    with pytest.raises(ProviderError, match="Amount too small"):
        await provider.start_checkout(_request("0.10"))


# --- refunds -------------------------------------------------------------------------------


async def test_a_refund_is_for_the_sessions_payment_intent_and_happens_once(
    api: StripeStandIn, provider: StripeProvider
) -> None:
    checkout = await provider.start_checkout(_request())
    intent = api.pay(checkout.provider_transaction_id)
    payments: PaymentProvider = provider  # through the interface the use cases see
    for _ in range(2):  # an admin asking twice
        delivered = await payments.refund(
            provider_transaction_id=checkout.provider_transaction_id,
            amount=Decimal("19.99"),
            currency="USD",
            transaction_id=TX,
        )
        assert delivered is None  # Stripe's own webhook completes it
    get, post = api.requests[1], api.requests[2]
    assert (get.method, get.path) == (
        "GET",
        f"/v1/checkout/sessions/{checkout.provider_transaction_id}",
    )
    assert (post.method, post.path) == ("POST", "/v1/refunds")
    assert post.form == {
        "payment_intent": intent,
        "amount": "1999",
        "metadata[checkoutSessionId]": checkout.provider_transaction_id,
        "metadata[transactionId]": TX,
    }
    assert post.headers["idempotency-key"] == f"refund-{checkout.provider_transaction_id}"
    assert len(api.refunds) == 1


async def test_a_payment_that_cannot_be_refunded_is_a_provider_error(
    api: StripeStandIn, provider: StripeProvider
) -> None:
    unpaid = await provider.start_checkout(_request())
    with pytest.raises(ProviderError, match="no payment to refund"):
        await provider.refund(
            provider_transaction_id=unpaid.provider_transaction_id,
            amount=Decimal("19.99"),
            currency="USD",
        )
    api.pay(unpaid.provider_transaction_id)
    with pytest.raises(ProviderError, match="not 1000 USD"):
        await provider.refund(
            provider_transaction_id=unpaid.provider_transaction_id,
            amount=Decimal("10.00"),
            currency="USD",
        )
    with pytest.raises(ProviderError, match=r"No such checkout\.session"):
        await provider.refund(
            provider_transaction_id="cs_test_unknown", amount=Decimal("19.99"), currency="USD"
        )
    assert not any(r.path == "/v1/refunds" for r in api.requests)


async def test_an_unreachable_stripe_is_a_provider_error() -> None:
    nowhere = StripeProvider(
        api_key=API_KEY,
        webhook_secret=WEBHOOK_SECRET,
        api_base="http://127.0.0.1:9",
        max_network_retries=0,
    )
    with pytest.raises(ProviderError):
        await nowhere.start_checkout(_request())


# --- webhooks: mapping -------------------------------------------------------------------


def _parse(payload: dict[str, Any] | bytes, t: int | None = None, now: int | None = None) -> Any:
    real = int(time.time())  # construct_event reads the clock itself
    headers, body = signed(payload, real if t is None else t)
    return OFFLINE.parse_webhook(headers, body, now=real if now is None else now)


def test_a_paid_completed_session_is_a_success() -> None:
    payload = event("checkout.session.completed", session_object(transaction_id=TX))
    parsed: ProviderEvent = _parse(payload)
    assert parsed == ProviderEvent(
        event_id=payload["id"],
        type=PAYMENT_SUCCEEDED,
        transaction_id=TX,
        provider_transaction_id="cs_test_a1",
        amount="19.99",
        currency="USD",
        payload=payload,
    )


@pytest.mark.parametrize(
    ("kind", "payment_status", "ours"),
    [
        ("checkout.session.completed", "unpaid", "checkout.session.completed"),
        ("checkout.session.async_payment_succeeded", "paid", PAYMENT_SUCCEEDED),
        ("checkout.session.async_payment_failed", "unpaid", PAYMENT_FAILED),
        ("checkout.session.expired", "unpaid", PAYMENT_FAILED),
    ],
)
def test_session_events(kind: str, payment_status: str, ours: str) -> None:
    obj = session_object(transaction_id=TX, payment_status=payment_status, amount_total=500)
    parsed = _parse(event(kind, obj | {"currency": "jpy"}))
    assert (parsed.type, parsed.transaction_id, parsed.provider_transaction_id) == (
        ours,
        TX,
        "cs_test_a1",
    )
    assert (parsed.amount, parsed.currency) == ("500.00", "JPY")


def test_the_client_reference_names_the_transaction_when_metadata_does_not() -> None:
    obj = session_object(transaction_id=TX) | {"metadata": {}}
    assert _parse(event("checkout.session.completed", obj)).transaction_id == TX
    foreign = session_object(transaction_id=None)  # a session made elsewhere (a payment link)
    assert _parse(event("checkout.session.completed", foreign)).transaction_id is None


def test_a_whole_refund_names_the_transaction_and_the_payment_intent() -> None:
    parsed = _parse(event("charge.refunded", charge_object(transaction_id=TX)))
    assert (parsed.type, parsed.transaction_id, parsed.provider_transaction_id) == (
        PAYMENT_REFUNDED,
        TX,
        "pi_a1",
    )
    assert (parsed.amount, parsed.currency) == ("19.99", "USD")
    partial = _parse(
        event("charge.refunded", charge_object(transaction_id=TX, amount_refunded=500))
    )
    assert (partial.type, partial.amount) == ("charge.refunded", "5.00")  # recorded, ignored


@pytest.mark.parametrize("legacy_shape", [False, True])
def test_a_paid_cycle_invoice_is_a_renewal(legacy_shape: bool) -> None:
    invoice = invoice_object(
        subscription_id=SUB, period_ends=(1_771_000_000, 1_772_000_000), legacy_shape=legacy_shape
    )
    parsed = _parse(event("invoice.paid", invoice))
    assert (parsed.type, parsed.subscription_id, parsed.provider_transaction_id) == (
        SUBSCRIPTION_RENEWED,
        SUB,
        "in_a1",
    )
    assert (parsed.amount, parsed.currency) == ("9.99", "USD")
    assert parsed.period_end == datetime.fromtimestamp(1_772_000_000, UTC)


def test_invoices_that_are_not_renewals_pass_through() -> None:
    first = _parse(
        event(
            "invoice.paid",
            invoice_object(subscription_id=SUB, billing_reason="subscription_create"),
        )
    )
    assert first.type == "invoice.paid"
    unnamed = _parse(event("invoice.paid", invoice_object(subscription_id=None)))
    assert (unnamed.type, unnamed.subscription_id) == (SUBSCRIPTION_RENEWED, None)


def test_other_events_pass_through_unchanged() -> None:
    payload = event("customer.created", {"id": "cus_1", "object": "customer"})
    parsed = _parse(payload)
    assert parsed == ProviderEvent(event_id=payload["id"], type="customer.created", payload=payload)


def test_the_signature_covers_the_raw_bytes_as_sent() -> None:
    """Stripe's pretty-printed body is verified as is, never re-encoded."""
    payload = event("checkout.session.completed", session_object(transaction_id=TX))
    body = json.dumps(payload, indent=4, ensure_ascii=False).encode()
    assert _parse(body).transaction_id == TX


def test_our_signature_is_the_packages_own() -> None:
    """stripe-python 16 has a helper that signs test events: it agrees with ours, and what it
    signs the provider accepts."""
    payload = event("checkout.session.expired", session_object(transaction_id=TX))
    body = json.dumps(payload)
    now = int(time.time())
    header = stripe.WebhookSignature.generate_signature_header(body, WEBHOOK_SECRET, now)
    assert header == sign(WEBHOOK_SECRET, body.encode(), now)
    parsed = OFFLINE.parse_webhook({"stripe-signature": header}, body.encode(), now=now)
    assert parsed.type == PAYMENT_FAILED


# --- webhooks: refusals --------------------------------------------------------------------


def _refused(headers: dict[str, str], body: bytes, now: int | None = None) -> WebhookRefused:
    with pytest.raises(WebhookRefused) as refused:
        OFFLINE.parse_webhook(headers, body, now=int(time.time()) if now is None else now)
    return refused.value


BODY = json.dumps(event("checkout.session.completed", session_object(transaction_id=TX))).encode()


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "garbage",
        "v1=" + "0" * 64,
        "t=now,v1=" + "0" * 64,
        "t={t},v1=" + "0" * 64,
        "{other}",
    ],
)
def test_a_missing_malformed_or_wrong_signature_is_refused(header: str | None) -> None:
    now = int(time.time())
    headers = {}
    if header is not None:
        value = header.format(t=now, other=sign("whsec_other", BODY, now))
        headers["Stripe-Signature"] = value
    refused = _refused(headers, BODY)
    assert (refused.status, refused.code) == (401, "SIGNATURE")


def test_a_changed_body_is_refused() -> None:
    headers, body = signed(BODY, int(time.time()))
    assert _refused(headers, body.replace(b"1999", b"1")).status == 401


def test_stale_and_future_signatures_are_refused() -> None:
    now = int(time.time())
    stale = _refused(*signed(BODY, now - 301))  # the package's own check
    assert (stale.status, stale.code) == (401, "SIGNATURE")
    assert "tolerance" in stale.message
    future = _refused(*signed(BODY, now + 301))  # ours: the package allows it
    assert (future.status, future.message) == (401, "The signature's timestamp is in the future.")
    # Held to the `now` given too.
    headers, body = signed(BODY, now)
    late = _refused(headers, body, now=now + 400)
    assert late.message == "The signature's timestamp is too old."


def _changed(kind: str, obj: dict[str, Any], **changes: Any) -> bytes:
    return json.dumps(event(kind, obj | changes)).encode()


SESSION = "checkout.session.completed"


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"\xff\xfe",
        b"[1, 2]",
        json.dumps({"object": "event", "type": SESSION}).encode(),
        json.dumps(event(SESSION, session_object(transaction_id=TX)) | {"id": ""}).encode(),
        json.dumps(event(SESSION, {}) | {"data": {"object": "cs_1"}}).encode(),
        _changed(SESSION, session_object(transaction_id=TX), amount_total=19.99),
        _changed(SESSION, session_object(transaction_id=TX), amount_total=True),
        _changed(SESSION, session_object(transaction_id=TX), currency=None),
        _changed(SESSION, session_object(transaction_id=TX), id=None),
        _changed("charge.refunded", charge_object(transaction_id=TX), amount_refunded="1999"),
        _changed("invoice.paid", invoice_object(subscription_id=SUB), currency="dollars"),
    ],
)
def test_a_verified_body_that_is_not_a_readable_event_is_refused(body: bytes) -> None:
    refused = _refused(*signed(body, int(time.time())))
    assert (refused.status, refused.code) == (400, "MALFORMED")
