"""Learning: enrollments, lesson play, progress, stats, achievements."""

from engine.domain import Domain
from schema.learning.operations import (
    TYPES,
    CompleteLessonPayloadFields,
    CourseFields,
    LessonFields,
    Mutation,
    Query,
    UserFields,
)
from schema.learning.types import EnrollmentFields

DOMAIN = Domain(
    "learning", query=Query, mutation=Mutation, types=TYPES, operations=("learning.graphql",)
)

__all__ = [
    "DOMAIN",
    "CompleteLessonPayloadFields",
    "CourseFields",
    "EnrollmentFields",
    "LessonFields",
    "UserFields",
]
