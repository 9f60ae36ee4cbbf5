"""Nested learning reads issue a number of SQL statements that depends on the query's
depth, never on how many enrollments or progress rows there are."""

from __future__ import annotations

from typing import Any

from core.sqlcount import StatementLog
from engine.ids import global_id
from models.identity import Role
from models.learning import ProgressStatus
from tests.factories.catalog import course_tree
from tests.factories.identity import signed_in
from tests.factories.learning import enrollment, progress_rows
from tests.factories.learning_play import TREE_QUERY, run, statuses
from tests.graphql_client import GraphQLClient


async def learner(courses: int, lessons_each: int) -> tuple[str, list[Any]]:
    user, token = await signed_in()
    trees = []
    for _ in range(courses):
        tree = await course_tree(units=2, lessons=lessons_each // 2, exercises=0)
        row = await enrollment(user, tree.course)
        await progress_rows(row, tree.lessons)
        trees.append(tree)
    return token, trees


async def counted(sql: StatementLog, gql: GraphQLClient, token: str) -> tuple[int, dict]:
    await run(gql, "MyLearning", token)  # warm up: the token's last-use stamp is written once
    sql.clear()
    data = await run(gql, "MyLearning", token)
    return sql.count, data


async def test_my_learning_statements_do_not_grow_with_enrollments_or_progress(
    gql: GraphQLClient, sql: StatementLog
) -> None:
    small_token, _ = await learner(courses=1, lessons_each=10)
    large_token, large_trees = await learner(courses=5, lessons_each=20)

    small_count, small = await counted(sql, gql, small_token)
    large_count, large = await counted(sql, gql, large_token)

    small_edges = small["me"]["enrollments"]["edges"]
    large_edges = large["me"]["enrollments"]["edges"]
    assert len(small_edges) == 1 and len(large_edges) == 5
    assert large["me"]["enrollments"]["totalCount"] == 5
    assert sum(len(e["node"]["lessonProgress"]["edges"]) for e in small_edges) == 10
    assert sum(len(e["node"]["lessonProgress"]["edges"]) for e in large_edges) == 100
    node = large_edges[0]["node"]
    assert (node["completedLessons"], node["totalLessons"], node["percentComplete"]) == (
        20,
        20,
        100,
    )
    assert {p["node"]["lesson"]["unit"]["title"] for p in node["lessonProgress"]["edges"]} == {
        "Unit 1",
        "Unit 2",
    }
    assert {e["node"]["course"]["slug"] for e in large_edges} == {
        t.course.slug for t in large_trees
    }
    assert small_count == large_count, (small_count, large_count)


async def test_lesson_progress_pages_with_a_cursor(gql: GraphQLClient) -> None:
    token, trees = await learner(courses=1, lessons_each=10)
    query = """
    query($after: String) { me { enrollments(first: 1) { edges { node {
      lessonProgress(first: 4, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { lesson { id } } }
      } } } } } }
    """
    seen: list[str] = []
    after = None
    while True:
        data = await gql(query, {"after": after}, token=token)
        page = data["me"]["enrollments"]["edges"][0]["node"]["lessonProgress"]
        assert page["totalCount"] == 10
        seen += [e["node"]["lesson"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == [global_id("Lesson", lesson.id) for lesson in trees[0].lessons]


async def test_viewer_progress_statements_do_not_grow_with_lessons(
    gql: GraphQLClient, sql: StatementLog
) -> None:
    counts = []
    for lessons in (1, 12):
        user, token = await signed_in()
        tree = await course_tree(units=2, lessons=lessons, exercises=0)
        row = await enrollment(user, tree.course)
        await progress_rows(row, tree.lessons[:1], status=ProgressStatus.COMPLETED)
        await gql(TREE_QUERY, {"slug": tree.course.slug}, token=token)
        sql.clear()
        data = await gql(TREE_QUERY, {"slug": tree.course.slug}, token=token)
        counts.append(sql.count)
        expected = ["COMPLETED", "AVAILABLE"] + ["LOCKED"] * (2 * lessons - 2)
        assert statuses(data) == expected
    assert counts[0] == counts[1], counts


async def test_admin_reads_a_learners_hearts_and_progress(gql: GraphQLClient) -> None:
    # Not the viewer's own enrollment: hearts need the owner's tier from the loader, and
    # percentComplete its counts, without anything loaded beforehand.
    learner, _ = await signed_in()
    _, admin_token = await signed_in(role=Role.ADMIN)
    tree = await course_tree(units=1, lessons=4)
    taken = await enrollment(learner, tree.course, hearts=3)
    await progress_rows(taken, tree.lessons[:1])
    data = await gql(
        "query($id: ID!) { node(id: $id) { ... on Enrollment { hearts percentComplete } } }",
        {"id": global_id("Enrollment", taken.id)},
        token=admin_token,
    )
    assert data == {"node": {"hearts": 3, "percentComplete": 25}}


async def test_total_count_after_a_cursor_counts_the_whole_list(gql: GraphQLClient) -> None:
    # A first page carries its list's size; a page after a cursor asks the count loader.
    user, token = await signed_in()
    tree = await course_tree(units=1, lessons=5)
    taken = await enrollment(user, tree.course)
    await progress_rows(taken, tree.lessons)
    query = """query($after: String) { me { enrollments { edges { node {
        lessonProgress(first: 2, after: $after) { totalCount edges { cursor } } } } } } }"""
    first = await gql(query, {"after": None}, token=token)
    progress = first["me"]["enrollments"]["edges"][0]["node"]["lessonProgress"]
    assert progress["totalCount"] == 5
    after = progress["edges"][-1]["cursor"]
    second = await gql(query, {"after": after}, token=token)
    assert second["me"]["enrollments"]["edges"][0]["node"]["lessonProgress"]["totalCount"] == 5
