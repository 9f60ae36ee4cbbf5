"""The mailers: the development outbox and SMTP (against a minimal local SMTP server), and
`deliver_once`, which makes a mail job that runs twice send once."""

from __future__ import annotations

import asyncio
import dataclasses
import email
import logging
import socket
import uuid
from email import policy

import pytest

from core.settings import Settings
from models.identity import OutboxMessage
from services.mail import Message, OutboxMailer, SmtpMailer, build_mailer, deliver_once


async def test_outbox_mailer_records_messages(server: str) -> None:
    await OutboxMailer().send(Message(to="box@example.com", subject="Hi", body="Body text"))
    rows = await OutboxMessage.filter(to="box@example.com").values("subject", "body")
    assert rows == [{"subject": "Hi", "body": "Body text"}]


def test_the_mailer_follows_the_settings(settings: Settings) -> None:
    assert isinstance(build_mailer(dataclasses.replace(settings, mailer="outbox")), OutboxMailer)
    assert isinstance(build_mailer(dataclasses.replace(settings, mailer="smtp")), SmtpMailer)
    with pytest.raises(ValueError, match="unknown MAILER"):
        build_mailer(dataclasses.replace(settings, mailer="carrier-pigeon"))


async def _smtp_server(received: list[bytes]) -> asyncio.Server:
    """Just enough of an SMTP server for smtplib to hand over one message."""

    async def session(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(b"220 test ESMTP\r\n")
        while line := await reader.readline():
            command = line.strip().upper()
            if command.startswith((b"EHLO", b"HELO")):
                writer.write(b"250 test\r\n")
            elif command == b"DATA":
                writer.write(b"354 go ahead\r\n")
                await writer.drain()
                data = b""
                while (chunk := await reader.readline()) != b".\r\n":
                    data += chunk
                received.append(data)
                writer.write(b"250 queued\r\n")
            elif command == b"QUIT":
                writer.write(b"221 bye\r\n")
                await writer.drain()
                break
            else:  # MAIL FROM, RCPT TO, RSET, NOOP
                writer.write(b"250 ok\r\n")
            await writer.drain()
        writer.close()

    return await asyncio.start_server(session, "127.0.0.1", 0)


async def test_smtp_mailer_delivers_in_a_thread(settings: Settings) -> None:
    received: list[bytes] = []
    smtp = await _smtp_server(received)
    port = smtp.sockets[0].getsockname()[1]
    mailer = SmtpMailer(dataclasses.replace(settings, smtp_host="127.0.0.1", smtp_port=port))
    async with smtp:
        await mailer.send(Message(to="far@example.com", subject="Greetings", body="Olá!\n"))
    assert len(received) == 1
    sent = email.message_from_bytes(received[0], policy=policy.default)
    assert (sent["To"], sent["Subject"]) == ("far@example.com", "Greetings")
    assert sent["From"] == settings.smtp_from
    assert sent.get_content().replace("\r\n", "\n") == "Olá!\n"  # CRLF on the wire


def _unused_port() -> int:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_smtp_failures_are_logged_and_raised_for_the_job_to_retry(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    port = _unused_port()
    mailer = SmtpMailer(dataclasses.replace(settings, smtp_host="127.0.0.1", smtp_port=port))
    with (
        caplog.at_level(logging.WARNING, logger="services.mail"),
        pytest.raises(ConnectionRefusedError),
    ):
        await mailer.send(Message(to="lost@example.com", subject="Lost", body="..."))
    assert [r.getMessage() for r in caplog.records] == [
        "mail to lost@example.com (Lost) not delivered: [Errno 111] Connection refused"
    ]


async def test_the_outbox_delivers_once_per_key(server: str) -> None:
    composed: list[int] = []

    async def compose() -> Message:
        composed.append(1)
        return Message(to="once@example.com", subject="Once", body=f"#{len(composed)}")

    key = f"test:{uuid.uuid4()}"
    assert await deliver_once(OutboxMailer(), key, compose) is True
    assert await deliver_once(OutboxMailer(), key, compose) is False
    rows = await OutboxMessage.filter(to="once@example.com", subject="Once").values("body")
    assert (rows, len(composed)) == ([{"body": "#1"}], 1)


async def test_smtp_delivers_once_per_key_and_not_at_all_when_refused(
    server: str, settings: Settings
) -> None:
    async def compose() -> Message:
        return Message(to="far@example.com", subject="Keyed", body="Hi\n")

    key = f"test:{uuid.uuid4()}"
    refused = SmtpMailer(
        dataclasses.replace(settings, smtp_host="127.0.0.1", smtp_port=_unused_port())
    )
    with pytest.raises(ConnectionRefusedError):
        await deliver_once(refused, key, compose)  # not recorded: the retry will send it
    received: list[bytes] = []
    smtp = await _smtp_server(received)
    port = smtp.sockets[0].getsockname()[1]
    mailer = SmtpMailer(dataclasses.replace(settings, smtp_host="127.0.0.1", smtp_port=port))
    async with smtp:
        assert await deliver_once(mailer, key, compose) is True
        assert await deliver_once(mailer, key, compose) is False
    assert len(received) == 1
