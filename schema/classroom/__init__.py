"""Classroom: classes, their join codes and memberships (assignments, submissions, the
class's performance and its subscription come in later slices; so does classroom.graphql in
the contract test, which needs them)."""

from engine.domain import Domain
from schema.classroom.operations import Mutation
from schema.classroom.types import CLASSROOM_TYPES, UserFields

DOMAIN = Domain("classroom", mutation=Mutation, types=CLASSROOM_TYPES)

__all__ = ["DOMAIN", "UserFields"]
