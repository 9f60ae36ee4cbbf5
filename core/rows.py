"""Model instances from database records, for the read paths every request takes.

Loaders, pages and authentication send plain SQL and turn the records into the same Tortoise
model instances the ORM would build (`Model._init_from_db`), with two costs removed:

- no intermediate dicts: records are read by column name, as asyncpg returns them;
- a conversion plan computed once per model. Tortoise's per-value path for timestamps asks
  its settings for time-zone support and the default zone on every value, and assigns
  bookkeeping attributes through the model's `__setattr__`. Answers carry hundreds of
  timestamps, which made building rows a tenth of a large request.

`tests/test_rows.py` checks that both paths build equal instances for every model.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any, TypeVar

from tortoise import connections
from tortoise.fields import DatetimeField
from tortoise.models import Model
from tortoise.timezone import get_default_timezone, get_use_tz

M = TypeVar("M", bound=Model)

Record = Mapping[str, Any]


def columns(model: type[Model], alias: str = "t", *, labelled: bool = False) -> str:
    """The model's own columns (not e.g. a search vector) for raw SELECTs; `labelled`
    names them `"alias.column"`, for several models' columns in one row (see `unlabel`)."""
    if labelled:
        return ", ".join(f'{alias}."{c}" AS "{alias}.{c}"' for c in model._meta.db_fields)
    return ", ".join(f'{alias}."{name}"' for name in model._meta.db_fields)


def unlabel(record: Record, alias: str) -> dict[str, Any]:
    """One model's columns out of a row selected with `columns(..., labelled=True)`."""
    prefix = f"{alias}."
    return {k[len(prefix) :]: v for k, v in record.items() if k.startswith(prefix)}


async def fetch_records(statement: str, params: Sequence[Any] = ()) -> list[Record]:
    """The statement's rows as asyncpg records, on the current connection (or transaction)."""
    client = connections.get("default")
    async with client.acquire_connection() as connection:
        return await connection.fetch(statement, *params)


def build(model: type[M], records: Sequence[Record]) -> list[M]:
    return list(map(builder(model), records))


@functools.cache
def builder(model: type[M]) -> Callable[[Record], M]:
    """A function building one `model` instance from a record with its columns."""
    meta = model._meta
    native = [(key, attribute) for key, attribute, _ in meta.db_native_fields]
    plain = [(key, attribute, field.field_type) for key, attribute, field in meta.db_default_fields]
    converted = [
        (key, attribute, _converter(field)) for key, attribute, field in meta.db_complex_fields
    ]
    generated_pk_given = meta.db_pk_column not in meta.generated_db_fields
    new = model.__new__

    def build_one(record: Record) -> M:
        instance = new(model)
        values = instance.__dict__
        values["_partial"] = False
        values["_saved_in_db"] = True
        values["_custom_generated_pk"] = generated_pk_given
        values["_await_when_save"] = {}
        for key, attribute in native:
            values[attribute] = record[key]
        for key, attribute, to_type in plain:
            value = record[key]
            values[attribute] = value if value is None else to_type(value)
        for key, attribute, convert in converted:
            values[attribute] = convert(record[key])
        return instance

    return build_one


def _converter(field: Any) -> Callable[[Any], Any]:
    if not (isinstance(field, DatetimeField) and get_use_tz()):
        return field.to_python_value
    zone = get_default_timezone()
    slow = field.to_python_value

    def to_zone(value: Any) -> Any:
        # asyncpg returns timestamptz values as aware datetimes: Tortoise's own path ends in
        # the same `astimezone` for those.
        if type(value) is datetime and value.tzinfo is not None:
            return value.astimezone(zone)
        return slow(value)

    return to_zone
