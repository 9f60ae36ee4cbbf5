"""Reviews and ratings through the API (studio.graphql's RateAsset and DueReviews): ratings
1-5, changeable and the learner's own; `dueReviews` most overdue first with each card's
source and `reviewStats` by the learner's own day; mistake cards made by the real lesson and
conversation APIs, each due once however often the mistake is made; and the statements of
DueReviews, the same for 3 and for 30 due cards."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import pytest

from core.sqlcount import StatementLog
from engine.ids import decode_global_id, global_id
from models.identity import Role, User
from models.studio import (
    AssetFeedback,
    AssetSource,
    AssetStatus,
    AssetType,
    GeneratedAsset,
    ReviewCard,
)
from tests.factories.catalog import course_tree
from tests.factories.conversation import teacher
from tests.factories.identity import signed_in
from tests.factories.learning import enrollment
from tests.factories.learning_play import answer
from tests.factories.learning_play import start as start_lesson
from tests.factories.studio import MATERIAL_OPS, call
from tests.graphql_client import GraphQLClient, operation
from tests.studio.study_api import error, record, run, start, when
from tests.studio.study_rows import asset, material

pytestmark = pytest.mark.skipif(MATERIAL_OPS is None, reason="studio.graphql is absent")

CONVERSATION = operation("conversation.graphql")
FLASHCARD, CLOZE, QUIZ = AssetType.FLASHCARD, AssetType.CLOZE, AssetType.QUIZ_QUESTION
# Zones about 8 hours apart: one of them is always between 06:00 and 18:00 local time.
ZONES = ("Asia/Tokyo", "Europe/Berlin", "America/Los_Angeles")


def _daytime_zone() -> tuple[str, datetime]:
    """A zone where it is now daytime (so that nothing due in the next minutes or in the
    next hours falls on the next local day), and the next local midnight there."""
    now = datetime.now(UTC)
    for name in ZONES:
        local = now.astimezone(ZoneInfo(name))
        if 6 <= local.hour < 18:
            midnight = datetime.combine(local.date() + timedelta(days=1), time(0), ZoneInfo(name))
            return name, midnight.astimezone(UTC)
    raise AssertionError("no zone in daytime")


def _fields(row: Any, chunk: Any = None, rating: int | None = None) -> dict[str, Any]:
    """An asset as AssetFields reads it."""
    return {
        "id": global_id("GeneratedAsset", row.id),
        "type": row.type.name,
        "content": row.content,
        "difficulty": row.difficulty,
        "qualityScore": row.quality,
        "status": "ACTIVE",
        "viewerRating": rating,
        "chunk": {"id": global_id("ContentChunk", chunk.id), "position": chunk.position}
        if chunk
        else None,
    }


def _nodes(me: dict[str, Any]) -> list[dict[str, Any]]:
    return [edge["node"] for edge in me["dueReviews"]["edges"]]


async def test_a_rating_is_1_to_5_changeable_and_the_learners_own(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    _, stranger = await signed_in()
    _, admin = await signed_in(Role.ADMIN)
    mat, (chunk,) = await material(user, chunks=1)
    rated = await asset(user, FLASHCARD, material_row=mat, chunk=chunk)
    other = await asset(user, CLOZE, material_row=mat, chunk=chunk)
    asset_id = global_id("GeneratedAsset", rated.id)

    async def rate(token: str, rating: int, **variables: Any) -> Any:
        return await run(gql, "RateAsset", token, assetId=asset_id, rating=rating, **variables)

    bounds = error("rating", "INVALID", "A rating is 1 to 5.")
    for rating in (0, 6):
        assert await rate(token, rating) == {"asset": None, "errors": [bounds]}
    assert await rate(token, 9, comment="x" * 2001) == {
        "asset": None,
        "errors": [bounds, error("comment", "TOO_LONG", "At most 2000 characters.")],
    }
    assert await AssetFeedback.filter(asset_id=rated.id).count() == 0

    mine = {"id": asset_id, "viewerRating": 1}
    assert await rate(token, 1, comment="Too easy") == {"asset": mine, "errors": []}
    assert await rate(token, 5) == {"asset": {**mine, "viewerRating": 5}, "errors": []}
    stored = await AssetFeedback.filter(asset_id=rated.id).values_list("rating", "comment")
    assert stored == [(5, "")]  # one rating, replaced (the comment too)

    read = await call(gql, "StudyMaterial", token, id=global_id("StudyMaterial", mat.id))
    ratings = {e["node"]["id"]: e["node"]["viewerRating"] for e in read["assets"]["edges"]}
    assert ratings == {asset_id: 5, global_id("GeneratedAsset", other.id): None}
    due = await run(gql, "DueReviews", token)
    assert {n["asset"]["id"]: n["asset"]["viewerRating"] for n in _nodes(due)} == ratings

    assert await rate(stranger, 2) == {
        "asset": None,
        "errors": [error("assetId", "NOT_FOUND", "Asset not found.")],
    }
    assert await rate(admin, 2) == {
        "asset": None,
        "errors": [error("assetId", "FORBIDDEN", "Only the asset's learner rates it.")],
    }
    assert await AssetFeedback.filter(asset_id=rated.id).values_list("rating", flat=True) == [5]


async def test_due_reviews_come_most_overdue_first_with_their_source_and_stats(
    gql: GraphQLClient,
) -> None:
    zone, midnight = _daytime_zone()
    user, token = await signed_in(timezone=zone)
    other, _ = await signed_in()
    now = datetime.now(UTC)
    mat, (chunk,) = await material(user, chunks=1)
    gone, _ = await material(user, chunks=0, deleted_at=now)
    exercise = await asset(user, FLASHCARD, source=AssetSource.EXERCISE, due_at=now - timedelta(2))
    correction = await asset(user, CLOZE, source=AssetSource.CORRECTION, due_at=now - timedelta(1))
    of_material = await asset(
        user, QUIZ, material_row=mat, chunk=chunk, due_at=now - timedelta(hours=1)
    )
    # Not listed: not due yet, archived, of a deleted material, another learner's.
    later = {
        "learning": (midnight - timedelta(minutes=1), None),  # due today
        "relearning": (midnight + timedelta(minutes=1), None),
        "review": (now + timedelta(days=20), 30.0),  # mature
    }
    for phase, (due_at, stability) in later.items():
        row = await asset(user, CLOZE, material_row=mat, due_at=due_at)
        await ReviewCard.filter(asset_id=row.id).update(phase=phase, stability=stability, reps=1)
    young = await asset(user, CLOZE, material_row=mat, due_at=now + timedelta(days=3))
    await ReviewCard.filter(asset_id=young.id).update(phase="review", stability=5.0, reps=2)
    await asset(user, CLOZE, material_row=mat, status=AssetStatus.ARCHIVED, due_at=now)
    await asset(user, CLOZE, material_row=gone, due_at=now - timedelta(days=4))
    await asset(other, CLOZE, due_at=now - timedelta(days=5))
    rated = await run(
        gql, "RateAsset", token, assetId=global_id("GeneratedAsset", of_material.id), rating=3
    )
    assert rated["errors"] == []

    cards = {c.asset_id: c for c in await ReviewCard.filter(user_id=user.id)}
    expected = [
        (exercise, "EXERCISE", None, None),
        (correction, "CORRECTION", None, None),
        (of_material, "MATERIAL", chunk, 3),
    ]
    nodes = [
        {
            "id": global_id("ReviewCard", cards[row.id].id),
            "dueAt": cards[row.id].due_at.isoformat(),
            "state": "NEW",
            "source": source,
            "asset": _fields(row, in_chunk, rating),
        }
        for row, source, in_chunk, rating in expected
    ]
    me = await run(gql, "DueReviews", token)
    assert me["id"] == global_id("User", user.id)
    assert me["reviewStats"] == {"due": 3, "dueToday": 4, "learning": 2, "mature": 1}
    assert me["dueReviews"]["totalCount"] == 3
    assert _nodes(me) == nodes

    first = await run(gql, "DueReviews", token, first=2)
    assert (_nodes(first), first["dueReviews"]["pageInfo"]["hasNextPage"]) == (nodes[:2], True)
    after = first["dueReviews"]["pageInfo"]["endCursor"]
    rest = await run(gql, "DueReviews", token, first=2, after=after)
    assert (rest["dueReviews"]["totalCount"], _nodes(rest)) == (3, nodes[2:])
    assert rest["dueReviews"]["pageInfo"]["hasNextPage"] is False


async def _card_ids(gql: GraphQLClient, token: str) -> list[str]:
    return [n["id"] for n in _nodes(await run(gql, "DueReviews", token))]


async def test_a_wrong_answer_in_a_lesson_is_one_due_card(gql: GraphQLClient) -> None:
    zone, _ = _daytime_zone()
    user, token = await signed_in(timezone=zone)
    tree = await course_tree(lessons=1, exercises=2)
    (lesson,) = tree.lessons
    translation, choice = tree.exercises_of(lesson)
    await enrollment(user, tree.course)
    assert (await start_lesson(gql, token, lesson))["errors"] == []
    assert (await answer(gql, token, lesson, translation, "wrong"))["correct"] is False

    me = await run(gql, "DueReviews", token)
    (due,) = _nodes(me)
    (mistake,) = await GeneratedAsset.filter(user_id=user.id)
    made = await ReviewCard.get(asset_id=mistake.id)
    assert mistake.content == {"front": "Prompt 1", "back": "answer 1", "explanation": "Because."}
    assert due == {
        "id": global_id("ReviewCard", made.id),
        "dueAt": made.due_at.isoformat(),
        "state": "NEW",
        "source": "EXERCISE",
        "asset": _fields(mistake),
    }
    assert me["reviewStats"] == {"due": 1, "dueToday": 1, "learning": 0, "mature": 0}
    # The same mistake again: the same one card.
    assert (await answer(gql, token, lesson, translation, "still wrong"))["correct"] is False
    assert await _card_ids(gql, token) == [due["id"]]
    # Another exercise answered wrong: a second card.
    assert (await answer(gql, token, lesson, choice, "option 3"))["correct"] is False
    both = _nodes(await run(gql, "DueReviews", token))
    assert (len(both), both[0]["id"]) == (2, due["id"])
    assert both[1]["asset"]["content"]["back"] == "option 1"

    # Practised in a review: right, then not due; the mistake made again changes nothing.
    review = await start(gql, token, "REVIEW")
    assert [item["id"] for item in review["items"]] == [n["asset"]["id"] for n in both]
    known = await record(gql, token, review, review["items"][0], kind="ANSWER", confidence=0.9)
    assert (known["interaction"]["correct"], known["expectedAnswer"]) == (True, "answer 1")
    assert known["review"] | {"dueAt": None} == {
        "dueAt": None,
        "state": "LEARNING",
        "reps": 1,
        "lapses": 0,
    }
    assert (await answer(gql, token, lesson, translation, "wrong again"))["correct"] is False
    me = await run(gql, "DueReviews", token)
    assert [n["id"] for n in _nodes(me)] == [both[1]["id"]]
    assert me["reviewStats"] == {"due": 1, "dueToday": 2, "learning": 1, "mature": 0}
    card_row = await ReviewCard.get(id=decode_global_id(due["id"]))
    assert (card_row.phase, card_row.reps, card_row.due_at) == (
        "learning",
        1,
        when(known["review"]["dueAt"]),
    )


async def _conversation(gql: GraphQLClient, token: str, tutor: Any, text: str) -> None:
    """A conversation with `tutor` in which the learner sends `text`."""
    started = await gql(
        CONVERSATION,
        {"teacherId": global_id("TeacherProfile", tutor.id)},
        token=token,
        operation_name="StartConversation",
    )
    session = started["startConversation"]["session"]
    sent = await gql(
        CONVERSATION,
        {"sessionId": session["id"], "content": text},
        token=token,
        operation_name="SendMessage",
    )
    assert sent["sendMessage"]["errors"] == []


async def test_each_correction_in_a_conversation_is_one_due_card(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    tutor = await teacher()
    text = "I am interesting in this job and i goed here."
    await _conversation(gql, token, tutor, text)

    me = await run(gql, "DueReviews", token)
    due = _nodes(me)
    assert {(n["source"], n["state"]) for n in due} == {("CORRECTION", "NEW")}
    assert me["reviewStats"] == {"due": 3, "dueToday": 3, "learning": 0, "mature": 0}
    order = [(when(n["dueAt"]), UUID(str(decode_global_id(n["id"])))) for n in due]
    assert order == sorted(order)  # most overdue first, then by card
    by_answer = {
        n["asset"]["content"].get("answer") or n["asset"]["content"]["back"]: n for n in due
    }
    assert sorted(by_answer) == ["I", "interested", "went"]
    interested = by_answer["interested"]["asset"]
    assert (interested["type"], interested["chunk"], interested["content"]["text"]) == (
        "CLOZE",
        None,
        "I am ____ in this job and I went here.",
    )
    assert by_answer["I"]["asset"]["type"] == "FLASHCARD"  # a change of case: self-graded

    # The same mistakes in another conversation: the same three cards.
    await _conversation(gql, token, tutor, text)
    assert await _card_ids(gql, token) == [n["id"] for n in due]
    assert await ReviewCard.filter(user_id=user.id).count() == 3

    review = await start(gql, token, "REVIEW")
    typed = await record(gql, token, review, interested, kind="ANSWER", answer="Interested")
    assert (typed["interaction"]["correct"], typed["expectedAnswer"]) == (True, "interested")
    assert await _card_ids(gql, token) == [n["id"] for n in due if n is not by_answer["interested"]]


async def _due_cards(user: User, size: int) -> None:
    """`size` due cards of every source (material ones in chunks), a third of them rated."""
    mat, chunks = await material(user, chunks=3)
    sources = [None, AssetSource.EXERCISE, AssetSource.CORRECTION]
    for i in range(size):
        source = sources[i % 3]
        row = await asset(
            user,
            [FLASHCARD, CLOZE, QUIZ][i % 3],
            material_row=mat if source is None else None,
            chunk=chunks[i % 3] if source is None else None,
            source=source,
            due_at=datetime.now(UTC) - timedelta(minutes=size - i),
        )
        if i % 3 == 0:
            await AssetFeedback.create(user_id=user.id, asset_id=row.id, rating=1 + i % 5)


# Measured: the viewer's token; the review stats (one statement); the due cards' page and
# their total count; their assets (for `asset` and `source` at once); the assets' chunks;
# the viewer's ratings of them.
STATEMENTS = 7


async def test_due_reviews_cost_the_same_statements_for_3_and_30_cards(
    gql: GraphQLClient, sql: StatementLog
) -> None:
    for size in (3, 30):
        user, token = await signed_in()
        await _due_cards(user, size)
        await run(gql, "DueReviews", token, first=50)  # warms the token
        sql.clear()
        me = await run(gql, "DueReviews", token, first=50)
        count = sql.count
        assert (me["reviewStats"]["due"], me["dueReviews"]["totalCount"]) == (size, size)
        nodes = _nodes(me)
        assert len(nodes) == size
        assert [n["source"] for n in nodes] == [
            ["MATERIAL", "EXERCISE", "CORRECTION"][i % 3] for i in range(size)
        ]
        assert [n["asset"]["viewerRating"] for n in nodes] == [
            1 + i % 5 if i % 3 == 0 else None for i in range(size)
        ]
        assert [
            n["asset"]["chunk"]["position"] if n["asset"]["chunk"] else None for n in nodes
        ] == [0 if i % 3 == 0 else None for i in range(size)]
        assert count == STATEMENTS, (size, count, sql)
