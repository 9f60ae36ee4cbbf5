"""Catalog queries: browsing, search and the course tree (types in schema/catalog/types.py,
authoring mutations in schema/catalog/authoring.py)."""

from __future__ import annotations

import strawberry

from core.pagination import PageArgs
from engine.compiler.specs import SQL, RootList, RootOne, RootPage
from engine.connections import Connection, to_connection
from engine.context import AppInfo
from engine.relations import as_types
from loaders.catalog import CourseBySlugLoader
from resolvers.catalog import browse as use_cases
from resolvers.catalog import policy
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


def _filter(flt: CourseFilter | None) -> use_cases.CourseFilter:
    flt = flt or CourseFilter()
    return use_cases.CourseFilter(
        from_language=flt.from_language,
        to_language=flt.to_language,
        category=flt.category.value if flt.category else None,
        cefr_level=flt.cefr_level.value if flt.cefr_level else None,
        featured=flt.featured,
        search=flt.search,
    )


def _page(arguments: dict) -> PageArgs:
    names = ("first", "after", "last", "before")
    return PageArgs(**{name: arguments.get(name) for name in names})


# The read compiler's (engine/compiler) terms for the root fields: the same queries and rules.
_COURSES = RootPage(
    lambda viewer, arguments: use_cases.checked_course_query(
        viewer, _filter(arguments.get("filter")), _page(arguments)
    )
)
_COURSE = RootOne(
    lambda viewer, arguments, alias, param: (
        f"{alias}.slug = {param(arguments['slug'])} AND {policy.courses(viewer).sql(alias, param)}"
    )
)
_SCENARIOS = RootPage(lambda viewer, arguments: use_cases.scenario_query(viewer))
_LANGUAGES = RootList(lambda viewer, alias, param: f"{alias}.is_active", order=("name",))


@strawberry.type
class Query:
    @strawberry.field(description="Active languages, by name.", metadata={SQL: _LANGUAGES})
    async def languages(self) -> list[Language]:
        return as_types(Language, await use_cases.list_languages())

    @strawberry.field(
        description="Published courses (plus a teacher's own drafts; everything for admins), "
        "newest first or by relevance when searching.",
        metadata={SQL: _COURSES},
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
        page = await use_cases.list_courses(
            info.context.viewer,
            _filter(filter),
            PageArgs(first=first, after=after, last=last, before=before),
        )
        return to_connection(page)

    @strawberry.field(
        description="Conversation role-plays the viewer may practise (active, in visible "
        "courses, or free-standing), by name.",
        metadata={SQL: _SCENARIOS},
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

    @strawberry.field(description="A course by its slug, or null.", metadata={SQL: _COURSE})
    async def course(self, info: AppInfo, slug: str) -> CourseRef | None:
        row = await info.context.loaders.get(CourseBySlugLoader).load(slug)
        return row if can_see(info.context.viewer, row) else None


TYPES: list[type] = [*CATALOG_TYPES]
