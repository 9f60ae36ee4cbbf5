"""Each object type's facts for the compiler, read once per schema from its metadata.

A type's model and access rule come from `model_type`/`node_source`; a field's spec from its
`SQL` metadata, or, when it has none, from what it plainly is:

- a relay `id` with the default `resolve_id`: a global id of the row's primary key;
- a plain attribute that is a column of the model: that column;
- a `related()` field over a by-id loader (`ModelByIdLoader`), a by-key list loader
  (`ModelsByKeyLoader`) or a count (`CountByKeyLoader`), whose `fetch` is the base one: the
  same rows, in the same order, in SQL.

Any other field has no spec: an operation selecting it goes to the executor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphql import GraphQLObjectType, GraphQLSchema
from strawberry import relay
from strawberry.types.base import StrawberryObjectDefinition
from tortoise.models import Model

from engine.compiler.specs import SQL, Column, Count, Spec, ToMany, ToOne, TypeFacts
from engine.relations import RELATED, RELATED_KEY
from loaders.base import CountByKeyLoader, ModelByIdLoader, ModelsByKeyLoader

_NODE_ID_RESOLVER = relay.Node.__dict__["_id"].__func__


@dataclass(frozen=True)
class NodeId:
    """The relay id of the row: base64 of `Type:<primary key>`."""

    type_name: str


def schema_facts(schema: GraphQLSchema) -> dict[str, TypeFacts]:
    """The facts of every object type of `schema`, computed once and kept on it."""
    cached = schema.__dict__.get("_lingograph_sql_facts")
    if cached is None:
        cached = {
            name: _type_facts(named)
            for name, named in schema.type_map.items()
            if isinstance(named, GraphQLObjectType) and not name.startswith("__")
        }
        schema.__dict__["_lingograph_sql_facts"] = cached
    return cached


def _type_facts(object_type: GraphQLObjectType) -> TypeFacts:
    definition = object_type.extensions.get("strawberry-definition")
    origin = definition.origin if isinstance(definition, StrawberryObjectDefinition) else None
    model: type[Model] | None = getattr(origin, "_sql_model", None)
    facts = TypeFacts(
        name=object_type.name,
        table=model._meta.db_table if model else None,
        pk=model._meta.db_pk_column if model else None,
        rule=getattr(origin, "_sql_rule", None),
    )
    if model is not None:
        facts.columns = {
            field.source_field or name: field
            for name, field in model._meta.fields_map.items()
            if name in model._meta.db_fields or field.source_field
        }
    for name, field_def in object_type.fields.items():
        spec = _field_spec(facts, model, origin, field_def)
        if spec is not None:
            facts.fields[name] = spec
    return facts


def _field_spec(
    facts: TypeFacts, model: type[Model] | None, origin: Any, field_def: Any
) -> Spec | NodeId | None:
    field = field_def.extensions.get("strawberry-definition")
    if field is None:
        return None
    explicit = field.metadata.get(SQL) if field.metadata else None
    if explicit is not None:
        return explicit
    if field.extensions:  # a permission guards it: the executor checks (and audits) it
        return None
    resolver = field.base_resolver
    wrapped = getattr(resolver.wrapped_func, "__func__", None) if resolver else None
    if wrapped is _NODE_ID_RESOLVER and _default_node(origin) and facts.pk:
        return NodeId(facts.name)
    if model is None:
        return None
    projection = model._meta.fields_db_projection
    if getattr(field_def.resolve, "_is_default", False) or resolver is None:
        column = projection.get(field.python_name)
        return None if column is None else Column(column)
    related = field.metadata.get(RELATED) if field.metadata else None
    key = field.metadata.get(RELATED_KEY) if field.metadata else None
    if related is None or key is None or field_def.args:
        return None
    loader = related[0]
    key_column = projection.get(key) or (key if key in facts.columns else None)
    if key_column is None:
        return None
    if _plain(loader, ModelByIdLoader):
        return ToOne(key=key_column, target=loader.model._meta.db_pk_column)
    if _plain(loader, ModelsByKeyLoader):
        child = loader.model._meta.fields_db_projection
        return ToMany(
            target=child.get(loader.key_field, loader.key_field),
            key=key_column,
            order=tuple(child.get(name, name) for name in loader.order_by),
        )
    if _plain(loader, CountByKeyLoader):
        return Count.of(loader, key=key_column)
    return None


def _plain(loader: Any, base: Any) -> bool:
    """`loader` is a `base` whose rows are the base's own (no `fetch` of its own)."""
    return issubclass(loader, base) and loader.fetch is base.fetch


def _default_node(origin: Any) -> bool:
    if not (isinstance(origin, type) and issubclass(origin, relay.Node)):
        return False
    node = relay.Node
    same_id = origin.resolve_id.__func__ is node.resolve_id.__func__  # type: ignore[attr-defined]
    return bool(same_id)
