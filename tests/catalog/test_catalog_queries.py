"""The catalog operations end to end: listing, filters, search ranking, keyset pagination,
and statement counts that do not grow with the tree."""

from __future__ import annotations

import uuid

from core.sqlcount import StatementLog
from engine.ids import decode_global_id, global_id
from models.catalog import ConversationScenario, CourseCategory, MediaAsset, MediaKind
from models.identity import Role, User
from resolvers.catalog.browse import search_ranks
from tests.factories.catalog import course_tree, language
from tests.factories.identity import signed_in
from tests.graphql_client import GraphQLClient, operation

CATALOG = operation("catalog.graphql")


def _pair() -> tuple[str, str]:
    """A language pair of its own, so a test's listing sees only its own courses."""
    tag = uuid.uuid4().hex[:6]
    return f"x{tag}a", f"x{tag}b"


async def _walk(gql: GraphQLClient, flt: dict, size: int, token: str | None = None) -> list:
    """Every page of Courses, following endCursor; returns (slug, totalCount) pages."""
    slugs: list[str] = []
    after: str | None = None
    pages = 0
    while True:
        variables = {"first": size, "after": after, "filter": flt}
        data = (await gql(CATALOG, variables, token=token, operation_name="Courses"))["courses"]
        slugs.extend(edge["node"]["slug"] for edge in data["edges"])
        pages += 1
        if not data["pageInfo"]["hasNextPage"]:
            return [slugs, data["totalCount"], pages]
        after = data["pageInfo"]["endCursor"]


async def test_languages_operation_lists_active_languages(gql: GraphQLClient) -> None:
    await language("es", "Spanish")
    data = await gql(CATALOG, operation_name="Languages")
    codes = [row["code"] for row in data["languages"]]
    assert "es" in codes
    spanish = next(row for row in data["languages"] if row["code"] == "es")
    assert set(spanish) == {"id", "code", "name", "nativeName", "flagUrl"}


async def test_courses_filter_and_paginate_newest_first(gql: GraphQLClient) -> None:
    src, dst = _pair()
    author, teacher = await signed_in(Role.TEACHER)
    created = [
        await course_tree(from_code=src, to_code=dst, lessons=2, exercises=0, slug=f"{src}-{i}")
        for i in range(5)
    ]
    draft = await course_tree(from_code=src, to_code=dst, published=False, author=author)
    flt = {"fromLanguage": src, "toLanguage": dst}
    slugs, total, pages = await _walk(gql, flt, size=2)
    assert slugs == [tree.course.slug for tree in reversed(created)]
    assert (total, pages) == (5, 3)
    # The author also sees their own draft (newest, so first).
    slugs, total, _ = await _walk(gql, flt, size=4, token=teacher)
    assert slugs[0] == draft.course.slug and total == 6
    first = await gql(CATALOG, {"first": 1, "filter": flt}, operation_name="Courses")
    node = first["courses"]["edges"][0]["node"]
    assert node["lessonCount"] == 2
    assert node["fromLanguage"]["code"] == src
    assert node["price"] == {"amount": "0.00", "currency": "USD"}
    assert node["enrollmentCount"] == 0
    other = await gql(
        CATALOG,
        {"filter": {**flt, "category": "TRAVEL", "featured": True}},
        operation_name="Courses",
    )
    assert other["courses"]["edges"] == []


async def test_cefr_filter_matches_ranges(gql: GraphQLClient) -> None:
    src, dst = _pair()
    low = await course_tree(from_code=src, to_code=dst, cefr_min="A1", cefr_max="A2")
    mid = await course_tree(from_code=src, to_code=dst, cefr_min="A2", cefr_max="B2")
    result = {}
    for level in ("A1", "A2", "B2", "C1"):
        slugs, _, _ = await _walk(gql, {"fromLanguage": src, "cefrLevel": level}, size=10)
        result[level] = set(slugs)
    assert result == {
        "A1": {low.course.slug},
        "A2": {low.course.slug, mid.course.slug},
        "B2": {mid.course.slug},
        "C1": set(),
    }


async def test_search_ranks_title_matches_above_description_matches(gql: GraphQLClient) -> None:
    src, dst = _pair()
    word = f"zq{uuid.uuid4().hex[:6]}"  # a word no other test's course contains
    title_hit = await course_tree(from_code=src, to_code=dst, title=f"{word} English")
    both = await course_tree(
        from_code=src, to_code=dst, title=f"{word} for work", description=f"{word} {word} email"
    )
    description_hit = await course_tree(
        from_code=src, to_code=dst, title="Everyday phrases", description=f"Useful on {word} trips"
    )
    await course_tree(from_code=src, to_code=dst, title="Cooking", description="Recipes")
    data = await gql(
        CATALOG, {"filter": {"search": word}}, operation_name="Courses"
    )  # across all courses, not only this pair
    slugs = [edge["node"]["slug"] for edge in data["courses"]["edges"]]
    assert slugs == [both.course.slug, title_hit.course.slug, description_hit.course.slug]
    assert data["courses"]["totalCount"] == 3
    ranks = await search_ranks(word, [t.course.id for t in (both, title_hit, description_hit)])
    assert ranks[both.course.id] > ranks[title_hit.course.id] > ranks[description_hit.course.id]


