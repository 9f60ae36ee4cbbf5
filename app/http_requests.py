"""Reading a GraphQL-over-HTTP request before it runs: the response media type, the body and
its JSON (bounded in size, depth and elements), the GraphQL parameters, the request id; and
what a result says about itself (a request error, a mutation, an error's code). Requests
refused here are `HttpProblem`s, answered by app/http.py with their status. Multipart
uploads are read by app/uploads.py, with the same JSON and parameter checks."""

from __future__ import annotations

import json
import os
import re
from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import Response
from strawberry.http.parse_content_type import parse_content_type

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"
JSON = "application/json"
REQUEST_ID_HEADER = "x-request-id"
# A client-supplied request id is reused only when it cannot forge log lines or headers.
_SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
# Over HTTP: queries by GET, queries and mutations by POST. Subscriptions use the WebSocket.
_GRAPHQL_PARAMS = ("query", "operationName", "variables", "extensions")


class HttpProblem(Exception):
    """A request refused before execution: answered with `status` whatever the media type."""

    def __init__(
        self, status: int, message: str, code: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.headers = headers or {}


def _media_ranges(accept: str) -> list[tuple[str, float]]:
    ranges = []
    for part in accept.split(","):
        media, _, raw_params = part.strip().partition(";")
        quality = 1.0
        for param in raw_params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media.strip():
            ranges.append((media.strip().lower(), quality))
    return ranges


_PLAIN_ACCEPTS = {JSON: JSON, GRAPHQL_RESPONSE_JSON: GRAPHQL_RESPONSE_JSON, "*/*": JSON}


def negotiate(accept: str | None) -> str | None:
    """The response media type for an `Accept` header; None when we serve nothing acceptable.

    The most specific matching range gives each candidate its quality. On a tie an explicit
    `application/graphql-response+json` wins; wildcards alone mean `application/json` (the
    spec's choice for legacy clients during the watershed period).
    """
    if accept is None or not accept.strip():
        return JSON
    if accept in _PLAIN_ACCEPTS:  # what most clients send: nothing to weigh
        return _PLAIN_ACCEPTS[accept]
    ranges = _media_ranges(accept)
    best: tuple[float, int, int, str] | None = None
    for candidate in (GRAPHQL_RESPONSE_JSON, JSON):
        kind = candidate.split("/")[0]
        matches = [
            (specificity, quality)
            for media, quality in ranges
            for specificity, pattern in ((2, candidate), (1, f"{kind}/*"), (0, "*/*"))
            if media == pattern
        ]
        if not matches:
            continue
        specificity, quality = max(matches)
        if quality <= 0:
            continue
        explicit_preference = candidate == GRAPHQL_RESPONSE_JSON and specificity == 2
        wildcard_preference = candidate == JSON and specificity < 2
        key = (quality, specificity, int(explicit_preference or wildcard_preference), candidate)
        if best is None or key[:3] > best[:3]:
            best = key
    return best[3] if best else None


def _check_content_type(value: str | None) -> None:
    if value == JSON:
        return
    if not value or not value.strip():
        raise HttpProblem(
            400, "A POST request needs a Content-Type header: application/json.", "BAD_REQUEST"
        )
    mime, params = parse_content_type(value)
    if mime.lower() != JSON:
        raise HttpProblem(
            415,
            f"Unsupported Content-Type {mime!r}; send application/json (or multipart/form-data "
            "to upload files).",
            "UNSUPPORTED_MEDIA",
        )
    charset = params.get("charset", "utf-8").lower()
    if charset not in {"utf-8", "utf8"}:
        raise HttpProblem(415, "Request bodies must be UTF-8 encoded.", "UNSUPPORTED_MEDIA")


# JSON a request may carry: nesting and element count are checked once the (size-bounded)
# text is decoded, without recursion, so a pathological document is a 400, never a 500.
MAX_JSON_DEPTH = 64
MAX_JSON_ELEMENTS = 100_000


def decode_json(text: str | bytes, what: str) -> Any:
    try:
        value = json.loads(text)
    except RecursionError as error:  # the decoder nests a Python call per level
        raise _too_nested(what) from error
    except (ValueError, UnicodeDecodeError) as error:
        raise HttpProblem(400, f"{what} is not valid JSON.", "BAD_REQUEST") from error
    if _may_exceed_shape_limits(text):
        _check_json_shape(value, what)
    return value


def _may_exceed_shape_limits(text: str | bytes) -> bool:
    """False when the text cannot break the limits, whatever it holds (most requests: the
    walk then costs nothing): a value nested n deep needs n opening brackets, and each
    element at least one character. Brackets inside strings only make this say True."""
    if len(text) > MAX_JSON_ELEMENTS:
        return True
    if isinstance(text, bytes):
        return text.count(b"[") + text.count(b"{") > MAX_JSON_DEPTH
    return text.count("[") + text.count("{") > MAX_JSON_DEPTH


def _too_nested(what: str) -> HttpProblem:
    return HttpProblem(400, f"{what} nests deeper than {MAX_JSON_DEPTH} levels.", "JSON_TOO_DEEP")


def _check_json_shape(value: Any, what: str) -> None:
    elements = 0
    pending: list[tuple[Any, int]] = [(value, 0)]
    while pending:
        item, depth = pending.pop()
        if depth > MAX_JSON_DEPTH:
            raise _too_nested(what)
        children = item.values() if isinstance(item, dict) else item
        if isinstance(item, dict | list):
            elements += len(children)
            if elements > MAX_JSON_ELEMENTS:
                raise HttpProblem(
                    400,
                    f"{what} has more than {MAX_JSON_ELEMENTS} elements.",
                    "JSON_TOO_LARGE",
                )
            pending.extend((child, depth + 1) for child in children)


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refused with 413 once it is known to be over `limit` bytes: from its
    Content-Length before reading, else while it streams in (nothing bigger is kept)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large(limit)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise too_large(limit)
    return bytes(body)


def too_large(limit: int) -> HttpProblem:
    return HttpProblem(413, f"The request body is over {limit} bytes.", "PAYLOAD_TOO_LARGE")


async def read_params(request: Request, max_body_bytes: int) -> dict[str, Any]:
    """The GraphQL request parameters of a GET (query string) or POST (JSON body)."""
    if request.method == "GET":
        params: Any = dict(request.query_params)
        for key in ("variables", "extensions"):
            raw = params.get(key)
            params[key] = decode_json(raw, f"The `{key}` parameter") if raw else None
    else:
        _check_content_type(request.headers.get("content-type"))
        body = await read_body(request, max_body_bytes)
        if not body.strip():
            raise HttpProblem(400, "The request body is empty.", "BAD_REQUEST")
        params = decode_json(body, "The request body")
        if not isinstance(params, dict):
            raise HttpProblem(
                400, "The request body must be a JSON object (no batching).", "BAD_REQUEST"
            )
    check_params(params)
    return params


def check_params(params: dict[str, Any]) -> None:
    """The GraphQL parameters have their types (a JSON body's, a multipart `operations`)."""
    expected = {"query": str, "operationName": str, "variables": dict, "extensions": dict}
    for key, kind in expected.items():
        value = params.get(key)
        if value is not None and not isinstance(value, kind):
            name = "a string" if kind is str else "an object"
            raise HttpProblem(400, f"The `{key}` parameter must be {name}.", "BAD_REQUEST")


def no_query() -> HttpProblem:
    return HttpProblem(400, "The request has no GraphQL `query`.", "BAD_REQUEST")


def wants_graphiql(request: Request) -> bool:
    """GraphiQL is for a browser asking for HTML with no GraphQL parameters; any GET that
    carries GraphQL parameters, or asks only for JSON or `*/*`, gets a GraphQL answer."""
    accept = request.headers.get("accept", "")
    return (
        request.method == "GET"
        and not any(request.query_params.get(key) for key in _GRAPHQL_PARAMS)
        and "text/html" in accept.lower()
    )


def request_id_for(headers: Any) -> str:
    incoming = headers.get(REQUEST_ID_HEADER)
    if incoming and _SAFE_REQUEST_ID.fullmatch(incoming):
        return incoming
    return os.urandom(16).hex()  # as random as uuid4's hex, without building a UUID


def error_extension(error: Any, name: str) -> Any:
    return (getattr(error, "extensions", None) or {}).get(name)


def error_code(error: Any) -> Any:
    return error_extension(error, "code")


def is_request_error(result: Any) -> bool:
    """Errors raised before execution: no data, and no error belongs to a field (no path)."""
    return (
        result.data is None
        and bool(result.errors)
        and all(getattr(error, "path", None) is None for error in result.errors)
    )


def error_response(
    status: int,
    message: str,
    code: str,
    media_type: str = JSON,
    extensions: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """An answer that is one coded error, as every route of the app words it:
    `{"errors": [{"message", "extensions": {"code", ...}}]}`."""
    error = {"message": message, "extensions": {"code": code, **(extensions or {})}}
    return Response(
        orjson.dumps({"errors": [error]}),
        status_code=status,
        media_type=f"{media_type}; charset=utf-8",
        headers=headers,
    )
