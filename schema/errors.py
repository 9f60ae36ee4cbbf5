"""Turns exceptions into the errors clients see.

Expected failures raised in queries (`AppError`) keep their message and get their code in
`extensions`; permission and validation errors pass through; anything else is logged with
its traceback and the request id, and masked as "internal error".
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from core.errors import AppError

log = logging.getLogger("lingograph.errors")


def _is_expected(error: GraphQLError) -> bool:
    original = error.original_error
    return original is None or isinstance(original, GraphQLError)


class ErrorMasking(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is None or not result.errors:
            return
        context = self.execution_context.context
        request_id = getattr(context, "request_id", None)
        result.errors = [self._present(error, request_id) for error in result.errors]

    def _present(self, error: GraphQLError, request_id: str | None) -> GraphQLError:
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
        if _is_expected(error):
            return error
        log.error(
            "unexpected error (request %s) at %s",
            request_id,
            ".".join(str(p) for p in error.path or []),
            exc_info=(type(original), original, original.__traceback__),
        )
        return GraphQLError(
            "internal error",
            nodes=error.nodes,
            path=error.path,
            original_error=None,
            extensions={"code": "INTERNAL", "requestId": request_id},
        )
