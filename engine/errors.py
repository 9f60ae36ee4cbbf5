"""Turns exceptions into the errors clients see.

Expected failures raised in queries (`AppError`) keep their message and get their code in
`extensions`; permission and validation errors pass through; anything else is logged with
its traceback and the request id, and masked as "internal error" with `extensions.code`
INTERNAL and `extensions.requestId` (also sent as the `X-Request-Id` response header), so a
report from a user can be matched with the log line. A database that cannot answer now
(timeouts, lost connections: core/db_backend.py) is UNAVAILABLE instead, logged once per
interval; the HTTP view answers it with 503 and `Retry-After`.

Results are processed once per HTTP operation and once per streamed result (each
subscription event and every operation over a WebSocket).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from core.db_backend import UNAVAILABLE_MESSAGE, is_unavailable, report_unavailable
from core.errors import AppError
from core.throttle import Throttled

log = logging.getLogger("lingograph.errors")


class _StrawberryDuplicate(logging.Filter):
    """Strawberry logs every GraphQL error itself, without the request id; `ErrorMasking`
    logs the unexpected ones with it, and the expected ones (validation, limits, AppError)
    are not worth an ERROR line. Drop Strawberry's copy."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not isinstance(record.msg, GraphQLError)


logging.getLogger("strawberry.execution").addFilter(_StrawberryDuplicate())


def _is_expected(error: GraphQLError) -> bool:
    original = error.original_error
    return original is None or isinstance(original, GraphQLError)


class ErrorMasking(SchemaExtension):
    def __init__(self) -> None:
        self._streamed = False

    def on_operation(self) -> Iterator[None]:
        yield
        if not self._streamed:  # streamed results were processed one by one
            self._process(self.execution_context.result)

    def on_stream_result(self, result: Any) -> Iterator[None]:
        self._streamed = True
        self._process(result)
        yield None

    def _process(self, result: Any) -> None:
        errors = getattr(result, "errors", None)
        if not errors:
            return
        request_id = getattr(self.execution_context.context, "request_id", None)
        result.errors = present_errors(errors, request_id)


def present_errors(errors: list[GraphQLError], request_id: str | None) -> list[GraphQLError]:
    """The errors as clients may see them. Idempotent: the HTTP view applies it once more, for
    exceptions Strawberry turns into errors after the extensions have run (a failing hook)."""
    return [_present(error, request_id) for error in errors]


def _present(error: GraphQLError, request_id: str | None) -> GraphQLError:
    original = error.original_error
    if isinstance(original, AppError):
        first = original.errors[0]
        return GraphQLError(
            first.message,
            nodes=error.nodes,
            path=error.path,
            original_error=None,
            extensions={"code": first.code.value, "field": first.field},
        )
    if isinstance(original, Throttled):  # a top-level error: the operation was not tried
        return GraphQLError(
            original.message,
            nodes=error.nodes,
            path=error.path,
            original_error=None,
            extensions={"code": original.code.value, "retryAfter": original.retry_after},
        )
    if _is_expected(error):
        return error
    # The database is away: not a bug, and retrying will do.
    if original is not None and is_unavailable(original):
        report_unavailable(original)
        return GraphQLError(
            UNAVAILABLE_MESSAGE,
            nodes=error.nodes,
            path=error.path,
            original_error=None,
            extensions={"code": "UNAVAILABLE", "requestId": request_id},
        )
    log.error(
        "unexpected error (request %s) at %s: %r",
        request_id,
        ".".join(str(p) for p in error.path or []) or "-",
        original,
        exc_info=original,  # logging expands an exception to (type, value, traceback)
    )
    return GraphQLError(
        "internal error",
        nodes=error.nodes,
        path=error.path,
        original_error=None,
        extensions={"code": "INTERNAL", "requestId": request_id},
    )
