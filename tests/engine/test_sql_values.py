"""The SQL functions that write the read compiler's values (migrations 23, 27 and 29) give
the text Python gives: `lg_iso` is `datetime.isoformat()` of a UTC instant, `lg_b64` and
`lg_b64url` are base64 without line breaks (global ids) and its URL-safe unpadded form
(cursors), for short and long, ASCII and non-ASCII text."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta, timezone

import pytest
from tortoise import connections

INSTANTS = [
    datetime(2026, 3, 29, 1, 30, tzinfo=UTC),  # whole seconds: no fraction
    datetime(2026, 3, 29, 1, 30, 5, 100000, tzinfo=UTC),  # trailing zeros kept
    datetime(2026, 3, 29, 1, 30, 5, 1, tzinfo=UTC),
    datetime(2026, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
    datetime(999, 1, 2, 3, 4, 5, 500000, tzinfo=UTC),  # a year of three digits
    datetime(2026, 10, 25, 1, 30, tzinfo=timezone(timedelta(hours=2))),  # not UTC: converted
]
TEXTS = [
    "",
    "a",
    "Lesson:00000000-0135-2902-0000-00000000000a",
    "ConversationScenario:" + "f" * 80,  # base64 longer than 76 characters: a line break
    "Ünïcödé ✓ → 日本語" * 5,
    '[["v",0.5],["u","3f2a"]]?>~',  # characters base64 writes as + and /
]


async def _values(sql: str, value: object) -> tuple[str, ...]:
    rows = await connections.get("default").execute_query_dict(sql, [value])
    return tuple(rows[0].values())


@pytest.mark.parametrize("instant", INSTANTS, ids=str)
async def test_lg_iso_is_pythons_isoformat_in_utc(server: str, instant: datetime) -> None:
    assert await _values("SELECT lg_iso($1::timestamptz) AS v", instant) == (
        instant.astimezone(UTC).isoformat(),
    )


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
async def test_lg_b64_and_lg_b64url_are_pythons_base64(server: str, text: str) -> None:
    raw = text.encode()
    assert await _values("SELECT lg_b64($1::text) AS a, lg_b64url($1::text) AS b", text) == (
        base64.b64encode(raw).decode(),
        base64.urlsafe_b64encode(raw).decode().rstrip("="),
    )