async def test_search_pagination_walks_ranked_pages_without_gaps(gql: GraphQLClient) -> None:
    src, dst = _pair()
    word = f"zp{uuid.uuid4().hex[:6]}"
    trees = []
    for i in range(7):
        # Varying repetitions give varying ranks; some ties exercise the id tie-break.
        description = " ".join([word] * (i % 3 + 1)) + " course"
        trees.append(await course_tree(from_code=src, to_code=dst, description=description))
    slugs, total, pages = await _walk(gql, {"search": word, "fromLanguage": src}, size=3)
    assert (total, pages) == (7, 3)
    assert sorted(slugs) == sorted(t.course.slug for t in trees)
    ranks = await search_ranks(word, [t.course.id for t in trees])
    by_slug = {t.course.slug: t.course.id for t in trees}
    keys = [(ranks[by_slug[s]], by_slug[s]) for s in slugs]
    assert keys == sorted(keys, reverse=True)


async def test_drafts_and_deleted_courses_hidden_from_students(gql: GraphQLClient) -> None:
    src, dst = _pair()
    _, student = await signed_in()
    published = await course_tree(from_code=src, to_code=dst)
    await course_tree(from_code=src, to_code=dst, published=False)
    deleted = await course_tree(from_code=src, to_code=dst)
    deleted.course.deleted_at = deleted.course.created_at
    await deleted.course.save()
    slugs, total, _ = await _walk(gql, {"fromLanguage": src}, size=10, token=student)
    assert (slugs, total) == ([published.course.slug], 1)
    tree = await gql(CATALOG, {"slug": deleted.course.slug}, operation_name="CourseTree")
    assert tree["course"] is None


TREE_OP = {"operation_name": "CourseTree"}


async def _tree_statements(
    gql: GraphQLClient,
    sql: StatementLog,
    token: str,
    units: int,
    lessons: int,
    author: User | None = None,
) -> int:
    tree = await course_tree(sections=2, units=units, lessons=lessons, exercises=0, author=author)
    await gql(CATALOG, {"slug": tree.course.slug}, token=token, **TREE_OP)  # warm the token
    sql.clear()
    data = await gql(CATALOG, {"slug": tree.course.slug}, token=token, **TREE_OP)
    count = sql.count
    sections = data["course"]["sections"]
    assert sum(len(u["lessons"]) for s in sections for u in s["units"]) == 2 * units * lessons
    return count


async def test_course_tree_statements_do_not_grow_with_units_or_lessons(
    gql: GraphQLClient, sql: StatementLog
) -> None:
    _, token = await signed_in()
    small = await _tree_statements(gql, sql, token, units=2, lessons=5)
    large = await _tree_statements(gql, sql, token, units=20, lessons=50)
    assert small == large, sql


async def test_course_tree_statements_for_its_author_do_not_grow(
    gql: GraphQLClient, sql: StatementLog
) -> None:
    # Editors also see inactive lessons: the editor check is batched, not per unit.
    author, token = await signed_in(Role.TEACHER)
    small = await _tree_statements(gql, sql, token, units=2, lessons=5, author=author)
    large = await _tree_statements(gql, sql, token, units=20, lessons=50, author=author)
    assert small == large, sql


async def _lesson_statements(
    gql: GraphQLClient, sql: StatementLog, token: str, exercises: int
) -> int:
    tree = await course_tree(lessons=3, exercises=exercises, options=3)
    lesson = tree.lessons[2]
    media = await MediaAsset.create(kind=MediaKind.AUDIO, url="https://cdn.example/a.mp3")
    for exercise in tree.exercises_of(lesson)[::2]:
        exercise.media_id = media.id
        await exercise.save(update_fields=["media_id"])
    await ConversationScenario.create(lesson_id=lesson.id, name="Chat", context="A café")
    variables = {"id": global_id("Lesson", lesson.id)}
    await gql(CATALOG, variables, token=token, operation_name="Lesson")
    sql.clear()
    data = (await gql(CATALOG, variables, token=token, operation_name="Lesson"))["node"]
    count = sql.count
    assert len(data["exercises"]) == exercises
    assert all(len(e["options"]) == 3 for e in data["exercises"])
    assert data["exercises"][0]["media"]["url"] == "https://cdn.example/a.mp3"
    assert data["unit"]["section"]["course"]["slug"] == tree.course.slug
    assert data["scenarios"][0]["name"] == "Chat"
    return count


