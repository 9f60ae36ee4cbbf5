"""Payment providers behind one interface (`base.PaymentProvider`), chosen by
`PAYMENT_PROVIDER`: `local` (development: our own pay page and self-signed webhooks,
services/payments/local.py) or `stripe` (Stripe Checkout, services/payments/stripe.py).
Anything else is a configuration error, raised when the services are built (at start-up)."""

from __future__ import annotations

from core.settings import Settings
from services.payments.base import PaymentProvider
from services.payments.local import LocalProvider
from services.payments.stripe import StripeProvider

PROVIDERS = ("local", "stripe")


def build_provider(settings: Settings) -> PaymentProvider:
    """The provider `settings.payment_provider` names, configured from the settings."""
    kind = (settings.payment_provider or "").strip().lower()
    if kind == "local":
        return LocalProvider(settings.payment_webhook_secret)
    if kind == "stripe":
        return StripeProvider(
            api_key=settings.stripe_api_key,
            webhook_secret=settings.stripe_webhook_secret,
            api_base=settings.stripe_api_base,
        )
    raise ValueError(
        f"unknown payment provider {settings.payment_provider!r}: "
        f"PAYMENT_PROVIDER is one of {', '.join(PROVIDERS)}"
    )
