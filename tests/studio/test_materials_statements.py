"""Statement counts of the `StudyMaterial` read (issue 17's proof): a material with 5 chunks
and 5 assets costs the same statements as one with 50 of each, read by its owner (who rated
some assets) and by an admin. The count is pinned, not only compared: a handful of batched
statements, none per chunk or asset."""

from __future__ import annotations

from typing import Any

import pytest

from core.sqlcount import StatementLog
from engine.ids import global_id
from models.identity import Role, User
from models.studio import AssetFeedback, AssetType, StudyMaterial
from tests.factories.catalog import language
from tests.factories.identity import signed_in
from tests.factories.studio import MATERIAL_OPS, asset, chunk, flashcard, material
from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.skipif(MATERIAL_OPS is None, reason="studio.graphql is absent")

TYPES = [AssetType.FLASHCARD, AssetType.CLOZE, AssetType.QUIZ_QUESTION, AssetType.SUMMARY]
# Measured: the viewer's token; the material (node, under the access rule); its language;
# its asset counts (one GROUP BY); the chunks' page (its total in the same statement); the
# assets' page (likewise); the assets' chunks; the viewer's ratings of the assets.
STATEMENTS = 8


async def _material(user: User, size: int) -> StudyMaterial:
    """A READY material with `size` chunks and `size` assets (one per chunk, of every type in
    turn), a third of them rated by its owner."""
    await language("en", "English")
    row = await material(user)
    for i in range(size):
        piece = await chunk(row, i, f"Paragraph {i} about evaporation.")
        kind = TYPES[i % len(TYPES)]
        made = await asset(user, row, kind, flashcard(f"term{i}"), chunk_row=piece)
        if i % 3 == 0:
            await AssetFeedback.create(user_id=user.id, asset_id=made.id, rating=1 + i % 5)
    return row


async def _count(
    gql: GraphQLClient, sql: StatementLog, token: str, node_id: str
) -> tuple[int, Any]:
    """The statements of `StudyMaterial` (its second run: the first warms the token)."""
    assert MATERIAL_OPS is not None
    await gql(MATERIAL_OPS, {"id": node_id}, token=token, operation_name="StudyMaterial")
    sql.clear()
    data = await gql(MATERIAL_OPS, {"id": node_id}, token=token, operation_name="StudyMaterial")
    return sql.count, data["node"]


def _check(read: dict[str, Any], size: int, rated: bool) -> None:
    assert read["language"]["code"] == "en"
    chunks = [edge["node"] for edge in read["chunks"]["edges"]]
    assert (read["chunks"]["totalCount"], len(chunks)) == (size, size)
    assert [c["position"] for c in chunks] == list(range(size))
    assets = [edge["node"] for edge in read["assets"]["edges"]]
    assert (read["assets"]["totalCount"], len(assets)) == (size, size)
    assert [a["chunk"]["position"] for a in assets] == list(range(size))
    ratings = [a["viewerRating"] for a in assets]
    assert ratings == [(1 + i % 5 if i % 3 == 0 else None) if rated else None for i in range(size)]
    counts = read["assetCounts"]
    assert sum(counts.values()) == size and counts["flashcards"] == (size + 3) // 4


async def test_a_material_costs_the_same_statements_for_5_and_50_chunks_and_assets(
    gql: GraphQLClient, sql: StatementLog
) -> None:
    _, admin = await signed_in(Role.ADMIN)
    for size in (5, 50):
        owner, token = await signed_in()
        row = await _material(owner, size)
        node_id = global_id("StudyMaterial", row.id)
        counts = {}
        for who, viewer_token in (("owner", token), ("admin", admin)):
            counts[who], read = await _count(gql, sql, viewer_token, node_id)
            _check(read, size, rated=who == "owner")
        assert counts == {"owner": STATEMENTS, "admin": STATEMENTS}, (size, counts, sql)
