"""Classrooms and memberships through the API, as the frontends send them (the in-scope
operations of ../shared/operations/classroom.graphql): a teacher creates a class, students
join by code until it is full, join twice, leave and rejoin; a suspended student cannot; a
regenerated code retires the old one; the join code is the teacher's; non-members read the
classroom as not found; the last seat goes to one of two students racing for it; and the
classroom with its members costs the same statements for 2 students as for 40."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from graphql import build_schema as build_sdl
from graphql import validate

from core.sqlcount import StatementLog
from engine.ids import global_id
from models.identity import Role
from tests.factories.catalog import language
from tests.factories.classroom import (
    ROOT,
    classroom,
    classroom_file,
    in_scope_document,
    in_scope_operations,
    members,
)
from tests.factories.identity import signed_in
from tests.graphql_client import GraphQLClient

OPS = in_scope_operations()
pytestmark = pytest.mark.skipif(OPS is None, reason="classroom.graphql is absent")

DETAIL = """
query ClassroomDetail($id: ID!, $first: Int = 50, $membersAfter: String) {
  node(id: $id) {
    ... on Classroom {
      id name description language { code name } level capacity isActive memberCount
      joinCode teacher { id displayName } createdAt viewerRole
      members(first: $first, after: $membersAfter) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id status joinedAt student { id displayName } } }
      }
    }
  }
}
"""


async def run(gql: GraphQLClient, op: str, token: str | None, /, **variables: Any) -> Any:
    assert OPS is not None
    return await gql(OPS, variables, token=token, operation_name=op)


async def _payload(gql: GraphQLClient, op: str, token: str | None, /, **variables: Any) -> Any:
    data = await run(gql, op, token, **variables)
    return next(iter(data.values()))


def _codes(payload: dict) -> list[tuple[str | None, str]]:
    return [(e["field"], e["code"]) for e in payload["errors"]]


async def _detail(gql: GraphQLClient, classroom_id: str, token: str | None, **more: Any) -> Any:
    return (await gql(DETAIL, {"id": classroom_id, **more}, token=token))["node"]


def test_in_scope_operations_validate_against_the_schema() -> None:
    path = classroom_file()
    assert path is not None
    schema = build_sdl((ROOT / "schema.graphql").read_text())
    errors = validate(schema, in_scope_document(path.read_text()))
    assert [error.message for error in errors] == []


async def test_a_class_through_the_api(gql: GraphQLClient) -> None:
    spanish = await language("es", "Spanish")  # another test may have named it first
    teacher, teacher_token = await signed_in(Role.TEACHER, display_name="Ms Rivera")
    _, ana_token = await signed_in(display_name="Ana")
    _, ben_token = await signed_in(display_name="Ben")
    _, cleo_token = await signed_in(display_name="Cleo")
    _, other_teacher_token = await signed_in(Role.TEACHER)

    # A learner cannot create a classroom; nobody signed in neither.
    refused = await _payload(
        gql, "CreateClassroom", ana_token, name="Mine", language="es", level="A2"
    )
    assert (refused["classroom"], _codes(refused)) == (None, [(None, "FORBIDDEN")])
    anonymous = await _payload(gql, "CreateClassroom", None, name="X", language="es", level="A2")
    assert _codes(anonymous) == [(None, "UNAUTHENTICATED")]
    invalid = await _payload(
        gql, "CreateClassroom", teacher_token, name=" ", language="xx", level="A2", capacity=0
    )
    assert sorted(_codes(invalid)) == [
        ("capacity", "INVALID"),
        ("language", "NOT_FOUND"),
        ("name", "REQUIRED"),
    ]

    created = await _payload(
        gql,
        "CreateClassroom",
        teacher_token,
        name="Spanish A2",
        description="Tuesdays",
        language="es",
        level="A2",
        capacity=2,
    )
    assert created["errors"] == []
    room = created["classroom"]
    assert room["language"] == {"code": "es", "name": spanish.name}
    assert (room["level"], room["capacity"], room["isActive"], room["memberCount"]) == (
        "A2",
        2,
        True,
        0,
    )
    assert room["teacher"] == {"id": global_id("User", teacher.id), "displayName": "Ms Rivera"}
    code = room["joinCode"]
    assert code and len(code) == 8

    # Two students join (the code typed loosely); joining twice gives the same membership.
    ana = await _payload(gql, "JoinClassroom", ana_token, joinCode=code.lower())
    assert ana["errors"] == []
    assert ana["membership"]["status"] == "ACTIVE"
    assert ana["membership"]["classroom"]["teacher"] == {"displayName": "Ms Rivera"}
    again = await _payload(gql, "JoinClassroom", ana_token, joinCode=f"{code[:4]}-{code[4:]}")
    assert again["membership"]["id"] == ana["membership"]["id"]
    ben = await _payload(gql, "JoinClassroom", ben_token, joinCode=code)
    assert ben["errors"] == []

    # The third is over capacity; a wrong code is not found.
    full = await _payload(gql, "JoinClassroom", cleo_token, joinCode=code)
    assert (full["membership"], _codes(full)) == (None, [("joinCode", "CAPACITY_REACHED")])
    wrong = await _payload(gql, "JoinClassroom", cleo_token, joinCode="ABCDEFGH")
    assert _codes(wrong) == [("joinCode", "NOT_FOUND")]
    garbage = await _payload(gql, "JoinClassroom", cleo_token, joinCode="nope")
    assert _codes(garbage) == [("joinCode", "NOT_FOUND")]

    # Members read the classroom without its code; the teacher with it.
    mine = (await run(gql, "MyClassrooms", ana_token))["me"]["classrooms"]
    assert mine["totalCount"] == 1
    seen = mine["edges"][0]["node"]
    assert (seen["id"], seen["joinCode"], seen["viewerRole"], seen["memberCount"]) == (
        room["id"],
        None,
        "STUDENT",
        2,
    )
    taught = (await run(gql, "MyClassrooms", teacher_token))["me"]["classrooms"]
    assert [(e["node"]["joinCode"], e["node"]["viewerRole"]) for e in taught["edges"]] == [
        (code, "TEACHER")
    ]
    detail = await _detail(gql, room["id"], ana_token)
    assert detail["joinCode"] is None
    assert [e["node"]["student"]["displayName"] for e in detail["members"]["edges"]] == [
        "Ana",
        "Ben",
    ]

    # Capacity cannot go below the active members; a member cannot edit the classroom.
    lower = await _payload(gql, "UpdateClassroom", teacher_token, id=room["id"], capacity=1)
    assert _codes(lower) == [("capacity", "INVALID")]
    by_member = await _payload(gql, "UpdateClassroom", ana_token, id=room["id"], name="Ours")
    assert _codes(by_member) == [(None, "FORBIDDEN")]
    by_other = await _payload(gql, "UpdateClassroom", other_teacher_token, id=room["id"], name="X")
    assert _codes(by_other) == [("id", "NOT_FOUND")]
    renamed = await _payload(
        gql, "UpdateClassroom", teacher_token, id=room["id"], name="Spanish A2+", capacity=3
    )
    assert (renamed["errors"], renamed["classroom"]["name"]) == ([], "Spanish A2+")
    assert renamed["classroom"]["capacity"] == 3

    # Leaving keeps the membership, INACTIVE; rejoining makes the same one ACTIVE again.
    left = await _payload(gql, "LeaveClassroom", ana_token, classroomId=room["id"])
    assert left["membership"] == {"id": ana["membership"]["id"], "status": "INACTIVE"}
    assert (await _detail(gql, room["id"], teacher_token))["memberCount"] == 1
    back = await _payload(gql, "JoinClassroom", ana_token, joinCode=code)
    assert (back["membership"]["id"], back["membership"]["status"]) == (
        ana["membership"]["id"],
        "ACTIVE",
    )

    # The teacher suspends Ben: he cannot rejoin by code; a student cannot set statuses.
    by_student = await _payload(
        gql,
        "SetMembershipStatus",
        ana_token,
        membershipId=ben["membership"]["id"],
        status="SUSPENDED",
    )
    assert _codes(by_student) == [(None, "FORBIDDEN")]
    suspended = await _payload(
        gql,
        "SetMembershipStatus",
        teacher_token,
        membershipId=ben["membership"]["id"],
        status="SUSPENDED",
    )
    assert suspended["membership"]["status"] == "SUSPENDED"
    assert suspended["membership"]["student"]["displayName"] == "Ben"
    ben_left = await _payload(gql, "LeaveClassroom", ben_token, classroomId=room["id"])
    assert ben_left["membership"]["status"] == "SUSPENDED"  # leaving does not lift it
    refused_join = await _payload(gql, "JoinClassroom", ben_token, joinCode=code)
    assert _codes(refused_join) == [("joinCode", "FORBIDDEN")]
    assert await _detail(gql, room["id"], ben_token) is None  # suspended: not found
    # Classmates see the active members only; the teacher every one.
    listed = (await _detail(gql, room["id"], ana_token))["members"]
    assert [e["node"]["student"]["displayName"] for e in listed["edges"]] == ["Ana"]
    everyone = (await _detail(gql, room["id"], teacher_token))["members"]
    assert [e["node"]["status"] for e in everyone["edges"]] == ["ACTIVE", "SUSPENDED"]

    # A new code retires the old one.
    regenerated = await _payload(gql, "RegenerateJoinCode", teacher_token, classroomId=room["id"])
    new_code = regenerated["classroom"]["joinCode"]
    assert new_code and new_code != code
    stale = await _payload(gql, "JoinClassroom", cleo_token, joinCode=code)
    assert _codes(stale) == [("joinCode", "NOT_FOUND")]
    not_allowed = await _payload(gql, "RegenerateJoinCode", ana_token, classroomId=room["id"])
    assert _codes(not_allowed) == [(None, "FORBIDDEN")]
    cleo = await _payload(gql, "JoinClassroom", cleo_token, joinCode=new_code)
    assert cleo["errors"] == []

    # Non-members (and nobody signed in) read the classroom as not found.
    assert await _detail(gql, room["id"], other_teacher_token) is None
    assert await _detail(gql, room["id"], None) is None
    _, admin_token = await signed_in(Role.ADMIN)
    as_admin = await _detail(gql, room["id"], admin_token)
    assert (as_admin["joinCode"], as_admin["viewerRole"]) == (new_code, "ADMIN")

    # An inactive classroom's code no longer opens it.
    closed = await _payload(gql, "UpdateClassroom", teacher_token, id=room["id"], isActive=False)
    assert closed["classroom"]["isActive"] is False
    _, dan_token = await signed_in()
    assert _codes(await _payload(gql, "JoinClassroom", dan_token, joinCode=new_code)) == [
        ("joinCode", "NOT_FOUND")
    ]


async def test_two_students_racing_for_the_last_seat(gql: GraphQLClient) -> None:
    for _ in range(3):
        room = await classroom(capacity=1)
        (_, first), (_, second) = await signed_in(), await signed_in()
        results = await asyncio.gather(
            _payload(gql, "JoinClassroom", first, joinCode=room.join_code),
            _payload(gql, "JoinClassroom", second, joinCode=room.join_code),
        )
        outcomes = sorted(tuple(_codes(r)) for r in results)
        assert outcomes == [(), (("joinCode", "CAPACITY_REACHED"),)]


async def _statements(gql: GraphQLClient, sql: StatementLog, students: int) -> dict[str, int]:
    teacher, teacher_token = await signed_in(Role.TEACHER)
    room = await classroom(teacher, capacity=100)
    rows = await members(room, students)
    _, student_token = await signed_in()
    await _payload(gql, "JoinClassroom", student_token, joinCode=room.join_code)
    counts = {}
    for who, token in (("teacher", teacher_token), ("student", student_token)):
        await _detail(gql, global_id("Classroom", room.id), token)  # warms the token
        sql.clear()
        found = await _detail(gql, global_id("Classroom", room.id), token)
        counts[who] = sql.count
        assert found["members"]["totalCount"] == len(rows) + 1
    return counts


async def test_classroom_detail_statements_do_not_grow_with_students(
    gql: GraphQLClient, sql: StatementLog
) -> None:
    small, large = await _statements(gql, sql, 2), await _statements(gql, sql, 40)
    assert small == large
