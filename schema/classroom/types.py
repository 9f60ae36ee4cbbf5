"""Classrooms in the graph: `Classroom`, its `ClassMembership`s and `User.classrooms`.

`Classroom` is composed in schema/graph.py (higher domains add fields: its recordings); this
domain declares its fields (`ClassroomFields`, the `Node`) and refers to it lazily.

Who sees what (resolvers/classroom/policy.py, the same rules for `node(id:)` and the lists):

- a classroom: its teacher, admins and its members (not suspended ones); others read it as
  not found. Its `joinCode` is for its teacher and admins only (null for members);
- its `members`: all of them for its teacher and admins; the ACTIVE ones (and their own
  membership) for members. People appear as public profiles.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, cast

import strawberry
from strawberry import relay

from core.pagination import Page
from engine.connections import Connection, page_args, to_connection
from engine.context import AppInfo
from engine.node import node_source
from engine.relations import model_type, related, when_loaded
from loaders.base import Condition
from loaders.catalog import LanguageByIdLoader
from loaders.classroom import (
    ActiveMemberCountByClassroomLoader,
    AssignmentsPageByClassroomLoader,
    AssignmentsPageLoader,
    ClassroomByIdLoader,
    ClassroomsPageLoader,
    MembershipByClassroomStudentLoader,
    MembersPageByClassroomLoader,
    VisibleClassroomLoader,
)
from loaders.identity import UserByIdLoader
from models import classroom as m
from models.identity import User as UserRow
from resolvers.classroom import policy
from resolvers.identity.policy import can_see_private, is_admin
from schema.classroom.work import (
    WORK_TYPES,
    Assignment,
    ClassroomPerformance,
    performance,
    visible_classroom,
)
from schema.identity.types import CefrLevel, PublicProfile

if TYPE_CHECKING:
    from schema.catalog.types import Language
    from schema.graph import Classroom

LanguageRef = Annotated["Language", strawberry.lazy("schema.catalog.types")]
ClassroomRef = Annotated["Classroom", strawberry.lazy("schema.graph")]
CLASSROOM_DESCRIPTION = (
    "A class a teacher runs: its language and level, its capacity (ACTIVE members at most) "
    "and the code students join it with."
)

# The model's enum is the GraphQL enum (`strawberry.enum` registers the class itself).
MembershipStatus = m.MembershipStatus
strawberry.enum(MembershipStatus, name="MembershipStatus")


@strawberry.enum(description="How the viewer relates to a classroom.")
class ClassroomRole(Enum):
    TEACHER = "teacher"
    STUDENT = "student"
    ADMIN = "admin"


def _classroom(self: object) -> m.Classroom:
    return cast(m.Classroom, self)


def as_classroom(row: m.Classroom) -> Classroom:
    """A classroom row as the composed `Classroom` type, which is returned as the row itself
    (`model_type`), with the type known to the type checker only (schema.graph imports this
    module)."""
    return cast("Classroom", row)


def _membership(self: object) -> m.ClassMembership:
    return cast(m.ClassMembership, self)


def _profile(info: AppInfo, user_id: Any) -> PublicProfile:
    user = info.context.loaders.get(UserByIdLoader).get_or_load(user_id)
    return cast(PublicProfile, when_loaded(PublicProfile.of, user))


def _role(classroom: m.Classroom, viewer: UserRow, membership: Any) -> ClassroomRole | None:
    if classroom.teacher_id == viewer.id:
        return ClassroomRole.TEACHER
    if is_admin(viewer):
        return ClassroomRole.ADMIN
    if membership is not None and membership.status != MembershipStatus.SUSPENDED:
        return ClassroomRole.STUDENT
    return None


@strawberry.type(description="A student's membership of a classroom (one per student).")
@model_type(m.ClassMembership)
@node_source(m.ClassMembership, policy.memberships)
class ClassMembership(relay.Node):
    id: relay.NodeID[str]
    status: MembershipStatus
    joined_at: dt.datetime = strawberry.field(description="The latest (re)join.")
    left_at: dt.datetime | None = strawberry.field(
        description="When it last stopped being ACTIVE; null while ACTIVE."
    )
    created_at: dt.datetime

    @strawberry.field(description="The student, as others see them.")
    def student(self, info: AppInfo) -> PublicProfile:
        return _profile(info, _membership(self).student_id)

    classroom: ClassroomRef | None = related(
        VisibleClassroomLoader,
        visible_classroom,
        description="Null for a member who may not read it (suspended).",
    )


@strawberry.type
@node_source(m.Classroom, policy.classrooms)
class ClassroomFields(relay.Node):
    """The classroom domain's fields of `Classroom`."""

    id: relay.NodeID[str]
    name: str
    description: str
    level: CefrLevel
    capacity: int = strawberry.field(description="How many ACTIVE members it takes.")
    is_active: bool
    created_at: dt.datetime
    updated_at: dt.datetime

    language: LanguageRef = related(LanguageByIdLoader, "language_id")

    @strawberry.field(description="Its ACTIVE members.")
    def member_count(self, info: AppInfo) -> int:
        loader = info.context.loaders.get(ActiveMemberCountByClassroomLoader)
        return cast(int, when_loaded(int, loader.get_or_load(_classroom(self).id)))

    @strawberry.field(
        description="The code students join with: for its teacher and admins; null for others."
    )
    def join_code(self, info: AppInfo) -> str | None:
        classroom = _classroom(self)
        if not policy.runs(info.context.viewer, classroom.teacher_id):
            return None
        return classroom.join_code

    @strawberry.field(description="The teacher, as others see them.")
    def teacher(self, info: AppInfo) -> PublicProfile:
        return _profile(info, _classroom(self).teacher_id)

    @strawberry.field(description="The viewer's part in it; null when none.")
    def viewer_role(self, info: AppInfo) -> ClassroomRole | None:
        classroom, viewer = _classroom(self), info.context.viewer
        if viewer is None:
            return None
        if classroom.teacher_id == viewer.id or is_admin(viewer):
            return _role(classroom, viewer, None)
        membership = info.context.loaders.get(MembershipByClassroomStudentLoader).get_or_load(
            (classroom.id, viewer.id)
        )
        return cast(
            ClassroomRole | None,
            when_loaded(lambda row: _role(classroom, viewer, row), membership),
        )

    @strawberry.field(
        description="Its memberships, in the order they began: all of them for its teacher "
        "and admins; the ACTIVE ones and their own for members."
    )
    async def members(
        self, info: AppInfo, first: int | None = None, after: str | None = None
    ) -> Connection[ClassMembership]:
        classroom, args = _classroom(self), page_args(first, after)
        condition = Condition.of(policy.listed_members(info.context.viewer, classroom.teacher_id))
        loader = info.context.loaders.get(MembersPageByClassroomLoader)
        return to_connection(await loader.load((classroom.id, args, condition)))

    @strawberry.field(
        description="Its assignments, in the order they were set: all of them for its teacher "
        "and admins; the active ones for its ACTIVE members."
    )
    async def assignments(
        self, info: AppInfo, first: int | None = None, after: str | None = None
    ) -> Connection[Assignment]:
        classroom, args = _classroom(self), page_args(first, after)
        # The assignments' own fields (`submissionCount`) ask who runs this classroom.
        info.context.loaders.prime(ClassroomByIdLoader, classroom.id, classroom)
        condition = Condition.of(policy.assignments(info.context.viewer))
        loader = info.context.loaders.get(AssignmentsPageByClassroomLoader)
        return to_connection(await loader.load((classroom.id, args, condition)))

    @strawberry.field(
        description="How the class is doing: for its teacher and admins (null for others)."
    )
    def performance(self, info: AppInfo) -> ClassroomPerformance | None:
        return cast(ClassroomPerformance | None, performance(info, _classroom(self)))


