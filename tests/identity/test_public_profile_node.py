"""`node(id:)`/`nodes(ids:)` of a person (DESIGN.md, People): the `User` to themselves and
admins, their `PublicProfile` to those who share a classroom with them (its teacher, its
students as the classroom's rules show them), null to everyone else; one statement for any
mix of ids."""

from __future__ import annotations

from typing import Any

from core.sqlcount import StatementLog
from engine.ids import global_id
from models.classroom import MembershipStatus
from models.identity import Role, User
from tests.factories.classroom import classroom, member
from tests.factories.identity import signed_in
from tests.graphql_client import GraphQLClient

FIELDS = """
    __typename id
    ... on PublicProfile { displayName avatarUrl }
    ... on User { email displayName }
"""
NODE = f"query Person($id: ID!) {{ node(id: $id) {{ {FIELDS} }} }}"
NODES = f"query People($ids: [ID!]!) {{ nodes(ids: $ids) {{ {FIELDS} }} }}"


def gid(user: User) -> str:
    return global_id("User", user.id)


def profile(user: User) -> dict[str, Any]:
    """A person as others see them: no email, whatever `... on User` asks."""
    return {
        "__typename": "PublicProfile",
        "id": gid(user),
        "displayName": user.display_name,
        "avatarUrl": user.avatar_url,
    }


def account(user: User) -> dict[str, Any]:
    return {
        "__typename": "User",
        "id": gid(user),
        "email": user.email,
        "displayName": user.display_name,
    }


async def node(gql: GraphQLClient, user: User, token: str | None) -> Any:
    return (await gql(NODE, {"id": gid(user)}, token=token))["node"]


async def nodes(gql: GraphQLClient, users: list[User], token: str | None) -> Any:
    return (await gql(NODES, {"ids": [gid(u) for u in users]}, token=token))["nodes"]


async def test_people_who_share_a_classroom_read_each_others_public_profile(
    gql: GraphQLClient, sql: StatementLog
) -> None:
    teacher, teacher_token = await signed_in(
        Role.TEACHER, display_name="Ms Rivera", avatar_url="https://example.com/rivera.png"
    )
    ana, ana_token = await signed_in(display_name="Ana")
    ben, _ = await signed_in(display_name="Ben")
    cleo, cleo_token = await signed_in(display_name="Cleo")  # left the class
    dan, dan_token = await signed_in(display_name="Dan")  # suspended
    stranger, stranger_token = await signed_in(display_name="Stranger")
    _, admin_token = await signed_in(Role.ADMIN)
    room = await classroom(teacher)
    await member(room, ana)
    await member(room, ben)
    await member(room, cleo, MembershipStatus.INACTIVE)
    await member(room, dan, MembershipStatus.SUSPENDED)
    # The stranger teaches a class of their own, which Ana is not in.
    await member(await classroom(stranger))

    # A student reads their teacher and ACTIVE classmates as public profiles, themselves as
    # their account; a former classmate, a suspended one and a stranger not at all.
    assert await node(gql, teacher, ana_token) == profile(teacher)
    assert await node(gql, ben, ana_token) == profile(ben)
    assert await node(gql, ana, ana_token) == account(ana)
    for hidden in (cleo, dan, stranger):
        assert await node(gql, hidden, ana_token) is None, hidden.display_name

    # The teacher reads every student of the class, whatever their status.
    for student in (ana, cleo, dan):
        assert await node(gql, student, teacher_token) == profile(student)
    assert await node(gql, stranger, teacher_token) is None

    # A former member still reads the class, so its teacher and ACTIVE members; a suspended
    # one reads neither; the stranger and an anonymous viewer read nobody here.
    former = await nodes(gql, [teacher, ana, dan], cleo_token)
    assert former == [profile(teacher), profile(ana), None]
    assert await nodes(gql, [teacher, ana, dan], dan_token) == [None, None, account(dan)]
    assert await nodes(gql, [teacher, ana], stranger_token) == [None, None]
    assert await nodes(gql, [teacher, ana, stranger], None) == [None, None, None]

    # An admin reads everyone's account.
    assert await nodes(gql, [teacher, ana, stranger], admin_token) == [
        account(teacher),
        account(ana),
        account(stranger),
    ]

    # One call mixing all of them (and an id twice) answers each in order, in the
    # statements one id costs.
    await node(gql, ana, ana_token)  # the token is verified alike in both calls
    sql.clear()
    await node(gql, ana, ana_token)
    one = sql.count
    sql.clear()
    mixed = [teacher, ana, ben, cleo, stranger, teacher]
    assert await nodes(gql, mixed, ana_token) == [
        profile(teacher),
        account(ana),
        profile(ben),
        None,
        None,
        profile(teacher),
    ]
    assert sql.count == one, sql


async def test_a_public_profile_s_id_finds_the_person_again(gql: GraphQLClient) -> None:
    teacher, teacher_token = await signed_in(Role.TEACHER)
    student, student_token = await signed_in()
    await member(await classroom(teacher), student)

    seen = await node(gql, teacher, student_token)
    assert seen == profile(teacher)
    again = (await gql(NODE, {"id": seen["id"]}, token=student_token))["node"]
    assert again == seen
    # The same id is the teacher's own account to the teacher.
    mine = (await gql(NODE, {"id": seen["id"]}, token=teacher_token))["node"]
    assert mine == account(teacher)
