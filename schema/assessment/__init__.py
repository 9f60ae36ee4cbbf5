"""Assessment: quizzes, attempts and their review, certificates."""

import strawberry

from engine.domain import Domain
from schema.assessment import certificates
from schema.assessment.certificates import (
    CompleteLessonPayloadFields,
    EnrollmentFields,
    Query,
)
from schema.assessment.operations import Mutation
from schema.assessment.quizzes import QUIZ_TYPES, CourseFields, QuizUserFields


@strawberry.type
class UserFields(QuizUserFields, certificates.UserFields):
    """Assessment's fields of `User`: quiz attempts and certificates."""


DOMAIN = Domain(
    "assessment",
    query=Query,
    mutation=Mutation,
    types=QUIZ_TYPES,
    operations=("assessment.graphql",),
)

__all__ = [
    "DOMAIN",
    "CompleteLessonPayloadFields",
    "CourseFields",
    "EnrollmentFields",
    "UserFields",
]
