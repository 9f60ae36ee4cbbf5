"""The benchmark workload: the frontend operations (tests/operations/*.graphql), their variables
per learner at the default and the x10 sizes, and the in-process SQL statement count."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import httpx
from graphql import OperationDefinitionNode, parse, print_ast, validate

from bench.dataset import Dataset
from core.settings import Settings
from core.sqlcount import count_statements
from engine.ids import global_id
from main import create_app
from schema.root import build_schema

OPERATIONS = Path(__file__).resolve().parent.parent / "tests" / "operations"
WORKLOAD = {
    "MyLearning": "learning.graphql",
    "CourseTree": "catalog.graphql",
    "Lesson": "catalog.graphql",
    "ConversationDetail": "conversation.graphql",
    "Courses": "catalog.graphql",
}


def operation_text(name: str) -> str:
    """One operation (and the fragments it spreads) out of its frontend file."""
    document = parse((OPERATIONS / WORKLOAD[name]).read_text())
    parts: list[str] = []
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            if definition.name and definition.name.value == name:
                parts.insert(0, print_ast(definition))
        else:
            parts.append(print_ast(definition))
    if not parts or not parts[0].lstrip().startswith(("query", "mutation")):
        raise KeyError(f"{name} not in {WORKLOAD[name]}")
    text = parts[0]
    for fragment in parts[1:]:
        fragment_name = fragment.split()[1]
        if f"...{fragment_name}" in text.replace(" ", ""):
            text += "\n" + fragment
    return text


def supported_operations(settings: Settings, names: list[str]) -> tuple[dict[str, str], dict]:
    """The operations the schema can run; the others with the reason they are skipped."""
    schema = build_schema(settings)._schema
    texts, skipped = {}, {}
    for name in names:
        try:
            text = operation_text(name)
        except KeyError as error:
            skipped[name] = str(error)
            continue
        errors = validate(schema, parse(text))
        if errors:
            skipped[name] = "; ".join(error.message for error in errors[:3])
        else:
            texts[name] = text
    return texts, skipped


def requests_for(name: str, text: str, data: Dataset, big: bool = False) -> list[dict[str, Any]]:
    """Requests cycled by the load generator (one per learner), or the one x10 request."""

    def body(variables: dict[str, Any]) -> dict[str, Any]:
        return {"query": text, "operationName": name, "variables": variables}

    if big:
        slice_ = data.big
        variables = {
            "MyLearning": {"first": slice_["enrollments"], "progressFirst": 100},
            "CourseTree": {"slug": slice_["course_slug"]},
            "Lesson": {"id": global_id("Lesson", slice_["lesson_id"])},
            "ConversationDetail": {
                "id": global_id("ConversationSession", slice_["session_id"]),
                "first": 100,
            },
            "Courses": {"first": 100, "filter": {"search": slice_["search_term"]}},
        }[name]
        return [{"body": body(variables), "token": slice_["token"]}]
    requests = []
    for i, token in enumerate(data.tokens):
        by_operation: dict[str, dict[str, Any]] = {
            "MyLearning": {},
            "CourseTree": {"slug": data.course_slugs[i % len(data.course_slugs)]},
            "Lesson": {"id": global_id("Lesson", data.lesson_ids[(i * 7) % len(data.lesson_ids)])},
            "ConversationDetail": {
                "id": global_id(
                    "ConversationSession", data.session_ids[i][i % len(data.session_ids[i])]
                )
            },
            "Courses": {"filter": {"search": data.search_term}},
        }
        variables = by_operation[name]
        requests.append({"body": body(variables), "token": token})
    return requests


def list_items(value: Any) -> int:
    """How many objects a response holds (to show the x10 request really is larger)."""
    if isinstance(value, dict):
        return sum(list_items(item) for item in value.values())
    if isinstance(value, list):
        return len(value) + sum(list_items(item) for item in value)
    return 0


async def count_sql(
    settings: Settings,
    database_url: str,
    request: dict[str, Any],
    batching: bool = True,
    compiler: bool = True,
) -> dict[str, Any]:
    """Statements one request sends, served by an in-process app (ORM already initialised):
    the read compiler's path, or with `compiler=False` the executor's."""
    app_settings = dataclasses.replace(
        settings,
        database_url=database_url,
        loader_batching=batching,
        read_compiler=compiler,
        debug=False,
    )
    app = create_app(app_settings)
    headers = {"Authorization": f"Bearer {request['token']}"}
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        await client.post("/graphql", json=request["body"], headers=headers)  # warm caches
        with count_statements() as log:
            response = await client.post("/graphql", json=request["body"], headers=headers)
    payload = response.json()
    if payload.get("errors"):
        raise RuntimeError(f"{request['body']['operationName']}: {json.dumps(payload['errors'])}")
    return {
        "statements": log.count,
        "items": list_items(payload["data"]),
        "bytes": len(response.content),
        "data": payload["data"],
    }
