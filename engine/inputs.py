"""Text a mutation's input may not carry: a NUL byte (PostgreSQL cannot store it) or an
unpaired UTF-16 surrogate (not a character at all). Both are refused as INVALID on the field
that holds them, before any use case runs, instead of failing in the database as an
"internal error"."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.utils.str_converters import to_camel_case

from core.errors import AppError, ErrorCode, FieldError

MESSAGE = "This text contains a character that is not allowed (a NUL byte or a lone surrogate)."


def unfit_text(text: str) -> bool:
    if "\x00" in text:
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def holds_unfit_text(value: Any) -> bool:
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if unfit_text(item):
                return True
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list | tuple):
            pending.extend(item)
        elif hasattr(item, "__strawberry_definition__"):
            pending.extend(getattr(item, f.python_name, None) for f in _fields(item))
    return False


def _fields(data: object) -> list[Any]:
    definition: Any = getattr(data, "__strawberry_definition__")  # noqa: B009 (any input type)
    return list(definition.fields)


def check_input_text(data: object) -> None:
    """Raise one INVALID error per top-level input field holding unfit text."""
    if not hasattr(data, "__strawberry_definition__"):
        return
    errors = [
        FieldError(
            ErrorCode.INVALID, MESSAGE, field.graphql_name or to_camel_case(field.python_name)
        )
        for field in _fields(data)
        if (value := getattr(data, field.python_name, None)) is not None
        and value is not strawberry.UNSET
        and holds_unfit_text(value)
    ]
    if errors:
        raise AppError(errors)
