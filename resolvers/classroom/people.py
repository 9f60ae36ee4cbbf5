"""Whose public profile a classroom shows: the people one shares a class with.

A viewer sees the public profile of the teacher of every classroom they read, and of the
student of every membership they read (resolvers/classroom/policy.py): a student sees their
teacher and their ACTIVE classmates, a teacher every student of their classes. Identity's
`PROFILE_READERS` takes `classmates` (registered in resolvers/classroom/grants.py), so
`node(id:)` of such a person answers their `PublicProfile`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.access import NOBODY, Param, Rule, any_of
from resolvers.classroom.policy import classrooms, memberships
from resolvers.classroom.queries import CLASSROOMS, MEMBERSHIPS

if TYPE_CHECKING:
    from models.identity import User


def _pointing_at(table: str, key: str, rule: Rule, alias: str) -> Rule:
    """Users some row of `table` that `rule` lets through points at with its `key` column:
    `related_row` the other way round (there the row holds the key)."""

    def condition(outer: str, param: Param) -> str:
        inner = f"{alias}_{outer}"  # unique however deeply rules nest
        return (
            f'EXISTS (SELECT 1 FROM "{table}" {inner} WHERE {inner}."{key}" = {outer}.id '
            f"AND {rule.sql(inner, param)})"
        )

    return Rule(condition)


def classmates(viewer: User | None) -> Rule:
    """Users (rows of the users table) the viewer shares a classroom with, as the classroom
    rules let them see it: teachers of classrooms they read, students of memberships they
    read (so a suspended member sees no one of that class, and former members are its
    teacher's only)."""
    if viewer is None:
        return NOBODY
    return any_of(
        _pointing_at(CLASSROOMS, "teacher_id", classrooms(viewer), "pt"),
        _pointing_at(MEMBERSHIPS, "student_id", memberships(viewer), "ps"),
    )
