"""Engines behind one interface each, built once by `create_app` and reached through the
request context (`info.context.services`): mail transport, the tutor, the payment provider,
the identity providers' ID-token verifier (its key cache is per process), pub/sub."""

from __future__ import annotations

from dataclasses import dataclass

from core.db import resolve_database_url
from core.pubsub import PubSub, get_pubsub
from core.settings import Settings
from services.identity_providers import IdTokenVerifier, build_verifier
from services.mail import Mailer, build_mailer
from services.payments import build_provider
from services.payments.base import PaymentProvider
from services.tutor import build_engine
from services.tutor.base import TutorEngine


@dataclass(frozen=True)
class Services:
    mailer: Mailer
    tutor: TutorEngine
    payments: PaymentProvider
    identity_providers: IdTokenVerifier
    database_url: str | None  # unset: the embedded PostgreSQL (core/db.py)

    def pubsub(self) -> PubSub:
        """This process's LISTEN/NOTIFY hub (started on first use, once per database)."""
        return get_pubsub(resolve_database_url(self.database_url))


def build_services(settings: Settings) -> Services:
    return Services(
        mailer=build_mailer(settings),
        tutor=build_engine(settings),
        payments=build_provider(settings),
        identity_providers=build_verifier(settings),
        database_url=settings.database_url,
    )
