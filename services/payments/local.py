"""The local payment provider: development and tests, fully offline, no money moves.

- A checkout is our own pay page (`<app_url>/payments/local/checkout/<transaction global id>`,
  served by app/); its Pay and Decline buttons make the app build the event with `event`
  and deliver it to its own webhook route, signed exactly as one from outside would be. The
  provider's id of the payment is `local_<32 hex>`.
- A refund is the signed `payment.refunded` event for that payment, returned for the caller
  to deliver (`refund`): nothing else will ever send it.
- Webhooks: the header `Lingograph-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
  "<t>.<raw body>">` keyed with PAYMENT_WEBHOOK_SECRET (rules/commerce/signatures.py: 5
  minutes of tolerance either way, constant-time comparison). The body is compact JSON:
  `{"id", "type", "data"}`; `data` is `{"transactionId", "providerTransactionId", "amount",
  "currency"}` for a payment event and `{"subscriptionId", "providerTransactionId",
  "amount", "currency", "periodEnd"}` (ISO 8601, with its offset) for `subscription.renewed`.
- `parse_webhook` checks the signature first (401 `SIGNATURE`: missing, malformed, mismatch,
  stale, future), then reads the body strictly (400 `MALFORMED`): a JSON object (no NaN or
  Infinity) with a non-empty string `id` (at most 255 characters) and `type` (at most 64),
  and an object `data`. For our four event types the fields above are strings (only
  `providerTransactionId` of a payment event may be missing or null); other types pass
  through, their known fields still type-checked. Amounts are kept as the strings given:
  the use case compares them strictly with the transaction's (rules/commerce/transactions.py
  `event_mismatch`), so no float ever reads one. No database is read here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import quote
from uuid import uuid4

from rules.commerce import signatures
from rules.commerce.money import parse_amount, render
from services.payments.base import (
    PAYMENT_FAILED,
    PAYMENT_REFUNDED,
    PAYMENT_SUCCEEDED,
    SUBSCRIPTION_RENEWED,
    Checkout,
    CheckoutRequest,
    Delivery,
    ProviderEvent,
    WebhookRefused,
    event_id_and_type,
    get_header,
    malformed,
    read_json_object,
)

# Ids are stored in varchar(255) columns.
MAX_ID = 255

_FIELDS = (
    "transactionId",
    "subscriptionId",
    "providerTransactionId",
    "amount",
    "currency",
    "periodEnd",
)
_PAYMENT_REQUIRED = ("transactionId", "amount", "currency")
_REQUIRED = {
    PAYMENT_SUCCEEDED: _PAYMENT_REQUIRED,
    PAYMENT_FAILED: _PAYMENT_REQUIRED,
    PAYMENT_REFUNDED: _PAYMENT_REQUIRED,
    SUBSCRIPTION_RENEWED: (
        "subscriptionId",
        "providerTransactionId",
        "amount",
        "currency",
        "periodEnd",
    ),
}


def _amount_text(amount: Decimal | str) -> str:
    """The API's decimal string of an amount; a string is read strictly first."""
    if isinstance(amount, str):
        amount = parse_amount(amount)
    return render(amount)


def _string(data: Mapping[str, Any], key: str, *, required: bool) -> str | None:
    value = data.get(key)
    if value is None:
        if required:
            raise malformed(f"data.{key} is required.")
        return None
    if not isinstance(value, str) or not value or len(value) > MAX_ID:
        raise malformed(f"data.{key} is a non-empty string of at most {MAX_ID} characters.")
    return value


