"""Catalog: languages, the course tree, exercises, scenarios; browsing, search, authoring."""

from engine.domain import Domain
from schema.catalog.authoring import Mutation
from schema.catalog.operations import TYPES, Query
from schema.catalog.types import CourseFields, LessonFields

DOMAIN = Domain(
    "catalog", query=Query, mutation=Mutation, types=TYPES, operations=("catalog.graphql",)
)

__all__ = ["DOMAIN", "CourseFields", "LessonFields"]
