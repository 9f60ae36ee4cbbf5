"""`GET /downloads/{kind}/{ident}`: the one route behind every signed, expiring download.

Links are made by `core.security.signed_path` (certificate PDFs, exports, recording media).
This route checks the link (`core.security.check_signature`), then asks the handler registered
for `kind` for the file:

    async def certificate_pdf(ident: str, settings: Settings) -> Download | None: ...
    register("certificate", certificate_pdf)

Handlers live below the web edge (resolvers, services) and are registered by the app's
composition (main.py), since lower layers never import `app`. A handler decides nothing about
access: holding a genuine, unexpired link is the permission. A handler of large files (a
recording's media, app/recording_media.py) answers a `StreamedDownload` instead: its chunks
are sent as they are read (with Content-Length when its size is known), never held whole.

Answers (errors in the GraphQL error shape the rest of the app uses, never cached):
- 200 with the file, `Content-Disposition: inline` and `Cache-Control: private, no-store`
  (HEAD: the same headers, no body);
- 403 `INVALID_LINK` for a forged, tampered or malformed link;
- 410 `LINK_EXPIRED` for a genuine link past its expiry;
- 404 `NOT_FOUND` for an unknown kind or when the handler finds nothing;
- 405 `METHOD_NOT_ALLOWED` (with `Allow: GET, HEAD`) for other methods;
- 503 `UNAVAILABLE` when the database cannot answer, 500 `INTERNAL` (with `requestId`) otherwise.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import BaseRoute, Route
from starlette.types import Receive, Scope, Send

from app.http_requests import REQUEST_ID_HEADER, error_response, request_id_for
from core.db_backend import UNAVAILABLE_MESSAGE, is_unavailable, report_unavailable
from core.logs import REQUEST_ID
from core.security import DOWNLOADS_PREFIX, Download, LinkProblem, check_signature
from core.settings import Settings
from services.storage import ObjectNotFound

__all__ = [
    "Download",
    "DownloadHandler",
    "StreamedDownload",
    "download_routes",
    "register",
    "registered_kinds",
]

log = logging.getLogger("lingograph.downloads")


@dataclass(frozen=True)
class StreamedDownload:
    """A download sent as it is read: `chunks` yields its bytes (closed when the answer is
    sent, or at once for HEAD); `size`, when known, is its Content-Length."""

    chunks: AsyncIterator[bytes]
    media_type: str
    filename: str
    size: int | None = None


class _Resumed:
    """A storage stream whose first chunk was read already: all its chunks, in order;
    `aclose` closes the stream whether or not it was read further (HEAD reads none)."""

    def __init__(self, first: bytes, stream: AsyncIterator[bytes]) -> None:
        self._first = first
        self._stream = stream

    def __aiter__(self) -> _Resumed:
        return self

    async def __anext__(self) -> bytes:
        if self._first:
            first, self._first = self._first, b""
            return first
        return await anext(self._stream)

    async def aclose(self) -> None:
        await self._stream.aclose()  # type: ignore[attr-defined]


async def stored_download(
    stream: AsyncIterator[bytes], media_type: str, filename: str, size: int | None
) -> StreamedDownload | None:
    """A file streamed from storage (services/storage `open_stream`), in its chunks; None
    when the object is missing. The first chunk is read before answering, so a missing object
    is told apart from a stream cut off half-way."""
    try:
        first = await anext(stream, b"")
    except ObjectNotFound:
        return None
    return StreamedDownload(_Resumed(first, stream), media_type, filename, size)


DownloadHandler = Callable[[str, Settings], Awaitable[Download | StreamedDownload | None]]
Clock = Callable[[], datetime]

_HANDLERS: dict[str, DownloadHandler] = {}
_KIND = re.compile(r"[a-z][a-z0-9_-]{0,31}")
_ALLOWED_METHODS = ("GET", "HEAD")
_NO_STORE = "private, no-store"
_PROBLEMS = {
    LinkProblem.INVALID: (403, "This download link is not valid."),
    LinkProblem.EXPIRED: (410, "This download link has expired; ask for a new one."),
}


def register(kind: str, handler: DownloadHandler) -> None:
    """Serve links of `kind` with `handler`. Registering the same handler again has no effect;
    another handler for a kind already taken is a programming error."""
    if not _KIND.fullmatch(kind):
        raise ValueError(f"download kind {kind!r} must match {_KIND.pattern}")
    current = _HANDLERS.get(kind)
    if current is not None and current is not handler:
        raise ValueError(f"download kind {kind!r} already has a handler")
    _HANDLERS[kind] = handler


def registered_kinds() -> frozenset[str]:
    return frozenset(_HANDLERS)


def _utcnow() -> datetime:
    return datetime.now(UTC)


def download_routes(settings: Settings, clock: Clock = _utcnow) -> list[BaseRoute]:
    """The download route, for the app's route list. `clock` is for tests."""
    # An ASGI endpoint, so every method reaches it and the unsupported ones are answered in
    # the JSON shape (a function endpoint would get Starlette's plain-text 405).
    return [Route(DOWNLOADS_PREFIX + "/{kind}/{ident}", _Endpoint(settings, clock))]


