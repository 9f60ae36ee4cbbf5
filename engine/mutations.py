"""The one mutation pipeline: every mutation takes one `input` and returns a payload with the
changed object(s) and `errors: [UserError!]!`.

`payload_mutation(permission=...)` wraps a resolver `async (self, info, input) -> XPayload`:
1. the permission declared on the field is checked (engine/permissions.py);
2. text no database can store (NUL bytes, lone surrogates) is an INVALID error on its field
   (engine/inputs.py); the input's global ids are decoded (engine/ids.py `node_id`): a bad
   one is a NOT_FOUND error on its field;
3. the resolver calls its use case, which returns a typed result, and builds the payload;
4. an `AppError` raised anywhere above becomes the payload's `errors`; when a viewer is
   signed in, every refusal hook (core/refusals.py: the audit log registers one) is awaited
   first with the viewer, the mutation's field name in snake case (`set_user_role`) and
   the error. The hook decides what it records, in a transaction of its own (the use
   case's rolled back).
Unexpected exceptions propagate and are masked by engine/errors.py.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, TypeVar

import strawberry
from strawberry.types.lazy_type import LazyType

from core.errors import AppError
from core.errors import ErrorCode as ErrorCodeEnum
from core.refusals import refused
from engine.context import AppInfo
from engine.ids import decode_node_ids
from engine.inputs import check_input_text
from engine.permissions import Permission

ErrorCode = strawberry.enum(ErrorCodeEnum, name="ErrorCode", description="What went wrong.")

PayloadT = TypeVar("PayloadT", bound="Payload")


@strawberry.type(description="An expected failure: a field (or null for the whole input).")
class UserError:
    field: str | None
    message: str
    code: ErrorCodeEnum  # GraphQL's `ErrorCode`: `strawberry.enum` registered the class itself


@strawberry.type
class Payload:
    """Base of every mutation payload: the changed object(s) plus `errors`."""

    errors: list[UserError] = strawberry.field(default_factory=list)


def user_errors(error: AppError) -> list[UserError]:
    return [UserError(field=e.field, message=e.message, code=e.code) for e in error.errors]


Resolver = Callable[[Any, AppInfo, Any], Awaitable[PayloadT]]


async def _refused(info: AppInfo, error: AppError) -> None:
    viewer = info.context.viewer
    if viewer is not None:
        await refused(viewer, info.python_name, error)


def payload_class(info: AppInfo) -> Any:
    """The class of the field's payload as the schema built it: schema/graph.py may have
    composed a domain's payload with other domains' fields (the domain refers to it lazily)."""
    payload = info.return_type
    return payload.resolve_type() if isinstance(payload, LazyType) else payload


def payload_mutation(
    *,
    permission: Permission | None = None,
    description: str | None = None,
    ids: Mapping[str, str] | None = None,
) -> Callable[[Resolver[PayloadT]], Any]:
    """`strawberry.mutation` through the pipeline (see the module's docstring). `ids` names the
    node type of input fields a shared input type leaves open (`{"id": "Course"}`)."""

    def decorate(resolver: Resolver[PayloadT]) -> Any:
        payload_type: list[type[PayloadT]] = []  # resolved on first use: the module is loaded

        @functools.wraps(resolver)
        async def pipeline(self: Any, info: AppInfo, input: Any) -> PayloadT:
            try:
                if permission is not None:
                    permission.check(info.context.viewer)
                check_input_text(input)
                decode_node_ids(input, ids)
                return await resolver(self, info, input)
            except AppError as error:
                await _refused(info, error)
                if not payload_type:
                    # The schema's type for the field, whatever composed it (schema/graph.py
                    # may extend a domain's payload with other domains' fields).
                    payload_type.append(payload_class(info))
                return payload_type[0](errors=user_errors(error))

        return strawberry.mutation(resolver=pipeline, description=description)

    return decorate
