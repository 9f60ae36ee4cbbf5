"""Ending study sessions through the API (studio.graphql's EndStudySession): totals and
completion, once; practice hearts given back by a good REVIEW (seen through learning's
MyLearning); and who may see or touch a session, its interactions and cards (owner and
admins read them, others read nothing; anonymous callers are UNAUTHENTICATED)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from engine.ids import decode_global_id, global_id
from models.identity import Role
from models.learning import HeartEvent, HeartReason
from models.studio import AssetType, Interaction, ReviewCard, StudySession
from tests.factories.catalog import course_tree
from tests.factories.identity import NOT_SIGNED_IN, signed_in
from tests.factories.learning import enrollment
from tests.factories.studio import MATERIAL_OPS, asset, call, card, processed_material
from tests.graphql_client import GraphQLClient, operation
from tests.studio.study_api import error, node, record, right, run, start, when, wrong

pytestmark = pytest.mark.skipif(MATERIAL_OPS is None, reason="studio.graphql is absent")

LEARNING = operation("learning.graphql")
CLOSED = [error("sessionId", "SESSION_CLOSED", "This study session has ended.")]
NO_SESSION = [error("sessionId", "NOT_FOUND", "Study session not found.")]


async def test_ending_closes_the_session_with_its_totals(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    water, _ = await processed_material(user)
    session = await start(gql, token, "STUDY", water.id)
    first, second, third, fourth = session["items"][:4]
    for item, variables in (
        (first, right(first)),
        (second, wrong(second)),
        (third, {"kind": "VIEW"}),
        (fourth, {"kind": "SKIP"}),
        (first, wrong(first)),
    ):
        assert (await record(gql, token, session, item, **variables))["errors"] == []
    ended = await run(gql, "EndStudySession", token, sessionId=session["id"])
    assert ended["errors"] == []
    assert ended["session"] | {"endedAt": None} == {
        "id": session["id"],
        "status": "COMPLETED",
        "endedAt": None,
        "totalInteractions": 5,
        "correctCount": 1,
        "completionPercentage": 3 * 100 // 17,  # answered or viewed, of its 17 items
    }
    assert when(session["startedAt"]) <= when(ended["session"]["endedAt"])
    assert await run(gql, "EndStudySession", token, sessionId=session["id"]) == {
        "session": None,
        "errors": CLOSED,
    }

    quiz = await start(gql, token, "QUIZ", water.id)
    for item in quiz["items"]:
        assert (await record(gql, token, quiz, item, **right(item)))["errors"] == []
    done = (await run(gql, "EndStudySession", token, sessionId=quiz["id"]))["session"]
    assert (done["totalInteractions"], done["correctCount"], done["completionPercentage"]) == (
        5,
        5,
        100,
    )
    untouched = await start(gql, token, "STUDY", water.id, size=2)
    nothing = (await run(gql, "EndStudySession", token, sessionId=untouched["id"]))["session"]
    assert (nothing["totalInteractions"], nothing["completionPercentage"]) == (0, 0)


async def _hearts(gql: GraphQLClient, token: str) -> dict[str, int]:
    """The learner's hearts by course slug, as MyLearning shows them."""
    data = await gql(LEARNING, {}, token=token, operation_name="MyLearning")
    edges = data["me"]["enrollments"]["edges"]
    return {e["node"]["course"]["slug"]: e["node"]["hearts"] for e in edges}


async def test_a_good_review_gives_a_heart_back_in_each_enrollment_under_five(
    gql: GraphQLClient,
) -> None:
    user, token = await signed_in()
    low, full = (await course_tree()).course, (await course_tree()).course
    low_row = await enrollment(user, low, hearts=3)
    await enrollment(user, full, hearts=5)
    await processed_material(user)  # 17 cards due
    before = {low.slug: 3, full.slug: 5}
    assert await _hearts(gql, token) == before

    # 9 cards, all right: too few.
    short = await start(gql, token, "REVIEW", size=9)
    for item in short["items"]:
        assert (await record(gql, token, short, item, **right(item)))["errors"] == []
    assert (await run(gql, "EndStudySession", token, sessionId=short["id"]))["errors"] == []
    assert await _hearts(gql, token) == before

    # 10 cards (8 left of the material, 2 mistakes), 8 right: 80%.
    for _ in range(2):
        await card(user, await asset(user, None, AssetType.FLASHCARD))
    review = await start(gql, token, "REVIEW")
    assert len(review["items"]) == 10
    for n, item in enumerate(review["items"]):
        answer = right(item) if n < 8 else wrong(item)
        assert (await record(gql, token, review, item, **answer))["errors"] == []
    ended = await run(gql, "EndStudySession", token, sessionId=review["id"])
    assert ended["session"] | {"endedAt": None, "id": None} == {
        "id": None,
        "status": "COMPLETED",
        "endedAt": None,
        "totalInteractions": 10,
        "correctCount": 8,
        "completionPercentage": 100,
    }
    assert await _hearts(gql, token) == {low.slug: 4, full.slug: 5}
    events = await HeartEvent.filter(user_id=user.id).values_list(
        "enrollment_id", "hearts_before", "hearts_after", "reason"
    )
    assert events == [(low_row.id, 3, 4, HeartReason.PRACTICE_COMPLETED)]
    row = await StudySession.get(id=decode_global_id(review["id"]))
    assert row.hearts_restored is True


