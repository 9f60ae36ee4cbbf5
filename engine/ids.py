"""Relay global ids: `base64("Type:uuid")`, decoded in one place."""

from __future__ import annotations

import base64
import binascii
from typing import Any
from uuid import UUID

from strawberry import relay

from core.errors import AppError, ErrorCode


def split_global_id(value: str | relay.GlobalID) -> tuple[str, UUID] | None:
    """The type name and UUID inside a global ID, or None when it is malformed."""
    try:
        if isinstance(value, relay.GlobalID):
            type_name, node_id = value.type_name, value.node_id
        else:
            padded = value + "=" * (-len(value) % 4)
            type_name, _, node_id = base64.b64decode(padded).decode().partition(":")
        return type_name, UUID(node_id)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None


def decode_global_id(value: str | relay.GlobalID, expected: str | None = None) -> UUID | None:
    """The UUID inside a global ID, or None when malformed or of another type."""
    parts = split_global_id(value)
    if parts is None or (expected is not None and parts[0] != expected):
        return None
    return parts[1]


def require_global_id(value: str | relay.GlobalID, expected: str, field: str) -> UUID:
    """Like `decode_global_id` for inputs: a bad ID is a NOT_FOUND user error on `field`."""
    node_id = decode_global_id(value, expected)
    if node_id is None:
        raise AppError.of(ErrorCode.NOT_FOUND, f"{expected} not found.", field)
    return node_id


def global_id(type_name: str, node_id: Any) -> str:
    return relay.to_base64(type_name, str(node_id))
