"""Outgoing mail behind one small interface, chosen by `settings.mailer`.

- `outbox` (development, tests): messages are stored as `OutboxMessage` rows instead of sent;
  read them with `SELECT "to", subject, body FROM outbox_messages ORDER BY created_at DESC`.
- `smtp`: messages go to `SMTP_HOST:SMTP_PORT` with smtplib, in a worker thread.

Mail is sent by jobs (core/jobs.py), through `deliver_once`: a job that runs again (its worker
died after sending) does not send again. With the outbox the message, what it carries (e.g.
a token) and its delivery key are written in one transaction: exactly once. Over SMTP the
key is recorded right after the server accepted the message: a worker dying in between
makes the only case of a second mail.
"""

from __future__ import annotations

import asyncio
import logging
import smtplib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Protocol

from tortoise import connections
from tortoise.transactions import in_transaction

from core.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Message:
    to: str
    subject: str
    body: str


class Mailer(Protocol):
    # Whether `send` writes in the current database transaction (then delivery is atomic).
    transactional: bool

    async def send(self, message: Message) -> None: ...


class OutboxMailer:
    """Records messages in the `outbox_messages` table (nothing leaves the machine)."""

    transactional = True

    async def send(self, message: Message) -> None:
        from models.identity import OutboxMessage  # core must not import models at load time

        await OutboxMessage.create(to=message.to, subject=message.subject, body=message.body)


class SmtpMailer:
    """Delivers through an SMTP server, in a thread (smtplib blocks); a failure raises, and
    the job sending the mail retries it."""

    transactional = False

    def __init__(self, settings: Settings) -> None:
        self.host = settings.smtp_host
        self.port = settings.smtp_port
        self.user = settings.smtp_user
        self.password = settings.smtp_password
        self.sender = settings.smtp_from

    def _deliver(self, message: Message) -> None:
        email = EmailMessage()
        email["From"] = self.sender
        email["To"] = message.to
        email["Subject"] = message.subject
        email.set_content(message.body)
        with smtplib.SMTP(self.host, self.port, timeout=30) as smtp:
            if self.user:
                smtp.starttls()
                smtp.login(self.user, self.password)
            smtp.send_message(email)

    async def send(self, message: Message) -> None:
        try:
            await asyncio.to_thread(self._deliver, message)
        except (OSError, smtplib.SMTPException) as error:
            log.warning("mail to %s (%s) not delivered: %s", message.to, message.subject, error)
            raise


_CLAIM = "INSERT INTO mail_deliveries (key) VALUES ($1) ON CONFLICT (key) DO NOTHING RETURNING key"
_DELIVERED = "SELECT 1 FROM mail_deliveries WHERE key = $1"
PURGE_DELIVERIES = "DELETE FROM mail_deliveries WHERE sent_at < now() - interval '30 days'"


async def deliver_once(mailer: Mailer, key: str, compose: Callable[[], Awaitable[Message]]) -> bool:
    """Send the message `compose` makes (it may write, e.g. a token), unless a message with
    `key` was delivered already; whether it was sent now."""
    if mailer.transactional:
        async with in_transaction() as conn:
            if not await conn.execute_query_dict(_CLAIM, [key]):
                return False
            await mailer.send(await compose())
        return True
    db = connections.get("default")
    if await db.execute_query_dict(_DELIVERED, [key]):
        return False
    async with in_transaction():
        message = await compose()
    await mailer.send(message)
    await db.execute_query_dict(_CLAIM, [key])
    return True


def build_mailer(settings: Settings) -> Mailer:
    """The mailer `MAILER` names (built once per app, so SMTP deliveries stay tracked)."""
    if settings.mailer == "smtp":
        return SmtpMailer(settings)
    if settings.mailer == "outbox":
        return OutboxMailer()
    raise ValueError(f"unknown MAILER {settings.mailer!r}: use outbox or smtp")
