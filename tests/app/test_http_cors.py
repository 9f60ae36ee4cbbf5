"""CORS over HTTP for ALLOWED_ORIGINS (the WebSocket's origin setting), and cache headers: a
single-page app on another origin can query; answers that depend on the viewer are no-store."""

from __future__ import annotations

import httpx

from core.settings import Settings
from main import create_app
from tests.factories.identity import signed_in
from tests.http_helpers import app_client, variant

APP = "https://app.example.com"
EVIL = "https://evil.example.com"
QUERY = {"query": "{ __typename }"}


def _preflight(origin: str) -> dict[str, str]:
    return {
        "Origin": origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type",
    }


async def test_preflight_from_an_allowed_origin_is_answered(
    server: str, settings: Settings
) -> None:
    async with app_client(create_app(variant(settings, allowed_origins=[APP]))) as client:
        response = await client.options("/graphql", headers=_preflight(APP))
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == APP
    assert set(response.headers["access-control-allow-methods"].split(", ")) == {"GET", "POST"}
    allowed_headers = response.headers["access-control-allow-headers"].lower()
    assert {"authorization", "content-type"} <= set(allowed_headers.replace(" ", "").split(","))
    assert "access-control-allow-credentials" not in response.headers


async def test_answers_to_an_allowed_origin_carry_the_cors_headers(
    server: str, settings: Settings
) -> None:
    async with app_client(create_app(variant(settings, allowed_origins=[APP]))) as client:
        response = await client.post("/graphql", json=QUERY, headers={"Origin": APP})
    assert response.json() == {"data": {"__typename": "Query"}}
    assert response.headers["access-control-allow-origin"] == APP
    assert response.headers["access-control-expose-headers"].lower() == "x-request-id"
    assert "origin" in response.headers["vary"].lower()


async def test_other_origins_get_no_cors_headers(server: str, settings: Settings) -> None:
    async with app_client(create_app(variant(settings, allowed_origins=[APP]))) as client:
        preflight = await client.options("/graphql", headers=_preflight(EVIL))
        answer = await client.post("/graphql", json=QUERY, headers={"Origin": EVIL})
    assert preflight.status_code == 400
    assert "access-control-allow-origin" not in preflight.headers
    assert "access-control-allow-origin" not in answer.headers


async def test_the_default_allows_every_origin(http: httpx.AsyncClient) -> None:
    preflight = await http.options("/graphql", headers=_preflight(EVIL))
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    response = await http.get("/graphql", params=QUERY, headers={"Origin": EVIL})
    assert response.headers["access-control-allow-origin"] == "*"


async def test_answers_for_a_signed_in_viewer_are_not_stored(http: httpx.AsyncClient) -> None:
    _, token = await signed_in()
    auth = {"Authorization": f"Bearer {token}"}
    for response in (
        await http.get("/graphql", params={"query": "{ me { id } }"}, headers=auth),
        await http.post("/graphql", json={"query": "{ me { id } }"}, headers=auth),
    ):
        assert response.status_code == 200
        assert response.headers["cache-control"] == "no-store"


async def test_anonymous_answers_vary_on_authorization(http: httpx.AsyncClient) -> None:
    response = await http.get("/graphql", params={"query": "{ languages { code } }"})
    assert "cache-control" not in response.headers
    assert "Authorization" in response.headers["vary"].split(", ")
