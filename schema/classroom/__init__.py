"""Classroom: classes, their join codes and memberships, assignments, submissions and
grading, the class's performance, and its live events."""

from engine.domain import Domain
from schema.classroom.live import LIVE_TYPES, Subscription
from schema.classroom.operations import Mutation
from schema.classroom.types import (
    CLASSROOM_DESCRIPTION,
    CLASSROOM_TYPES,
    ClassroomFields,
    UserFields,
)
from schema.classroom.work import SUBMISSION_DESCRIPTION, SubmissionFields

DOMAIN = Domain(
    "classroom",
    mutation=Mutation,
    subscription=Subscription,
    types=[*CLASSROOM_TYPES, *LIVE_TYPES],
    operations=("classroom.graphql",),
)

__all__ = [
    "CLASSROOM_DESCRIPTION",
    "DOMAIN",
    "SUBMISSION_DESCRIPTION",
    "ClassroomFields",
    "SubmissionFields",
    "UserFields",
]
