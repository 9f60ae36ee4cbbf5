"""Classroom's access rules.

- A classroom is read by its teacher, admins and its members, except suspended ones (active,
  inactive and completed members keep reading the class they were part of). Everyone else
  reads it as not found.
- Its join code is for those who run it: the teacher and admins (`runs`).
- Memberships: one's own (any status); all of a classroom's for those who run it; its
  ACTIVE ones for the other members who read the classroom (classmates see who is in the
  class, not who was suspended or left).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.access import EVERYONE, NOBODY, Param, Rule, any_of, column_is, related_row
from models.classroom import MembershipStatus
from resolvers.classroom.queries import CLASSROOMS, MEMBERSHIPS
from resolvers.identity.policy import is_admin, private_rows

if TYPE_CHECKING:
    from models.identity import User

ACTIVE = MembershipStatus.ACTIVE.value
SUSPENDED = MembershipStatus.SUSPENDED.value


def runs(viewer: User | None, teacher_id: Any) -> bool:
    """The viewer runs this classroom (its teacher, or an admin): edits it, reads its code and
    all its memberships, sets their statuses."""
    return viewer is not None and (viewer.id == teacher_id or is_admin(viewer))


def taught_classrooms(viewer: User | None) -> Rule:
    """Classrooms the viewer runs: their own; every one for an admin."""
    return private_rows(viewer, "teacher_id")


def _member_of(viewer: User) -> Rule:
    """Classrooms the viewer belongs to, in any status but SUSPENDED."""

    def condition(alias: str, param: Param) -> str:
        m = f"m_{alias}"
        return (
            f'EXISTS (SELECT 1 FROM "{MEMBERSHIPS}" {m} WHERE {m}.classroom_id = {alias}.id '
            f"AND {m}.student_id = {param(viewer.id)} AND {m}.status <> '{SUSPENDED}')"
        )

    return Rule(condition)


def classrooms(viewer: User | None) -> Rule:
    """Classrooms the viewer reads: those they run or belong to (not suspended)."""
    if viewer is None:
        return NOBODY
    if is_admin(viewer):
        return EVERYONE
    return any_of(column_is("teacher_id", viewer.id), _member_of(viewer))


def own_classrooms(viewer: User) -> Rule:
    """`me.classrooms`: the classrooms the viewer teaches or belongs to (an admin's own
    too, not everyone's)."""
    return any_of(column_is("teacher_id", viewer.id), _member_of(viewer))


def memberships(viewer: User | None) -> Rule:
    """Memberships the viewer reads (see the module's docstring)."""
    if viewer is None:
        return NOBODY
    if is_admin(viewer):
        return EVERYONE
    readable = related_row(CLASSROOMS, "classroom_id", classrooms(viewer), alias="c")
    active_classmates = Rule(
        lambda alias, param: f"{alias}.status = '{ACTIVE}' AND {readable.sql(alias, param)}"
    )
    return any_of(
        column_is("student_id", viewer.id),
        related_row(CLASSROOMS, "classroom_id", taught_classrooms(viewer), alias="tc"),
        active_classmates,
    )


def listed_members(viewer: User | None, teacher_id: Any) -> Rule:
    """Which of a readable classroom's memberships its `members` list shows the viewer: all
    for those who run it; the ACTIVE ones and their own for its members."""
    if runs(viewer, teacher_id):
        return EVERYONE
    if viewer is None:
        return NOBODY
    return Rule(
        lambda alias, param: (
            f"{alias}.status = '{ACTIVE}' OR {alias}.student_id = {param(viewer.id)}"
        )
    )
