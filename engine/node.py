"""`node(id:)` and `nodes(ids:)`: any entity by global ID, through its type's loaders.

Each Node type implements `resolve_nodes` (via loaders, applying visibility). A malformed
ID, an unknown type, or an object the viewer may not see all read as null.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any
from uuid import UUID

import strawberry
from strawberry import relay
from strawberry.types.base import StrawberryObjectDefinition
from tortoise.models import Model

from core.access import Rule
from core.errors import AppError, ErrorCode
from engine.context import AppInfo
from engine.ids import split_global_id
from loaders.base import select_visible

MAX_NODES = 100


def _node_type(info: AppInfo, type_name: str) -> type[relay.Node] | None:
    definition = info.schema.get_type_by_name(type_name)
    if not isinstance(definition, StrawberryObjectDefinition):
        return None
    origin = definition.origin
    if isinstance(origin, type) and issubclass(origin, relay.Node):
        return origin
    return None


async def _resolve(info: AppInfo, ids: list[str]) -> list[Any]:
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
        if hasattr(results, "__await__"):
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

    def decorate(cls: type) -> type:
        async def resolve_nodes(
            _cls: type, *, info: AppInfo, node_ids: Iterable[Any], required: bool = False
        ) -> list[Any]:
            ids = [UUID(str(node_id)) for node_id in node_ids]
            found = await select_visible(model, ids, rule(info.context.viewer))
            return [found.get(node_id) for node_id in ids]

        cls.resolve_nodes = classmethod(resolve_nodes)  # type: ignore[attr-defined]
        return cls

    return decorate
