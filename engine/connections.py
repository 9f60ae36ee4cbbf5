"""Relay connections over keyset pages (core.pagination): edges, cursors, page info, count."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, Generic, TypeVar, cast

import strawberry

from core.pagination import Page, PageArgs

NodeT = TypeVar("NodeT")


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[NodeT]):
    cursor: str
    node: NodeT


@strawberry.type(description="A page of a list, Relay style, paginated by keyset cursors.")
class Connection(Generic[NodeT]):
    edges: list[Edge[NodeT]]
    page_info: PageInfo
    _total: strawberry.Private[Callable[[], Any] | None] = None

    @strawberry.field(description="How many items the whole list has.")
    async def total_count(self) -> int:
        if self._total is None:
            return len(self.edges)
        value = self._total()
        return await value if inspect.isawaitable(value) else value


class _PageEdge:
    """An `Edge` whose cursor is encoded only if the query selects it."""

    __slots__ = ("_index", "_page", "node")

    def __init__(self, page: Page[Any], index: int) -> None:
        self._page, self._index, self.node = page, index, page.items[index]

    @property
    def cursor(self) -> str:
        return self._page.cursor(self._index)


def to_connection(page: Page[Any]) -> Connection[Any]:
    count = len(page.items)
    # `_PageEdge` has `Edge`'s attributes, which is all the executor reads of an edge.
    edges = cast("list[Edge[Any]]", [_PageEdge(page, i) for i in range(count)])
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=page.has_next_page,
            has_previous_page=page.has_previous_page,
            start_cursor=page.cursor(0) if count else None,
            end_cursor=page.cursor(count - 1) if count else None,
        ),
        _total=page.total_count,
    )


def page_args(
    first: int | None = None,
    after: str | None = None,
    last: int | None = None,
    before: str | None = None,
) -> PageArgs:
    return PageArgs(first=first, after=after, last=last, before=before)
