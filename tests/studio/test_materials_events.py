"""`studyMaterialEvents` over real WebSockets (both subprotocols): the current state first,
then the state after each change — processed by the job (READY with its assets counted),
edited, regenerating and processed again — and `material: null` when it is deleted, which
ends the subscription. Who may subscribe: the owner and admins; another learner reads the
material as not found, an anonymous caller is refused."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.applications import Starlette

from engine.ids import decode_global_id, global_id
from models.identity import Role
from models.studio import GeneratedAsset
from tests.factories.identity import signed_in
from tests.factories.studio import MATERIAL_OPS, WATER, call, material
from tests.graphql_client import GraphQLClient
from tests.job_workers import only_other_processes_run_jobs
from tests.ws_conversation_client import LEGACY_WS, TRANSPORT_WS, WsClient

pytestmark = pytest.mark.skipif(MATERIAL_OPS is None, reason="studio.graphql is absent")
PROTOCOLS = [TRANSPORT_WS, LEGACY_WS]
NONE = {"flashcards": 0, "clozes": 0, "quizQuestions": 0, "summaries": 0}


async def _subscribe(server: str, protocol: str, token: str | None, material_id: str) -> WsClient:
    assert MATERIAL_OPS is not None
    client = await WsClient.connect(server, protocol, token)
    assert (await client.ack())["type"] == "connection_ack"
    variables = {"materialId": material_id}
    await client.subscribe("1", MATERIAL_OPS, variables, "StudyMaterialEvents")
    return client


async def _event(client: WsClient) -> Any:
    kind, payload = await client.next_payload(timeout=30)
    assert kind == "next" and "errors" not in payload, (kind, payload)
    return payload["data"]["studyMaterialEvents"]["material"]


def _state(material_id: str, status: str, counts: dict[str, int] = NONE) -> dict[str, Any]:
    return {"id": material_id, "status": status, "failureReason": None, "assetCounts": counts}


async def _counts(material_id: str) -> dict[str, int]:
    rows = await GeneratedAsset.filter(material_id=decode_global_id(material_id))
    kinds = [row.type.value for row in rows]
    return {
        "flashcards": kinds.count("flashcard"),
        "clozes": kinds.count("cloze"),
        "quizQuestions": kinds.count("quiz_question"),
        "summaries": kinds.count("summary"),
    }


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_the_owner_follows_a_material_from_processing_to_deleted(
    app: Starlette, server: str, gql: GraphQLClient, protocol: str
) -> None:
    _, token = await signed_in()
    async with only_other_processes_run_jobs(app):  # the job waits until the worker is back
        created = await call(gql, "CreateStudyMaterial", token, title="Water", text=WATER)
        material_id = created["material"]["id"]
        client = await _subscribe(server, protocol, token, material_id)
        assert await _event(client) == _state(material_id, "PROCESSING")  # the current state
    try:
        ready = await _event(client)
        counts = await _counts(material_id)
        assert counts["flashcards"] > 0
        assert ready == _state(material_id, "READY", counts)

        edited = await call(gql, "UpdateStudyMaterial", token, id=material_id, title="Rain")
        assert edited["errors"] == []
        assert await _event(client) == _state(material_id, "READY", counts)

        restarted = await call(gql, "RegenerateAssets", token, materialId=material_id)
        assert restarted["errors"] == []
        assert await _event(client) == _state(material_id, "PROCESSING", counts)
        assert await _event(client) == _state(material_id, "READY", counts)

        deleted = await call(gql, "DeleteStudyMaterial", token, id=material_id)
        assert deleted["errors"] == []
        assert await _event(client) is None
        assert (await client.next_payload())[0] == "complete"
    finally:
        await client.close()


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_an_admin_may_follow_it_and_nobody_else(server: str, protocol: str) -> None:
    owner, _ = await signed_in()
    row = await material(owner)
    material_id = global_id("StudyMaterial", row.id)
    _, admin = await signed_in(Role.ADMIN)
    client = await _subscribe(server, protocol, admin, material_id)
    try:
        assert await _event(client) == _state(material_id, "READY")
    finally:
        await client.close()

    _, stranger = await signed_in()
    not_found = {
        "message": "StudyMaterial not found.",
        "extensions": {"code": "NOT_FOUND", "field": "materialId"},
    }
    unauthenticated = {
        "message": "You must be signed in.",
        "extensions": {"code": "UNAUTHENTICATED"},
    }
    malformed = global_id("Classroom", row.id)
    cases: list[tuple[str | None, str, dict[str, Any]]] = [
        (stranger, material_id, not_found),
        (stranger, malformed, not_found),
        (None, material_id, unauthenticated),
    ]
    for token, target, error in cases:
        client = await _subscribe(server, protocol, token, target)
        try:
            assert await _refusal(client) == [error]
        finally:
            await client.close()


async def _refusal(client: WsClient) -> list[dict[str, Any]]:
    """The errors a refused subscription ends with: as its result (a use case's refusal,
    then `complete`) or as the operation's error (a permission refused before it ran)."""
    kind, payload = await client.next_payload()
    if kind == "next":
        assert payload["data"] is None, payload
        assert (await client.next_payload())[0] == "complete"
        errors = payload["errors"]
    else:
        assert kind == "error", (kind, payload)
        errors = payload if isinstance(payload, list) else [payload]
    return [{"message": e["message"], "extensions": e.get("extensions")} for e in errors]
