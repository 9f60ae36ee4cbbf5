"""Classroom's access rules.

- A classroom is read by its teacher, admins and its members, except suspended ones (active,
  inactive and completed members keep reading the class they were part of). Everyone else
  reads it as not found.
- Its join code is for those who run it: the teacher and admins (`runs`).
- Memberships: one's own (any status); all of a classroom's for those who run it; its
  ACTIVE ones for the other members who read the classroom (classmates see who is in the
  class, not who was suspended or left).
- Assignments: all of a classroom's for those who run it; its active ones for its ACTIVE
  members (a student who left, or was suspended, no longer sees the class's work).
- Submissions: the student's own; all of a classroom's for those who run it. The work a
  submission names (a conversation session, lesson progress, a quiz attempt) is read by those
  who run the classroom it was submitted to: granted to the lower domains' rules in
  grants.py, and by nobody else (another teacher, classmates).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from core.access import EVERYONE, NOBODY, Param, Rule, any_of, column_is, related_row
from models.classroom import MembershipStatus
from resolvers.classroom.queries import ASSIGNMENTS, CLASSROOMS, MEMBERSHIPS, SUBMISSIONS
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


def _membership(viewer: User, classroom_column: str, status: str, prefix: str) -> Rule:
    """Rows whose `classroom_column` ("id" for classrooms themselves) is a classroom the
    viewer has a membership of, its status meeting `status` (SQL over the membership `m`)."""

    def condition(alias: str, param: Param) -> str:
        m = f"{prefix}_{alias}"
        return (
            f'EXISTS (SELECT 1 FROM "{MEMBERSHIPS}" {m} WHERE {m}.classroom_id = '
            f"{alias}.{classroom_column} AND {m}.student_id = {param(viewer.id)} "
            f"AND {status.format(m=m)})"
        )

    return Rule(condition)


def _member_of(viewer: User) -> Rule:
    """Classrooms the viewer belongs to, in any status but SUSPENDED."""
    return _membership(viewer, "id", f"{{m}}.status <> '{SUSPENDED}'", "m")


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


def _active_member_of(viewer: User) -> Rule:
    """Rows whose `classroom_id` is a classroom the viewer is an ACTIVE member of."""
    return _membership(viewer, "classroom_id", f"{{m}}.status = '{ACTIVE}'", "am")


def assignments(viewer: User | None) -> Rule:
    """Assignments the viewer reads (see the module's docstring)."""
    if viewer is None:
        return NOBODY
    if is_admin(viewer):
        return EVERYONE
    taught = related_row(CLASSROOMS, "classroom_id", taught_classrooms(viewer), alias="tc")
    return any_of(taught, student_assignments(viewer))


def student_assignments(viewer: User) -> Rule:
    """`me.assignments`: the active assignments of the classrooms the viewer actively belongs
    to (an admin's or a teacher's own memberships too, not everything they read)."""
    active = Rule(lambda alias, param: f"{alias}.is_active")
    return Rule(
        lambda alias, param: (
            f"{active.sql(alias, param)} AND {_active_member_of(viewer).sql(alias, param)}"
        )
    )


def _in_taught_classroom(viewer: User, key: str) -> Rule:
    """Rows whose `key` column names an assignment of a classroom the viewer teaches."""

    def condition(alias: str, param: Param) -> str:
        a, c = f"ta_{alias}", f"tc_{alias}"
        return (
            f'EXISTS (SELECT 1 FROM "{ASSIGNMENTS}" {a} JOIN "{CLASSROOMS}" {c} '
            f"ON {c}.id = {a}.classroom_id WHERE {a}.id = {alias}.{key} "
            f"AND {c}.teacher_id = {param(viewer.id)})"
        )

    return Rule(condition)


def submissions(viewer: User | None) -> Rule:
    """Submissions the viewer reads: their own; all of the classrooms they run."""
    if viewer is None:
        return NOBODY
    if is_admin(viewer):
        return EVERYONE
    return any_of(column_is("student_id", viewer.id), _in_taught_classroom(viewer, "assignment_id"))


def graded_submissions(viewer: User | None) -> Rule:
    """Submissions the viewer grades: those of the classrooms they run (admins: all)."""
    if viewer is None:
        return NOBODY
    if is_admin(viewer):
        return EVERYONE
    return _in_taught_classroom(viewer, "assignment_id")


def submitted_work(work_column: str) -> Callable[[User], Rule]:
    """A grant for the lower domains' rules: their rows (sessions, lesson progress, quiz
    attempts) that a submission names in `work_column`, submitted to a classroom the viewer
    teaches."""

    def grant(viewer: User) -> Rule:
        def condition(alias: str, param: Param) -> str:
            s = f"sw_{alias}"
            taught = _in_taught_classroom(viewer, "assignment_id").sql(s, param)
            return (
                f'EXISTS (SELECT 1 FROM "{SUBMISSIONS}" {s} WHERE {s}.{work_column} = '
                f"{alias}.id AND {taught})"
            )

        return Rule(condition)

    grant.__name__ = f"submitted_{work_column}"
    return grant
