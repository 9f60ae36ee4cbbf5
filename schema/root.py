"""The root schema: every domain's Query/Mutation/Subscription merged, plus protections."""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType

import strawberry
from strawberry.extensions import DisableIntrospection, ValidationCache
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types

from core.settings import Settings, get_settings
from schema.errors import ErrorMasking
from schema.execution import FastExecutionContext, install_relation_resolvers
from schema.node import NodeQuery

# One module per domain, in the order the domains are listed in DESIGN.md.
DOMAINS = ("identity", "catalog", "learning", "conversation", "classroom", "assessment")


def _domain_modules() -> list[ModuleType]:
    modules = []
    for name in DOMAINS:
        if importlib.util.find_spec(f"schema.{name}") is not None:
            modules.append(importlib.import_module(f"schema.{name}"))
    return modules


def _merged(name: str, modules: list[ModuleType], extra: tuple[type, ...] = ()) -> type | None:
    parts = tuple(getattr(m, name) for m in modules if hasattr(m, name)) + extra
    return merge_types(name, parts) if parts else None


def extensions(settings: Settings) -> list:
    from schema.limits import protections

    # Factories: each request gets fresh extension instances (they hold its execution
    # context). Parser and validation LRU caches live at module level, keyed by size.
    chosen = [
        ErrorMasking,
        lambda: ValidationCache(maxsize=settings.validation_cache_size),
        *protections(settings),  # parser cache, depth, aliases, tokens, cost (schema/limits.py)
    ]
    if not settings.introspection:
        chosen.append(DisableIntrospection)
    return chosen


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    settings = settings or get_settings()
    modules = _domain_modules()
    types = [t for m in modules for t in getattr(m, "TYPES", [])]
    schema = strawberry.Schema(
        query=_merged("Query", modules, (NodeQuery,)),
        mutation=_merged("Mutation", modules),
        subscription=_merged("Subscription", modules),
        types=types,
        extensions=extensions(settings),
        config=StrawberryConfig(auto_camel_case=True),
        execution_context_class=FastExecutionContext,
    )
    install_relation_resolvers(schema._schema)
    return schema
