"""Per-field plans for the fast executor (schema/execution.py), built once per schema field.

A plan answers a field without graphql-core's generic machinery (resolve info, Strawberry's
resolver wrapping, the non-null/list/leaf dispatch):

- `LeafPlan`: a plain attribute of a scalar or enum type, or a relay `id`, read and coerced
  with the field type's own serializer;
- `ObjectPlan`: a plain attribute or a `related()` relation whose value is an object,
  whose sub-selection the executor then runs directly.

A plan returns `GENERIC` whenever the generic path must decide (an exception, a null in a
non-null field, a value not loaded yet), so errors keep their messages and paths.
"""

from __future__ import annotations

from asyncio import Future
from collections.abc import Callable
from dataclasses import dataclass
from types import MethodType
from typing import Any, cast, final

from graphql import (
    GraphQLField,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLSchema,
    is_leaf_type,
    is_non_null_type,
)
from strawberry import relay
from strawberry.types.base import StrawberryObjectDefinition

from engine.relations import RELATED, RelationKey, relation_value
from loaders.base import RecordLoader

GENERIC = object()

_NODE_ID_RESOLVER = relay.Node.__dict__["_id"].__func__


@final  # the executor tells plans apart by `type(plan) is LeafPlan`
@dataclass(frozen=True, slots=True)
class LeafPlan:
    read: Callable[[Any], Any]  # source -> serialized value, or GENERIC


@final
@dataclass(frozen=True, slots=True)
class ObjectPlan:
    read: Callable[[Any, Any], Any]  # (source, context) -> object, None, or GENERIC
    object_type: GraphQLObjectType
    return_type: Any  # the field's type, non-null wrapper included
    non_null: bool


FieldPlan = LeafPlan | ObjectPlan | None


def unwrap(graphql_type: Any) -> Any:
    return graphql_type.of_type if is_non_null_type(graphql_type) else graphql_type


def relation_of(field_def: GraphQLField) -> tuple[type[RecordLoader], RelationKey] | None:
    definition = field_def.extensions.get("strawberry-definition")
    if definition is None or definition.extensions or field_def.args:
        return None  # guarded by a permission (an extension): leave it to Strawberry
    return definition.metadata.get(RELATED)


def install_relation_resolvers(schema: GraphQLSchema) -> None:
    """Give every unguarded `related()` field a direct resolver (no Strawberry wrapping)."""
    for named_type in schema.type_map.values():
        if not isinstance(named_type, GraphQLObjectType):
            continue
        for field_def in named_type.fields.values():
            relation = relation_of(field_def)
            if relation is not None:
                loader, key_of = relation

                def resolve(
                    source: Any,
                    info: GraphQLResolveInfo,
                    loader: type[RecordLoader] = loader,
                    key_of: RelationKey = key_of,
                ) -> Any:
                    return relation_value(loader, key_of, source, info.context)

                field_def.resolve = resolve


def _leaf(attribute: str, coerce: Callable[[Any], Any], non_null: bool) -> LeafPlan:
    def read(source: Any) -> Any:
        value = getattr(source, attribute)
        if value is None:
            return GENERIC if non_null else None
        coerced = coerce(value)
        return GENERIC if coerced is None else coerced

    return LeafPlan(read)


def _node_id(type_name: str, attribute: str) -> LeafPlan:
    def read(source: Any) -> Any:
        value = getattr(source, attribute)
        return GENERIC if value is None else relay.to_base64(type_name, str(value))

    return LeafPlan(read)


def _node_origin(schema: GraphQLSchema, parent_type: GraphQLObjectType) -> type[relay.Node] | None:
    """The Node class behind `parent_type` when its id is the default `NodeID` attribute."""
    strawberry_schema = schema._strawberry_schema  # type: ignore[attr-defined]  # Strawberry sets it; graphql-core's GraphQLSchema does not declare it
    definition = strawberry_schema.get_type_by_name(parent_type.name)
    if not isinstance(definition, StrawberryObjectDefinition):
        return None
    origin = definition.origin
    node = relay.Node
    if not (isinstance(origin, type) and issubclass(origin, node)):
        return None
    default_id = _function(origin.resolve_id) is _function(node.resolve_id)
    default_name = _function(origin.resolve_typename) is _function(node.resolve_typename)
    return origin if default_id and default_name else None


