"""Outgoing mail behind one small interface, chosen by `settings.mailer`.

- `outbox` (development, tests): messages are stored as `OutboxMessage` rows instead of sent;
  read them with `SELECT "to", subject, body FROM outbox_messages ORDER BY created_at DESC`.
- `smtp`: messages go to `SMTP_HOST:SMTP_PORT` with smtplib, in a worker thread.
"""

from __future__ import annotations

import asyncio
import logging
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Protocol

from core.background import spawn
from core.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Message:
    to: str
    subject: str
    body: str


class Mailer(Protocol):
    async def send(self, message: Message) -> None: ...


class OutboxMailer:
    """Records messages in the `outbox_messages` table (nothing leaves the machine)."""

    async def send(self, message: Message) -> None:
        from models.identity import OutboxMessage  # core must not import models at load time

        await OutboxMessage.create(to=message.to, subject=message.subject, body=message.body)


class SmtpMailer:
    """Delivers through an SMTP server.

    `send` hands the message to a worker thread and returns at once: a response must not take
    longer because an account exists and mail went out (requestPasswordReset reveals nothing),
    and a slow mail server must not hold a request. Delivery failures are logged.
    """

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

    async def _deliver_logged(self, message: Message) -> None:
        try:
            await asyncio.to_thread(self._deliver, message)
        except Exception:  # a failed delivery must not fail the request that queued it
            log.exception("mail to %s (%s) could not be delivered", message.to, message.subject)

    async def send(self, message: Message) -> None:
        spawn(self._deliver_logged(message), name=f"mail-to-{message.to}")


def build_mailer(settings: Settings) -> Mailer:
    """The mailer `MAILER` names (built once per app, so SMTP deliveries stay tracked)."""
    if settings.mailer == "smtp":
        return SmtpMailer(settings)
    if settings.mailer == "outbox":
        return OutboxMailer()
    raise ValueError(f"unknown MAILER {settings.mailer!r}: use outbox or smtp")
