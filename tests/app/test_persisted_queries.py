"""Automatic persisted queries (Apollo's protocol): not found → register with the text →
hash alone runs it, over POST and GET, shared by every worker, bounded, never storing a
document that fails validation."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import httpx

from app.persisted_queries import TABLE
from core.rows import fetch_records
from core.settings import Settings
from main import create_app
from tests.factories.identity import signed_in
from tests.http_helpers import GRAPHQL_RESPONSE, app_client, variant

NOT_FOUND = {
    "errors": [
        {"message": "PersistedQueryNotFound", "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"}}
    ]
}


def _sha(query: str) -> str:
    return hashlib.sha256(query.encode()).hexdigest()


def _extensions(query: str, version: int = 1) -> dict[str, Any]:
    return {"persistedQuery": {"version": version, "sha256Hash": _sha(query)}}


def _unique(name: str) -> str:
    """A document no other test registered (the store outlives each test)."""
    return f"query {name}_{_sha(name)[:8]} {{ languages {{ code }} }}"


async def _stored(query: str) -> list[str]:
    rows = await fetch_records(f'SELECT document FROM "{TABLE}" WHERE sha256 = $1', [_sha(query)])
    return [row["document"] for row in rows]


async def test_not_found_then_registered_then_run_by_hash(http: httpx.AsyncClient) -> None:
    query = _unique("Languages")
    by_hash = {"extensions": _extensions(query)}
    missing = await http.post("/graphql", json=by_hash)
    assert (missing.status_code, missing.json()) == (200, NOT_FOUND)
    strict = await http.post("/graphql", json=by_hash, headers=GRAPHQL_RESPONSE)
    assert (strict.status_code, strict.json()) == (200, NOT_FOUND)

    registered = await http.post("/graphql", json={"query": query, **by_hash})
    assert set(registered.json()) == {"data"}
    assert await _stored(query) == [query]

    hit = await http.post("/graphql", json=by_hash)
    assert hit.json() == registered.json()
    by_get = await http.get("/graphql", params={"extensions": json.dumps(by_hash["extensions"])})
    assert by_get.json() == registered.json()


async def test_variables_and_the_viewer_apply_to_a_persisted_query(
    http: httpx.AsyncClient,
) -> None:
    _, token = await signed_in(display_name="Persisted Reader")
    query = "query PersistedMe($x: Boolean!) { me { displayName @include(if: $x) } }"
    body = {"query": query, "variables": {"x": True}, "extensions": _extensions(query)}
    auth = {"Authorization": f"Bearer {token}"}
    await http.post("/graphql", json=body, headers=auth)
    del body["query"]
    for x, me in ((True, {"displayName": "Persisted Reader"}), (False, {})):
        body["variables"] = {"x": x}
        response = await http.post("/graphql", json=body, headers=auth)
        assert response.json() == {"data": {"me": me}}


async def test_a_hash_that_does_not_match_the_text_is_a_request_error(
    http: httpx.AsyncClient,
) -> None:
    query = _unique("Mismatch")
    body = {"query": query, "extensions": _extensions(query + " ")}
    response = await http.post("/graphql", json=body)
    assert response.status_code == 400
    assert response.json() == {
        "errors": [
            {
                "message": "The query's SHA-256 does not match `persistedQuery.sha256Hash`.",
                "extensions": {"code": "PERSISTED_QUERY_HASH_MISMATCH"},
            }
        ]
    }
    assert await _stored(query) == []
    assert await _stored(query + " ") == []


async def test_malformed_persisted_query_extensions_are_refused(http: httpx.AsyncClient) -> None:
    query = _unique("Malformed")
    cases = [
        (_extensions(query, version=2), "PERSISTED_QUERY_VERSION_NOT_SUPPORTED"),
        ({"persistedQuery": {"version": 1, "sha256Hash": "abc"}}, "BAD_REQUEST"),
        ({"persistedQuery": "yes"}, "BAD_REQUEST"),
    ]
    for extensions, code in cases:
        response = await http.post("/graphql", json={"extensions": extensions})
        assert response.status_code == 400
        assert [e["extensions"]["code"] for e in response.json()["errors"]] == [code]


async def test_documents_that_fail_validation_are_never_stored(http: httpx.AsyncClient) -> None:
    invalid = "query NoSuchField { noSuchField }"
    response = await http.post(
        "/graphql", json={"query": invalid, "extensions": _extensions(invalid)}
    )
    assert [e["message"] for e in response.json()["errors"]] == [
        "Cannot query field 'noSuchField' on type 'Query'."
    ]
    assert await _stored(invalid) == []
    again = await http.post("/graphql", json={"extensions": _extensions(invalid)})
    assert again.json() == NOT_FOUND


async def test_a_mutation_by_hash_over_get_is_refused(http: httpx.AsyncClient) -> None:
    mutation = "mutation PersistedLogOut { logOut(input: {}) { ok } }"
    await http.post("/graphql", json={"query": mutation, "extensions": _extensions(mutation)})
    assert await _stored(mutation) == [mutation]
    extensions = json.dumps(_extensions(mutation))
    response = await http.get("/graphql", params={"extensions": extensions})
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"


async def test_the_store_is_shared_by_every_worker(server: str, settings: Settings) -> None:
    """Two app instances (two workers' worth of in-process state) over one database."""
    query = _unique("Shared")
    body = {"extensions": _extensions(query)}
    async with (
        app_client(create_app(settings)) as first,
        app_client(create_app(settings)) as second,
    ):
        assert (await second.post("/graphql", json=body)).json() == NOT_FOUND
        await first.post("/graphql", json={"query": query, **body})
        assert "errors" not in (await second.post("/graphql", json=body)).json()


async def test_the_store_keeps_the_most_recently_used_documents(
    server: str, settings: Settings
) -> None:
    limited = variant(settings, persisted_query_limit=2)
    queries = [_unique(f"Bounded{n}") for n in range(4)]
    async with app_client(create_app(limited)) as client:
        for query in queries:
            await client.post("/graphql", json={"query": query, "extensions": _extensions(query)})
    (count,) = await fetch_records(f'SELECT count(*) AS n FROM "{TABLE}"')
    assert count["n"] == 2
    assert [await _stored(q) for q in queries] == [[], [], [queries[2]], [queries[3]]]
