"""The Stripe provider: Stripe Checkout through the official `stripe` package.

- A checkout is a Checkout Session in `payment` mode, a course or a premium plan alike: one
  line at our price (`price_data`, in minor units: 19.99 USD is 1999, rules/commerce/money.py),
  `client_reference_id`, `metadata.transactionId` and `payment_intent_data.metadata.
  transactionId` all our transaction's global id (Stripe copies the payment intent's metadata
  onto its charge, so `charge.refunded` names it too), and the success / cancel URLs the
  request's `return_url` with `status=paid` / `declined`. A plan is sold as one payment per
  period (its months in `metadata.recurringMonths`), not a Stripe subscription: our
  interface has no call to stop one, so a learner's `cancelSubscription` would not stop
  Stripe from charging them again, a subscription's first invoice has no payment intent of
  the session to refund, and its charges would not carry our transaction's id.
- The session expires 35 minutes after it is created (Stripe's minimum is 30): our checkout
  reads FAILED after 30 (rules/commerce/transactions.py), so a learner is not left paying on
  a page we consider abandoned for a day, Stripe's default; the 5 extra minutes absorb
  clock differences, and a payment that still comes late completes (money received wins).
- A refund is `refunds.create` for the session's payment intent (retrieved first), for the
  session's whole amount, which must be the transaction's; the idempotency key
  `refund-<session id>` makes asking twice refund once. Stripe's webhook completes it.
  Failures raise `ProviderError`.
- Webhooks are verified by the package itself (`construct_event`: the `Stripe-Signature`
  header, HMAC-SHA256 of "<t>.<raw body>" with STRIPE_WEBHOOK_SECRET, and its 5-minute
  tolerance against the clock), then the timestamp is also held to 5 minutes either way
  around the `now` we are given (the package does not refuse a future one). A failure is 401
  `SIGNATURE`; a verified body we cannot read is 400 `MALFORMED`.
- Events, in our terms (amounts as decimal strings, currencies upper case):
  `checkout.session.completed` with `payment_status` "paid" and
  `checkout.session.async_payment_succeeded` -> `payment.succeeded`;
  `checkout.session.expired` and `checkout.session.async_payment_failed` ->
  `payment.failed` (a completed session still unpaid, a delayed method such as a bank debit,
  passes through unchanged: the async event decides). For all of these the transaction is
  `metadata.transactionId` (else `client_reference_id`), the provider's id the session's,
  the amount `amount_total`.
  `charge.refunded` of a fully refunded charge -> `payment.refunded`: the transaction is the
  charge's `metadata.transactionId`, the provider's id the payment intent's (a charge does
  not name its session): the webhook use case finds the transaction by its global id, never
  by this id. A partial refund passes through unchanged (refunds are whole here).
  `invoice.paid` of a subscription's cycle -> `subscription.renewed`: the subscription is the
  Stripe subscription's `metadata.subscriptionId` (our PremiumSubscription's global id; None
  when it has none, a subscription made outside the app),
  the provider's id the invoice's, the amount `amount_paid`, the period's end the latest
  `period.end` of its lines. A subscription's first invoice (its purchase) and other invoices
  pass through unchanged. Any other type passes through unchanged (recorded, then ignored).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import stripe
from stripe.params import RefundCreateParams
from stripe.params.checkout import SessionCreateParams

from rules.commerce import signatures
from rules.commerce.money import from_minor_units, render, to_minor_units
from rules.commerce.signatures import SignatureProblem
from services.payments.base import (
    DECLINED,
    PAID,
    PAYMENT_FAILED,
    PAYMENT_REFUNDED,
    PAYMENT_SUCCEEDED,
    SUBSCRIPTION_RENEWED,
    Checkout,
    CheckoutRequest,
    ProviderError,
    ProviderEvent,
    WebhookRefused,
    event_id_and_type,
    get_header,
    malformed,
    read_json_object,
    return_link,
)

HEADER = "Stripe-Signature"
SESSION_LIFETIME = 35 * 60  # seconds; see the module's rules
MAX_NETWORK_RETRIES = 2  # on a lost connection or a 5xx, as Stripe advises
PRODUCT_NAME = "Lingograph"  # when the request has no description (Stripe needs a name)

# Session events and what they mean; `completed` only once paid (`_session_event`).
_SESSION_EVENTS = {
    "checkout.session.completed": PAYMENT_SUCCEEDED,
    "checkout.session.async_payment_succeeded": PAYMENT_SUCCEEDED,
    "checkout.session.async_payment_failed": PAYMENT_FAILED,
    "checkout.session.expired": PAYMENT_FAILED,
}


def _failure(error: stripe.StripeError) -> ProviderError:
    message = error.user_message or str(error) or type(error).__name__
    return ProviderError(f"Stripe: {message}")


# --- reading a verified event --------------------------------------------------------------


def _object(payload: Mapping[str, Any]) -> dict[str, Any]:
    data = payload.get("data")
    found = data.get("object") if isinstance(data, dict) else None
    if not isinstance(found, dict):
        raise malformed("data.object is an object.")
    return found


def _text(obj: Mapping[str, Any], key: str, *, required: bool = False) -> str | None:
    value = obj.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value:
        raise malformed(f"{key} is a non-empty string.")
    return value


def _id(value: object) -> str | None:
    """The id of a field that is an id or, expanded, the object itself."""
    if isinstance(value, dict):
        value = value.get("id")
    return value if isinstance(value, str) and value else None


def _units(obj: Mapping[str, Any], key: str) -> int:
    value = obj.get(key)
    # bool is an int; minor units are whole numbers, never a float.
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise malformed(f"{key} is a whole number of minor units.")
    return value


def _money(obj: Mapping[str, Any], key: str) -> tuple[str, str]:
    """(amount as a decimal string, currency upper case) of an object's minor units."""
    currency = _text(obj, "currency", required=True) or ""
    if len(currency) != 3 or not currency.isascii() or not currency.isalpha():
        raise malformed("currency is a 3-letter code.")
    return render(from_minor_units(_units(obj, key), currency)), currency.upper()


