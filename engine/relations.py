"""Relation fields declared with `related(Loader, key)`, values computed from loaded ones, and
model-backed types: what lets the executor (engine/execution.py) load a relation for a whole
list at once and complete rows without awaitables."""

from __future__ import annotations

from asyncio import Future
from collections.abc import Callable
from typing import Any, TypeVar, cast

import strawberry

from engine.context import AppInfo, Context
from loaders.base import RecordLoader

T = TypeVar("T")


RELATED = "lingograph.related"
RELATED_KEY = "lingograph.related_key"  # the key attribute's name, when `key` names one

RelationKey = Callable[[Any, Context], Any]


def _attribute_key(name: str) -> RelationKey:
    def key(source: Any, _context: Context) -> Any:
        return getattr(source, name)

    return key


def related(
    loader: type[RecordLoader],
    key: str | RelationKey,
    *,
    description: str | None = None,
    metadata: dict[str, Any] | None = None,
) -> Any:
    """A relation field: the value `loader` finds for this object's key.

    `key` names the attribute holding the key, or computes it from the object and the
    request context (e.g. the viewer's progress in a lesson: `(viewer id, lesson id)`); a
    null key resolves to null. The field's type comes from its annotation
    (`lesson: LessonRef = related(LessonByIdLoader, "lesson_id")`). The executor
    (schema/execution.py) reads the metadata to load the relation for a whole list of
    parents before completing the list, and resolves it without an awaitable when the value
    is already loaded.
    """
    key_of = _attribute_key(key) if isinstance(key, str) else key
    metadata = {**(metadata or {}), RELATED: (loader, key_of)}
    if isinstance(key, str):  # the read compiler (engine/compiler) follows it in SQL
        metadata[RELATED_KEY] = key

    def resolve(root: Any, info: AppInfo) -> Any:
        return relation_value(loader, key_of, root, info.context)

    return strawberry.field(resolver=resolve, description=description, metadata=metadata)


def relation_value(
    loader: type[RecordLoader], key_of: RelationKey, source: Any, context: Context
) -> Any:
    """A `related()` field's value: null for a null key, else the loaded value (or its load)."""
    key = key_of(source, context)
    return None if key is None else context.loaders.get(loader).get_or_load(key)


def when_loaded(compute: Callable[..., T], *values: Any) -> Any:
    """`compute(*values)` now when every value is loaded, else an awaitable of it.

    For fields computed from loader values (`get_or_load` gives the value or a pending
    load): once the executor has loaded them for a whole list, the field needs no
    awaitable, no task and no event-loop turn per row.
    """
    if not any(isinstance(value, Future) for value in values):
        return compute(*values)

    async def later() -> T:
        return compute(*[await v if isinstance(v, Future) else v for v in values])

    return later()


SchemaT = TypeVar("SchemaT")


def as_type(schema_type: type[SchemaT], row: Any) -> SchemaT:
    """A model row handed out as the model-backed Strawberry type that mirrors it (see
    `model_type`): the executor accepts the row itself, so no copy is made. The one place the
    row is presented to the type checker as that type."""
    return cast(SchemaT, row)


def as_types(schema_type: type[SchemaT], rows: list[Any]) -> list[SchemaT]:
    return cast(list[SchemaT], rows)  # the same list: no copy per field


def model_type(model: type, *also: type) -> Callable[[type], type]:
    """Let a Strawberry type be returned as the Tortoise model row it mirrors (no copying),
    or as any of the `also` classes with the same attributes."""

    def decorate(cls: type[Any]) -> type[Any]:
        accepted = (cls, model, *also)  # built once: `klass | model` per call cost more

        def is_type_of(_klass: type, obj: Any, _info: Any) -> bool:
            return isinstance(obj, accepted)

        # A function attribute (set through `__dict__`: mypy knows none on functions), read
        # by engine/execution_plans.py.
        is_type_of.__dict__["ignores_info"] = True
        cls.is_type_of = classmethod(is_type_of)
        cls._sql_model = model  # the table the read compiler (engine/compiler) reads
        return cls

    return decorate
