"""Relay global ids: `base64("Type:uuid")`, decoded in one place."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from uuid import UUID

import strawberry
from strawberry import relay
from strawberry.utils.str_converters import to_camel_case

from core import ids
from core.errors import AppError, ErrorCode, FieldError


def split_global_id(value: str | relay.GlobalID) -> tuple[str, UUID] | None:
    """The type name and UUID inside a global ID, or None when it is malformed."""
    if isinstance(value, relay.GlobalID):
        try:
            return value.type_name, UUID(value.node_id)
        except ValueError:
            return None
    return ids.split_global_id(value)


def decode_global_id(value: str | relay.GlobalID, expected: str | None = None) -> UUID | None:
    """The UUID inside a global ID, or None when malformed or of another type."""
    parts = split_global_id(value)
    if parts is None or (expected is not None and parts[0] != expected):
        return None
    return parts[1]


global_id = ids.global_id


# Input fields holding a global id are declared `field: NodeRef = node_id("Course")`. The
# mutation pipeline (engine/mutations.py) decodes them before the resolver runs, so the
# resolver sees a UUID: a malformed id or one of another type is a NOT_FOUND user error on
# that field. To GraphQL the field is an `ID`.
NODE_TYPE = "lingograph.node_type"
if TYPE_CHECKING:
    NodeRef = UUID
else:
    NodeRef = strawberry.ID


def node_id(type_name: str, **field: Any) -> Any:
    """An input field holding the global id of a `type_name` (see `NodeRef`)."""
    return strawberry.field(metadata={NODE_TYPE: type_name}, **field)


def decode_node_ids(data: object, declared: Mapping[str, str] | None = None) -> None:
    """Replace every `node_id()` field of a Strawberry input with its UUID (lists too);
    every bad id is reported at once, each on its own field. `declared` names the type of
    fields the input type leaves open (an input shared by mutations on several types)."""
    definition = getattr(data, "__strawberry_definition__", None)
    if definition is None:
        return
    errors: list[FieldError] = []
    for field in definition.fields:
        expected = (declared or {}).get(field.python_name) or (field.metadata or {}).get(NODE_TYPE)
        value = getattr(data, field.python_name, None)
        if expected is None or value is None or value is strawberry.UNSET:
            continue
        name = field.graphql_name or to_camel_case(field.python_name)
        values = value if isinstance(value, list) else [value]
        decoded = [decode_global_id(v, expected) for v in values]
        if any(v is None for v in decoded):
            errors.append(FieldError(ErrorCode.NOT_FOUND, f"{expected} not found.", name))
            continue
        setattr(data, field.python_name, decoded if isinstance(value, list) else decoded[0])
    if errors:
        raise AppError(errors)
