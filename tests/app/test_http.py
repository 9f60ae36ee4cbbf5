"""GraphQL over HTTP: the graphql-http server audit, media-type negotiation, status codes,
request ids and /healthz."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

import httpx
import pytest

import app.health
from app.http_requests import GRAPHQL_RESPONSE_JSON, JSON, negotiate
from tests.factories.identity import signed_in
from tests.http_helpers import GRAPHQL_RESPONSE, JSON_BODY
from tests.node_tools import node_skip_reason

ROOT = Path(__file__).resolve().parents[2]
AUDIT_SCRIPT = ROOT / "tests" / "http_audit.mjs"
AUDIT_SKIP_REASON = node_skip_reason("graphql-http")


@pytest.mark.skipif(AUDIT_SKIP_REASON is not None, reason=AUDIT_SKIP_REASON or "")
async def test_graphql_http_server_audit_has_no_must_or_should_failure(server: str) -> None:
    process = await asyncio.create_subprocess_exec(
        "node",
        str(AUDIT_SCRIPT),
        f"{server}/graphql",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    stdout, stderr = await process.communicate()
    assert process.returncode == 0, stderr.decode()
    results = json.loads(stdout)
    assert len(results) >= 40, results  # the audit really ran
    failed = [
        {key: r.get(key) for key in ("id", "name", "status", "reason", "httpStatus", "body")}
        for r in results
        if r["status"] != "ok" and r["name"].startswith(("MUST", "SHOULD"))
    ]
    assert failed == []
    # The optional (MAY) audits pass too.
    assert [r["id"] for r in results if r["status"] != "ok"] == []


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, JSON),
        ("", JSON),
        ("*/*", JSON),
        ("application/*", JSON),
        ("application/json", JSON),
        ("application/graphql-response+json", GRAPHQL_RESPONSE_JSON),
        ("application/graphql-response+json, application/json;q=0.9", GRAPHQL_RESPONSE_JSON),
        ("application/json, application/graphql-response+json", GRAPHQL_RESPONSE_JSON),
        ("application/json, application/graphql-response+json;q=0.5", JSON),
        ("application/graphql-response+json;q=0, */*", JSON),
        ("text/html,application/xhtml+xml,*/*;q=0.8", JSON),
        ("application/json, multipart/mixed", JSON),
        ("text/html", None),
        ("application/json;q=0", None),
    ],
)
def test_negotiates_the_response_media_type(accept: str | None, expected: str | None) -> None:
    assert negotiate(accept) == expected


async def test_graphql_response_json_answers_400_without_data_for_validation_errors(
    http: httpx.AsyncClient,
) -> None:
    response = await http.post("/graphql", json={"query": "{ zzz }"}, headers=GRAPHQL_RESPONSE)
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/graphql-response+json; charset=utf-8"
    assert response.json() == {
        "errors": [
            {
                "message": "Cannot query field 'zzz' on type 'Query'.",
                "locations": [{"line": 1, "column": 3}],
            }
        ]
    }


async def test_application_json_keeps_200_for_graphql_request_errors(
    http: httpx.AsyncClient,
) -> None:
    response = await http.post("/graphql", json={"query": "{ me { "}, headers=JSON_BODY)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    body = response.json()
    assert "data" not in body
    assert [e["message"] for e in body["errors"]] == ["Syntax Error: Expected Name, found <EOF>."]


async def test_variable_coercion_failure_is_a_request_error(http: httpx.AsyncClient) -> None:
    query = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }"
    body = {"query": query, "variables": {"ids": None}}
    strict = await http.post("/graphql", json=body, headers=GRAPHQL_RESPONSE)
    legacy = await http.post("/graphql", json=body, headers=JSON_BODY)
    assert (strict.status_code, legacy.status_code) == (400, 200)
    assert strict.json() == legacy.json()
    assert "data" not in strict.json()
    assert strict.json()["errors"][0]["message"].startswith("Variable '$ids'")


async def test_successful_query_negotiates_graphql_response_json(http: httpx.AsyncClient) -> None:
    _, token = await signed_in(display_name="Negotiated")
    response = await http.post(
        "/graphql",
        json={"query": "{ me { displayName } }"},
        headers={**GRAPHQL_RESPONSE, "authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(GRAPHQL_RESPONSE_JSON)
    assert response.json() == {"data": {"me": {"displayName": "Negotiated"}}}


async def test_get_runs_queries(http: httpx.AsyncClient) -> None:
    response = await http.get(
        "/graphql",
        params={
            "query": "query Q($x: String!) { __type(name: $x) { name } }",
            "variables": '{"x": "User"}',
        },
        headers={"accept": GRAPHQL_RESPONSE_JSON},
    )
    assert response.status_code == 200
    assert response.json() == {"data": {"__type": {"name": "User"}}}


async def test_mutation_over_get_is_405_and_does_not_run(http: httpx.AsyncClient) -> None:
    query = 'mutation { logIn(input: {email: "a@example.com", password: "x"}) { token } }'
    response = await http.get("/graphql", params={"query": query})
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert response.json() == {
        "errors": [
            {"message": "Mutations need POST.", "extensions": {"code": "METHOD_NOT_ALLOWED"}}
        ]
    }


@pytest.mark.parametrize("method", ["HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"])
async def test_other_methods_are_405_with_allow(http: httpx.AsyncClient, method: str) -> None:
    """HEAD included, and OPTIONS that is not a CORS preflight: one answer for them all."""
    response = await http.request(method, "/graphql", params={"query": "{ __typename }"})
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"
    if method != "HEAD":
        assert response.json() == {
            "errors": [
                {
                    "message": "GraphQL over HTTP uses GET or POST.",
                    "extensions": {"code": "METHOD_NOT_ALLOWED"},
                }
            ]
        }


@pytest.mark.parametrize(
    ("headers", "content", "status", "message"),
    [
        ({}, b'{"query": "{ __typename }"}', 400, "A POST request needs a Content-Type header"),
        ({"content-type": "text/plain"}, b"{ __typename }", 415, "Unsupported Content-Type"),
        (
            {"content-type": "application/json; charset=latin-1"},
            b'{"query": "{ __typename }"}',
            415,
            "Request bodies must be UTF-8",
        ),
        (JSON_BODY, b"", 400, "The request body is empty."),
        (JSON_BODY, b'{"query": ', 400, "The request body is not valid JSON."),
        (JSON_BODY, b'[{"query": "{ __typename }"}]', 400, "The request body must be a JSON"),
        (JSON_BODY, b'{"variables": {}}', 400, "The request has no GraphQL `query`."),
        (JSON_BODY, b'{"query": 1}', 400, "The `query` parameter must be a string."),
        (JSON_BODY, b'{"query": "{ a }", "variables": []}', 400, "The `variables` parameter"),
        ({**JSON_BODY, "accept": "text/html"}, b'{"query": "{ a }"}', 406, "Accept "),
    ],
)
async def test_malformed_requests_get_4xx_with_a_json_error(
    http: httpx.AsyncClient, headers: dict[str, str], content: bytes, status: int, message: str
) -> None:
    response = await http.post("/graphql", content=content, headers=headers)
    assert response.status_code == status
    [error] = response.json()["errors"]
    assert error["message"].startswith(message), error


async def test_subscription_over_http_is_refused(http: httpx.AsyncClient) -> None:
    query = 'subscription { conversationEvents(sessionId: "x") { __typename } }'
    response = await http.post("/graphql", json={"query": query}, headers=JSON_BODY)
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == (
        "Subscriptions are served over the WebSocket at this URL."
    )


async def test_unknown_operation_name_is_a_request_error(http: httpx.AsyncClient) -> None:
    body = {"query": "query A { __typename }", "operationName": "B"}
    strict = await http.post("/graphql", json=body, headers=GRAPHQL_RESPONSE)
    legacy = await http.post("/graphql", json=body, headers=JSON_BODY)
    assert (strict.status_code, legacy.status_code) == (400, 200)
    assert legacy.json() == {"errors": [{"message": 'Unknown operation named "B".'}]}


async def test_every_response_has_a_request_id(http: httpx.AsyncClient) -> None:
    generated = await http.post("/graphql", json={"query": "{ __typename }"})
    assert re.fullmatch(r"[0-9a-f]{32}", generated.headers["x-request-id"])
    again = await http.post("/graphql", json={"query": "{ __typename }"})
    assert again.headers["x-request-id"] != generated.headers["x-request-id"]
    refused = await http.post("/graphql", content=b"x", headers={"content-type": "text/plain"})
    assert re.fullmatch(r"[0-9a-f]{32}", refused.headers["x-request-id"])


async def test_a_safe_client_request_id_is_kept_and_an_unsafe_one_replaced(
    http: httpx.AsyncClient,
) -> None:
    kept = await http.post(
        "/graphql", json={"query": "{ __typename }"}, headers={"x-request-id": "edge-42.a:b"}
    )
    assert kept.headers["x-request-id"] == "edge-42.a:b"
    replaced = await http.post(
        "/graphql", json={"query": "{ __typename }"}, headers={"x-request-id": "a b\tc"}
    )
    assert re.fullmatch(r"[0-9a-f]{32}", replaced.headers["x-request-id"])


async def test_graphiql_page_is_served_to_browsers(http: httpx.AsyncClient) -> None:
    response = await http.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert 'id="graphiql-config"' in response.text


async def test_a_get_with_graphql_parameters_gets_a_graphql_answer(http: httpx.AsyncClient) -> None:
    browser = {"accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    response = await http.get("/graphql", params={"query": "{ __typename }"}, headers=browser)
    assert response.json() == {"data": {"__typename": "Query"}}
    # Only the hash of a persisted query (no `query`): a GraphQL answer, not the page.
    extensions = '{"persistedQuery": {"version": 1, "sha256Hash": "' + "0" * 64 + '"}}'
    response = await http.get("/graphql", params={"extensions": extensions}, headers=browser)
    assert response.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


@pytest.mark.parametrize("accept", [None, "*/*", "application/json"])
async def test_graphiql_is_only_for_browsers_asking_for_html(
    http: httpx.AsyncClient, accept: str | None
) -> None:
    headers = {"accept": accept} if accept else {}
    response = await http.get("/graphql", headers=headers)
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == "The request has no GraphQL `query`."


class _UnreachableDatabase:
    def get(self, alias: str) -> _UnreachableDatabase:
        return self

    async def execute_query(self, sql: str) -> None:
        raise ConnectionRefusedError("connection refused (test)")


async def test_healthz_is_503_when_the_database_does_not_answer(
    http: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app.health, "connections", _UnreachableDatabase())
    response = await http.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}
    monkeypatch.undo()
    assert (await http.get("/healthz")).status_code == 200


async def test_several_operations_need_an_operation_name(http: httpx.AsyncClient) -> None:
    query = "query A { __typename } query B { __typename }"
    expected = {
        "errors": [
            {
                "message": "Must provide operation name if query contains multiple operations.",
                "extensions": {"code": "OPERATION_NAME_REQUIRED"},
            }
        ]
    }
    legacy = await http.post("/graphql", json={"query": query})
    assert (legacy.status_code, legacy.json()) == (200, expected)
    strict = await http.post("/graphql", json={"query": query}, headers=GRAPHQL_RESPONSE)
    assert (strict.status_code, strict.json()) == (400, expected)
    named = await http.post("/graphql", json={"query": query, "operationName": "B"})
    assert named.json() == {"data": {"__typename": "Query"}}


async def test_an_overlong_number_literal_is_a_request_error(http: httpx.AsyncClient) -> None:
    """Python refuses to convert integers over 4 300 digits: before this check, validation
    converting the literal answered an internal error."""
    for literal in ("9" * 5000, "1." + "5" * 60):
        query = "{ courses(first: " + literal + ") { totalCount } }"
        response = await http.post("/graphql", json={"query": query}, headers=GRAPHQL_RESPONSE)
        assert (response.status_code, response.json()) == (
            400,
            {
                "errors": [
                    {
                        "message": "Number literals may have at most 40 characters.",
                        "extensions": {"code": "NUMBER_TOO_LONG"},
                    }
                ]
            },
        )
    ok = await http.post("/graphql", json={"query": "{ courses(first: 2) { totalCount } }"})
    assert "errors" not in ok.json()


async def test_odd_text_in_a_query_is_a_request_error(http: httpx.AsyncClient) -> None:
    """NUL bytes and lone surrogates in a query's literals or variables are refused before
    they reach SQL (mutations report them on the input field instead)."""
    expected = {
        "errors": [
            {
                "message": "Text may not contain NUL bytes or lone surrogates.",
                "extensions": {"code": "INVALID_TEXT"},
            }
        ]
    }
    by_variable = {
        "query": "query($s: String) { courses(filter: {search: $s}) { totalCount } }",
        "variables": {"s": "air\u0000port"},
    }
    assert (await http.post("/graphql", json=by_variable)).json() == expected
    literal = '{ course(slug: "a\\u0000b") { id } }'
    assert (await http.post("/graphql", json={"query": literal})).json() == expected


async def test_an_overlong_slug_names_no_course(http: httpx.AsyncClient) -> None:
    query = "query($s: String!) { course(slug: $s) { id } }"
    response = await http.post("/graphql", json={"query": query, "variables": {"s": "x" * 500}})
    assert response.json() == {"data": {"course": None}}
