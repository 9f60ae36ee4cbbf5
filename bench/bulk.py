"""Bulk loading through COPY: rows are built as dicts of model field names, completed with the
models' own defaults (so the benchmark never guesses a column), and copied per table.

Column names, tables and defaults come from the Tortoise models' _meta (the same source the
initial migration is generated from); Tortoise must be initialised first.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any

import asyncpg
from tortoise import fields
from tortoise.models import Model


class Bulk:
    """Rows per model, in insertion order; `copy` writes them parents first."""

    def __init__(self, now: datetime, seed: int) -> None:
        self.now = now
        self._uuid_counter = seed << 64
        self.rows: dict[type[Model], list[dict[str, Any]]] = {}

    def new_id(self) -> uuid.UUID:
        # Deterministic ids: the same sizes and seed give the same data set.
        self._uuid_counter += 1
        return uuid.UUID(int=self._uuid_counter & ((1 << 128) - 1))

    def add(self, model: type[Model], **values: Any) -> dict[str, Any]:
        row = {"id": self.new_id(), "created_at": self.now, **values}
        if "updated_at" in model._meta.fields_db_projection:
            row.setdefault("updated_at", self.now)
        self.rows.setdefault(model, []).append(row)
        return row

    def count(self, model: type[Model]) -> int:
        return len(self.rows.get(model, []))

    async def copy(self, conn: asyncpg.Connection) -> dict[str, int]:
        counts = {}
        for model, rows in self.rows.items():
            table = model._meta.db_table
            columns, records = records_for(model, rows)
            await conn.copy_records_to_table(table, columns=columns, records=records)
            counts[table] = len(rows)
        return counts


def _default(field: fields.Field) -> Any:
    default = field.default
    return default() if callable(default) else default


def _encode(field: fields.Field, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(field, fields.JSONField):
        return json.dumps(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(field, fields.DecimalField) and not isinstance(value, Decimal):
        return Decimal(str(value))
    return value


def records_for(model: type[Model], rows: list[dict[str, Any]]) -> tuple[list[str], list[tuple]]:
    meta = model._meta
    names = [name for name in meta.fields_db_projection if not meta.fields_map[name].generated]
    columns = [meta.fields_db_projection[name] for name in names]
    field_of = [meta.fields_map[name] for name in names]
    defaults = {}
    for name, field in zip(names, field_of, strict=True):
        if field.default is not None or field.null:
            defaults[name] = field
    records = []
    for row in rows:
        unknown = {key for key in row if not key.startswith("_")} - set(names)
        if unknown:
            raise KeyError(f"{meta.db_table}: unknown fields {sorted(unknown)}")
        record = []
        for name, field in zip(names, field_of, strict=True):
            if name in row:
                value = row[name]
            elif name in defaults:
                value = _default(field)
            else:
                raise KeyError(f"{meta.db_table}.{name} is required")
            record.append(_encode(field, value))
        records.append(tuple(record))
    return columns, records