def _function(method: Callable[..., Any]) -> Callable[..., Any]:
    """The function behind a classmethod read from its class: that read gives a bound method,
    which mypy types as a plain callable."""
    return cast(MethodType, method).__func__


def _type_check_ignores_info(object_type: GraphQLObjectType) -> bool:
    """Whether the type's `is_type_of` can be called without resolve info."""
    check = object_type.is_type_of
    return check is None or getattr(getattr(check, "__func__", check), "ignores_info", False)


def _object(
    field_def: GraphQLField, attribute: str | None, relation: Any, target: GraphQLObjectType
) -> ObjectPlan | None:
    if not _type_check_ignores_info(target):
        return None
    check = target.is_type_of
    non_null = is_non_null_type(field_def.type)
    if relation is not None:
        loader, key_of = relation

        def read(source: Any, context: Any) -> Any:
            value = relation_value(loader, key_of, source, context)
            return _checked(value, check, non_null)

    else:
        assert attribute is not None  # `_plan` passes an attribute whenever there is no relation

        def read(source: Any, context: Any) -> Any:
            return _checked(getattr(source, attribute), check, non_null)

    return ObjectPlan(read, target, field_def.type, non_null)


def _checked(value: Any, check: Any, non_null: bool) -> Any:
    if value is None:
        return GENERIC if non_null else None
    if isinstance(value, Future):
        return GENERIC  # not loaded yet: the generic path awaits it
    if check is not None and not check(value, None):
        return GENERIC  # not of the type: the generic path reports it
    return value


def build_plan(schema: GraphQLSchema, parent_type: GraphQLObjectType, name: str) -> FieldPlan:
    planned = _plan(schema, parent_type, name)
    return None if isinstance(planned, str) else planned


def unplanned_reason(schema: GraphQLSchema, parent_type: GraphQLObjectType, name: str) -> str:
    """Why `build_plan` gives no plan for the field (for the executor's fallback log)."""
    planned = _plan(schema, parent_type, name)
    return planned if isinstance(planned, str) else "planned"


def _plan(schema: GraphQLSchema, parent_type: GraphQLObjectType, name: str) -> FieldPlan | str:
    """The field's plan, or why it has none."""
    field_def = parent_type.fields.get(name)
    if field_def is None:
        return "a meta field" if name.startswith("__") else "no such field"
    if field_def.args:
        return "it takes arguments"
    field = field_def.extensions.get("strawberry-definition")
    if field is None:
        return "not a Strawberry field"
    if field.extensions:
        return "it has field extensions (a permission)"
    non_null = is_non_null_type(field_def.type)
    inner = unwrap(field_def.type)
    basic = getattr(field_def.resolve, "_is_default", False)
    if is_leaf_type(inner):
        if basic:
            return _leaf(field.python_name, inner.coerce_output_value, non_null)
        resolver = field.base_resolver
        wrapped = getattr(resolver.wrapped_func, "__func__", None) if resolver else None
        if wrapped is _NODE_ID_RESOLVER:
            origin = _node_origin(schema, parent_type)
            if origin is not None:
                return _node_id(parent_type.name, origin.resolve_id_attr())
            return "a Node id with a custom resolve_id"
        return "a resolver computes it"
    if isinstance(inner, GraphQLObjectType):
        relation = relation_of(field_def)
        if relation is not None or basic:
            plan = _object(field_def, field.python_name if basic else None, relation, inner)
            return plan or f"{inner.name}.is_type_of needs resolve info"
        return "a resolver computes it"
    return "a list or abstract type"