# --- fields of the composed types (schema/graph.py) ----------------------------------------


@strawberry.type
class UserFields:
    """Classroom's fields of `User` (private: empty for other viewers)."""

    @strawberry.field(
        description="The classrooms the user teaches or belongs to (not suspended), newest first."
    )
    async def classrooms(
        self, info: AppInfo, first: int | None = None, after: str | None = None
    ) -> Connection[ClassroomRef]:
        user = cast(UserRow, self)
        args = page_args(first, after)
        if not can_see_private(info.context.viewer, user.id):
            return to_connection(Page.empty())
        condition = Condition.of(policy.own_classrooms(user))
        page = await info.context.loaders.get(ClassroomsPageLoader).load((args, condition))
        return to_connection(page)

    @strawberry.field(
        description="The active assignments of the classrooms the user actively belongs to, "
        "newest first."
    )
    async def assignments(
        self, info: AppInfo, first: int | None = None, after: str | None = None
    ) -> Connection[Assignment]:
        user = cast(UserRow, self)
        args = page_args(first, after)
        if not can_see_private(info.context.viewer, user.id):
            return to_connection(Page.empty())
        condition = Condition.of(policy.student_assignments(user))
        page = await info.context.loaders.get(AssignmentsPageLoader).load((args, condition))
        return to_connection(page)


CLASSROOM_TYPES: list[type] = [ClassMembership, *WORK_TYPES]
