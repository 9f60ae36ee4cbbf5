"""Signed download links: the pure helpers (core/security.py) and the route (app/downloads.py),
served in-process by an app holding only the download route and a test-only kind."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from starlette.applications import Starlette

from app.downloads import Download, content_disposition, download_routes, register
from core.security import (
    DOWNLOAD_LINK_TTL,
    LinkProblem,
    check_signature,
    signed_path,
)
from core.settings import Settings
from tests.http_helpers import app_client

SECRET = "test-secret-for-downloads"
KIND = "testfile"
NOW = datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)


async def serve_test_file(ident: str, settings: Settings) -> Download | None:
    if ident == "missing":
        return None
    if ident == "broken":
        raise RuntimeError("the handler failed")
    if ident == "unicode":
        return Download(b"x", "text/plain", "Zoë's certificate.pdf")
    return Download(f"file {ident}".encode(), "application/pdf", f"{ident}.pdf")


register(KIND, serve_test_file)


@pytest.fixture
def app(settings: Settings) -> Starlette:  # no database: the test kind needs none
    return Starlette(routes=download_routes(dataclasses.replace(settings, secret_key=SECRET)))


def link(ident: str = "abc-123", expires_at: datetime | None = None, kind: str = KIND) -> str:
    when = expires_at or datetime.now(UTC) + DOWNLOAD_LINK_TTL
    return signed_path(kind, ident, when, SECRET)


def with_query(path: str, **changes: str) -> str:
    parts = urlsplit(path)
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    query.update(changes)
    return parts.path + "?" + "&".join(f"{key}={value}" for key, value in query.items())


def error_code(response: object) -> str:
    body = response.json()  # type: ignore[attr-defined]
    return str(body["errors"][0]["extensions"]["code"])


# --- the pure helpers ----------------------------------------------------------------------


def split(path: str) -> tuple[str, str, str, str]:
    parts = urlsplit(path)
    _, prefix, kind, ident = parts.path.split("/")
    assert prefix == "downloads"
    query = parse_qs(parts.query)
    return kind, ident, query["expires"][0], query["signature"][0]


def test_signed_path_shape() -> None:
    path = signed_path("certificate", "LG-2030-0001", NOW + timedelta(hours=1), SECRET)
    expires = int((NOW + timedelta(hours=1)).timestamp())
    assert path.startswith(f"/downloads/certificate/LG-2030-0001?expires={expires}&signature=")
    kind, ident, expires_text, signature = split(path)
    assert len(signature) == 64
    assert check_signature(kind, ident, expires_text, signature, NOW, SECRET) is None


def test_check_signature_tells_forged_from_expired() -> None:
    kind, ident, expires, signature = split(signed_path("certificate", "c1", NOW, SECRET))
    later = NOW + timedelta(seconds=1)
    earlier = NOW - timedelta(seconds=1)
    assert check_signature(kind, ident, expires, signature, earlier, SECRET) is None
    assert check_signature(kind, ident, expires, signature, NOW, SECRET) is LinkProblem.EXPIRED
    assert check_signature(kind, ident, expires, signature, later, SECRET) is LinkProblem.EXPIRED
    forged = [
        ("export", ident, expires, signature),  # another kind
        (kind, "c2", expires, signature),  # another object
        (kind, ident, str(int(expires) + 3600), signature),  # a longer life
        (kind, ident, expires, "0" * 64),
        (kind, ident, expires, signature.upper()),
        (kind, ident, expires, signature[:-1]),
        (kind, ident, "", signature),
        (kind, ident, "-1", signature),
        (kind, ident, "1e9", signature),
        (kind, ident, expires, "é" * 64),
        (kind, "c/1", expires, signature),
    ]
    for case in forged:
        assert check_signature(*case, earlier, SECRET) is LinkProblem.INVALID, case
        assert check_signature(*case, later, SECRET) is LinkProblem.INVALID, case
    assert check_signature(kind, ident, expires, signature, earlier, "other") is (
        LinkProblem.INVALID
    )


def test_signed_path_refuses_what_a_url_cannot_carry() -> None:
    with pytest.raises(ValueError):
        signed_path("certificate", "a/b", NOW, SECRET)
    with pytest.raises(ValueError):
        signed_path("Certificate", "a", NOW, SECRET)
    with pytest.raises(ValueError):
        signed_path("certificate", "a", datetime(2030, 1, 1), SECRET)  # naive


def test_register_refuses_a_second_handler_for_a_kind() -> None:
    register(KIND, serve_test_file)  # the same one again: no effect

    async def other(ident: str, settings: Settings) -> Download | None:
        return None

    with pytest.raises(ValueError):
        register(KIND, other)


def test_content_disposition() -> None:
    assert content_disposition("LG-1.pdf") == 'inline; filename="LG-1.pdf"'
    value = content_disposition('Zoë "x".pdf')
    assert value.startswith("inline; filename=\"Zoe _x_.pdf\"; filename*=UTF-8''Zo%C3%AB")
    assert (
        content_disposition("中文")
        == "inline; filename=\"download\"; filename*=UTF-8''%E4%B8%AD%E6%96%87"
    )


# --- the route -----------------------------------------------------------------------------


async def test_a_genuine_link_serves_the_file(app: Starlette) -> None:
    async with app_client(app) as client:
        response = await client.get(link("abc-123"))
    assert response.status_code == 200
    assert response.content == b"file abc-123"
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == 'inline; filename="abc-123.pdf"'
    assert response.headers["cache-control"] == "private, no-store"
    assert response.headers["x-request-id"]


async def test_head_answers_the_headers_only(app: Starlette) -> None:
    async with app_client(app) as client:
        response = await client.head(link("abc-123"))
    assert response.status_code == 200
    assert response.content == b""
    assert response.headers["content-length"] == str(len(b"file abc-123"))
    assert response.headers["content-type"] == "application/pdf"


async def test_a_tampered_ident_is_refused(app: Starlette) -> None:
    genuine = link("abc-123")
    tampered = genuine.replace("/abc-123?", "/abc-124?")
    async with app_client(app) as client:
        response = await client.get(tampered)
    assert response.status_code == 403
    assert error_code(response) == "INVALID_LINK"
    assert response.headers["content-type"].startswith("application/json")
    assert response.headers["cache-control"] == "private, no-store"


async def test_a_tampered_expiry_is_refused(app: Starlette) -> None:
    genuine = link("abc-123")
    expires = int(parse_qs(urlsplit(genuine).query)["expires"][0])
    async with app_client(app) as client:
        response = await client.get(with_query(genuine, expires=str(expires + 86_400)))
    assert response.status_code == 403
    assert error_code(response) == "INVALID_LINK"


@pytest.mark.parametrize(
    "query",
    ["", "?expires=9999999999", "?signature=" + "0" * 64, "?expires=x&signature=y"],
)
async def test_a_malformed_link_is_refused(app: Starlette, query: str) -> None:
    async with app_client(app) as client:
        response = await client.get(f"/downloads/{KIND}/abc-123{query}")
    assert response.status_code == 403
    assert error_code(response) == "INVALID_LINK"


async def test_a_link_signed_with_another_secret_is_refused(app: Starlette) -> None:
    path = signed_path(KIND, "abc-123", datetime.now(UTC) + timedelta(hours=1), "not-the-key")
    async with app_client(app) as client:
        response = await client.get(path)
    assert response.status_code == 403


async def test_an_expired_link_is_gone(app: Starlette) -> None:
    expired = link("abc-123", datetime.now(UTC) - timedelta(seconds=5))
    async with app_client(app) as client:
        response = await client.get(expired)
        tampered = await client.get(expired.replace("/abc-123?", "/abc-124?"))
    assert response.status_code == 410
    assert error_code(response) == "LINK_EXPIRED"
    assert tampered.status_code == 403  # only a genuine link is ever called expired


async def test_a_link_expires_at_its_second(settings: Settings) -> None:
    clock = [NOW - timedelta(seconds=1)]
    app = Starlette(
        routes=download_routes(
            dataclasses.replace(settings, secret_key=SECRET), clock=lambda: clock[0]
        )
    )
    path = signed_path(KIND, "abc-123", NOW, SECRET)
    async with app_client(app) as client:
        assert (await client.get(path)).status_code == 200
        clock[0] = NOW
        assert (await client.get(path)).status_code == 410


async def test_an_unknown_kind_is_not_found(app: Starlette) -> None:
    async with app_client(app) as client:
        response = await client.get(link("abc-123", kind="nosuchkind"))
    assert response.status_code == 404
    assert error_code(response) == "NOT_FOUND"


async def test_nothing_found_by_the_handler_is_not_found(app: Starlette) -> None:
    async with app_client(app) as client:
        response = await client.get(link("missing"))
    assert response.status_code == 404
    assert error_code(response) == "NOT_FOUND"


async def test_a_failing_handler_answers_a_masked_500(app: Starlette) -> None:
    async with app_client(app) as client:
        response = await client.get(link("broken"))
    assert response.status_code == 500
    error = response.json()["errors"][0]
    assert error["message"] == "internal error"
    assert error["extensions"]["code"] == "INTERNAL"
    assert error["extensions"]["requestId"] == response.headers["x-request-id"]


async def test_other_methods_are_not_allowed(app: Starlette) -> None:
    async with app_client(app) as client:
        response = await client.post(link("abc-123"))
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"
    assert error_code(response) == "METHOD_NOT_ALLOWED"


async def test_a_unicode_file_name_is_kept_for_clients_that_read_it(app: Starlette) -> None:
    async with app_client(app) as client:
        response = await client.get(link("unicode"))
    assert response.status_code == 200
    assert response.headers["content-disposition"] == (
        'inline; filename="Zoe_s certificate.pdf"; '
        "filename*=UTF-8''Zo%C3%AB%27s%20certificate.pdf"
    )
