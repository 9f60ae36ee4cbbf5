"""Keyset (cursor) pagination, for top-level lists and for children of many parents.

No GraphQL here: resolvers and loaders build a `KeysetQuery`, and the schema layer turns a
`Page` into a Relay connection. Cursors encode the sort-key values of a row (typed, so they
go back to PostgreSQL as the right parameter types); pages are never offset-based.
Children of many parents are paginated in one statement with a window function.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Generic, TypeVar
from uuid import UUID

from tortoise.models import Model

from core.access import Params
from core.errors import AppError, ErrorCode
from core.rows import Record, build, fetch_records

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100

T = TypeVar("T")


@dataclass(frozen=True)
class PageArgs:
    first: int | None = None
    after: str | None = None
    last: int | None = None
    before: str | None = None

    def __post_init__(self) -> None:
        for name in ("first", "last"):
            value = getattr(self, name)
            if value is not None and not 0 <= value <= MAX_PAGE_SIZE:
                raise AppError.of(
                    ErrorCode.INVALID, f"`{name}` must be between 0 and {MAX_PAGE_SIZE}.", name
                )
        if self.first is not None and self.last is not None:
            raise AppError.of(ErrorCode.INVALID, "Pass either `first` or `last`, not both.", "last")

    @property
    def backward(self) -> bool:
        return self.last is not None or (self.before is not None and self.first is None)

    @property
    def limit(self) -> int:
        size = self.last if self.backward else self.first
        return DEFAULT_PAGE_SIZE if size is None else size


@dataclass
class Page(Generic[T]):
    items: list[T]
    # Each item's sort-key values. Cursors are encoded only when asked for: most answers
    # select no edge cursor, and encoding one per row was a visible share of a request.
    keys: list[Sequence[Any]]
    has_next_page: bool = False
    has_previous_page: bool = False
    # Set by whoever knows how to count; awaited only when `totalCount` is selected.
    total_count: Any = None

    @classmethod
    def empty(cls) -> Page[T]:
        return cls(items=[], keys=[])

    def cursor(self, index: int) -> str:
        return encode_cursor(self.keys[index])


def _tag(value: Any) -> list[Any]:
    if isinstance(value, datetime):
        return ["dt", value.isoformat()]
    if isinstance(value, date):
        return ["d", value.isoformat()]
    if isinstance(value, UUID):
        return ["u", str(value)]
    if isinstance(value, Decimal):
        return ["n", str(value)]
    if isinstance(value, bool) or value is None or isinstance(value, int | float | str):
        return ["v", value]
    raise TypeError(f"cannot put {type(value).__name__} in a cursor")


def _untag(item: list[Any]) -> Any:
    kind, value = item
    parse: dict[str, Callable[[Any], Any]] = {
        "dt": datetime.fromisoformat,
        "d": date.fromisoformat,
        "u": UUID,
        "n": Decimal,
        "v": lambda v: v,
    }
    return parse[kind](value)


def encode_cursor(values: Sequence[Any]) -> str:
    raw = json.dumps([_tag(v) for v in values], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, arity: int, field_name: str) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = [_untag(item) for item in json.loads(base64.urlsafe_b64decode(padded))]
    except (ValueError, TypeError, KeyError) as error:
        raise AppError.of(ErrorCode.INVALID, "Invalid cursor.", field_name) from error
    if len(values) != arity:
        raise AppError.of(ErrorCode.INVALID, "Invalid cursor.", field_name)
    return values


@dataclass
class KeysetQuery:
    """A row source ordered by `order` (SQL expressions, the last one unique, e.g. `t.id`).

    `source` is the FROM clause and must alias the model's table as `t`; `where` holds SQL
    conditions using `$n` placeholders numbered from 1 in `params` order (use `param()`).
    `joined` names the rows `source` inner-joins by id: `{"t.lesson_id": ("l", "lessons")}`
    says `l` is the `lessons` row whose id is `t.lesson_id`, so the read compiler reads a
    relation of the page's rows from it instead of joining its table again.
    All sort keys go the same direction, so the keyset test is one row comparison.
    """

    model: type[Model]
    order: list[str]
    descending: bool = False
    source: str = ""
    select: str = "t.*"
    where: list[str] = field(default_factory=list)
    params: Params = field(default_factory=Params)
    joined: dict[str, tuple[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.source:
            self.source = f'"{self.model._meta.db_table}" t'

    def param(self, value: Any) -> str:
        return self.params(value)

    def filter(self, condition: str) -> KeysetQuery:
        self.where.append(condition)
        return self


def _keys_select(order: list[str]) -> str:
    return ", ".join(f"{expr} AS _k{i}" for i, expr in enumerate(order))


def _direction(query: KeysetQuery, backward: bool) -> tuple[str, str]:
    """SQL sort direction and keyset comparison operator for the requested walk."""
    ascending = query.descending == backward
    return ("ASC" if ascending else "DESC"), (">" if ascending else "<")


def _cursor_conditions(query: KeysetQuery, args: PageArgs, params: list[Any]) -> list[str]:
    conditions = []
    row = "(" + ", ".join(query.order) + ")"
    for name, cursor, forward_op in (("after", args.after, ">"), ("before", args.before, "<")):
        if cursor is None:
            continue
        values = decode_cursor(cursor, len(query.order), name)
        placeholders = []
        for value in values:
            params.append(value)
            placeholders.append(f"${len(params)}")
        op = forward_op if not query.descending else ("<" if forward_op == ">" else ">")
        conditions.append(f"{row} {op} (" + ", ".join(placeholders) + ")")
    return conditions


def _rows_to_page(model: type[Model], rows: list[Record], arity: int, args: PageArgs) -> Page[Any]:
    limit = args.limit
    has_more = len(rows) > limit
    rows = rows[:limit]
    if args.backward:
        rows.reverse()
    names = [f"_k{i}" for i in range(arity)]
    return Page(
        items=build(model, rows),
        keys=[[row[name] for name in names] for row in rows],
        has_next_page=has_more if not args.backward else args.before is not None,
        has_previous_page=has_more if args.backward else args.after is not None,
    )


async def fetch_page(query: KeysetQuery, args: PageArgs) -> Page[Any]:
    """One page of a top-level list, in one statement."""
    params = list(query.params)
    where = [*query.where, *_cursor_conditions(query, args, params)]
    direction, _ = _direction(query, args.backward)
    sql = (
        f"SELECT {query.select}, {_keys_select(query.order)} FROM {query.source}"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY "
        + ", ".join(f"{expr} {direction}" for expr in query.order)
        + f" LIMIT {args.limit + 1}"
    )
    rows = await fetch_records(sql, params)
    page = _rows_to_page(query.model, rows, len(query.order), args)
    page.total_count = lambda: count_rows(query)
    return page


async def count_rows(query: KeysetQuery) -> int:
    sql = f"SELECT count(*) AS n FROM {query.source}" + (
        " WHERE " + " AND ".join(query.where) if query.where else ""
    )
    rows = await fetch_records(sql, query.params)
    return int(rows[0]["n"])


async def fetch_child_pages(
    query: KeysetQuery, parent_column: str, parent_ids: Sequence[Any], args: PageArgs
) -> dict[Any, Page[Any]]:
    """The same page of children for many parents, in one windowed statement.

    `parent_column` is an SQL expression on `t` (e.g. `t.enrollment_id`). Parents without
    rows get an empty page. Counting is left to a count loader (see loaders.base).
    """
    params = list(query.params)
    params.append(list(parent_ids))
    where = [
        *query.where,
        f"{parent_column} = ANY(${len(params)})",
        *_cursor_conditions(query, args, params),
    ]
    direction, _ = _direction(query, args.backward)
    ordering = ", ".join(f"{expr} {direction}" for expr in query.order)
    # Without a cursor the window sees each parent's whole list, so its size comes with the
    # page at no extra cost (no separate count statement when `totalCount` is selected).
    whole = args.after is None and args.before is None
    total = f"count(*) OVER (PARTITION BY {parent_column}) AS _total, " if whole else ""
    sql = (
        f"SELECT * FROM (SELECT {query.select}, {_keys_select(query.order)}, "
        f"{parent_column} AS _parent, {total}"
        f"row_number() OVER (PARTITION BY {parent_column} ORDER BY {ordering}) AS _rn "
        f"FROM {query.source} WHERE {' AND '.join(where)}) w "
        f"WHERE w._rn <= {args.limit + 1} ORDER BY w._parent, w._rn"
    )
    rows = await fetch_records(sql, params)
    grouped: dict[Any, list[Record]] = {pid: [] for pid in parent_ids}
    for row in rows:
        grouped.setdefault(row["_parent"], []).append(row)
    pages = {}
    for pid in parent_ids:
        children = grouped.get(pid, [])
        page = pages[pid] = _rows_to_page(query.model, children, len(query.order), args)
        if whole:
            count = children[0]["_total"] if children else 0
            page.total_count = lambda count=count: count
    return pages
