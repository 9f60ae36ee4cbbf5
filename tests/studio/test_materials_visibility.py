"""Who reads and changes study materials (resolvers/studio/policy.py): the owner; admins
read (node, events) but may not change them (FORBIDDEN); other learners and anonymous
callers read them, their chunks and assets as not found. A deleted material disappears
everywhere: from `node`, the owner's list and its filters' counts, its chunks and assets,
and its cards stop being live (due); deleting it again is NOT_FOUND."""

from __future__ import annotations

from typing import Any

import pytest

from engine.ids import global_id
from loaders.base import select_allowed
from models.identity import Role, User
from models.studio import AssetType, ContentChunk, GeneratedAsset, ReviewCard, StudyMaterial
from resolvers.studio import policy
from tests.factories.identity import signed_in
from tests.factories.studio import (
    MATERIAL_OPS,
    asset,
    call,
    card,
    processed_material,
)
from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.skipif(MATERIAL_OPS is None, reason="studio.graphql is absent")

NODE = "query($id: ID!) { node(id: $id) { __typename id } }"
NOT_FOUND = {"field": "id", "code": "NOT_FOUND", "message": "StudyMaterial not found."}
NOT_OWNER = "Only the material's owner may change it."
FORBIDDEN = {"field": None, "code": "FORBIDDEN", "message": NOT_OWNER}


async def _node(gql: GraphQLClient, node_id: str, token: str | None) -> Any:
    return (await gql(NODE, {"id": node_id}, token=token))["node"]


async def _ids(user: User) -> tuple[StudyMaterial, dict[str, str]]:
    """A processed material of the user's and the global ids of it, a chunk and an asset."""
    row, _ = await processed_material(user)
    chunk = await ContentChunk.filter(material_id=row.id).order_by("position").first()
    made = await GeneratedAsset.filter(material_id=row.id).first()
    assert chunk is not None and made is not None
    return row, {
        "StudyMaterial": global_id("StudyMaterial", row.id),
        "ContentChunk": global_id("ContentChunk", chunk.id),
        "GeneratedAsset": global_id("GeneratedAsset", made.id),
    }


async def _titles(gql: GraphQLClient, token: str, **variables: Any) -> tuple[list[str], int]:
    me = await call(gql, "MyStudyMaterials", token, **variables)
    found = me["studyMaterials"]
    return [edge["node"]["title"] for edge in found["edges"]], found["totalCount"]


async def test_a_material_its_chunks_and_assets_are_the_owners_and_admins_to_read(
    gql: GraphQLClient,
) -> None:
    owner, token = await signed_in()
    _, stranger = await signed_in()
    _, admin = await signed_in(Role.ADMIN)
    _, ids = await _ids(owner)
    for type_name, node_id in ids.items():
        assert await _node(gql, node_id, token) == {"__typename": type_name, "id": node_id}
        assert await _node(gql, node_id, admin) == {"__typename": type_name, "id": node_id}
        assert await _node(gql, node_id, stranger) is None
        assert await _node(gql, node_id, None) is None
    read = await call(gql, "StudyMaterial", stranger, id=ids["StudyMaterial"])
    assert read is None
    # Another learner's list shows only their own: none.
    assert await _titles(gql, stranger) == ([], 0)


async def test_only_the_owner_changes_a_material(gql: GraphQLClient) -> None:
    owner, _ = await signed_in()
    _, stranger = await signed_in()
    _, admin = await signed_in(Role.ADMIN)
    row, ids = await _ids(owner)
    material_id = ids["StudyMaterial"]
    for token, error in ((stranger, NOT_FOUND), (admin, FORBIDDEN)):
        updated = await call(gql, "UpdateStudyMaterial", token, id=material_id, title="Mine")
        assert updated == {"material": None, "errors": [error]}
        deleted = await call(gql, "DeleteStudyMaterial", token, id=material_id)
        assert deleted == {"deletedId": None, "errors": [error]}
        again = await call(gql, "RegenerateAssets", token, materialId=material_id)
        field = "materialId" if error is NOT_FOUND else None
        assert again == {"material": None, "errors": [{**error, "field": field}]}
    stored = await StudyMaterial.get(id=row.id)
    assert (stored.title, stored.deleted_at, stored.status.value) == (row.title, None, "ready")


async def test_a_deleted_material_disappears_everywhere(gql: GraphQLClient) -> None:
    owner, token = await signed_in()
    _, admin = await signed_in(Role.ADMIN)
    row, ids = await _ids(owner)
    kept, _ = await processed_material(owner, title="Kept")
    cloze = {"text": "I ____ to school.", "answer": "went", "sentence": "I went to school."}
    mistake = await asset(owner, None, AssetType.CLOZE, cloze)  # a mistake's: no material
    await card(owner, mistake)
    live_before = await select_allowed(ReviewCard, policy.live_cards(owner))
    assert await _titles(gql, token) == (["Kept", row.title], 2)

    deleted = await call(gql, "DeleteStudyMaterial", token, id=ids["StudyMaterial"])
    assert deleted == {"deletedId": ids["StudyMaterial"], "errors": []}
    for node_id in ids.values():
        assert await _node(gql, node_id, token) is None
        assert await _node(gql, node_id, admin) is None
    assert await _titles(gql, token) == (["Kept"], 1)
    assert await _titles(gql, token, tag=None, status="READY") == (["Kept"], 1)

    # Its cards are no longer live (due); the other material's and the mistake's still are.
    live = await select_allowed(ReviewCard, policy.live_cards(owner))
    of_deleted = {c.id for c in await ReviewCard.filter(asset__material_id=row.id)}
    assert of_deleted and {c.id for c in live} == {c.id for c in live_before} - of_deleted
    assert mistake.id in {c.asset_id for c in live}
    readable = {c.id for c in await select_allowed(ReviewCard, policy.cards(owner))}
    assert readable and readable.isdisjoint(of_deleted)  # nor read at all

    again = await call(gql, "DeleteStudyMaterial", token, id=ids["StudyMaterial"])
    assert again == {"deletedId": None, "errors": [NOT_FOUND]}
    regenerated = await call(gql, "RegenerateAssets", token, materialId=ids["StudyMaterial"])
    assert regenerated["errors"] == [{**NOT_FOUND, "field": "materialId"}]
    assert (await StudyMaterial.get(id=kept.id)).deleted_at is None


async def test_anonymous_callers_change_nothing(gql: GraphQLClient) -> None:
    owner, _ = await signed_in()
    _, ids = await _ids(owner)
    unauthenticated = {
        "field": None,
        "code": "UNAUTHENTICATED",
        "message": "You must be signed in.",
    }
    deleted = await call(gql, "DeleteStudyMaterial", None, id=ids["StudyMaterial"])
    assert deleted == {"deletedId": None, "errors": [unauthenticated]}
    me = await gql(MATERIAL_OPS or "", {}, operation_name="MyStudyMaterials")
    assert me == {"me": None}
