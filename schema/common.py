"""GraphQL building blocks every domain uses: connections, user errors, payloads, nodes."""

from __future__ import annotations

import base64
import binascii
import inspect
from asyncio import Future
from collections.abc import Awaitable, Callable
from typing import Any, Generic, TypeVar
from uuid import UUID

import strawberry
from strawberry import relay
from strawberry.types import Info

from core.context import Context
from core.errors import AppError
from core.errors import ErrorCode as ErrorCodeEnum
from core.pagination import Page, PageArgs
from loaders.base import RecordLoader

ErrorCode = strawberry.enum(ErrorCodeEnum, name="ErrorCode", description="What went wrong.")

NodeT = TypeVar("NodeT")
T = TypeVar("T")
PayloadT = TypeVar("PayloadT", bound="Payload")

AppInfo = Info[Context, None]


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


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[NodeT]):
    cursor: str
    node: NodeT


@strawberry.type(description="A page of a list, Relay style, paginated by keyset cursors.")
class Connection(Generic[NodeT]):
    edges: list[Edge[NodeT]]
    page_info: PageInfo
    _total: strawberry.Private[Callable[[], Any] | None] = None

    @strawberry.field(description="How many items the whole list has.")
    async def total_count(self) -> int:
        if self._total is None:
            return len(self.edges)
        value = self._total()
        return await value if inspect.isawaitable(value) else value


class _PageEdge:
    """An `Edge` whose cursor is encoded only if the query selects it."""

    __slots__ = ("_index", "_page", "node")

    def __init__(self, page: Page[Any], index: int) -> None:
        self._page, self._index, self.node = page, index, page.items[index]

    @property
    def cursor(self) -> str:
        return self._page.cursor(self._index)


def to_connection(page: Page[Any]) -> Connection[Any]:
    count = len(page.items)
    return Connection(
        edges=[_PageEdge(page, i) for i in range(count)],  # type: ignore[misc]
        page_info=PageInfo(
            has_next_page=page.has_next_page,
            has_previous_page=page.has_previous_page,
            start_cursor=page.cursor(0) if count else None,
            end_cursor=page.cursor(count - 1) if count else None,
        ),
        _total=page.total_count,
    )


def page_args(
    first: int | None = None,
    after: str | None = None,
    last: int | None = None,
    before: str | None = None,
) -> PageArgs:
    return PageArgs(first=first, after=after, last=last, before=before)


def decode_global_id(value: str | relay.GlobalID, expected: str | None = None) -> UUID | None:
    """The UUID inside a global ID, or None when malformed or of another type."""
    try:
        if isinstance(value, relay.GlobalID):
            type_name, node_id = value.type_name, value.node_id
        else:
            padded = value + "=" * (-len(value) % 4)
            type_name, _, node_id = base64.b64decode(padded).decode().partition(":")
        if expected is not None and type_name != expected:
            return None
        return UUID(node_id)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None


def require_global_id(value: str | relay.GlobalID, expected: str, field: str) -> UUID:
    """Like `decode_global_id` for inputs: a bad ID is a NOT_FOUND user error on `field`."""
    node_id = decode_global_id(value, expected)
    if node_id is None:
        raise AppError.of(ErrorCodeEnum.NOT_FOUND, f"{expected} not found.", field)
    return node_id


def global_id(type_name: str, node_id: Any) -> str:
    return relay.to_base64(type_name, str(node_id))


RELATED = "lingograph.related"

RelationKey = Callable[[Any, Context], Any]


def _attribute_key(name: str) -> RelationKey:
    def key(source: Any, _context: Context) -> Any:
        return getattr(source, name)

    return key


def related(
    loader: type[RecordLoader], key: str | RelationKey, *, description: str | None = None
) -> Any:
    """A relation field: the value `loader` finds for this object's key.

    `key` names the attribute holding the key, or computes it from the object and the
    request context (e.g. the viewer's progress in a lesson: `(viewer id, lesson id)`); a
    null key resolves to null. The field's type comes from its annotation
    (`lesson: LessonRef = related(LessonByIdLoader, "lesson_id")`). The executor
    (schema/execution.py) reads the metadata to load the relation for a whole list of
    parents before completing the list, and resolves it without an awaitable when the value
    is already loaded.
    """
    key_of = _attribute_key(key) if isinstance(key, str) else key

    def resolve(root: Any, info: AppInfo) -> Any:
        return relation_value(loader, key_of, root, info.context)

    return strawberry.field(
        resolver=resolve, description=description, metadata={RELATED: (loader, key_of)}
    )


def relation_value(
    loader: type[RecordLoader], key_of: RelationKey, source: Any, context: Context
) -> Any:
    """A `related()` field's value: null for a null key, else the loaded value (or its load)."""
    key = key_of(source, context)
    return None if key is None else context.loaders.get(loader).get_or_load(key)


def when_loaded(compute: Callable[..., T], *values: Any) -> Any:
    """`compute(*values)` now when every value is loaded, else an awaitable of it.

    For fields computed from loader values (`get_or_load` gives the value or a pending
    load): once the executor has loaded them for a whole list, the field needs no
    awaitable, no task and no event-loop turn per row.
    """
    if not any(isinstance(value, Future) for value in values):
        return compute(*values)

    async def later() -> T:
        return compute(*[await v if isinstance(v, Future) else v for v in values])

    return later()


def model_type(model: type, *also: type) -> Callable[[type], type]:
    """Let a Strawberry type be returned as the Tortoise model row it mirrors (no copying),
    or as any of the `also` classes with the same attributes."""

    def decorate(cls: type) -> type:
        accepted = (cls, model, *also)  # built once: `klass | model` per call cost more

        def is_type_of(_klass: type, obj: Any, _info: Any) -> bool:
            return isinstance(obj, accepted)

        is_type_of.ignores_info = True  # type: ignore[attr-defined]  # see schema/execution_plans.py
        cls.is_type_of = classmethod(is_type_of)  # type: ignore[attr-defined]
        return cls

    return decorate
