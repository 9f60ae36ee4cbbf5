"""Catalog queries: browsing, search and the course tree (types in schema/catalog/types.py,
authoring mutations in schema/catalog/authoring.py)."""

from __future__ import annotations

import strawberry

from core.pagination import PageArgs
from engine.connections import Connection, to_connection
from engine.context import AppInfo
from engine.relations import as_types
from loaders.catalog import CourseBySlugLoader
from resolvers.catalog import browse as use_cases
from resolvers.catalog.policy import can_see
from schema.catalog.types import (
    CATALOG_TYPES,
    ConversationScenario,
    CourseCategory,
    CourseRef,
    Language,
)
from schema.identity.types import CefrLevel


@strawberry.input(description="Course catalog filters; all optional, combined with AND.")
class CourseFilter:
    from_language: str | None = strawberry.field(
        default=None, description="Code of the learner's language, e.g. `en`."
    )
    to_language: str | None = strawberry.field(
        default=None, description="Code of the language taught, e.g. `es`."
    )
    category: CourseCategory | None = None
    cefr_level: CefrLevel | None = strawberry.field(
        default=None, description="Courses whose CEFR range includes this level."
    )
    featured: bool | None = None
    search: str | None = strawberry.field(
        default=None,
        description="Full-text search over title and description (web-search syntax); "
        "results are ranked by relevance.",
    )


@strawberry.type
class Query:
    @strawberry.field(description="Active languages, by name.")
    async def languages(self) -> list[Language]:
        return as_types(Language, await use_cases.list_languages())

    @strawberry.field(
        description="Published courses (plus a teacher's own drafts; everything for admins), "
        "newest first or by relevance when searching."
    )
    async def courses(
        self,
        info: AppInfo,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        filter: CourseFilter | None = None,
    ) -> Connection[CourseRef]:
        flt = filter or CourseFilter()
        page = await use_cases.list_courses(
            info.context.viewer,
            use_cases.CourseFilter(
                from_language=flt.from_language,
                to_language=flt.to_language,
                category=flt.category.value if flt.category else None,
                cefr_level=flt.cefr_level.value if flt.cefr_level else None,
                featured=flt.featured,
                search=flt.search,
            ),
            PageArgs(first=first, after=after, last=last, before=before),
        )
        return to_connection(page)

    @strawberry.field(
        description="Conversation role-plays the viewer may practise (active, in visible "
        "courses, or free-standing), by name."
    )
    async def scenarios(
        self,
        info: AppInfo,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ConversationScenario]:
        args = PageArgs(first=first, after=after, last=last, before=before)
        return to_connection(await use_cases.list_scenarios(info.context.viewer, args))

    @strawberry.field(description="A course by its slug, or null.")
    async def course(self, info: AppInfo, slug: str) -> CourseRef | None:
        row = await info.context.loaders.get(CourseBySlugLoader).load(slug)
        return row if can_see(info.context.viewer, row) else None


TYPES: list[type] = [*CATALOG_TYPES]
