"""`me.studyMaterials` (MyStudyMaterials): the learner's own materials, not deleted, newest
first; filtered by tag (case ignored), subject area (case ignored), status and a text
search (every word, as the start of a word, in the title, description, subject, tags or
text); keyset-paginated, with the filtered total on every page."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from models.identity import User
from models.studio import MaterialStatus
from tests.factories.identity import signed_in
from tests.factories.studio import MATERIAL_OPS, call, material
from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.skipif(MATERIAL_OPS is None, reason="studio.graphql is absent")


async def _shelf(user: User) -> None:
    """Four materials of the user's (oldest first) and two that are never listed."""
    await material(
        user, title="Photosynthesis basics", tags=["biology", "plants"], subject_area="Biology",
        text="Plants turn light into sugar.",
    )  # fmt: skip
    await material(
        user, title="Cell division", tags=["biology"], subject_area="biology",
        status=MaterialStatus.PROCESSING, text="Mitosis splits one cell in two.",
    )  # fmt: skip
    await material(
        user, title="French verbs", tags=["language"], subject_area="Languages",
        status=MaterialStatus.FAILED, description="Irregular forms", text="Être et avoir.",
    )  # fmt: skip
    await material(user, title="Rainfall", text="The cycle begins with evaporation.")
    await material(user, title="Deleted biology", tags=["biology"], deleted_at=datetime.now(UTC))
    other, _ = await signed_in()
    await material(other, title="Someone else's biology", tags=["biology"])


async def _page(gql: GraphQLClient, token: str, **variables: Any) -> dict[str, Any]:
    found = (await call(gql, "MyStudyMaterials", token, **variables))["studyMaterials"]
    return {
        "titles": [edge["node"]["title"] for edge in found["edges"]],
        "total": found["totalCount"],
        "next": found["pageInfo"]["hasNextPage"],
        "cursor": found["pageInfo"]["endCursor"],
    }


async def _titles(gql: GraphQLClient, token: str, **variables: Any) -> list[str]:
    page = await _page(gql, token, **variables)
    assert page["total"] == len(page["titles"])
    return page["titles"]


FILTERS = [
    ({}, ["Rainfall", "French verbs", "Cell division", "Photosynthesis basics"]),
    ({"tag": " Biology "}, ["Cell division", "Photosynthesis basics"]),
    ({"tag": "chemistry"}, []),
    ({"subjectArea": "BIOLOGY"}, ["Cell division", "Photosynthesis basics"]),
    ({"status": "READY"}, ["Rainfall", "Photosynthesis basics"]),
    ({"status": "FAILED"}, ["French verbs"]),
    ({"search": "photo"}, ["Photosynthesis basics"]),  # the start of a word in the title
    ({"search": "IRREGULAR"}, ["French verbs"]),  # the description, case ignored
    ({"search": "evapor"}, ["Rainfall"]),  # the text
    ({"search": "cell mitosis"}, ["Cell division"]),  # every word, anywhere
    ({"search": "plants biology"}, ["Photosynthesis basics"]),  # tags and text
    ({"search": "cell photo"}, []),
    ({"search": "hesis"}, []),  # inside a word: no
    ({"search": " !!! "}, ["Rainfall", "French verbs", "Cell division", "Photosynthesis basics"]),
    ({"tag": "biology", "status": "READY"}, ["Photosynthesis basics"]),
    ({"search": "languages", "subjectArea": "languages"}, ["French verbs"]),
]


async def test_filters(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    await _shelf(user)
    for variables, expected in FILTERS:
        assert await _titles(gql, token, **variables) == expected, variables


async def test_keyset_pages_walk_the_list_with_its_total(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    await _shelf(user)
    first = await _page(gql, token, first=3)
    assert first | {"cursor": None} == {
        "titles": ["Rainfall", "French verbs", "Cell division"],
        "total": 4,
        "next": True,
        "cursor": None,
    }
    rest = await _page(gql, token, first=3, after=first["cursor"])
    assert (rest["titles"], rest["total"], rest["next"]) == (["Photosynthesis basics"], 4, False)

    one = await _page(gql, token, first=1, tag="biology")
    assert (one["titles"], one["total"], one["next"]) == (["Cell division"], 2, True)
    two = await _page(gql, token, first=1, after=one["cursor"], tag="biology")
    assert (two["titles"], two["total"], two["next"]) == (["Photosynthesis basics"], 2, False)

    bad = await gql.raw(MATERIAL_OPS or "", {"after": "nonsense"}, token, "MyStudyMaterials")
    assert bad["errors"][0]["message"] == "Invalid cursor."
