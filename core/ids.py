"""Global ids (`base64("Type:uuid")`), as text: made and read in one place. The schema's
layer (engine/ids.py) adds Strawberry's `GlobalID` and input decoding on top; use cases that
meet global ids outside GraphQL (a payment provider's webhook echoing our id) read them here.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any
from uuid import UUID


def global_id(type_name: str, node_id: Any) -> str:
    return base64.b64encode(f"{type_name}:{node_id}".encode()).decode()


def split_global_id(value: str) -> tuple[str, UUID] | None:
    """The type name and UUID inside a global id, or None when it is malformed."""
    try:
        padded = value + "=" * (-len(value) % 4)
        type_name, _, node_id = base64.b64decode(padded).decode().partition(":")
        return type_name, UUID(node_id)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None


def decode_global_id(value: str, expected: str | None = None) -> UUID | None:
    """The UUID inside a global id, or None when malformed or of another type."""
    parts = split_global_id(value)
    if parts is None or (expected is not None and parts[0] != expected):
        return None
    return parts[1]
