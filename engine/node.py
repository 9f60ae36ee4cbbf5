"""`node(id:)` and `nodes(ids:)`: any entity by global ID, through its type's loaders.

Each Node type implements `resolve_nodes` (via loaders, applying visibility). A malformed
ID, an unknown type, or an object the viewer may not see all read as null.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol, cast
from uuid import UUID

import strawberry
from strawberry import relay
from strawberry.types.base import StrawberryObjectDefinition
from strawberry.utils.await_maybe import AwaitableOrValue
from tortoise.models import Model

from core.access import Rule
from core.errors import AppError, ErrorCode
from engine.context import AppInfo
from engine.ids import split_global_id
from loaders.base import select_visible

MAX_NODES = 100


class _NodeSource(Protocol):
    """A Node type as `node_source` leaves it: `resolve_nodes` takes the ids already parsed
    (UUIDs), where Strawberry's `relay.Node` declares global-id strings."""

    def resolve_nodes(
        self, *, info: AppInfo, node_ids: Iterable[Any], required: bool = False
    ) -> AwaitableOrValue[Iterable[Any]]: ...


def _node_type(info: AppInfo, type_name: str) -> _NodeSource | None:
    definition = info.schema.get_type_by_name(type_name)
    if not isinstance(definition, StrawberryObjectDefinition):
        return None
    origin = definition.origin
    if isinstance(origin, type) and issubclass(origin, relay.Node):
        # Every Node type of the schema gets its `resolve_nodes` from `node_source`, which
        # Strawberry's `relay.Node` annotations cannot tell.
        return cast(_NodeSource, origin)
    return None


async def _resolve(info: AppInfo, ids: Sequence[str]) -> list[Any]:
    parsed = [split_global_id(value) for value in ids]
    by_type: dict[str, list[UUID]] = {}
    for item in parsed:
        if item is not None:
            by_type.setdefault(item[0], []).append(item[1])
    found: dict[tuple[str, UUID], Any] = {}
    for type_name, node_ids in by_type.items():
        cls = _node_type(info, type_name)
        if cls is None:
            continue
        results = cls.resolve_nodes(info=info, node_ids=node_ids, required=False)
        if inspect.isawaitable(results):
            results = await results
        for node_id, obj in zip(node_ids, list(results), strict=True):
            found[(type_name, node_id)] = obj
    return [found.get(item) if item is not None else None for item in parsed]


@strawberry.type
class NodeQuery:
    @strawberry.field(description="Fetches an object given its global ID.")
    async def node(self, info: AppInfo, id: strawberry.ID) -> relay.Node | None:
        return (await _resolve(info, [id]))[0]

    @strawberry.field(description=f"Fetches objects by global IDs (at most {MAX_NODES}).")
    async def nodes(self, info: AppInfo, ids: list[strawberry.ID]) -> list[relay.Node | None]:
        if len(ids) > MAX_NODES:
            raise AppError.of(ErrorCode.INVALID, f"At most {MAX_NODES} ids at once.", "ids")
        return await _resolve(info, ids)


def node_source(model: type[Model], rule: Callable[[Any], Rule]) -> Callable[[type], type]:
    """The one node resolver: `node(id:)`/`nodes(ids:)` find this type's rows by id, in one
    statement per type, through its domain's access rule (`rule(viewer)`); a row the
    viewer may not see reads as null."""

    def decorate(cls: type[Any]) -> type[Any]:
        async def resolve_nodes(
            _cls: type, *, info: AppInfo, node_ids: Iterable[Any], required: bool = False
        ) -> list[Any]:
            ids = [UUID(str(node_id)) for node_id in node_ids]
            found = await select_visible(model, ids, rule(info.context.viewer))
            return [found.get(node_id) for node_id in ids]

        cls.resolve_nodes = classmethod(resolve_nodes)
        # The same rule and table, for the read compiler (engine/compiler).
        cls._sql_model, cls._sql_rule = model, staticmethod(rule)
        return cls

    return decorate
