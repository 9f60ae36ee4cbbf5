"""Mutation payloads: the changed object(s) plus `errors: [UserError!]!`."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any, TypeVar

import strawberry

from core.errors import AppError
from core.errors import ErrorCode as ErrorCodeEnum

ErrorCode = strawberry.enum(ErrorCodeEnum, name="ErrorCode", description="What went wrong.")

PayloadT = TypeVar("PayloadT", bound="Payload")


@strawberry.type(description="An expected failure: a field (or null for the whole input).")
class UserError:
    field: str | None
    message: str
    code: ErrorCode  # type: ignore[valid-type]


@strawberry.type
class Payload:
    """Base of every mutation payload: the changed object(s) plus `errors`."""

    errors: list[UserError] = strawberry.field(default_factory=list)


def user_errors(error: AppError) -> list[UserError]:
    return [UserError(field=e.field, message=e.message, code=e.code) for e in error.errors]


async def run_mutation(payload: type[PayloadT], work: Awaitable[dict[str, Any]]) -> PayloadT:
    """Await a use case returning the payload's fields; expected failures become `errors`."""
    try:
        return payload(**(await work))
    except AppError as error:
        return payload(errors=user_errors(error))