def _period_end(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise malformed("data.periodEnd is an ISO 8601 date and time.") from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise malformed("data.periodEnd needs its UTC offset.")
    return moment.astimezone(UTC)


class LocalProvider:
    """The development provider (see the module's rules)."""

    name = "local"

    def __init__(self, secret: str) -> None:
        if not secret:
            raise ValueError("the local payment provider needs PAYMENT_WEBHOOK_SECRET")
        self._secret = secret

    # --- checkout and refund -----------------------------------------------------------

    async def start_checkout(self, request: CheckoutRequest) -> Checkout:
        base = request.app_url.rstrip("/")
        page = quote(request.transaction_global_id, safe="")
        return Checkout(
            url=f"{base}/payments/local/checkout/{page}",
            provider_transaction_id=f"local_{uuid4().hex}",
        )

    async def refund(
        self,
        *,
        provider_transaction_id: str,
        amount: Decimal,
        currency: str,
        transaction_id: str | None = None,
    ) -> Delivery:
        """The signed `payment.refunded` event of the payment, for the caller to deliver to
        the app's webhook handler (signed now: deliver it within the 5 minutes)."""
        if not transaction_id:
            raise ValueError("the local provider's refund names the transaction: transaction_id")
        return self.event(
            PAYMENT_REFUNDED,
            transaction_id=transaction_id,
            provider_transaction_id=provider_transaction_id,
            amount=amount,
            currency=currency,
            now=int(datetime.now(UTC).timestamp()),
        )

    # --- events we send ourselves --------------------------------------------------------

    def event(
        self,
        type: str,
        *,
        transaction_id: str | None = None,
        provider_transaction_id: str | None,
        amount: Decimal | str,
        currency: str,
        subscription_id: str | None = None,
        period_end: datetime | None = None,
        now: int,
    ) -> Delivery:
        """A signed event of `type` (any type: the CLI sends any event), at unix time `now`.
        `subscription.renewed` needs `subscription_id` and an aware `period_end`; every
        other type names the transaction (`transaction_id`, its global id). The amount is
        written with 2 decimals; a string amount must be a valid one (`InvalidMoney`)."""
        data: dict[str, Any]
        if type == SUBSCRIPTION_RENEWED:
            if not subscription_id or period_end is None or period_end.tzinfo is None:
                raise ValueError("a renewal needs subscription_id and an aware period_end")
            data = {
                "subscriptionId": subscription_id,
                "providerTransactionId": provider_transaction_id,
                "amount": _amount_text(amount),
                "currency": currency,
                "periodEnd": period_end.astimezone(UTC).isoformat(),
            }
        else:
            if not transaction_id:
                raise ValueError(f"a {type} event needs transaction_id")
            data = {
                "transactionId": transaction_id,
                "providerTransactionId": provider_transaction_id,
                "amount": _amount_text(amount),
                "currency": currency,
            }
        body = {"id": f"evt_local_{uuid4().hex}", "type": type, "data": data}
        return self.signed(json.dumps(body, separators=(",", ":")).encode(), now=now)

    def signed(self, body: bytes, *, now: int) -> Delivery:
        """Any raw body, signed at `now` as the webhook route expects it (tests use it to
        send bodies `event` would never write)."""
        return Delivery(
            headers={
                signatures.HEADER: signatures.sign(self._secret, body, now),
                "Content-Type": "application/json",
            },
            body=body,
        )

    # --- webhooks ----------------------------------------------------------------------

    def parse_webhook(self, headers: Mapping[str, str], body: bytes, now: int) -> ProviderEvent:
        header = get_header(headers, signatures.HEADER)
        problem = signatures.verify(self._secret, header, body, now)
        if problem is not None:
            raise WebhookRefused(401, "SIGNATURE", problem.message)
        payload = read_json_object(body)
        event_id, event_type = event_id_and_type(payload)
        data = payload.get("data")
        if not isinstance(data, dict):
            raise malformed("data is an object.")
        # Our own types need their fields (a payment's provider id may be unknown: null);
        # other types are recorded and ignored, so only the shape of their fields is checked.
        required = _REQUIRED.get(event_type, ())
        fields = {key: _string(data, key, required=key in required) for key in _FIELDS}
        return ProviderEvent(
            event_id=event_id,
            type=event_type,
            transaction_id=fields["transactionId"],
            provider_transaction_id=fields["providerTransactionId"],
            subscription_id=fields["subscriptionId"],
            amount=fields["amount"],
            currency=fields["currency"],
            period_end=_period_end(fields["periodEnd"]),
            payload=payload,
        )
