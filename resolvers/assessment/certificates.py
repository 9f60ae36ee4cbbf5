"""Certificates: issued once per enrollment when the course's last condition is met — every
lesson completed (learning's `CourseCompleted`) and every published quiz passed — in the
transaction of the change that met it. Verifiable by number by anyone."""

from __future__ import annotations

import asyncio
import secrets
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from core.events import subscribe
from core.security import DOWNLOAD_LINK_TTL, Download, signed_path
from core.settings import Settings
from models.assessment import Certificate
from resolvers.assessment import queries
from resolvers.learning.events import CourseCompleted
from rules.assessment.certificates import (
    CERTIFICATE_RANDOM_BYTES,
    certificate_due,
    certificate_number,
    normalize_certificate_number,
)
from services.documents import certificate_pdf

NUMBER_TRIES = 5  # numbers are random; the unique index rejects the rare collision


async def issue_if_due(
    conn: Any, user_id: UUID, course_id: UUID, now: datetime
) -> Certificate | None:
    """The enrollment's certificate if every condition holds now (issued now, or before)."""
    rows = await conn.execute_query_dict(queries.CERTIFICATE_CONDITIONS, [user_id, course_id])
    if not rows:
        return None  # not enrolled
    state = rows[0]
    if not certificate_due(
        lessons_done=state["lessons_done"],
        quizzes_published=set(state["quizzes"]),
        quizzes_passed=set(state["quizzes_passed"]),
    ):
        return None
    for _ in range(NUMBER_TRIES):
        number = certificate_number(now, secrets.token_hex(CERTIFICATE_RANDOM_BYTES))
        await conn.execute_query_dict(
            queries.ISSUE_CERTIFICATE, [user_id, course_id, state["enrollment_id"], now, number]
        )
        issued = await Certificate.get_or_none(enrollment_id=state["enrollment_id"], using_db=conn)
        if issued is not None:
            return issued
    raise RuntimeError("could not allocate a certificate number")


async def _on_course_completed(event: CourseCompleted, conn: Any) -> None:
    await issue_if_due(conn, event.user_id, event.course_id, event.completed_at)


def register_subscribers() -> None:
    subscribe(CourseCompleted, _on_course_completed)


async def by_number(number: str) -> Certificate | None:
    """The certificate with this number (as printed; case and spaces ignored)."""
    cleaned = normalize_certificate_number(number)
    if not cleaned or len(cleaned) > 32:
        return None
    return await Certificate.get_or_none(number=cleaned)


async def certificate_download(number: str, settings: Settings) -> Download | None:
    """The certificate's PDF, for a signed link (app/downloads.py checked it): made on request,
    from what the certificate says — holder, course, dates, number."""
    row = await Certificate.get_or_none(number=number).select_related("user", "course")
    if row is None:
        return None
    pdf = await asyncio.to_thread(
        certificate_pdf,
        row.user.display_name,
        row.course.title,
        row.issued_at,
        row.expires_at,
        row.number,
    )
    return Download(content=pdf, media_type="application/pdf", filename=f"{row.number}.pdf")


def pdf_path(certificate: Certificate, settings: Settings, now: datetime) -> str:
    """A signed link to the certificate's PDF, valid at least DOWNLOAD_LINK_TTL: until the
    next full hour after that, so the link stays the same for an hour (answers cache)."""
    until = (now + DOWNLOAD_LINK_TTL).replace(minute=0, second=0, microsecond=0)
    return signed_path(
        "certificate", certificate.number, until + timedelta(hours=1), settings.secret_key
    )