class _Endpoint:
    def __init__(self, settings: Settings, clock: Clock) -> None:
        self.settings = settings
        self.clock = clock

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        request_id = request_id_for(request.headers)
        REQUEST_ID.set(request_id)
        response = await _answer(request, self.settings, self.clock, request_id)
        response.headers[REQUEST_ID_HEADER] = request_id
        await response(scope, receive, send)


async def _answer(request: Request, settings: Settings, clock: Clock, request_id: str) -> Response:
    if request.method not in _ALLOWED_METHODS:
        return _error(
            405,
            "Downloads are fetched with GET.",
            "METHOD_NOT_ALLOWED",
            headers={"Allow": ", ".join(_ALLOWED_METHODS)},
        )
    kind = request.path_params["kind"]
    ident = request.path_params["ident"]
    handler = _HANDLERS.get(kind)
    if handler is None:
        return _not_found()
    problem = check_signature(
        kind,
        ident,
        request.query_params.get("expires", ""),
        request.query_params.get("signature", ""),
        clock(),
        settings.secret_key,
    )
    if problem is not None:
        status, message = _PROBLEMS[problem]
        return _error(status, message, problem.value)
    try:
        download = await handler(ident, settings)
    except Exception as error:  # a handler's failure must not leak a traceback
        if is_unavailable(error):
            report_unavailable(error)
            return _error(
                503,
                UNAVAILABLE_MESSAGE,
                "UNAVAILABLE",
                {"requestId": request_id},
                headers={"Retry-After": str(settings.retry_after_seconds)},
            )
        log.exception("download %s/%s failed (request %s)", kind, ident, request_id)
        return _error(500, "internal error", "INTERNAL", {"requestId": request_id})
    if download is None:
        return _not_found()
    headers = {
        "Content-Disposition": content_disposition(download.filename),
        "Cache-Control": _NO_STORE,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
    }
    if isinstance(download, StreamedDownload):
        return await _streamed(request, download, headers)
    if request.method == "HEAD":
        headers["Content-Length"] = str(len(download.content))
        return Response(b"", media_type=download.media_type, headers=headers)
    return Response(download.content, media_type=download.media_type, headers=headers)


async def _streamed(
    request: Request, download: StreamedDownload, headers: dict[str, str]
) -> Response:
    if download.size is not None:
        headers["Content-Length"] = str(download.size)
    chunks = download.chunks
    if request.method == "HEAD":
        await _close(chunks)
        return Response(b"", media_type=download.media_type, headers=headers)

    async def body() -> AsyncIterator[bytes]:
        try:
            async for chunk in chunks:
                yield chunk
        finally:
            await _close(chunks)

    return StreamingResponse(body(), media_type=download.media_type, headers=headers)


async def _close(chunks: AsyncIterator[bytes]) -> None:
    close = getattr(chunks, "aclose", None)
    if close is not None:
        await close()


def _not_found() -> Response:
    return _error(404, "Nothing to download here.", "NOT_FOUND")


def _error(
    status: int,
    message: str,
    code: str,
    extensions: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    headers = {"Cache-Control": _NO_STORE, **(headers or {})}
    return error_response(status, message, code, extensions=extensions, headers=headers)


_UNSAFE_FILENAME = re.compile(r"[^A-Za-z0-9._ -]+")


def content_disposition(filename: str) -> str:
    """`inline; filename="..."` with an ASCII name any client reads, plus the exact name as
    `filename*` (RFC 6266/5987) when it is not plain ASCII."""
    decomposed = unicodedata.normalize("NFKD", filename)
    ascii_name = decomposed.encode("ascii", "ignore").decode()
    ascii_name = _UNSAFE_FILENAME.sub("_", ascii_name).strip(" ._") or "download"
    value = f'inline; filename="{ascii_name}"'
    if ascii_name != filename:
        printable = "".join(c for c in filename if unicodedata.category(c)[0] != "C")
        value += f"; filename*=UTF-8''{quote(printable, safe='')}"
    return value
