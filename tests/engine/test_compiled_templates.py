"""Renders shared by every viewer of a role (engine/compiler/templates.py): one render per
operation and role, each viewer's id filled in per request; an operation whose render needs
more of the viewer than its id as a parameter is rendered per viewer, as before."""

from __future__ import annotations

import json
from typing import Any

import pytest
import strawberry

from core.settings import Settings
from engine.compiler import runner
from engine.compiler.runner import PER_VIEWER, ReadCompiler
from engine.compiler.templates import OpenValue, Template, ViewerSpecific
from engine.ids import global_id
from tests.engine.test_executors_agree import OPERATION_TEXTS
from tests.factories.identity import signed_in


@pytest.fixture(scope="module")
def schema(app_settings: Settings) -> strawberry.Schema:
    from schema.root import build_schema

    return build_schema(app_settings)


async def _me(compiler: ReadCompiler, viewer: Any) -> dict[str, Any]:
    body, declined = await compiler.attempt(OPERATION_TEXTS["Me"][1], "Me", {}, viewer)
    assert body is not None and not declined
    return json.loads(body)["data"]["me"]


async def _two_learners_read_their_own(compiler: ReadCompiler) -> None:
    """Two learners ask `Me` in turn; each is answered with their own row."""
    first, _ = await signed_in()
    second, _ = await signed_in()

    mine, theirs = await _me(compiler, first), await _me(compiler, second)

    assert mine["id"] == global_id("User", first.id)
    assert theirs["id"] == global_id("User", second.id)


def test_an_open_value_refuses_every_use_but_being_passed_along() -> None:
    value = OpenValue("viewer id")
    uses = [
        lambda: value == "x",
        lambda: value != "x",
        lambda: hash(value),
        lambda: str(value),
        lambda: f"{value}",
        lambda: bool(value),
        lambda: value.hex,
    ]
    for use in uses:
        with pytest.raises(ViewerSpecific):
            use()
    with pytest.raises(ViewerSpecific):
        Template.of("SELECT $1", [[value]], None, value, None)


@pytest.mark.asyncio(loop_scope="session")
async def test_viewers_of_a_role_share_one_render_and_read_their_own_rows(
    server: str, schema: strawberry.Schema, app_settings: Settings
) -> None:
    compiler = ReadCompiler(schema, app_settings)

    await _two_learners_read_their_own(compiler)

    assert [type(found) for found in compiler._shared.values()] == [Template]
    assert not compiler._renders  # nothing rendered per viewer


@pytest.mark.asyncio(loop_scope="session")
async def test_a_render_that_compares_the_viewer_id_is_rendered_per_viewer(
    server: str,
    schema: strawberry.Schema,
    app_settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    render_query = runner.render_query

    def comparing(statement: Any, selection_set: Any) -> str:
        if statement.viewer is not None and statement.viewer.id == "someone":
            raise AssertionError("not reached")
        return render_query(statement, selection_set)

    monkeypatch.setattr(runner, "render_query", comparing)
    compiler = ReadCompiler(schema, app_settings)

    await _two_learners_read_their_own(compiler)

    assert list(compiler._shared.values()) == [PER_VIEWER]
    assert len(compiler._renders) == 2
