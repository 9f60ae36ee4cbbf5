"""The GraphiQL page and its assets: served from node_modules when they are there (checked
against their integrity hashes), from the CDN otherwise; the example operations as tabs."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app import graphiql

CONFIG = re.compile(r'<script id="graphiql-config" type="application/json">(.*?)</script>', re.S)


@pytest.fixture
def fresh_page() -> Iterator[None]:
    """Recompute the cached page and asset check around a test that changes their inputs."""
    graphiql.local_assets_available.cache_clear()
    graphiql.render_graphiql.cache_clear()
    yield
    graphiql.local_assets_available.cache_clear()
    graphiql.render_graphiql.cache_clear()


def _config(page: str) -> dict:
    match = CONFIG.search(page)
    assert match is not None
    return json.loads(match.group(1))


def test_page_preloads_the_example_operations_and_an_authorization_header() -> None:
    config = _config(graphiql.render_graphiql())
    files = graphiql.operation_files()
    assert files, "no operations folder found"
    # The served domains, in domain order; shared/ files of domains not built yet are left out.
    assert [f.stem for f in files] == [
        "identity",
        "catalog",
        "learning",
        "conversation",
        "assessment",
        "classroom",
        "commerce",
        "studio",
        "recordings",
        "accounts",
        "insight",
    ]
    assert "query Me" in config["tabs"][0]["query"]
    for tab, path in zip(config["tabs"][1:], files, strict=True):
        assert path.read_text() in tab["query"]
    assert {tab["headers"] for tab in config["tabs"]} == {config["headers"]}
    assert json.loads(config["headers"]) == {"Authorization": "Bearer "}


def test_operation_text_cannot_break_out_of_the_script_element() -> None:
    text = graphiql._json_for_script({"query": "# </script><script>alert(1)</script>"})
    assert "</script>" not in text
    assert json.loads(text) == {"query": "# </script><script>alert(1)</script>"}


@pytest.mark.skipif(
    not graphiql.local_assets_available(), reason="node_modules not installed (run `npm ci`)"
)
async def test_local_assets_are_served_with_their_content_types(http: httpx.AsyncClient) -> None:
    page = (await http.get("/graphql", headers={"accept": "text/html"})).text
    for asset in graphiql.ASSETS:
        url = f"/graphiql/static/{asset.name}"
        assert f'"{url}" integrity="{asset.integrity}"' in page
        response = await http.get(url)
        assert response.status_code == 200
        assert response.headers["content-type"] == asset.media_type
        assert response.content == asset.local_path.read_bytes()
    assert "unpkg.com" not in page


@pytest.mark.parametrize(
    "path",
    ["graphiql@3.8.3/package.json", "graphiql@3.8.3/../../pyproject.toml", "react@18.2.0/x.js"],
)
async def test_only_the_listed_assets_are_served(http: httpx.AsyncClient, path: str) -> None:
    assert (await http.get(f"/graphiql/static/{path}")).status_code == 404


def test_page_falls_back_to_the_cdn_without_local_assets(
    fresh_page: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(graphiql, "NODE_MODULES", tmp_path)
    page = graphiql.render_graphiql()
    for asset in graphiql.ASSETS:
        url = f"https://unpkg.com/{asset.name}"
        assert f'"{url}" integrity="{asset.integrity}" crossorigin' in page
    assert "/graphiql/static/" not in page


def test_a_modified_local_asset_is_not_served(
    fresh_page: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for asset in graphiql.ASSETS:  # every file present, but not the pinned bytes
        path = tmp_path / asset.package / asset.file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("/* tampered */")
    monkeypatch.setattr(graphiql, "NODE_MODULES", tmp_path)
    assert graphiql.local_assets_available() is False
    assert "https://unpkg.com/graphiql@3.8.3/graphiql.min.js" in graphiql.render_graphiql()
