"""Study materials through the API (studio.graphql's operations): creating one is answered
at once (PROCESSING) and the job makes it READY with the generator's chunks, assets and
review cards; bad input is a list of exact field errors with nothing written; text with no
words once its markup is gone FAILS with the generator's reason; editing; regenerating
keeps the cards of unchanged assets and archives the others."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from engine.ids import decode_global_id, global_id
from models.studio import (
    AssetStatus,
    ContentChunk,
    GeneratedAsset,
    MaterialStatus,
    ReviewCard,
    StudyMaterial,
)
from services.generator.base import Source
from services.generator.local import LocalGenerator
from services.generator.text import MAX_TEXT_CHARS
from tests.factories.catalog import language
from tests.factories.identity import signed_in
from tests.factories.studio import (
    COFFEE,
    MATERIAL_OPS,
    WATER,
    call,
    material,
    processed_material,
    until_processed,
)
from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.skipif(MATERIAL_OPS is None, reason="studio.graphql is absent")

CARD_TYPES = {"FLASHCARD", "CLOZE", "QUIZ_QUESTION"}


async def _create(gql: GraphQLClient, token: str | None, **variables: Any) -> dict[str, Any]:
    given = {"title": "The water cycle", "text": WATER, **variables}
    return await call(gql, "CreateStudyMaterial", token, **given)


async def _read(gql: GraphQLClient, token: str, material_id: str, **variables: Any) -> Any:
    return await call(gql, "StudyMaterial", token, id=material_id, **variables)


def _error(field: str | None, code: str, message: str) -> dict[str, Any]:
    return {"field": field, "code": code, "message": message}


async def test_a_material_is_processed_in_the_background_into_chunks_assets_and_cards(
    gql: GraphQLClient,
) -> None:
    user, token = await signed_in()
    english = await language("en", "English")
    created = await _create(
        gql, token, title="  The water cycle ", description="Where rain comes from",
        sourceUrl="https://example.com/water", subjectArea="Geography",
        tags=["Science", " water ", "science"],
    )  # fmt: skip
    assert created["errors"] == []
    answered = created["material"]
    assert answered | {"id": None, "createdAt": None} == {
        "id": None, "title": "The water cycle", "description": "Where rain comes from",
        "status": "PROCESSING", "failureReason": None, "sourceType": "URL",
        "sourceUrl": "https://example.com/water", "language": None, "subjectArea": "Geography",
        "tags": ["science", "water"], "difficulty": None, "wordCount": 0, "createdAt": None,
        "assetCounts": {"flashcards": 0, "clozes": 0, "quizQuestions": 0, "summaries": 0},
    }  # fmt: skip

    row = await until_processed(decode_global_id(answered["id"]))
    assert (row.status, row.failure_reason, row.language) == (MaterialStatus.READY, None, "en")
    expected = await LocalGenerator().generate(Source(text=WATER))
    read = await _read(gql, token, answered["id"])
    assert read["status"] == "READY"
    assert read["language"] == {"code": "en", "name": english.name}
    assert (read["wordCount"], read["difficulty"]) == (expected.word_count, expected.difficulty)

    chunks = [edge["node"] for edge in read["chunks"]["edges"]]
    assert read["chunks"]["totalCount"] == len(chunks) == len(expected.chunks)
    fields = ("position", "kind", "content", "wordCount", "summary")
    assert [tuple(c[name] for name in fields) for c in chunks] == [
        (c.index, c.kind.name, c.content, c.word_count, c.summary) for c in expected.chunks
    ]

    assets = [edge["node"] for edge in read["assets"]["edges"]]
    assert read["assets"]["totalCount"] == len(assets) == len(expected.assets)
    assert [(a["type"], a["content"]) for a in assets] == [
        (a.type.name, a.content) for a in expected.assets
    ]
    for got, made in zip(assets, expected.assets, strict=True):
        assert (got["status"], got["viewerRating"]) == ("ACTIVE", None)
        assert (got["qualityScore"], got["difficulty"]) == (made.quality, made.difficulty)
        position = got["chunk"]["position"] if got["chunk"] else None
        assert position == made.chunk_index
    counted = {kind: sum(a.type.name == kind for a in expected.assets) for kind in CARD_TYPES}
    assert read["assetCounts"] == {
        "flashcards": counted["FLASHCARD"],
        "clozes": counted["CLOZE"],
        "quizQuestions": counted["QUIZ_QUESTION"],
        "summaries": sum(a.type.name == "SUMMARY" for a in expected.assets),
    }

    # A review card for each flashcard, cloze and quiz question: new, and due now.
    cards = await ReviewCard.filter(user_id=user.id).prefetch_related("asset")
    assert sorted(str(c.asset_id) for c in cards) == sorted(
        str(decode_global_id(a["id"])) for a in assets if a["type"] in CARD_TYPES
    )
    assert all(c.phase == "new" and c.due_at <= datetime.now(UTC) for c in cards)


async def test_a_spanish_material_is_detected_and_one_with_only_markup_fails(
    gql: GraphQLClient,
) -> None:
    _, token = await signed_in()
    spanish = await _create(gql, token, title="El café", text=COFFEE, tags=[])
    row = await until_processed(decode_global_id(spanish["material"]["id"]))
    assert (row.status, row.language) == (MaterialStatus.READY, "es")

    empty = await _create(gql, token, title="Nothing", text="<p> </p><div><br></div>")
    row = await until_processed(decode_global_id(empty["material"]["id"]))
    assert (row.status, row.failure_reason) == (MaterialStatus.FAILED, "The material has no text.")
    read = await _read(gql, token, empty["material"]["id"])
    assert (read["status"], read["failureReason"]) == ("FAILED", "The material has no text.")
    assert read["chunks"]["totalCount"] == read["assets"]["totalCount"] == 0


BAD_TAGS = "At most 20 tags, each of 1 to 40 characters."
BAD_INPUT = [
    ({"title": " ", "text": ""}, [
        _error("title", "REQUIRED", "Give the material a title."),
        _error("text", "REQUIRED", "Give the text to study."),
    ]),
    ({"text": " ... !!! \n"}, [_error("text", "REQUIRED", "Give the text to study.")]),
    ({"text": "a" * (MAX_TEXT_CHARS + 1)}, [
        _error("text", "TOO_LONG", f"At most {MAX_TEXT_CHARS:,} characters.")
    ]),
    ({"title": "t" * 201}, [_error("title", "TOO_LONG", "At most 200 characters.")]),
    ({"tags": ["fine", "  "]}, [_error("tags", "INVALID", BAD_TAGS)]),
    ({"tags": ["x" * 41]}, [_error("tags", "INVALID", BAD_TAGS)]),
    ({"tags": [f"tag{i}" for i in range(21)]}, [_error("tags", "INVALID", BAD_TAGS)]),
    ({"difficulty": 0}, [_error("difficulty", "INVALID", "A difficulty from 1 to 10.")]),
    ({"difficulty": 11}, [_error("difficulty", "INVALID", "A difficulty from 1 to 10.")]),
    ({"sourceUrl": "ftp://example.com/a"}, [
        _error("sourceUrl", "INVALID", "An http or https address.")
    ]),
    ({"sourceUrl": "javascript:alert(1)"}, [
        _error("sourceUrl", "INVALID", "An http or https address.")
    ]),
    ({"sourceUrl": "example.com/water"}, [
        _error("sourceUrl", "INVALID", "An http or https address.")
    ]),
    ({"subjectArea": "s" * 101}, [_error("subjectArea", "TOO_LONG", "At most 100 characters.")]),
    ({"title": "", "tags": [""], "difficulty": 12, "sourceUrl": "mailto:a@b.c", "text": ""}, [
        _error("title", "REQUIRED", "Give the material a title."),
        _error("tags", "INVALID", BAD_TAGS),
        _error("difficulty", "INVALID", "A difficulty from 1 to 10."),
        _error("sourceUrl", "INVALID", "An http or https address."),
        _error("text", "REQUIRED", "Give the text to study."),
    ]),
]  # fmt: skip


@pytest.mark.parametrize(("variables", "errors"), BAD_INPUT)
async def test_bad_input_is_every_field_error_and_nothing_is_written(
    gql: GraphQLClient, variables: dict[str, Any], errors: list[dict[str, Any]]
) -> None:
    user, token = await signed_in()
    assert await _create(gql, token, **variables) == {"material": None, "errors": errors}
    assert await StudyMaterial.filter(user_id=user.id).count() == 0


async def test_an_unknown_language_is_invalid_and_a_regional_one_is_its_base(
    gql: GraphQLClient,
) -> None:
    user, token = await signed_in()
    refused = await _create(gql, token, language="xx")
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [("language", "INVALID")]
    assert refused["errors"][0]["message"].startswith("A language code the generator knows (")
    assert await StudyMaterial.filter(user_id=user.id).count() == 0
    taken = await _create(gql, token, language="es-MX", text=COFFEE)
    assert taken["errors"] == []
    assert (await StudyMaterial.get(user_id=user.id)).language == "es"


async def test_anonymous_callers_are_refused(gql: GraphQLClient) -> None:
    refused = await _create(gql, None)
    assert refused == {
        "material": None,
        "errors": [_error(None, "UNAUTHENTICATED", "You must be signed in.")],
    }


async def test_the_owner_edits_the_details_and_left_out_fields_stay(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    row = await material(user, title="Old", tags=["a"], subject_area="Maths", difficulty=3)
    material_id = global_id("StudyMaterial", row.id)
    changed = await call(
        gql, "UpdateStudyMaterial", token, id=material_id, title=" New title ",
        tags=["Biology", "biology", "Cells"], difficulty=7,
    )  # fmt: skip
    assert changed["errors"] == []
    got = changed["material"]
    assert (got["title"], got["tags"], got["difficulty"]) == ("New title", ["biology", "cells"], 7)
    assert (got["subjectArea"], got["description"]) == ("Maths", "")  # left out: unchanged
    again = await call(
        gql, "UpdateStudyMaterial", token, id=material_id, description="Notes", subjectArea="",
        tags=[],
    )  # fmt: skip
    got = again["material"]
    assert (got["title"], got["description"], got["subjectArea"]) == ("New title", "Notes", "")
    assert (got["tags"], got["difficulty"]) == ([], 7)

    refused = await call(
        gql, "UpdateStudyMaterial", token, id=material_id, title="", difficulty=0, tags=["x" * 50]
    )
    assert refused == {
        "material": None,
        "errors": [
            _error("title", "REQUIRED", "Give the material a title."),
            _error("tags", "INVALID", BAD_TAGS),
            _error("difficulty", "INVALID", "A difficulty from 1 to 10."),
        ],
    }
    stored = await StudyMaterial.get(id=row.id)
    assert (stored.title, stored.tags, stored.difficulty) == ("New title", [], 7)


async def _remembered(user_id: Any) -> dict[str, tuple[Any, int]]:
    """Each of the user's card assets' source key: (asset id, the card's reps)."""
    cards = await ReviewCard.filter(user_id=user_id).prefetch_related("asset")
    return {c.asset.source_key: (c.asset_id, c.reps) for c in cards}


async def test_regenerating_keeps_the_cards_of_unchanged_assets_and_archives_the_others(
    gql: GraphQLClient,
) -> None:
    user, token = await signed_in()
    row, status = await processed_material(user)
    assert status is MaterialStatus.READY
    first = await GeneratedAsset.filter(material_id=row.id).order_by("created_at")
    cards = {c.asset_id: c for c in await ReviewCard.filter(user_id=user.id)}
    reviewed, changed, dropped = [a for a in first if a.id in cards][:3]
    # A history to keep; an asset an older generator made differently; one not made yet.
    await ReviewCard.filter(id=cards[reviewed.id].id).update(reps=3, phase="review")
    await GeneratedAsset.filter(id=changed.id).update(
        source_key=f"material:{row.id}:older", content={**changed.content, "front": "older"}
    )
    await GeneratedAsset.filter(id=dropped.id).delete()  # its card goes with it
    before = await _remembered(user.id)

    material_id = global_id("StudyMaterial", row.id)
    restarted = await call(gql, "RegenerateAssets", token, materialId=material_id)
    assert restarted == {"material": {"id": material_id, "status": "PROCESSING"}, "errors": []}
    assert (await until_processed(row.id)).status is MaterialStatus.READY

    after = await _remembered(user.id)
    assert after[reviewed.source_key] == (reviewed.id, 3)  # the same asset, its history kept
    unchanged = set(before) - {f"material:{row.id}:older"}
    assert {key: after[key] for key in unchanged} == {key: before[key] for key in unchanged}
    assert (await GeneratedAsset.get(id=changed.id)).status is AssetStatus.ARCHIVED
    assert f"material:{row.id}:older" in after  # archived, its card kept for its history
    recreated = await GeneratedAsset.get(source_key=dropped.source_key, user_id=user.id)
    assert recreated.id != dropped.id and recreated.status is AssetStatus.ACTIVE
    assert after[dropped.source_key] == (recreated.id, 0)  # a new card for the new asset

    current = await GeneratedAsset.filter(material_id=row.id, status=AssetStatus.ACTIVE)
    assert sorted(a.source_key for a in current) == sorted(a.source_key for a in first)
    read = await _read(gql, token, material_id)
    assert read["assets"]["totalCount"] == len(first)  # the archived one is not listed
    chunk_ids = {c.id for c in await ContentChunk.filter(material_id=row.id)}
    assert {a.chunk_id for a in current} - {None} <= chunk_ids  # kept assets' new chunks
