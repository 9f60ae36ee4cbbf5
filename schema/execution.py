"""A faster field executor: plain attribute leaves, relay IDs, and relations per list.

graphql-core resolves every field the same way: build a `GraphQLResolveInfo`, call the
resolver (Strawberry wraps even attribute reads), then complete the value through the
non-null/list/leaf dispatch. A `MyLearning` answer has ~700 fields, most of them scalar
attributes of a row (`status`, `title`, ...) or relay `id`s, so that fixed cost dominates
the server's CPU (bench/README.md). For exactly those fields this executor reads the
attribute and coerces it with the field type's own serializer — what the generic path
would compute, without the machinery. Anything else, and any value that does not come out
cleanly (an exception, a null for a non-null field), takes the generic path, so errors keep
their paths and messages.

Relations (`schema.common.related` fields) cost an awaitable per parent: 60 progress rows
asking for `lesson { unit }` meant 120 futures, 60 tasks and as many event-loop turns,
although the DataLoaders already batched the SQL. Before completing a list of objects, this
executor loads the selected relations for all items at once (following plain object fields
such as `edges.node`, and relations of relations), so the items then complete synchronously
from the loaders' caches. Loading is the same batched loader calls, so the SQL is unchanged;
anything the prefetch could not load is loaded by the field itself, as before.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLSchema,
    is_leaf_type,
    is_non_null_type,
)
from graphql.execution.executor import Path
from strawberry import relay
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.base import StrawberryObjectDefinition
from tortoise.models import Model

from loaders.base import RecordLoader
from schema.common import RELATED, RelationKey

# Returned by a plan when the generic path must decide (errors, nulls in non-null fields).
_GENERIC = object()

Plan = Callable[[Any], Any]

_NODE_ID_RESOLVER = relay.Node.__dict__["_id"].__func__


def _leaf_plan(attribute: str, coerce: Callable[[Any], Any], non_null: bool) -> Plan:
    def plan(source: Any) -> Any:
        value = getattr(source, attribute)
        if value is None:
            return _GENERIC if non_null else None
        coerced = coerce(value)
        return _GENERIC if coerced is None else coerced

    return plan


def _node_id_plan(type_name: str, attribute: str) -> Plan:
    def plan(source: Any) -> Any:
        value = getattr(source, attribute)
        return _GENERIC if value is None else relay.to_base64(type_name, str(value))

    return plan


def _node_origin(schema: GraphQLSchema, parent_type: GraphQLObjectType) -> type | None:
    """The Node class behind `parent_type` when its id is the default `NodeID` attribute."""
    strawberry_schema = schema._strawberry_schema  # type: ignore[attr-defined]
    definition = strawberry_schema.get_type_by_name(parent_type.name)
    if not isinstance(definition, StrawberryObjectDefinition):
        return None
    origin = definition.origin
    node = relay.Node
    if not (isinstance(origin, type) and issubclass(origin, node)):
        return None
    default_id = origin.resolve_id.__func__ is node.resolve_id.__func__  # type: ignore[attr-defined]
    default_name = origin.resolve_typename.__func__ is node.resolve_typename.__func__  # type: ignore[attr-defined]
    return origin if default_id and default_name else None


def _build_plan(schema: GraphQLSchema, parent_type: GraphQLObjectType, name: str) -> Plan | None:
    field_def = parent_type.fields.get(name)
    if field_def is None or field_def.args:
        return None
    field = field_def.extensions.get("strawberry-definition")
    if field is None or field.extensions:
        return None
    return_type = field_def.type
    non_null = is_non_null_type(return_type)
    inner = return_type.of_type if non_null else return_type  # type: ignore[attr-defined]
    if not is_leaf_type(inner):
        return None
    if getattr(field_def.resolve, "_is_default", False):
        return _leaf_plan(field.python_name, inner.coerce_output_value, non_null)
    resolver = field.base_resolver
    wrapped = getattr(resolver.wrapped_func, "__func__", None) if resolver else None
    if wrapped is _NODE_ID_RESOLVER:
        origin = _node_origin(schema, parent_type)
        if origin is not None:
            return _node_id_plan(parent_type.name, origin.resolve_id_attr())
    return None


def _unwrap(graphql_type: Any) -> Any:
    return graphql_type.of_type if is_non_null_type(graphql_type) else graphql_type


def _relation_resolver(loader: type[RecordLoader], key_of: RelationKey) -> Callable[..., Any]:
    """`related()`'s resolver without Strawberry's per-call wrapping (no arguments, no Info)."""

    def resolve(source: Any, info: GraphQLResolveInfo) -> Any:
        value = key_of(source, info.context)
        return None if value is None else info.context.loaders.get(loader).get_or_load(value)

    return resolve


def install_relation_resolvers(schema: GraphQLSchema) -> None:
    """Give every unguarded `related()` field the direct resolver above."""
    for named_type in schema.type_map.values():
        if not isinstance(named_type, GraphQLObjectType):
            continue
        for field_def in named_type.fields.values():
            relation = _relation_of(field_def)
            if relation is not None:
                field_def.resolve = _relation_resolver(*relation)


def _relation_of(field_def: Any) -> tuple[type[RecordLoader], RelationKey] | None:
    definition = field_def.extensions.get("strawberry-definition")
    if definition is None or definition.extensions or field_def.args:
        return None  # guarded by a permission (an extension): leave it to Strawberry
    return definition.metadata.get(RELATED)


@dataclass
class _Step:
    """One field to follow while prefetching: a relation to load or a plain object field."""

    attribute: str | None  # a plain object field's attribute
    loader: type[RecordLoader] | None  # a relation's loader and key
    key_of: RelationKey | None
    target: GraphQLObjectType | None  # followed further when an object type
    details: Any
    children: list[_Step] = field(default_factory=list)


class FastExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """graphql-core's executor with the fast paths above."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        awaitable = self.is_awaitable

        # Tortoise rows define `__await__` (awaiting one returns the row itself), so
        # graphql-core took every row a resolver returned for an awaitable: a coroutine, a
        # task and an event-loop turn per row, for the same row.
        def is_awaitable(value: Any) -> bool:
            return awaitable(value) and not isinstance(value, Model)  # cheap check first

        self.is_awaitable = is_awaitable  # type: ignore[method-assign, assignment]

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: Any,
        path: Path,
        position_context: Any,
    ) -> Any:
        manager = self.middleware_manager
        if manager is None or not manager.middlewares:  # no extension wraps resolvers
            name = field_details_list[0].node.name.value
            plans: dict[tuple[str, str], Plan | None] = self.schema.__dict__.setdefault(
                "_lingograph_plans", {}
            )
            key = (parent_type.name, name)
            plan = plans.get(key, _GENERIC)
            if plan is _GENERIC:
                plan = plans[key] = _build_plan(self.schema, parent_type, name)
            if plan is not None:
                try:
                    value = plan(source)
                except Exception:
                    value = _GENERIC
                if value is not _GENERIC:
                    return value
        return super().execute_field(
            parent_type, source, field_details_list, path, position_context
        )

    def complete_list_value(
        self,
        return_type: Any,
        field_details_list: Any,
        info: GraphQLResolveInfo,
        path: Path,
        result: Any,
        position_context: Any,
    ) -> Any:
        complete = super().complete_list_value
        item_type = _unwrap(return_type.of_type)
        if not (isinstance(item_type, GraphQLObjectType) and isinstance(result, list | tuple)):
            return complete(return_type, field_details_list, info, path, result, position_context)
        steps = self._prefetch_steps(item_type, field_details_list)
        if not steps or len(result) < 2:
            return complete(return_type, field_details_list, info, path, result, position_context)

        async def prefetch_then_complete() -> Any:
            # Only an optimisation: whatever failed here is loaded (and fails) per field.
            with contextlib.suppress(Exception):
                await self._prefetch(steps, list(result))
            completed = complete(
                return_type, field_details_list, info, path, result, position_context
            )
            return await completed if self.is_awaitable(completed) else completed

        return prefetch_then_complete()

    def _prefetch_steps(self, object_type: GraphQLObjectType, details: Any) -> list[_Step]:
        """The relations selected under `details` (through plain object fields), or []."""
        memo: dict[tuple[str, int], list[_Step]] = self.__dict__.setdefault("_steps", {})
        key = (object_type.name, id(details))
        if key in memo:
            return memo[key]
        memo[key] = []  # a cycle through fragments cannot recurse forever
        steps = []
        grouped, _defers, _forbidden = self.collect_subfields(object_type, details)
        for field_details in grouped.values():
            field_def = object_type.fields.get(field_details[0].node.name.value)
            if field_def is None:
                continue
            target = _unwrap(field_def.type)
            target = target if isinstance(target, GraphQLObjectType) else None
            relation = _relation_of(field_def)
            definition = field_def.extensions.get("strawberry-definition")
            if relation is not None:
                step = _Step(None, relation[0], relation[1], target, field_details)
            elif target is not None and getattr(field_def.resolve, "_is_default", False):
                step = _Step(definition.python_name, None, None, target, field_details)
            else:
                continue
            if step.target is not None:
                step.children = self._prefetch_steps(step.target, step.details)
            if step.loader is not None or step.children:
                steps.append(step)
        memo[key] = steps
        return steps

    async def _prefetch(self, steps: list[_Step], sources: list[Any]) -> None:
        """Load each step's relation for all sources at once, then follow the results."""
        context = self.context_value
        loaders = context.loaders
        pending: list[tuple[_Step, Any]] = []
        for step in steps:
            if step.key_of is not None:
                values = [step.key_of(source, context) for source in sources]
            else:
                values = [getattr(source, step.attribute) for source in sources]  # type: ignore[arg-type]
            values = [value for value in values if value is not None]
            if step.loader is not None:
                loader = loaders.get(step.loader)
                futures = tuple(map(loader.load, dict.fromkeys(values)))
                pending.append((step, futures))
            elif values:
                pending.append((step, values))
        for step, values in pending:
            if isinstance(values, tuple):
                # One at a time, not gather(): the first await waits for the batch, which
                # settles them all, so the rest return at once instead of each scheduling
                # a callback on the event loop.
                loaded = [await future for future in values]
                values = [value for value in loaded if value is not None]
            if step.children and values:
                await self._prefetch(step.children, values)
