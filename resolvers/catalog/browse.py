"""Catalog use cases: browsing and searching courses, the course-file import entry points,
and the demo content. Authoring lives in resolvers/catalog_authoring.py, the course-file
format in resolvers/catalog_import.py.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from tortoise import connections

from core.errors import AppError, ErrorCode
from core.pagination import KeysetQuery, Page, PageArgs, decode_cursor, fetch_page
from core.rows import columns
from models.catalog import ConversationScenario, Course, Language
from resolvers.catalog import policy, queries
from resolvers.identity.policy import is_admin

if TYPE_CHECKING:
    from models.identity import User

log = logging.getLogger(__name__)

# Search (migration 4): a course's `search_vector` is its accent-folded title and description
# stemmed with the snowball configuration of its `from_language` (`t.search_config`, kept by
# triggers). A course matches, and is ranked by, the search parsed with its own configuration:
# `lingograph_search_queries` yields it per configuration, joined on the course's (`c`). That
# test differs per row, so no index can answer it: the match also requires `q`, the search
# parsed with every configuration and ORed, a superset of each row's query that the planner
# computes once and answers with the GIN index; the join then only rechecks those rows.
SEARCH_SOURCE = (
    f'"{queries.COURSES}" t, lingograph_search_query_any({{term}}) q, '
    "lingograph_search_queries({term}) c"
)
SEARCH_MATCH = "t.search_vector @@ q AND t.search_config = c.config AND t.search_vector @@ c.query"
SEARCH_RANK = "ts_rank(t.search_vector, c.query)"


@dataclass(frozen=True)
class CourseFilter:
    from_language: str | None = None
    to_language: str | None = None
    category: str | None = None
    cefr_level: str | None = None
    featured: bool | None = None
    search: str | None = None


async def list_languages() -> list[Language]:
    return await Language.filter(is_active=True).order_by("name")


def course_query(viewer: User | None, flt: CourseFilter) -> KeysetQuery:
    """Visible courses matching `flt`: newest first, or by search rank when searching."""
    search = (flt.search or "").strip()
    query = KeysetQuery(model=Course, order=["t.created_at", "t.id"], descending=True)
    query.select = columns(Course)
    if search:
        term = query.param(search)
        query.source = SEARCH_SOURCE.format(term=term)
        query.order = [SEARCH_RANK, "t.id"]
        query.filter(SEARCH_MATCH)
    query.filter(policy.courses(viewer).sql("t", query.param))
    for column, code in (
        ("from_language_id", flt.from_language),
        ("to_language_id", flt.to_language),
    ):
        if code:
            query.filter(
                f"t.{column} = ({queries.LANGUAGE_ID_BY_CODE.format(code=query.param(code))})"
            )
    if flt.category:
        query.filter(f"t.category = {query.param(flt.category)}")
    if flt.cefr_level:
        # Levels compare correctly as text: A1 < A2 < B1 < B2 < C1 < C2.
        level = query.param(flt.cefr_level)
        query.filter(f"t.cefr_min <= {level} AND t.cefr_max >= {level}")
    if flt.featured is not None:
        query.filter(f"t.featured = {query.param(flt.featured)}")
    return query


async def list_courses(viewer: User | None, flt: CourseFilter, args: PageArgs) -> Page[Course]:
    return await fetch_page(checked_course_query(viewer, flt, args), args)


def checked_course_query(viewer: User | None, flt: CourseFilter, args: PageArgs) -> KeysetQuery:
    """`course_query`, once the cursors are known to continue this kind of listing."""
    query = course_query(viewer, flt)
    _check_cursor_kind(args, searching=query.order[0] != "t.created_at")
    return query


def _check_cursor_kind(args: PageArgs, searching: bool) -> None:
    """A cursor from a ranked (search) listing cannot continue a plain one, and vice versa:
    their first sort key differs in type (rank vs creation time)."""
    for name in ("after", "before"):
        cursor = getattr(args, name)
        if cursor is None:
            continue
        first = decode_cursor(cursor, 2, name)[0]
        if isinstance(first, datetime) == searching:
            raise AppError.of(ErrorCode.INVALID, "Invalid cursor.", name)


def scenario_query(viewer: User | None) -> KeysetQuery:
    """Conversation scenarios the viewer may practise: active ones that stand alone or sit
    on an active lesson of a course the viewer can see; by name."""
    query = KeysetQuery(model=ConversationScenario, order=["t.name", "t.id"])
    if not is_admin(viewer):  # admins list every scenario, inactive ones too
        query.filter("t.is_active")
    return query.filter(policy.scenarios(viewer).sql("t", query.param))


async def list_scenarios(viewer: User | None, args: PageArgs) -> Page[ConversationScenario]:
    return await fetch_page(scenario_query(viewer), args)


async def search_ranks(search: str, course_ids: list) -> dict:
    """The rank of each course for `search` (for tests and diagnostics)."""
    rows = await connections.get("default").execute_query_dict(
        f'SELECT t.id, {SEARCH_RANK} AS r FROM "{queries.COURSES}" t, '
        "lingograph_search_queries($1) c "
        "WHERE t.search_config = c.config AND t.id = ANY($2)",
        [search, course_ids],
    )
    return {row["id"]: row["r"] for row in rows}