def _metadata(obj: Mapping[str, Any] | None) -> dict[str, str]:
    found = obj.get("metadata") if isinstance(obj, Mapping) else None
    if not isinstance(found, dict):
        return {}
    return {key: value for key, value in found.items() if isinstance(value, str) and value}


def _session_event(event_id: str, kind: str, payload: dict[str, Any]) -> ProviderEvent:
    session = _object(payload)
    paid = session.get("payment_status") == "paid"
    ours = _SESSION_EVENTS[kind]
    amount, currency = _money(session, "amount_total")
    return ProviderEvent(
        event_id=event_id,
        # An unpaid completed session (a delayed payment method) is not a success yet.
        type=ours if paid or kind != "checkout.session.completed" else kind,
        transaction_id=(
            _metadata(session).get("transactionId") or _text(session, "client_reference_id")
        ),
        provider_transaction_id=_text(session, "id", required=True),
        amount=amount,
        currency=currency,
        payload=payload,
    )


def _refund_event(event_id: str, kind: str, payload: dict[str, Any]) -> ProviderEvent:
    charge = _object(payload)
    amount, currency = _money(charge, "amount_refunded")
    whole = charge.get("refunded") is True
    return ProviderEvent(
        event_id=event_id,
        type=PAYMENT_REFUNDED if whole else kind,
        transaction_id=_metadata(charge).get("transactionId"),
        provider_transaction_id=_id(charge.get("payment_intent")) or _text(charge, "id"),
        amount=amount,
        currency=currency,
        payload=payload,
    )


def _subscription_details(invoice: Mapping[str, Any]) -> Mapping[str, Any]:
    # Since API version 2025-03-31 under `parent`; before, on the invoice itself.
    parent = invoice.get("parent")
    details = parent.get("subscription_details") if isinstance(parent, dict) else None
    if not isinstance(details, dict):
        details = invoice.get("subscription_details")
    return details if isinstance(details, dict) else {}


def _period_end(invoice: Mapping[str, Any]) -> datetime | None:
    lines = invoice.get("lines")
    items = lines.get("data") if isinstance(lines, dict) else None
    ends = [
        item["period"]["end"]
        for item in items or []
        if isinstance(item, dict)
        and isinstance(item.get("period"), dict)
        and isinstance(item["period"].get("end"), int)
        and not isinstance(item["period"]["end"], bool)
    ]
    # Proration lines end earlier: the subscription's own line reaches furthest.
    return datetime.fromtimestamp(max(ends), UTC) if ends else None


def _invoice_event(event_id: str, kind: str, payload: dict[str, Any]) -> ProviderEvent:
    invoice = _object(payload)
    details = _subscription_details(invoice)
    metadata = _metadata(details)
    renewal = invoice.get("billing_reason") == "subscription_cycle"
    amount, currency = _money(invoice, "amount_paid")
    return ProviderEvent(
        event_id=event_id,
        type=SUBSCRIPTION_RENEWED if renewal else kind,
        transaction_id=metadata.get("transactionId"),
        provider_transaction_id=_text(invoice, "id", required=True),
        subscription_id=metadata.get("subscriptionId"),
        amount=amount,
        currency=currency,
        period_end=_period_end(invoice),
        payload=payload,
    )


