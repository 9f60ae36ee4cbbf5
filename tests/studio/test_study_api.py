"""Studying through the API (studio.graphql's StartStudySession and RecordInteraction): each
mode over a material processed by the local generator, with its items' AssetFields in
order; answers checked and rescheduled with FSRS (a wrong answer comes back sooner, a
flashcard is self-graded); views and skips that change no schedule; refusals as exact
field errors with nothing written. Ending, hearts and access: test_study_api_sessions.py."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from engine.ids import decode_global_id, global_id
from models.identity import User
from models.studio import (
    AssetType,
    GeneratedAsset,
    Interaction,
    MaterialStatus,
    ReviewCard,
    StudySession,
)
from services.generator.base import Source
from services.generator.local import LocalGenerator
from tests.factories.identity import signed_in
from tests.factories.studio import (
    COFFEE,
    MATERIAL_OPS,
    WATER,
    asset,
    call,
    card,
    material,
    processed_material,
)
from tests.graphql_client import GraphQLClient
from tests.studio.study_api import error, record, right, run, start, when

pytestmark = pytest.mark.skipif(MATERIAL_OPS is None, reason="studio.graphql is absent")

TYPE_ORDER = {"FLASHCARD": 0, "CLOZE": 1, "QUIZ_QUESTION": 2}  # within a chunk, in STUDY
CLOSED = [error("sessionId", "SESSION_CLOSED", "This study session has ended.")]
NO_SESSION = [error("sessionId", "NOT_FOUND", "Study session not found.")]


def _key(kind: str, content: Any) -> str:
    return f"{kind}:{json.dumps(content, sort_keys=True)}"


async def _asset_fields(gql: GraphQLClient, token: str, material_id: Any) -> dict[str, Any]:
    """The material's assets as StudyMaterial reads them (AssetFields), by type and content."""
    read = await call(gql, "StudyMaterial", token, id=global_id("StudyMaterial", material_id))
    return {_key(a["type"], a["content"]): a for a in (e["node"] for e in read["assets"]["edges"])}


async def _due(user: User, material_id: Any = None) -> list[str]:
    """The global ids of the assets of the user's due cards, most overdue first."""
    query = ReviewCard.filter(user_id=user.id, due_at__lte=datetime.now(UTC))
    if material_id is not None:
        query = query.filter(asset__material_id=material_id)
    rows = await query.order_by("due_at", "id").values_list("asset_id", flat=True)
    return [global_id("GeneratedAsset", a) for a in rows]


