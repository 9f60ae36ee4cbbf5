"""A test-only schema whose fields fail on purpose, served with the product's extensions and
HTTP view: unexpected errors must be masked and logged, expected ones keep their code."""

from __future__ import annotations

import strawberry

from core.errors import AppError, ErrorCode
from core.settings import Settings
from schema.root import extensions
from tests.http_helpers import graphql_only_app

SECRET = "the database password is hunter2"


@strawberry.type
class Query:
    @strawberry.field
    def ok(self) -> str:
        return "fine"

    @strawberry.field
    def boom(self) -> str | None:
        raise RuntimeError(SECRET)

    @strawberry.field
    def required_boom(self) -> str:
        raise RuntimeError(SECRET)

    @strawberry.field
    def course(self) -> str | None:
        raise AppError.of(ErrorCode.NOT_FOUND, "Course not found.", "slug")


def failing_app(settings: Settings) -> object:
    schema = strawberry.Schema(query=Query, extensions=extensions(settings))
    return graphql_only_app(schema, settings)
