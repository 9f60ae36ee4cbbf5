"""The root schema: every domain's Query/Mutation/Subscription merged, plus protections."""

from __future__ import annotations

import importlib
from collections.abc import Iterable

import strawberry
from strawberry.extensions import DisableIntrospection, ValidationCache
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types

from core.settings import Settings, get_settings
from engine.domain import Domain
from engine.errors import ErrorMasking
from engine.execution import ExecutorReport, FastExecutionContext, install_relation_resolvers
from engine.limits import protections
from engine.node import NodeQuery
from schema import (
    assessment,
    catalog,
    classroom,
    commerce,
    conversation,
    graph,
    identity,
    insight,
    learning,
    recordings,
    studio,
)

# The one registry of domains, in DESIGN.md's order: the root types, GraphiQL's tabs, the
# models list, the demo data and the contract test all read it.
DOMAINS: tuple[Domain, ...] = (
    identity.DOMAIN,
    catalog.DOMAIN,
    learning.DOMAIN,
    conversation.DOMAIN,
    assessment.DOMAIN,
    classroom.DOMAIN,
    commerce.DOMAIN,
    studio.DOMAIN,
    recordings.DOMAIN,
    insight.DOMAIN,
)
MODEL_MODULES: list[str] = [domain.models_module for domain in DOMAINS]
JOB_MODULES: list[str] = [module for domain in DOMAINS for module in domain.job_modules]


def load_domain_job_tasks() -> None:
    """Import every domain's job tasks, so a worker knows them all."""
    for module in JOB_MODULES:
        importlib.import_module(module)


def _present(parts: Iterable[type | None]) -> tuple[type, ...]:
    return tuple(part for part in parts if part is not None)


def _merged(name: str, parts: tuple[type, ...]) -> type | None:
    return merge_types(name, parts) if parts else None


def extensions(settings: Settings) -> list:
    # Factories: each request gets fresh extension instances (they hold its execution
    # context). Parser and validation LRU caches live at module level, keyed by size.
    chosen = [
        ErrorMasking,
        lambda: ValidationCache(maxsize=settings.validation_cache_size),
        *protections(settings),  # parser cache, depth, aliases, tokens, cost (engine/limits.py)
    ]
    if not settings.introspection:
        chosen.append(DisableIntrospection)
    if settings.debug and settings.fast_executor:
        chosen.append(ExecutorReport)  # the executor's fallbacks in `extensions` (debug only)
    return chosen


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    settings = settings or get_settings()
    schema = strawberry.Schema(
        query=merge_types("Query", (*_present(d.query for d in DOMAINS), NodeQuery)),
        mutation=_merged("Mutation", _present(d.mutation for d in DOMAINS)),
        subscription=_merged("Subscription", _present(d.subscription for d in DOMAINS)),
        types=[*graph.TYPES, *(t for d in DOMAINS for t in d.types)],
        extensions=extensions(settings),
        config=StrawberryConfig(auto_camel_case=True),
        # FAST_EXECUTOR=0: graphql-core's stock executor and Strawberry's own resolvers.
        execution_context_class=FastExecutionContext if settings.fast_executor else None,
    )
    if settings.fast_executor:
        install_relation_resolvers(schema._schema)
    return schema