async def test_each_mode_holds_its_items_with_their_asset_fields(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    water, _ = await processed_material(user, title="Water")
    coffee, _ = await processed_material(user, title="Café", text=COFFEE, language="es")
    fields = await _asset_fields(gql, token, water.id)
    generated = (await LocalGenerator().generate(Source(text=WATER))).assets
    reviewed = [(i, a) for i, a in enumerate(generated) if a.type.name in TYPE_ORDER]
    reviewed.sort(key=lambda p: (p[1].chunk_index, TYPE_ORDER[p[1].type.name], p[0]))
    in_order = [fields[_key(a.type.name, a.content)] for _, a in reviewed]
    assert len(in_order) == 17
    water_ref = {"id": global_id("StudyMaterial", water.id), "title": "Water"}

    study = await start(gql, token, "STUDY", water.id)
    assert study | {"id": None, "startedAt": None} == {
        "id": None,
        "mode": "STUDY",
        "status": "ACTIVE",
        "startedAt": None,
        "items": in_order,
        "material": water_ref,
    }
    assert (await start(gql, token, "STUDY", water.id, size=3))["items"] == in_order[:3]

    quiz = await start(gql, token, "QUIZ", water.id)
    assert quiz["items"] == [item for item in in_order if item["type"] == "QUIZ_QUESTION"]
    assert [item["content"]["prompt"] for item in quiz["items"]] == [
        a.content["prompt"] for a in generated if a.type.name == "QUIZ_QUESTION"
    ]

    # A mistake, overdue: first of every source, and never in a material's review.
    mistake = await asset(user, None, AssetType.CLOZE, {"text": "I ____.", "answer": "went"})
    await card(user, mistake, datetime.now(UTC) - timedelta(days=1))
    everything = await start(gql, token, "REVIEW", size=100)
    assert (everything["mode"], everything["material"]) == ("REVIEW", None)
    assert [i["id"] for i in everything["items"]] == await _due(user)
    assert everything["items"][0]["id"] == global_id("GeneratedAsset", mistake.id)
    of_coffee = await ReviewCard.filter(user_id=user.id, asset__material_id=coffee.id).count()
    assert of_coffee > 0 and len(everything["items"]) == 1 + 17 + of_coffee

    of_water = await start(gql, token, "REVIEW", water.id)
    assert of_water["material"] == water_ref
    assert [i["id"] for i in of_water["items"]] == await _due(user, water.id)
    assert sorted(i["id"] for i in of_water["items"]) == sorted(i["id"] for i in in_order)
    # An answered card is no longer due.
    first = of_water["items"][0]
    assert (await record(gql, token, of_water, first, **right(first)))["errors"] == []
    again = await start(gql, token, "REVIEW", water.id)
    assert again["items"] == of_water["items"][1:]


def _done(result: dict[str, Any], kind: str, correct: bool | None, ms: int | None) -> dict:
    """The payload of a recorded interaction (checked), with its `review` as
    (state, reps, lapses, due after the interaction) when it has one."""
    assert result["errors"] == []
    assert result["interaction"] | {"id": None, "createdAt": None} == {
        "id": None,
        "kind": kind,
        "correct": correct,
        "responseTimeMs": ms,
        "createdAt": None,
    }
    review = result["review"]
    if review is not None:
        after = when(review["dueAt"]) - when(result["interaction"]["createdAt"])
        result["schedule"] = (review["state"], review["reps"], review["lapses"], after)
    return result


async def test_answers_are_checked_and_rescheduled_views_and_skips_are_not(
    gql: GraphQLClient,
) -> None:
    user, token = await signed_in()
    water, _ = await processed_material(user)
    session = await start(gql, token, "STUDY", water.id)
    items: dict[str, list[dict[str, Any]]] = {}
    for item in session["items"]:
        items.setdefault(item["type"], []).append(item)
    cycle, oceans = items["CLOZE"][:2]
    known, unknown = items["FLASHCARD"][:2]
    quiz, untouched = items["QUIZ_QUESTION"][:2]
    minute = timedelta(minutes=1)

    typed = "  Water Cycle. "  # the exercises' normalisation
    ok = _done(
        await record(gql, token, session, cycle, kind="ANSWER", answer=typed, responseTimeMs=4000),
        "ANSWER",
        True,
        4000,
    )
    assert (ok["expectedAnswer"], ok["schedule"]) == (
        "water cycle",
        ("LEARNING", 1, 0, 10 * minute),
    )
    ko = _done(
        await record(gql, token, session, oceans, kind="ANSWER", answer="rivers"),
        "ANSWER",
        False,
        None,
    )
    assert (ko["expectedAnswer"], ko["schedule"]) == ("oceans", ("LEARNING", 1, 0, minute))
    assert when(ko["review"]["dueAt"]) < when(ok["review"]["dueAt"])  # wrong: back sooner

    # A flashcard is self-graded: sure and quick is Easy (it graduates), then forgotten.
    easy = _done(
        await record(
            gql, token, session, known, kind="ANSWER", confidence=0.95, responseTimeMs=2000
        ),
        "ANSWER",
        True,
        2000,
    )
    assert easy["expectedAnswer"] == known["content"]["back"]
    assert easy["schedule"] == ("REVIEW", 1, 0, timedelta(days=8))
    forgot = _done(
        await record(gql, token, session, known, kind="ANSWER", confidence=0.2),
        "ANSWER",
        False,
        None,
    )
    assert forgot["schedule"] == ("RELEARNING", 2, 1, 10 * minute)
    unsure = _done(
        await record(gql, token, session, unknown, kind="ANSWER", confidence=0.3),
        "ANSWER",
        False,
        None,
    )
    assert (unsure["expectedAnswer"], unsure["schedule"]) == (
        unknown["content"]["back"],
        ("LEARNING", 1, 0, minute),
    )
    chosen = _done(await record(gql, token, session, quiz, **right(quiz)), "ANSWER", True, None)
    options = quiz["content"]["options"]
    assert chosen["expectedAnswer"] == options[quiz["content"]["answer"]]
    assert chosen["schedule"] == ("LEARNING", 1, 0, 10 * minute)

    # VIEW and SKIP are stored, unmarked, and change no schedule.
    viewed = _done(await record(gql, token, session, cycle, kind="VIEW"), "VIEW", None, None)
    assert (viewed["expectedAnswer"], viewed["review"]) == (None, ok["review"])
    before = await ReviewCard.get(user_id=user.id, asset_id=decode_global_id(untouched["id"]))
    skipped = _done(
        await record(gql, token, session, untouched, kind="SKIP", responseTimeMs=500),
        "SKIP",
        None,
        500,
    )
    assert skipped["review"] == {
        "dueAt": before.due_at.isoformat(),
        "state": "NEW",
        "reps": 0,
        "lapses": 0,
    }
    after = await ReviewCard.get(id=before.id)
    assert (after.due_at, after.phase, after.state, after.reps) == (before.due_at, "new", None, 0)
    stored = await StudySession.get(id=decode_global_id(session["id"]))
    assert (stored.total_interactions, stored.correct_count) == (8, 3)


async def test_starting_is_refused_with_exact_errors(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    other, stranger = await signed_in()
    empty = global_id("StudyMaterial", (await material(user)).id)  # READY, nothing made
    processing = await material(user, status=MaterialStatus.PROCESSING)

    async def refused(token: str, **variables: Any) -> list[dict[str, Any]]:
        started = await run(gql, "StartStudySession", token, **variables)
        assert started["session"] is None
        errors: list[dict[str, Any]] = started["errors"]
        return errors

    assert await refused(token, mode="STUDY", size=0) == [
        error("size", "INVALID", "A session has 1 to 100 items."),
        error("materialId", "REQUIRED", "Choose the material to study."),
    ]
    assert await refused(token, mode="QUIZ", materialId=empty, size=101) == [
        error("size", "INVALID", "A session has 1 to 100 items.")
    ]
    assert await refused(token, mode="QUIZ", materialId=empty) == [
        error("materialId", "INVALID", "This material has nothing to study in this mode.")
    ]
    still = global_id("StudyMaterial", processing.id)
    assert await refused(token, mode="STUDY", materialId=still) == [
        error("materialId", "INVALID", "This material is still being processed.")
    ]
    assert await refused(stranger, mode="STUDY", materialId=empty) == [
        error("materialId", "NOT_FOUND", "Study material not found.")
    ]
    assert await refused(stranger, mode="REVIEW") == [
        error("mode", "INVALID", "Nothing is due for review right now.")
    ]
    assert await refused(token, mode="REVIEW", materialId=global_id("Course", processing.id)) == [
        error("materialId", "NOT_FOUND", "StudyMaterial not found.")
    ]
    assert await StudySession.filter(user_id__in=[user.id, other.id]).count() == 0


async def test_recording_is_refused_with_exact_errors_and_writes_nothing(
    gql: GraphQLClient,
) -> None:
    user, token = await signed_in()
    other, stranger = await signed_in()
    water, _ = await processed_material(user)
    session = await start(gql, token, "STUDY", water.id, size=2)
    flashcard = session["items"][0]
    outside = (await start(gql, token, "STUDY", water.id))["items"][5]
    theirs, _ = await processed_material(other)
    their_session = await start(gql, stranger, "QUIZ", theirs.id)
    summary = await GeneratedAsset.get(material_id=water.id, type=AssetType.SUMMARY)
    summary_item = {"id": global_id("GeneratedAsset", summary.id)}
    # A summary is only ever viewed: no mode puts one in a session, so put it in this one.
    await StudySession.filter(id=decode_global_id(session["id"])).update(
        item_ids=[str(decode_global_id(flashcard["id"])), str(summary.id)]
    )

    async def refused(item: dict[str, Any], into: Any = session, **v: Any) -> list[Any]:
        v.setdefault("kind", "ANSWER")
        done = await record(gql, token, into, item, **v)
        assert (done["interaction"], done["expectedAnswer"], done["review"]) == (None, None, None)
        return list(done["errors"])

    assert await refused(outside, confidence=0.9) == [
        error("assetId", "INVALID", "This card is not part of the session.")
    ]
    assert await refused(flashcard, their_session, confidence=0.9) == NO_SESSION
    assert await refused(flashcard, {"id": flashcard["id"]}, confidence=0.9) == [
        error("sessionId", "NOT_FOUND", "StudySession not found.")
    ]
    for confidence in (1.5, -0.1):
        assert await refused(flashcard, confidence=confidence) == [
            error("confidence", "INVALID", "Must be between 0 and 1.")
        ]
    assert await refused(flashcard, confidence=2.0, responseTimeMs=-1, answer="x" * 2001) == [
        error("answer", "TOO_LONG", "At most 2000 characters."),
        error("responseTimeMs", "INVALID", "Must be 0 or more."),
        error("confidence", "INVALID", "Must be between 0 and 1."),
    ]
    assert await refused(flashcard) == [
        error("confidence", "REQUIRED", "Say how well you knew this card (0 to 1).")
    ]
    assert await refused(summary_item, answer="The water cycle.") == [
        error("kind", "INVALID", "A summary takes no answer: view it.")
    ]
    assert await Interaction.filter(session__user_id__in=[user.id, other.id]).count() == 0
    assert await ReviewCard.filter(user_id=user.id).exclude(phase="new").count() == 0
    assert await ReviewCard.filter(asset_id=summary.id).count() == 0

    viewed = await record(gql, token, session, summary_item, kind="VIEW")
    assert (viewed["errors"], viewed["interaction"]["kind"], viewed["review"]) == ([], "VIEW", None)
    assert (await run(gql, "EndStudySession", token, sessionId=session["id"]))["errors"] == []
    assert await refused(flashcard, confidence=0.9) == CLOSED
    ended_again = await run(gql, "EndStudySession", token, sessionId=session["id"])
    assert ended_again == {"session": None, "errors": CLOSED}
    assert await Interaction.filter(session_id=decode_global_id(session["id"])).count() == 1
