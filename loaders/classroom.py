"""Classroom loaders: classrooms, memberships, member counts and pages.

Pages of memberships take the viewer's `Condition` (resolvers/classroom/policy.py
`listed_members`) as part of their key: the keys of one viewer share it and load together,
so a classroom's members cost the same statements however many there are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from core.access import Params, Rule
from core.pagination import KeysetQuery, Page, PageArgs, fetch_child_pages, fetch_page
from core.rows import fetch_records
from loaders.base import CountByKeyLoader, ModelByIdLoader, RecordLoader, select_rows
from models.classroom import ClassMembership, Classroom, MembershipStatus

CLASSROOMS = Classroom._meta.db_table
MEMBERSHIPS = ClassMembership._meta.db_table
_ACTIVE = f"t.status = '{MembershipStatus.ACTIVE.value}'"


@dataclass(frozen=True, slots=True)
class Condition:
    """An access rule rendered for one viewer: SQL over the alias `t` with its own `$1..$n`
    parameters; hashable, so it can be part of a loader key."""

    sql: str
    params: tuple[Any, ...]

    @classmethod
    def of(cls, rule: Rule) -> Condition:
        params = Params()
        text = rule.sql("t", params)
        return cls(text, tuple(params))


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


class MemberCountByClassroomLoader(RecordLoader):
    """Keys `(classroom_id, Condition)`: how many of its memberships meet the condition."""

    missing: ClassVar[Any] = 0

    async def fetch(self, keys: Sequence[tuple[Any, Condition]]) -> dict[Any, Any]:
        by_condition: dict[Condition, list[Any]] = {}
        for classroom_id, condition in keys:
            by_condition.setdefault(condition, []).append(classroom_id)
        found: dict[Any, Any] = {}
        for condition, ids in by_condition.items():
            params = [*condition.params, ids]
            rows = await fetch_records(
                f'SELECT t.classroom_id AS k, count(*) AS n FROM "{MEMBERSHIPS}" t '
                f"WHERE {condition.sql} AND t.classroom_id = ANY(${len(params)}) "
                "GROUP BY t.classroom_id",
                params,
            )
            found.update({(row["k"], condition): int(row["n"]) for row in rows})
        return found


class MembersPageByClassroomLoader(RecordLoader):
    """Keys `(classroom_id, PageArgs, Condition)`: a page of the classroom's memberships that
    meet the condition, in the order they were created."""

    async def fetch(self, keys: Sequence[tuple[Any, PageArgs, Condition]]) -> dict[Any, Any]:
        groups: dict[tuple[PageArgs, Condition], list[Any]] = {}
        for classroom_id, args, condition in keys:
            groups.setdefault((args, condition), []).append(classroom_id)
        counter = self.loaders.get(MemberCountByClassroomLoader)
        result: dict[Any, Page[Any]] = {}
        for (args, condition), ids in groups.items():
            query = KeysetQuery(
                ClassMembership, order=_MEMBER_ORDER, params=Params(condition.params)
            )
            query.filter(condition.sql)
            pages = await fetch_child_pages(query, "t.classroom_id", ids, args)
            for classroom_id, page in pages.items():
                if page.total_count is None:  # a page after a cursor: counted when asked
                    page.total_count = lambda key=(classroom_id, condition): counter.load(key)
                result[(classroom_id, args, condition)] = page
        return result


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
