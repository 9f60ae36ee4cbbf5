"""Classroom loaders: classrooms, memberships, member counts and pages.

Pages of memberships take the viewer's `Condition` (resolvers/classroom/policy.py
`listed_members`) as part of their key: the keys of one viewer share it and load together,
so a classroom's members cost the same statements however many there are.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from core.access import Params
from core.pagination import KeysetQuery, Page, PageArgs, fetch_page
from loaders.base import (
    Condition,
    CountByKeyLoader,
    CountUnderConditionLoader,
    ModelByIdLoader,
    PageUnderConditionLoader,
    RecordLoader,
    select_rows,
)
from models.classroom import ClassMembership, Classroom, MembershipStatus

CLASSROOMS = Classroom._meta.db_table
MEMBERSHIPS = ClassMembership._meta.db_table
_ACTIVE = f"t.status = '{MembershipStatus.ACTIVE.value}'"


class ClassroomByIdLoader(ModelByIdLoader):
    model = Classroom


class ClassMembershipByIdLoader(ModelByIdLoader):
    model = ClassMembership


class ActiveMemberCountByClassroomLoader(CountByKeyLoader):
    """`memberCount`: a classroom's ACTIVE members (one GROUP BY for many classrooms)."""

    table = MEMBERSHIPS
    key_column = "t.classroom_id"
    condition = _ACTIVE


class MembershipByClassroomStudentLoader(RecordLoader):
    """Keys `(classroom_id, student_id)`: that student's membership, or None."""

    async def fetch(self, keys: Sequence[tuple[Any, Any]]) -> dict[Any, Any]:
        rows = await select_rows(
            ClassMembership,
            "t.classroom_id = ANY($1) AND t.student_id = ANY($2)",
            [list({k[0] for k in keys}), list({k[1] for k in keys})],
        )
        return {(row.classroom_id, row.student_id): row for row in rows}


_MEMBER_ORDER = ["t.created_at", "t.id"]


class MemberCountByClassroomLoader(CountUnderConditionLoader):
    """Keys `(classroom_id, Condition)`: how many of its memberships meet the condition."""

    table = MEMBERSHIPS
    parent_column = "classroom_id"


class MembersPageByClassroomLoader(PageUnderConditionLoader):
    """Keys `(classroom_id, PageArgs, Condition)`: a page of the classroom's memberships that
    meet the condition, in the order they were created."""

    model = ClassMembership
    parent_column = "classroom_id"
    order = _MEMBER_ORDER
    count_loader = MemberCountByClassroomLoader


class ClassroomsPageLoader(RecordLoader):
    """Keys `(PageArgs, Condition)`: a page of the classrooms meeting the condition (a
    viewer's own: taught or belonged to), newest first."""

    async def fetch(self, keys: Sequence[tuple[PageArgs, Condition]]) -> dict[Any, Any]:
        result: dict[Any, Page[Any]] = {}
        for args, condition in keys:
            query = KeysetQuery(
                Classroom,
                order=["t.created_at", "t.id"],
                descending=True,
                params=Params(condition.params),
            )
            query.filter(condition.sql)
            result[(args, condition)] = await fetch_page(query, args)
        return result