class StripeProvider:
    """Stripe Checkout (see the module's rules). `api_base` points the package elsewhere
    (tests: a local stand-in); empty is Stripe's own."""

    name = "stripe"

    def __init__(
        self,
        *,
        api_key: str,
        webhook_secret: str,
        api_base: str = "",
        max_network_retries: int = MAX_NETWORK_RETRIES,
    ) -> None:
        if not api_key or not webhook_secret:
            raise ValueError(
                "the stripe payment provider needs STRIPE_API_KEY and STRIPE_WEBHOOK_SECRET"
            )
        self._webhook_secret = webhook_secret
        # Retrying is safe: the package sends every POST with an idempotency key.
        if api_base:
            self._client = stripe.StripeClient(
                api_key,
                base_addresses={"api": api_base.rstrip("/")},
                max_network_retries=max_network_retries,
            )
        else:
            self._client = stripe.StripeClient(api_key, max_network_retries=max_network_retries)

    async def start_checkout(self, request: CheckoutRequest) -> Checkout:
        gid = request.transaction_global_id
        metadata = {"transactionId": gid}
        if request.recurring_months:
            metadata["recurringMonths"] = str(request.recurring_months)
        params: SessionCreateParams = {
            "mode": "payment",
            "line_items": [
                {
                    "quantity": 1,
                    "price_data": {
                        "currency": request.currency.lower(),
                        "unit_amount": to_minor_units(request.amount, request.currency),
                        "product_data": {"name": request.description or PRODUCT_NAME},
                    },
                }
            ],
            "client_reference_id": gid,
            "metadata": metadata,
            "payment_intent_data": {"metadata": metadata},
            "success_url": return_link(request.return_url, gid, PAID),
            "cancel_url": return_link(request.return_url, gid, DECLINED),
            "expires_at": int(time.time()) + SESSION_LIFETIME,
        }
        if request.customer_email:
            params["customer_email"] = request.customer_email
        try:
            session = await self._client.v1.checkout.sessions.create_async(params)
        except stripe.StripeError as error:
            raise _failure(error) from error
        if not session.id or not session.url:
            raise ProviderError("Stripe: the checkout session came back without its URL")
        return Checkout(url=session.url, provider_transaction_id=session.id)

    async def refund(
        self,
        *,
        provider_transaction_id: str,
        amount: Decimal,
        currency: str,
        transaction_id: str | None = None,
    ) -> None:
        units = to_minor_units(amount, currency)
        try:
            session = await self._client.v1.checkout.sessions.retrieve_async(
                provider_transaction_id
            )
            found = session.to_dict()
            payment_intent = _id(found.get("payment_intent"))
            if payment_intent is None:
                raise ProviderError("Stripe: the checkout session has no payment to refund")
            paid = (found.get("amount_total"), str(found.get("currency") or "").upper())
            if paid != (units, currency.upper()):
                # A partial refund would leave the charge half refunded: refunds are whole.
                raise ProviderError(
                    f"Stripe: the session took {paid[0]} {paid[1]} (minor units), "
                    f"not {units} {currency.upper()}"
                )
            metadata = {"checkoutSessionId": provider_transaction_id}
            if transaction_id:
                metadata["transactionId"] = transaction_id
            params: RefundCreateParams = {
                "payment_intent": payment_intent,
                "amount": units,
                "metadata": metadata,
            }
            await self._client.v1.refunds.create_async(
                params, {"idempotency_key": f"refund-{provider_transaction_id}"}
            )
        except stripe.StripeError as error:
            raise _failure(error) from error
        return None

    def parse_webhook(self, headers: Mapping[str, str], body: bytes, now: int) -> ProviderEvent:
        header = get_header(headers, HEADER)
        try:
            self._client.construct_event(body, header, self._webhook_secret)
        except stripe.SignatureVerificationError as error:
            raise WebhookRefused(401, "SIGNATURE", str(error) or "Bad signature.") from None
        except (ValueError, TypeError, AttributeError, KeyError):
            # Not UTF-8, not JSON, not an event object: the package refuses it past the
            # signature (or, for bytes that are not text, before it).
            raise malformed("The body is not a Stripe event.") from None
        # Verified: the header parses; hold its time to `now`, both ways.
        parsed = signatures.parse_header(header or "")
        if parsed is None:
            raise WebhookRefused(401, "SIGNATURE", SignatureProblem.MALFORMED.message)
        t = parsed[0]
        if abs(t - now) > signatures.DEFAULT_TOLERANCE:
            problem = (
                signatures.SignatureProblem.STALE if t < now else signatures.SignatureProblem.FUTURE
            )
            raise WebhookRefused(401, "SIGNATURE", problem.message)
        payload = read_json_object(body)
        event_id, kind = event_id_and_type(payload)
        if kind in _SESSION_EVENTS:
            return _session_event(event_id, kind, payload)
        if kind == "charge.refunded":
            return _refund_event(event_id, kind, payload)
        if kind == "invoice.paid":
            return _invoice_event(event_id, kind, payload)
        return ProviderEvent(event_id=event_id, type=kind, payload=payload)
