"""The payment provider interface: every provider (services/payments/local.py, stripe.py)
starts checkouts, asks for refunds and turns its webhooks into our events.

A provider never decides anything about our data: it verifies that a webhook is its own
(`parse_webhook`, the signature checked over the raw body) and names the event in our terms;
the commerce use cases (resolvers/commerce/) apply rules/commerce/ to it in one transaction.
Amounts cross this interface as `Decimal` and decimal strings, never floats.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Protocol
from uuid import UUID

# Our event types (rules/commerce/transactions.py); a provider maps its own onto them and
# passes any other through unchanged (recorded, then ignored).
PAYMENT_SUCCEEDED = "payment.succeeded"
PAYMENT_FAILED = "payment.failed"
PAYMENT_REFUNDED = "payment.refunded"
SUBSCRIPTION_RENEWED = "subscription.renewed"


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


class PaymentProvider(Protocol):
    name: str  # "local", "stripe": the `provider` column and the webhook route's last part

    async def start_checkout(self, request: CheckoutRequest) -> Checkout:
        """A checkout session at the provider for this transaction."""
        ...

    async def refund(
        self, *, provider_transaction_id: str, amount: Decimal, currency: str
    ) -> Delivery | None:
        """Ask the provider to refund the whole payment; its webhook completes the refund
        (the local provider returns that webhook for the caller to deliver; others send it
        themselves and return None)."""
        ...

    def parse_webhook(self, headers: Mapping[str, str], body: bytes, now: int) -> ProviderEvent:
        """The event, once its signature is verified against `body` (raw bytes) at `now`
        (unix seconds); raises `WebhookRefused`."""
        ...
