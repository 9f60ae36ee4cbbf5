"""Classroom factories: a classroom written directly (with a join code), its members, and the
in-scope classroom operations (../shared/operations/classroom.graphql, the parts this slice
serves: classrooms and memberships)."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from graphql import DocumentNode, FragmentDefinitionNode, OperationDefinitionNode, parse, print_ast
from graphql.language import FragmentSpreadNode, Visitor, visit

from models.classroom import ClassMembership, Classroom, MembershipStatus
from models.identity import CefrLevel, Role, User
from rules.classroom.join_codes import new_join_code
from tests.factories.catalog import language
from tests.factories.identity import create_user

ROOT = Path(__file__).resolve().parents[2]
CLASSROOM_FILES = [
    ROOT.parent / "shared" / "operations" / "classroom.graphql",
    ROOT / "tests" / "operations" / "classroom.graphql",
]
# The operations of classroom.graphql this slice serves (assignments, submissions, the
# class's performance and its subscription come later).
IN_SCOPE = (
    "CreateClassroom",
    "UpdateClassroom",
    "RegenerateJoinCode",
    "JoinClassroom",
    "LeaveClassroom",
    "SetMembershipStatus",
    "MyClassrooms",
)


def classroom_file() -> Path | None:
    return next((path for path in CLASSROOM_FILES if path.is_file()), None)


class _Spreads(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def enter_fragment_spread(self, node: FragmentSpreadNode, *_: Any) -> None:
        self.names.add(node.name.value)


def in_scope_document(text: str, names: tuple[str, ...] = IN_SCOPE) -> DocumentNode:
    """The named operations of `text` with the fragments they use (transitively)."""
    document = parse(text)
    operations = [
        d
        for d in document.definitions
        if isinstance(d, OperationDefinitionNode) and d.name and d.name.value in names
    ]
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    wanted: set[str] = set()
    pending: list[Any] = list(operations)
    while pending:
        spreads = _Spreads()
        visit(pending.pop(), spreads)
        for name in spreads.names - wanted:
            wanted.add(name)
            pending.append(fragments[name])
    kept = [*operations, *(fragments[name] for name in sorted(wanted))]
    return DocumentNode(definitions=tuple(kept))


def in_scope_operations() -> str | None:
    """The in-scope operations as text, or None when classroom.graphql is absent."""
    path = classroom_file()
    return None if path is None else print_ast(in_scope_document(path.read_text()))


async def classroom(teacher: User | None = None, *, capacity: int = 30, **fields: Any) -> Classroom:
    """An active classroom (Spanish, A2) with a fresh join code."""
    teacher = teacher or await create_user(role=Role.TEACHER)
    spanish = await language("es", "Spanish")
    return await Classroom.create(
        teacher_id=teacher.id,
        name=fields.pop("name", "Spanish A2"),
        language_id=spanish.id,
        level=fields.pop("level", CefrLevel.A2),
        capacity=capacity,
        join_code=fields.pop("join_code", new_join_code(secrets.choice)),
        join_code_created_at=datetime.now(UTC),
        **fields,
    )


async def member(
    room: Classroom,
    student: User | None = None,
    status: MembershipStatus = MembershipStatus.ACTIVE,
) -> ClassMembership:
    student = student or await create_user()
    now = datetime.now(UTC)
    return await ClassMembership.create(
        classroom_id=room.id,
        student_id=student.id,
        status=status,
        joined_at=now,
        left_at=None if status == MembershipStatus.ACTIVE else now,
    )


async def members(room: Classroom, count: int) -> list[ClassMembership]:
    """`count` ACTIVE members (new students), written in one statement each."""
    students = [await create_user() for _ in range(count)]
    now = datetime.now(UTC)
    rows = [
        ClassMembership(
            classroom_id=room.id, student_id=s.id, status=MembershipStatus.ACTIVE, joined_at=now
        )
        for s in students
    ]
    await ClassMembership.bulk_create(rows)
    return rows