OWNED = """
query($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on StudySession { items { id } }
    ... on User { reviewStats { due } dueReviews { totalCount edges { node { id } } } }
  }
}
"""


async def test_sessions_interactions_and_cards_are_the_learners_own(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    _, stranger = await signed_in()
    _, admin = await signed_in(Role.ADMIN)
    water, _ = await processed_material(user)
    session = await start(gql, token, "STUDY", water.id, size=2)
    item = session["items"][0]
    done = await record(gql, token, session, item, **right(item))
    review_card = await ReviewCard.get(user_id=user.id, asset_id=decode_global_id(item["id"]))
    ids = {
        "StudySession": session["id"],
        "StudyInteraction": done["interaction"]["id"],
        "ReviewCard": global_id("ReviewCard", review_card.id),
    }
    for type_name, node_id in ids.items():
        assert await node(gql, node_id, token) == {"__typename": type_name, "id": node_id}
        assert await node(gql, node_id, admin) == {"__typename": type_name, "id": node_id}
        assert await node(gql, node_id, stranger) is None
        assert await node(gql, node_id, None) is None

    # Another learner changes nothing of it; an admin reads it but does not study it.
    assert await record(gql, stranger, session, item, **right(item)) == {
        "interaction": None,
        "expectedAnswer": None,
        "review": None,
        "errors": NO_SESSION,
    }
    assert (await record(gql, admin, session, item, **right(item)))["errors"] == [
        error("sessionId", "FORBIDDEN", "Only the learner records their session.")
    ]
    assert await run(gql, "EndStudySession", stranger, sessionId=session["id"]) == {
        "session": None,
        "errors": NO_SESSION,
    }
    assert await Interaction.filter(session_id=decode_global_id(session["id"])).count() == 1

    # The learner's reviews: theirs and admins' to read (the learner's node is null to others).
    profile = global_id("User", user.id)
    assert (await gql(OWNED, {"id": profile}, token=stranger))["node"] is None
    for viewer in (token, admin):
        seen = (await gql(OWNED, {"id": profile}, token=viewer))["node"]
        assert (seen["reviewStats"], seen["dueReviews"]["totalCount"]) == ({"due": 16}, 16)

    # A review of every source drops the items of a material deleted since.
    mistake = await asset(user, None, AssetType.FLASHCARD)
    await card(user, mistake, datetime.now(UTC) - timedelta(days=1))
    review = await start(gql, token, "REVIEW", size=3)
    assert review["items"][0]["id"] == global_id("GeneratedAsset", mistake.id)
    deleted = await call(gql, "DeleteStudyMaterial", token, id=global_id("StudyMaterial", water.id))
    assert deleted["errors"] == []
    read = (await gql(OWNED, {"id": review["id"]}, token=token))["node"]
    assert read["items"] == [{"id": global_id("GeneratedAsset", mistake.id)}]


async def test_anonymous_callers_are_unauthenticated(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    water, _ = await processed_material(user)
    session = await start(gql, token, "STUDY", water.id, size=1)
    item = session["items"][0]
    started = await run(
        gql,
        "StartStudySession",
        None,
        mode="STUDY",
        materialId=global_id("StudyMaterial", water.id),
    )
    assert started == {"session": None, "errors": NOT_SIGNED_IN}
    assert await record(gql, None, session, item, **right(item)) == {
        "interaction": None,
        "expectedAnswer": None,
        "review": None,
        "errors": NOT_SIGNED_IN,
    }
    ended = await run(gql, "EndStudySession", None, sessionId=session["id"])
    assert ended == {"session": None, "errors": NOT_SIGNED_IN}
    rated = await run(gql, "RateAsset", None, assetId=item["id"], rating=5)
    assert rated == {"asset": None, "errors": NOT_SIGNED_IN}
    assert await run(gql, "DueReviews", None) is None
    assert await Interaction.filter(session_id=decode_global_id(session["id"])).count() == 0
    assert (await StudySession.get(id=decode_global_id(session["id"]))).status.value == "active"
