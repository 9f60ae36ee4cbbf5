"""The payment provider interface: every provider (services/payments/local.py, stripe.py)
starts checkouts, asks for refunds and turns its webhooks into our events.

A provider never decides anything about our data: it verifies that a webhook is its own
(`parse_webhook`, the signature checked over the raw body) and names the event in our terms;
the commerce use cases (resolvers/commerce/) apply rules/commerce/ to it in one transaction.
Amounts cross this interface as `Decimal` and decimal strings, never floats. A provider that
cannot do what it is asked raises `ProviderError`; a webhook it refuses, `WebhookRefused`.
The helpers at the end are shared by the providers (and the app's pay page: `return_link`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Protocol
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit
from uuid import UUID

# Our event types (rules/commerce/transactions.py); a provider maps its own onto them and
# passes any other through unchanged (recorded, then ignored).
PAYMENT_SUCCEEDED = "payment.succeeded"
PAYMENT_FAILED = "payment.failed"
PAYMENT_REFUNDED = "payment.refunded"
SUBSCRIPTION_RENEWED = "subscription.renewed"

# The widths of the payment_events columns an event's id and type are stored in.
MAX_EVENT_ID = 255
MAX_EVENT_TYPE = 64

# How the learner came back from the provider (`return_link`).
PAID = "paid"
DECLINED = "declined"


@dataclass(frozen=True)
class CheckoutRequest:
    """What a checkout is for: our transaction, what it costs, and where to send the learner
    back (`return_url` gets `?transaction=<global id>&status=paid|declined`)."""

    transaction_id: UUID
    transaction_global_id: str
    amount: Decimal
    currency: str
    description: str
    customer_email: str
    app_url: str  # the app's public base URL (settings.app_url, else the request's)
    return_url: str
    recurring_months: int | None = None  # a premium plan: its period, for the provider


@dataclass(frozen=True)
class Checkout:
    url: str  # where to send the learner to pay
    provider_transaction_id: str  # the provider's id of this payment (unique per provider)


@dataclass(frozen=True)
class ProviderEvent:
    """A verified webhook event in our terms. Ids are as the provider sent them: our
    transaction's or subscription's global id where the provider echoes it back."""

    event_id: str
    type: str
    transaction_id: str | None = None
    provider_transaction_id: str | None = None
    subscription_id: str | None = None
    amount: str | None = None  # a decimal string ("19.99")
    currency: str | None = None
    period_end: datetime | None = None  # subscription.renewed
    payload: dict[str, Any] = field(default_factory=dict)  # the body as received


@dataclass(frozen=True)
class Delivery:
    """A webhook the local provider sends the app itself, signed exactly as one from outside:
    the caller queues it for the app's own webhook handler (resolvers/commerce/)."""

    headers: dict[str, str]
    body: bytes


class WebhookRefused(Exception):
    """A webhook that is not the provider's, or not readable: answered 4xx, nothing changes.
    `status` 400 (malformed) or 401 (signature)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class ProviderError(Exception):
    """The provider could not do what was asked (unreachable, or it refused: an unknown
    payment, one already refunded, an amount it does not accept). Nothing was started or
    refunded as far as we know; the message says why, for logs and admins."""


class PaymentProvider(Protocol):
    name: str  # "local", "stripe": the `provider` column and the webhook route's last part

    async def start_checkout(self, request: CheckoutRequest) -> Checkout:
        """A checkout session at the provider for this transaction."""
        ...

    async def refund(
        self,
        *,
        provider_transaction_id: str,
        amount: Decimal,
        currency: str,
        transaction_id: str | None = None,
    ) -> Delivery | None:
        """Ask the provider to refund the whole payment; its webhook completes the refund
        (the local provider returns that webhook for the caller to deliver; others send it
        themselves and return None). `transaction_id` is our transaction's global id: the
        local provider needs it to name the transaction in its event (it raises ValueError
        without it); Stripe records it on the refund. Raises `ProviderError`."""
        ...

    def parse_webhook(self, headers: Mapping[str, str], body: bytes, now: int) -> ProviderEvent:
        """The event, once its signature is verified against `body` (raw bytes) at `now`
        (unix seconds); raises `WebhookRefused`."""
        ...


def get_header(headers: Mapping[str, str], name: str) -> str | None:
    """A header's value whatever its case: Starlette's headers ignore case, a plain dict
    (tests, a queued `Delivery`) does not."""
    value = headers.get(name)
    if value is not None:
        return value
    wanted = name.lower()
    for key, candidate in headers.items():
        if key.lower() == wanted:
            return candidate
    return None


def return_link(return_url: str, transaction_global_id: str, status: str) -> str:
    """`return_url` with `transaction=<global id>&status=<paid|declined>` added to its query
    (kept, when it has one), where a provider sends the learner back."""
    parts = urlsplit(return_url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    query += [("transaction", transaction_global_id), ("status", status)]
    return urlunsplit(parts._replace(query=urlencode(query)))


def malformed(message: str) -> WebhookRefused:
    """A verified webhook whose body we cannot read: 400 `MALFORMED`."""
    return WebhookRefused(400, "MALFORMED", message)


def _no_constants(name: str) -> Any:
    # json accepts NaN and Infinity by default; they are not JSON, and jsonb refuses them.
    raise ValueError(f"{name} is not JSON")


def read_json_object(body: bytes) -> dict[str, Any]:
    """The JSON object of a webhook's body (no NaN or Infinity), or `malformed`."""
    try:
        value = json.loads(body, parse_constant=_no_constants)
    except ValueError:  # JSONDecodeError and UnicodeDecodeError are both ValueErrors
        raise malformed("The body is not JSON.") from None
    if not isinstance(value, dict):
        raise malformed("The body is not a JSON object.")
    return value


def event_id_and_type(payload: Mapping[str, Any]) -> tuple[str, str]:
    """The event's `id` and `type`: non-empty strings that fit their columns, or
    `malformed`."""
    event_id, event_type = payload.get("id"), payload.get("type")
    if not isinstance(event_id, str) or not event_id or len(event_id) > MAX_EVENT_ID:
        raise malformed(f"id is a non-empty string of at most {MAX_EVENT_ID} characters.")
    if not isinstance(event_type, str) or not event_type or len(event_type) > MAX_EVENT_TYPE:
        raise malformed(f"type is a non-empty string of at most {MAX_EVENT_TYPE} characters.")
    return event_id, event_type