async def test_lesson_statements_do_not_grow_with_exercises(
    gql: GraphQLClient, sql: StatementLog
) -> None:
    _, token = await signed_in()
    assert await _lesson_statements(gql, sql, token, 3) == await _lesson_statements(
        gql, sql, token, 30
    )


async def test_courses_statements_do_not_grow_with_page_size(
    gql: GraphQLClient, sql: StatementLog
) -> None:
    counts = []
    for size in (2, 12):
        src, dst = _pair()
        for _ in range(size):
            await course_tree(from_code=src, to_code=dst, category=CourseCategory.TRAVEL)
        sql.clear()
        data = await gql(CATALOG, {"filter": {"fromLanguage": src}}, operation_name="Courses")
        counts.append(sql.count)
        assert len(data["courses"]["edges"]) == size
    assert counts[0] == counts[1], sql


async def test_lesson_node_hides_inactive_and_draft_content(gql: GraphQLClient) -> None:
    author, teacher = await signed_in(Role.TEACHER)
    _, student = await signed_in()
    tree = await course_tree(lessons=2, exercises=2, author=author)
    tree.lessons[1].is_active = False
    await tree.lessons[1].save()
    tree.exercises[0].is_active = False
    await tree.exercises[0].save()
    query = "query($id: ID!) { node(id: $id) { id ... on Lesson { exercises { id } } } }"
    inactive = {"id": global_id("Lesson", tree.lessons[1].id)}
    assert (await gql(query, inactive, token=student))["node"] is None
    assert (await gql(query, inactive, token=teacher))["node"] is not None
    active = {"id": global_id("Lesson", tree.lessons[0].id)}
    seen = (await gql(query, active, token=student))["node"]["exercises"]
    assert [decode_global_id(e["id"]) for e in seen] == [tree.exercises[1].id]
    draft = await course_tree(published=False, author=author)
    hidden = {"id": global_id("Lesson", draft.lessons[0].id)}
    assert (await gql(query, hidden, token=student))["node"] is None
    assert (await gql(query, hidden))["node"] is None


async def test_scenarios_list_only_practisable_ones(gql: GraphQLClient) -> None:
    author, teacher = await signed_in(Role.TEACHER)
    word = uuid.uuid4().hex[:8]
    public = await course_tree()
    draft = await course_tree(published=False, author=author)
    names = {
        "public": f"{word} airport",
        "draft": f"{word} draft",
        "free": f"{word} free",
        "off": f"{word} retired",
    }
    await ConversationScenario.create(
        lesson_id=public.lessons[0].id, name=names["public"], context="Check-in"
    )
    await ConversationScenario.create(
        lesson_id=draft.lessons[0].id, name=names["draft"], context="x"
    )
    await ConversationScenario.create(name=names["free"], context="Small talk")
    await ConversationScenario.create(name=names["off"], context="x", is_active=False)
    query = "query($after: String) { scenarios(first: 100, after: $after) {"
    query += " pageInfo { hasNextPage endCursor } edges { node { name lesson { id } } } } }"

    async def mine(token: str | None) -> list[str]:
        found, after = [], None
        while True:
            page = (await gql(query, {"after": after}, token=token))["scenarios"]
            found += [e["node"]["name"] for e in page["edges"] if word in e["node"]["name"]]
            if not page["pageInfo"]["hasNextPage"]:
                return found
            after = page["pageInfo"]["endCursor"]

    assert await mine(None) == [names["public"], names["free"]]
    assert await mine(teacher) == [names["public"], names["draft"], names["free"]]


async def test_cursor_from_a_search_cannot_continue_a_plain_listing(gql: GraphQLClient) -> None:
    src, dst = _pair()
    word = f"zc{uuid.uuid4().hex[:6]}"
    for _ in range(2):
        await course_tree(from_code=src, to_code=dst, title=f"{word} course")
    flt = {"search": word}
    page = await gql(CATALOG, {"first": 1, "filter": flt}, operation_name="Courses")
    cursor = page["courses"]["pageInfo"]["endCursor"]
    plain = {"first": 1, "after": cursor, "filter": {"fromLanguage": src}}
    result = await gql.raw(CATALOG, plain, operation_name="Courses")
    assert [(e["message"], e["extensions"]["code"]) for e in result["errors"]] == [
        ("Invalid cursor.", "INVALID")
    ]
