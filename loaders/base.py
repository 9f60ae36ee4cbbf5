"""The one loader base and the per-request registry.

Every loader returns results in key order. `Loaders` creates each loader class once per
request, inside the running event loop; with `LOADER_BATCHING=0` every loader loads one key
per call, which is the naive baseline the benchmark compares against.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar, cast

from aiodataloader import DataLoader
from tortoise.models import Model

from core.access import Params, Rule
from core.pagination import KeysetQuery, Page, PageArgs, fetch_child_pages, fetch_page
from core.rows import build, builder, columns, fetch_records

L = TypeVar("L", bound="RecordLoader")
M = TypeVar("M", bound=Model)


class RecordLoader(DataLoader):
    """Base of every loader: implement `fetch(keys) -> {key: value}`; missing keys get `missing`."""

    missing: ClassVar[Any] = None

    def __init__(self, loaders: Loaders, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.loaders = loaders  # sibling loaders of the same request

    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        raise NotImplementedError

    def get_or_load(self, key: Any) -> Any:
        """The value itself when already loaded (no awaitable to schedule), else `load(key)`."""
        future = self._cache.get(self.get_cache_key(key)) if self.cache else None
        if (
            future is not None
            and future.done()
            and not future.cancelled()
            and future.exception() is None
        ):
            return future.result()
        return self.load(key)

    async def batch_load_fn(self, keys: Sequence[Any]) -> list[Any]:
        found = await self.fetch(keys)
        missing = self.missing
        if isinstance(missing, list | dict | set):  # a fresh empty one per key
            return [found.get(key, type(missing)()) for key in keys]
        return [found.get(key, missing) for key in keys]


class ModelByIdLoader(RecordLoader):
    """Rows of `model` by primary key (None when absent)."""

    model: ClassVar[type[Model]]

    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        pk = self.model._meta.db_pk_column
        rows = await select_rows(self.model, f't."{pk}" = ANY($1)', [list(keys)])
        return {row.pk: row for row in rows}


class ModelsByKeyLoader(RecordLoader):
    """All rows of `model` whose `key_field` equals the key, ordered by `order_by`."""

    model: ClassVar[type[Model]]
    key_field: ClassVar[str]
    order_by: ClassVar[tuple[str, ...]] = ("id",)
    missing: ClassVar[Any] = []

    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        grouped: dict[Any, list[Model]] = {}
        key = _column(self.model, self.key_field)
        order = ", ".join(f't."{_column(self.model, name)}"' for name in self.order_by)
        condition = f't."{key}" = ANY($1) ORDER BY {order}'
        for row in await select_rows(self.model, condition, [list(keys)]):
            grouped.setdefault(getattr(row, self.key_field), []).append(row)
        return grouped


class ModelByPairLoader(RecordLoader):
    """Keys `(a, b)`: the one row of `model` whose `columns` hold them (a unique pair, e.g. a
    student's membership of a classroom), or None."""

    model: ClassVar[type[Model]]
    columns: ClassVar[tuple[str, str]]

    async def fetch(self, keys: Sequence[tuple[Any, Any]]) -> dict[Any, Any]:
        first, second = self.columns
        rows = await select_rows(
            self.model,
            f't."{first}" = ANY($1) AND t."{second}" = ANY($2)',
            [list({k[0] for k in keys}), list({k[1] for k in keys})],
        )
        return {(getattr(row, first), getattr(row, second)): row for row in rows}


async def select_rows(model: type[M], condition: str, params: list[Any]) -> list[M]:
    """Rows of `model` (table alias `t`) matching an SQL condition, as model instances.

    Plain SQL rather than a QuerySet: loaders run on every request, and building each
    query through the ORM's query builder cost about as much CPU as running it.
    """
    statement = f'SELECT {columns(model)} FROM "{model._meta.db_table}" t WHERE {condition}'
    return build(model, await fetch_records(statement, params))


async def select_allowed(model: type[M], rule: Rule) -> list[M]:
    """Every row of `model` that `rule` lets through."""
    params = Params()
    return await select_rows(model, rule.sql("t", params), params)


async def select_visible(model: type[M], ids: Sequence[Any], rule: Rule) -> dict[Any, M]:
    """Rows of `model` by primary key that `rule` lets through, in one statement."""
    params = Params()
    ids_placeholder = params(list(ids))

    pk = model._meta.db_pk_column
    condition = f't."{pk}" = ANY({ids_placeholder}) AND {rule.sql("t", params)}'
    rows = await select_rows(model, condition, params)
    return {row.pk: row for row in rows}


def _column(model: type[Model], field_name: str) -> str:
    return model._meta.fields_db_projection.get(field_name, field_name)


class CountByKeyLoader(RecordLoader):
    """How many rows of `table` have `key_column` equal to the key (one GROUP BY)."""

    table: ClassVar[str]
    key_column: ClassVar[str]
    condition: ClassVar[str] = "TRUE"
    missing: ClassVar[Any] = 0

    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        rows = await fetch_records(
            f'SELECT {self.key_column} AS k, count(*) AS n FROM "{self.table}" t '
            f"WHERE {self.key_column} = ANY($1) AND {self.condition} GROUP BY {self.key_column}",
            [list(keys)],
        )
        return {row["k"]: int(row["n"]) for row in rows}


class ValueByKeyLoader(RecordLoader):
    """One plain value per key: `sql` selects `k` and `v` and filters with `... = ANY($1)`
    over the keys (e.g. the course a lesson belongs to)."""

    sql: ClassVar[str]

    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        return {row["k"]: row["v"] for row in await fetch_records(self.sql, [list(keys)])}


class ValuesByKeyLoader(RecordLoader):
    """Plain values grouped by key, in row order: `sql` selects `k` and `v` and filters
    with `... = ANY($1)` over the keys (e.g. a course's lesson ids in path order)."""

    sql: ClassVar[str]
    missing: ClassVar[Any] = []

    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        grouped: dict[Any, list[Any]] = {}
        for row in await fetch_records(self.sql, [list(keys)]):
            grouped.setdefault(row["k"], []).append(row["v"])
        return grouped


class RowsByJoinedKeyLoader(RecordLoader):
    """Rows of `model` grouped by a key reached through a join, in one statement.

    `sql` selects `{columns}` (the model's columns under table alias `alias`) plus the key
    as `_key`, filters with `... = ANY($1)` over the keys, and orders rows within each key.
    The column list is filled in at query time: foreign-key columns exist only once
    Tortoise is initialised.
    """

    model: ClassVar[type[Model]]
    alias: ClassVar[str]
    sql: ClassVar[str]
    missing: ClassVar[Any] = []

    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        statement = self.sql.format(columns=columns(self.model, self.alias))
        build_one = builder(self.model)
        grouped: dict[Any, list[Model]] = {}
        for row in await fetch_records(statement, [list(keys)]):
            grouped.setdefault(row["_key"], []).append(build_one(row))
        return grouped


class PageByParentLoader(RecordLoader):
    """A page of children per parent; keys are `(parent_id, PageArgs)`.

    Keys sharing the same PageArgs are loaded in one windowed statement. Subclasses give
    `query()` (the children's KeysetQuery), `parent_column`, and `count_loader` for totals
    of pages after a cursor (a first page gets its total from the window).
    """

    parent_column: ClassVar[str]
    count_loader: ClassVar[type[CountByKeyLoader] | None] = None

    @classmethod
    def query(cls) -> KeysetQuery:
        raise NotImplementedError

    async def fetch(self, keys: Sequence[tuple[Any, PageArgs]]) -> dict[Any, Any]:
        by_args: dict[PageArgs, list[Any]] = {}
        for parent_id, args in keys:
            by_args.setdefault(args, []).append(parent_id)
        result: dict[Any, Page[Any]] = {}
        for args, parent_ids in by_args.items():
            pages = await fetch_child_pages(self.query(), self.parent_column, parent_ids, args)
            for parent_id, page in pages.items():
                if page.total_count is None and self.count_loader is not None:
                    counter = self.loaders.get(self.count_loader)
                    page.total_count = lambda counter=counter, pid=parent_id: counter.load(pid)
                result[(parent_id, args)] = page
        return result


@dataclass(frozen=True, slots=True)
class Condition:
    """An access rule rendered for one viewer: SQL over the alias `t` with its own `$1..$n`
    parameters. Hashable, and equal for equal rules, so it can be part of a loader key: the
    keys of one viewer share it and are loaded together."""

    sql: str
    params: tuple[Any, ...]

    @classmethod
    def of(cls, rule: Rule) -> Condition:
        params = Params()
        text = rule.sql("t", params)
        return cls(text, tuple(params))


class VisibleByIdLoader(RecordLoader):
    """Keys `(id, Condition)`: the `model` row with that id if the condition (the viewer's
    access rule) lets it through, else None; one statement per condition. For relations
    whose target the viewer may not read although they read the row pointing at it."""

    model: ClassVar[type[Model]]

    async def fetch(self, keys: Sequence[tuple[Any, Condition]]) -> dict[Any, Any]:
        by_condition: dict[Condition, list[Any]] = {}
        for row_id, condition in keys:
            by_condition.setdefault(condition, []).append(row_id)
        found: dict[Any, Any] = {}
        pk = self.model._meta.db_pk_column
        for condition, ids in by_condition.items():
            params = [*condition.params, ids]
            where = f'{condition.sql} AND t."{pk}" = ANY(${len(params)})'
            for row in await select_rows(self.model, where, params):
                found[(row.pk, condition)] = row
        return found


class CountUnderConditionLoader(RecordLoader):
    """Keys `(parent_id, Condition)`: how many rows of `table` whose `parent_column` is the
    parent meet `where` and the condition (one GROUP BY per condition)."""

    table: ClassVar[str]
    parent_column: ClassVar[str]
    where: ClassVar[str] = "TRUE"
    missing: ClassVar[Any] = 0

    async def fetch(self, keys: Sequence[tuple[Any, Condition]]) -> dict[Any, Any]:
        by_condition: dict[Condition, list[Any]] = {}
        for parent_id, condition in keys:
            by_condition.setdefault(condition, []).append(parent_id)
        found: dict[Any, Any] = {}
        column = f't."{self.parent_column}"'
        for condition, parent_ids in by_condition.items():
            params = [*condition.params, parent_ids]
            rows = await fetch_records(
                f'SELECT {column} AS k, count(*) AS n FROM "{self.table}" t '
                f"WHERE {self.where} AND {condition.sql} AND {column} = ANY(${len(params)}) "
                f"GROUP BY {column}",
                params,
            )
            found.update({(row["k"], condition): int(row["n"]) for row in rows})
        return found


class PageUnderConditionLoader(RecordLoader):
    """Keys `(parent_id, PageArgs, Condition)`: a page of the parent's `model` rows (through
    `parent_column`) that meet `where` and the condition, in `order` (newest first when
    `descending`). Keys sharing the arguments and the condition load in one statement;
    totals after a cursor come from `count_loader` (the same rows counted)."""

    model: ClassVar[type[Model]]
    parent_column: ClassVar[str]
    order: ClassVar[list[str]]
    descending: ClassVar[bool] = False
    where: ClassVar[str] = "TRUE"
    count_loader: ClassVar[type[CountUnderConditionLoader]]

    async def fetch(self, keys: Sequence[tuple[Any, PageArgs, Condition]]) -> dict[Any, Any]:
        groups: dict[tuple[PageArgs, Condition], list[Any]] = {}
        for parent_id, args, condition in keys:
            groups.setdefault((args, condition), []).append(parent_id)
        counter = self.loaders.get(self.count_loader)
        result: dict[Any, Page[Any]] = {}
        for (args, condition), parent_ids in groups.items():
            query = KeysetQuery(
                self.model,
                order=self.order,
                descending=self.descending,
                params=Params(condition.params),
            )
            query.filter(condition.sql).filter(self.where)
            column = f"t.{self.parent_column}"
            pages = await fetch_child_pages(query, column, parent_ids, args)
            for parent_id, page in pages.items():
                if page.total_count is None:  # a page after a cursor: counted when asked
                    page.total_count = lambda key=(parent_id, condition): counter.load(key)
                result[(parent_id, args, condition)] = page
        return result


class PageOfConditionLoader(RecordLoader):
    """Keys `(PageArgs, Condition)`: a page of the `model` rows that meet the condition (no
    parent: e.g. a viewer's own classrooms), in `order`, newest first when `descending`."""

    model: ClassVar[type[Model]]
    order: ClassVar[list[str]]
    descending: ClassVar[bool] = True

    async def fetch(self, keys: Sequence[tuple[PageArgs, Condition]]) -> dict[Any, Any]:
        result: dict[Any, Page[Any]] = {}
        for args, condition in keys:
            query = KeysetQuery(
                self.model,
                order=self.order,
                descending=self.descending,
                params=Params(condition.params),
            )
            query.filter(condition.sql)
            result[(args, condition)] = await fetch_page(query, args)
        return result


class Loaders:
    """Per-request loader registry: `loaders.get(CourseByIdLoader).load(id)`."""

    def __init__(self, batching: bool = True) -> None:
        self.batching = batching
        self._instances: dict[type[RecordLoader], RecordLoader] = {}

    def get(self, cls: type[L]) -> L:
        loader = self._instances.get(cls)
        if loader is None:
            options: dict[str, Any] = {} if self.batching else {"batch": False}
            created = cls(self, **options)
            self._instances[cls] = created
            return created
        # The registry holds, under each class, the one instance of that class it created.
        return cast(L, loader)

    def prime(self, cls: type[RecordLoader], key: Hashable, value: Any) -> None:
        """Seed a loader with a row already in hand (e.g. just written by a mutation)."""
        self.get(cls).prime(key, value)
