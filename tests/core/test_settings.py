"""Settings: environment variables, the production safety checks, and switches that really
switch (introspection, GraphiQL)."""

from __future__ import annotations

import dataclasses
from typing import Any

import httpx
import pytest

from core.settings import DEFAULT_SECRET, Settings, load_settings
from main import create_app
from tests.http_helpers import GRAPHQL_RESPONSE, JSON_BODY, client_for, variant

SAFE_PRODUCTION = Settings(
    app_env="production",
    debug=False,
    secret_key="a-long-random-production-secret",
    graphiql=False,
    introspection=False,
    payment_provider="stripe",
    stripe_api_key="sk_live_x",
    stripe_webhook_secret="whsec_x",
)


def _refusal(settings: Settings) -> str:
    with pytest.raises(RuntimeError) as refused:
        settings.validate()
    return str(refused.value)


def test_development_defaults_are_accepted() -> None:
    Settings().validate()


def test_safe_production_settings_are_accepted() -> None:
    SAFE_PRODUCTION.validate()


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"secret_key": DEFAULT_SECRET}, "SECRET_KEY is the development default"),
        ({"debug": True}, "DEBUG is on"),
        ({"graphiql": True}, "GraphiQL or introspection is on"),
        ({"introspection": True}, "GraphiQL or introspection is on"),
        ({"payment_provider": "local"}, "PAYMENT_PROVIDER is local (its pay page takes no money)"),
        (
            {"stripe_webhook_secret": ""},
            "STRIPE_API_KEY and STRIPE_WEBHOOK_SECRET are required",
        ),
    ],
)
def test_production_refuses_each_unsafe_setting(changes: dict[str, Any], problem: str) -> None:
    message = _refusal(dataclasses.replace(SAFE_PRODUCTION, **changes))
    assert message == f"refusing to start in production: {problem}" + (
        " (set ALLOW_GRAPHIQL_IN_PRODUCTION=1 to allow)" if "GraphiQL" in problem else ""
    )


def test_production_lists_every_problem_at_once() -> None:
    message = _refusal(Settings(app_env="production"))
    assert message == (
        "refusing to start in production: SECRET_KEY is the development default; DEBUG is on; "
        "GraphiQL or introspection is on (set ALLOW_GRAPHIQL_IN_PRODUCTION=1 to allow); "
        "PAYMENT_PROVIDER is local (its pay page takes no money)"
    )


def test_graphiql_and_introspection_may_be_allowed_explicitly() -> None:
    allowed = dataclasses.replace(
        SAFE_PRODUCTION, graphiql=True, introspection=True, allow_unsafe_production=True
    )
    allowed.validate()


def test_the_app_refuses_to_start_in_production_with_defaults() -> None:
    with pytest.raises(RuntimeError, match="refusing to start in production"):
        create_app(Settings(app_env="production"))


def test_production_environment_defaults_are_safe_except_the_secrets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    names = ("DEBUG", "GRAPHIQL", "INTROSPECTION", "SECRET_KEY", "ALLOWED_ORIGINS")
    for name in (*names, "PAYMENT_PROVIDER", "STRIPE_API_KEY", "STRIPE_WEBHOOK_SECRET"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("APP_ENV", "production")
    settings = load_settings()
    assert (settings.debug, settings.graphiql, settings.introspection) == (False, False, False)
    assert settings.payment_provider == "stripe"
    assert _refusal(settings) == (
        "refusing to start in production: SECRET_KEY is the development default; "
        "STRIPE_API_KEY and STRIPE_WEBHOOK_SECRET are required"
    )
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    monkeypatch.setenv("STRIPE_API_KEY", "sk_live_from_the_environment")
    monkeypatch.setenv("STRIPE_WEBHOOK_SECRET", "whsec_from_the_environment")
    load_settings().validate()


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APP_ENV", "development")
    monkeypatch.setenv("ALLOWED_ORIGINS", "https://app.example.com, https://admin.example.com")
    monkeypatch.setenv("MAX_QUERY_DEPTH", "7")
    monkeypatch.setenv("MAX_QUERY_ALIASES", "3")
    monkeypatch.setenv("MAX_QUERY_TOKENS", "900")
    monkeypatch.setenv("MAX_QUERY_COST", "1234")
    monkeypatch.setenv("INTROSPECTION", "off")
    settings = load_settings()
    assert settings.allowed_origins == ["https://app.example.com", "https://admin.example.com"]
    assert (settings.max_depth, settings.max_aliases, settings.max_tokens, settings.max_cost) == (
        7,
        3,
        900,
        1234,
    )
    assert settings.introspection is False
    assert settings.graphiql is True


async def test_introspection_off_really_disables_it(server: str, settings: Settings) -> None:
    async with client_for(variant(settings, introspection=False)) as client:
        for query, field in (
            ("{ __schema { queryType { name } } }", "__schema"),
            ('{ __type(name: "User") { name } }', "__type"),
        ):
            response = await client.post("/graphql", json={"query": query}, headers=JSON_BODY)
            body = response.json()
            assert "data" not in body
            assert body["errors"][0] == {
                "message": "GraphQL introspection has been disabled, but the requested"
                f" query contained the field '{field}'.",
                "locations": [{"line": 1, "column": 3}],
            }
            strict = await client.post("/graphql", json={"query": query}, headers=GRAPHQL_RESPONSE)
            assert strict.status_code == 400
        # __typename is not introspection of the schema and keeps working.
        typename = await client.post("/graphql", json={"query": "{ __typename }"})
        assert typename.json() == {"data": {"__typename": "Query"}}


async def test_introspection_on_by_default_in_development(http: httpx.AsyncClient) -> None:
    response = await http.post("/graphql", json={"query": "{ __schema { queryType { name } } }"})
    assert response.json() == {"data": {"__schema": {"queryType": {"name": "Query"}}}}


async def test_graphiql_off_serves_no_page_and_no_assets(server: str, settings: Settings) -> None:
    async with client_for(variant(settings, graphiql=False)) as client:
        page = await client.get("/graphql", headers={"accept": "text/html"})
        assert page.status_code == 406
        assert "graphiql" not in page.text.lower()
        asset = await client.get("/graphiql/static/graphiql@3.8.3/graphiql.min.js")
        assert asset.status_code == 404


def test_a_malformed_trusted_proxy_fails_start_up() -> None:
    with pytest.raises(RuntimeError, match=r"TRUSTED_PROXIES: .*'10\.0\.0\.300'"):
        create_app(Settings(trusted_proxies=["10.0.0.300"]))
