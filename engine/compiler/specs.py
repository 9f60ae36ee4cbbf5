"""What the read compiler knows of the schema: how each field is read in SQL.

A field's spec lives in its Strawberry metadata under `SQL` (`strawberry.field(metadata={SQL:
ToMany(...)})`); most fields need none, because the compiler derives it (engine/compiler/
catalog.py): a plain attribute that is a column of the type's model, a relay `id`, and a
`related()` field over a by-id, by-key or count loader. Types say which model they mirror and
who may see their rows through `model_type` and `node_source` (engine/relations.py,
engine/node.py): the same access rules (`core.access.Rule`) the loaders' path applies.

SQL fragments here are written over the parent row's alias as `{t}`; a `Rule` gets the child
row's alias. Nothing here is keyed by an operation: a spec says how one field is read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from core.access import Rule
from core.pagination import KeysetQuery
from loaders.base import CountByKeyLoader, PageByParentLoader

SQL = "lingograph.sql"

# A viewer-dependent access rule: a domain policy's function (`policy.lessons`).
RuleOf = Callable[[Any], Rule]


@dataclass(frozen=True)
class Column:
    """A leaf read from one column of the row (serialized as its GraphQL type says)."""

    column: str


@dataclass(frozen=True)
class Expr:
    """A leaf computed from the row: SQL over `{t}` giving the field's value as the JSON
    the executor would answer (e.g. a text built from two columns); `{now}` is the instant
    the statement reads at (a parameter: the app's clock, as the executor's rules use).
    A value of a scalar the executor serializes (an instant, an enum) is serialized as the
    field's type says, like a column. `once` names values (SQL over `{t}` and `{now}`) that
    `sql` reads as `{name}`: each is computed once per row, however many fields of the row
    read it (e.g. hearts and the next heart reading the owner's tier)."""

    sql: str
    once: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Allowed:
    """A boolean leaf: whether `rule` (for the viewer) lets this row through (e.g. whether
    the viewer may edit the course)."""

    rule: RuleOf


@dataclass(frozen=True)
class Embedded:
    """An object made of the same row's values (e.g. `price { amount currency }`): each
    field's spec, over the same alias."""

    fields: dict[str, Column | Expr]


@dataclass(frozen=True)
class RowsOf:
    """A list of objects from a set-returning SQL expression over `{t}` (aliased `{r}`),
    each field an SQL expression over `{r}`, in the source's order."""

    source: str
    fields: dict[str, str]


@dataclass(frozen=True)
class RowOf:
    """An object from a one-row SQL source: `source(viewer, parent alias, row alias, param,
    now)` gives a FROM item aliased as the row alias, or None when the field is null for
    this viewer; `fields` (by Python name) are SQL over `{r}` (and `{now}`), serialized as
    their GraphQL types say."""

    source: Callable[[Any, str, str, Callable[[Any], str], str], str | None]
    fields: dict[str, str]


@dataclass(frozen=True)
class RowFrom:
    """The row of the field's type that an SQL source gives: `source(viewer, parent alias,
    row alias, param, now)` is a FROM item with the columns of the type's table, aliased as
    the row alias (its first row is taken; none: null), or None when the field is null for
    this viewer. The type's own field specs read the row (e.g. a progress row, stored or
    as it will be stored)."""

    source: Callable[[Any, str, str, Callable[[Any], str], str], str | None]


@dataclass(frozen=True)
class ToOne:
    """The row of the field's type whose `target` column equals the parent's `key` column;
    `rule` (when given) filters it for the viewer. A non-null field whose row is missing
    goes back to the executor, which reports the error."""

    key: str
    target: str = "id"
    rule: RuleOf | None = None


@dataclass(frozen=True)
class ToMany:
    """The rows of the field's type whose `target` column equals the parent's `key`
    column, in `order` (columns of the child, or SQL over `{c}`), that `rule` lets through.
    `through` joins a link table (`(table, its column to the parent, its column to the
    child, its order)`) instead of a direct foreign key."""

    target: str
    key: str = "id"
    order: tuple[str, ...] = ("id",)
    rule: RuleOf | None = None
    # More: `where(viewer, child alias, parent alias, param)`, SQL (e.g. inactive rows for
    # the editors of the parent's course only).
    where: Callable[[Any, str, str, Callable[[Any], str]], str] | None = None
    through: tuple[str, str, str, tuple[str, ...]] | None = None


@dataclass(frozen=True)
class Count:
    """How many rows of `table` (aliased `t`) have `key_column` equal to the parent's `key`
    column and meet `condition` (a `CountByKeyLoader`'s own terms)."""

    table: str
    key_column: str
    condition: str = "TRUE"
    key: str = "id"

    @classmethod
    def of(cls, loader: type[CountByKeyLoader], key: str = "id") -> Count:
        """A `CountByKeyLoader`'s count, in its own terms."""
        return cls(loader.table, loader.key_column, loader.condition, key)


@dataclass(frozen=True)
class PageOf:
    """A Relay connection over a `PageByParentLoader`'s own `KeysetQuery` (`query()`),
    restricted to the parent by the loader's `parent_column` equal to the parent's `key`
    column; or over `query(viewer)` (a use case's own, its access rule included) with
    `parent_column`. `where(viewer, parent alias, param)` (SQL) can restrict it further (e.g.
    a page that is only its owner's: empty for anyone else)."""

    loader: type[PageByParentLoader] | None = None
    key: str = "id"
    where: Callable[[Any, str, Callable[[Any], str]], str] | None = None
    query: Callable[[Any], KeysetQuery] | None = None
    parent_column: str | None = None

    def keyset(self, viewer: Any) -> tuple[KeysetQuery, str]:
        """The page's query and the SQL (over `t`) of its rows' parent."""
        if self.loader is not None:
            return self.loader.query(), self.loader.parent_column
        assert self.query is not None and self.parent_column is not None
        return self.query(viewer), self.parent_column


def count_sql(count: Count) -> str:
    """The count for a row (SQL over `{t}`, the row with the count's `key` column), as a
    subquery: a `Count` field's value, and the same text in fields computed from counts (a
    percentage), so that the row computes it once (`Expr.once`)."""
    return (
        f'(SELECT count(*) FROM "{count.table}" t '
        f'WHERE {count.key_column} = {{t}}."{count.key}" AND {count.condition})'
    )


@dataclass(frozen=True)
class RootPage:
    """A root connection: `query(viewer, arguments)` gives the loader path's own
    `KeysetQuery` (its access rule included), or None when the compiler must decline
    (arguments it cannot express)."""

    query: Callable[[Any, dict[str, Any]], KeysetQuery | None]


@dataclass(frozen=True)
class RootOne:
    """A root field answering one row: `where(viewer, arguments, alias, param)` is the SQL
    condition on the row's alias (the access rule included), or None for a null answer."""

    where: Callable[[Any, dict[str, Any], str, Callable[[Any], str]], str | None]


@dataclass(frozen=True)
class RootList:
    """A root list: the rows meeting `where(viewer, alias, param)` (SQL on the row's
    alias), in `order` (its columns, or SQL over `{t}`)."""

    where: Callable[[Any, str, Callable[[Any], str]], str]
    order: tuple[str, ...] = ("id",)


Spec = (
    Column
    | Expr
    | Embedded
    | RowsOf
    | ToOne
    | ToMany
    | Count
    | PageOf
    | RootPage
    | RootOne
    | RootList
)


@dataclass
class TypeFacts:
    """What the compiler reads of one object type: its table, primary key, node type name and
    access rule (None: the type has no rule of its own), and each field's spec."""

    name: str
    table: str | None
    pk: str | None
    rule: RuleOf | None
    columns: dict[str, Any] = field(default_factory=dict)  # db column -> Tortoise field
    fields: dict[str, Any] = field(default_factory=dict)  # GraphQL field name -> spec
