"""Learning: enrollments, lesson play, progress, stats, achievements, certificates."""

from engine.domain import Domain
from schema.learning.operations import (
    TYPES,
    CourseFields,
    LessonFields,
    Mutation,
    Query,
    UserFields,
)

DOMAIN = Domain(
    "learning", query=Query, mutation=Mutation, types=TYPES, operations="learning.graphql"
)

__all__ = ["DOMAIN", "CourseFields", "LessonFields", "UserFields"]
