"""The catalog's access rule, stated once as SQL (resolvers/catalog/policy.py), through
`node(id:)`: drafts and inactive content for the course's editors (its author, admins) only;
and the course each unit and lesson carries (migration 6) follows them when they move."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from core.rows import fetch_records
from engine.ids import global_id
from models.catalog import Lesson, Section, Unit
from models.identity import Role
from tests.factories.catalog import course_tree
from tests.factories.identity import signed_in
from tests.graphql_client import GraphQLClient

NODE = "query($id: ID!) { node(id: $id) { __typename id } }"


async def _sees(gql: GraphQLClient, type_name: str, row_id: object, token: str | None) -> bool:
    node_id = global_id(type_name, row_id)
    data = await gql(NODE, {"id": node_id}, token=token)
    return data["node"] == {"__typename": type_name, "id": node_id}


async def test_a_draft_course_and_its_tree_are_its_editors_only(gql: GraphQLClient) -> None:
    author, author_token = await signed_in(role=Role.TEACHER)
    _, other_teacher = await signed_in(role=Role.TEACHER)
    _, student = await signed_in()
    _, admin = await signed_in(role=Role.ADMIN)
    tree = await course_tree(author=author, published=False, exercises=1)
    nodes = [
        ("Course", tree.course.id),
        ("Section", tree.sections[0].id),
        ("Unit", tree.units[0].id),
        ("Lesson", tree.lessons[0].id),
        ("Exercise", tree.exercises[0].id),
    ]
    for type_name, row_id in nodes:
        seen = [await _sees(gql, type_name, row_id, t) for t in (author_token, admin)]
        hidden = [await _sees(gql, type_name, row_id, t) for t in (None, student, other_teacher)]
        assert (type_name, seen, hidden) == (type_name, [True, True], [False, False, False])


async def test_inactive_lessons_of_a_published_course_are_hidden_from_learners(
    gql: GraphQLClient,
) -> None:
    author, author_token = await signed_in(role=Role.TEACHER)
    _, student = await signed_in()
    tree = await course_tree(author=author, lessons=2, exercises=0)
    await Lesson.filter(id=tree.lessons[1].id).update(is_active=False)
    assert await _sees(gql, "Lesson", tree.lessons[0].id, student)
    assert not await _sees(gql, "Lesson", tree.lessons[1].id, student)
    assert await _sees(gql, "Lesson", tree.lessons[1].id, author_token)
    assert not await _sees(gql, "Lesson", tree.lessons[1].id, None)


async def test_a_deleted_course_is_nobodys(gql: GraphQLClient) -> None:
    author, author_token = await signed_in(role=Role.TEACHER)
    _, admin = await signed_in(role=Role.ADMIN)
    tree = await course_tree(author=author, exercises=0)
    await type(tree.course).filter(id=tree.course.id).update(deleted_at=datetime.now(UTC))
    for token in (author_token, admin, None):
        assert not await _sees(gql, "Course", tree.course.id, token)
        assert not await _sees(gql, "Lesson", tree.lessons[0].id, token)


async def _course_ids(table: str, ids: list[UUID]) -> list[UUID]:
    rows = await fetch_records(
        f'SELECT course_id FROM "{table}" WHERE id = ANY($1) ORDER BY id', [ids]
    )
    return [row["course_id"] for row in rows]


async def test_units_and_lessons_carry_their_course_wherever_they_move() -> None:
    first = await course_tree(units=1, lessons=2, exercises=0)
    second = await course_tree(units=1, lessons=1, exercises=0)
    lessons = [lesson.id for lesson in first.lessons]
    assert await _course_ids(Lesson._meta.db_table, lessons) == [first.course.id] * 2
    # A new lesson in a unit gets the unit's course; a unit moved to another course's
    # section takes its lessons along; a section moved to another course takes everything.
    extra = await Lesson.create(unit=second.units[0], title="Extra", position=9)
    assert await _course_ids(Lesson._meta.db_table, [extra.id]) == [second.course.id]
    await Unit.filter(id=first.units[0].id).update(section_id=second.sections[0].id, position=50)
    assert await _course_ids(Unit._meta.db_table, [first.units[0].id]) == [second.course.id]
    assert await _course_ids(Lesson._meta.db_table, lessons) == [second.course.id] * 2
    await Section.filter(id=second.sections[0].id).update(course_id=first.course.id, position=50)
    moved = [*lessons, extra.id]
    assert set(await _course_ids(Lesson._meta.db_table, moved)) == {first.course.id}
