"""Assessment: quizzes, attempts and their review, certificates."""

from engine.domain import Domain
from schema.assessment.certificates import (
    CompleteLessonPayloadFields,
    EnrollmentFields,
    Query,
    UserFields,
)

DOMAIN = Domain("assessment", query=Query)

__all__ = ["DOMAIN", "CompleteLessonPayloadFields", "EnrollmentFields", "UserFields"]
