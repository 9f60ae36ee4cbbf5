"""Studying as a client does it: studio.graphql's study operations (StartStudySession,
RecordInteraction, EndStudySession, RateAsset, DueReviews) and the answers a learner types
to an item, right or wrong, read from the item's content (AssetFields)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from engine.ids import global_id
from tests.graphql_client import GraphQLClient, operation

OPS = operation("studio.graphql")
NODE = "query($id: ID!) { node(id: $id) { __typename id } }"


async def run(gql: GraphQLClient, name: str, token: str | None, **variables: Any) -> Any:
    """The only root field's value of one of studio.graphql's operations (`me`, a payload)."""
    data = await gql(OPS, variables, token=token, operation_name=name)
    return next(iter(data.values()))


async def node(gql: GraphQLClient, node_id: str, token: str | None) -> Any:
    return (await gql(NODE, {"id": node_id}, token=token))["node"]


def error(field: str | None, code: str, message: str) -> dict[str, Any]:
    return {"field": field, "code": code, "message": message}


def when(value: str) -> datetime:
    return datetime.fromisoformat(value)


async def start(
    gql: GraphQLClient, token: str, mode: str, material_id: Any = None, **variables: Any
) -> dict[str, Any]:
    """A session the viewer starts (it must start): `material_id` is a row's id."""
    if material_id is not None:
        variables["materialId"] = global_id("StudyMaterial", material_id)
    started = await run(gql, "StartStudySession", token, mode=mode, **variables)
    assert started["errors"] == [], started["errors"]
    session: dict[str, Any] = started["session"]
    return session


async def record(
    gql: GraphQLClient,
    token: str | None,
    session: dict[str, Any],
    item: dict[str, Any],
    **variables: Any,
) -> Any:
    """RecordInteraction of one of the session's items (its AssetFields)."""
    return await run(
        gql,
        "RecordInteraction",
        token,
        sessionId=session["id"],
        assetId=item["id"],
        **variables,
    )


def right(item: dict[str, Any]) -> dict[str, Any]:
    """RecordInteraction's variables for a right answer to the item."""
    content = item["content"]
    if item["type"] == "FLASHCARD":
        return {"kind": "ANSWER", "confidence": 0.8}
    if item["type"] == "CLOZE":
        return {"kind": "ANSWER", "answer": content["answer"]}
    return {"kind": "ANSWER", "answer": str(content["answer"])}


def wrong(item: dict[str, Any]) -> dict[str, Any]:
    """RecordInteraction's variables for a wrong answer to the item."""
    content = item["content"]
    if item["type"] == "FLASHCARD":
        return {"kind": "ANSWER", "confidence": 0.1}
    if item["type"] == "CLOZE":
        return {"kind": "ANSWER", "answer": "not it"}
    return {"kind": "ANSWER", "answer": str((content["answer"] + 1) % len(content["options"]))}
