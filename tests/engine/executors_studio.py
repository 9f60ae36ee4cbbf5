"""The studio part of the executors' comparison world (test_executors_agree.py): the learner's
material processed by the local generator (chunks, assets, due cards), one asset rated."""

from __future__ import annotations

from typing import Any

from engine.ids import global_id
from models.identity import User
from models.studio import AssetFeedback, GeneratedAsset
from tests.factories.studio import processed_material


async def studio_variables(learner: User) -> dict[str, list[dict[str, Any]]]:
    """Builds the learner's studio and returns the variable sets of the studio queries."""
    row, _status = await processed_material(learner, title="The water cycle", tags=["science"])
    first = await GeneratedAsset.filter(material_id=row.id).order_by("created_at").first()
    assert first is not None, "the generator made no asset"
    await AssetFeedback.create(user_id=learner.id, asset_id=first.id, rating=4)
    material_id = global_id("StudyMaterial", row.id)
    return {
        "MyStudyMaterials": [{}, {"tag": "science", "first": 1}],
        "StudyMaterial": [{"id": material_id}, {"id": material_id, "first": 3}],
        "DueReviews": [{}, {"first": 2}],
    }
