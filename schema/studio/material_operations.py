"""The study-material mutations and `studyMaterialEvents`; thin layers over the use cases
in resolvers/studio/materials.py (the types are in schema/studio/materials.py).

`studyMaterialEvents(materialId)` is for those who read the material (its owner, admins;
anyone else: NOT_FOUND on materialId, anonymous: UNAUTHENTICATED). It sends the material's
current state first, then its state after each change (processed, edited, regenerating),
loaded fresh each time; after the listener reconnects (`resync`) it sends the state again
if it changed. When the material is deleted it sends `material: null` and ends.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Any

import strawberry

from engine.context import AppInfo
from engine.ids import NodeRef, decode_global_id, global_id, node_id
from engine.live import state_then_changes
from engine.mutations import Payload, payload_mutation
from engine.permissions import SIGNED_IN, IsAuthenticated
from engine.relations import as_type
from loaders.base import select_visible
from models import studio as m
from models.identity import User as UserRow
from resolvers.identity.policy import require_viewer
from resolvers.studio import events, materials, policy
from schema.studio.materials import StudyMaterial

UNSET: Any = strawberry.UNSET


@strawberry.input
class CreateStudyMaterialInput:
    title: str = strawberry.field(description="Required, at most 200 characters.")
    text: str = strawberry.field(
        description="Plain text, Markdown or HTML, at most 200,000 characters."
    )
    description: str | None = None
    source_url: str | None = strawberry.field(
        default=None, description="Where it came from (http or https): stored, never fetched."
    )
    language: str | None = strawberry.field(
        default=None, description="Its language's code; null: detected."
    )
    subject_area: str | None = None
    tags: list[str] | None = strawberry.field(
        default=None, description="At most 20, each 1-40 characters."
    )
    difficulty: int | None = strawberry.field(default=None, description="1-10; null: computed.")


@strawberry.input(description="Fields left out (or null) stay as they are.")
class UpdateStudyMaterialInput:
    id: NodeRef = node_id("StudyMaterial")
    title: str | None = UNSET
    description: str | None = UNSET
    subject_area: str | None = UNSET
    tags: list[str] | None = UNSET
    difficulty: int | None = UNSET


@strawberry.input
class DeleteStudyMaterialInput:
    id: NodeRef = node_id("StudyMaterial")


@strawberry.input
class RegenerateAssetsInput:
    material_id: NodeRef = node_id("StudyMaterial")


@strawberry.type
class StudyMaterialPayload(Payload):
    material: StudyMaterial | None = None


@strawberry.type
class DeleteStudyMaterialPayload(Payload):
    deleted_id: strawberry.ID | None = None


def _changes(input: UpdateStudyMaterialInput) -> dict[str, Any]:
    names = ("title", "description", "subject_area", "tags", "difficulty")
    return {name: getattr(input, name) for name in names if getattr(input, name) is not UNSET}


@strawberry.type
class Mutation:
    @payload_mutation(
        permission=SIGNED_IN,
        description="Add a study material: stored PROCESSING, then processed in the "
        "background into chunks and assets (follow it with studyMaterialEvents).",
    )
    async def create_study_material(
        self, info: AppInfo, input: CreateStudyMaterialInput
    ) -> StudyMaterialPayload:
        material = await materials.create_study_material(
            info.context.user,
            title=input.title,
            text=input.text,
            description=input.description,
            source_url=input.source_url,
            language=input.language,
            subject_area=input.subject_area,
            tags=input.tags,
            difficulty=input.difficulty,
        )
        return StudyMaterialPayload(material=as_type(StudyMaterial, material))

    @payload_mutation(permission=SIGNED_IN, description="Edit your material's details.")
    async def update_study_material(
        self, info: AppInfo, input: UpdateStudyMaterialInput
    ) -> StudyMaterialPayload:
        material = await materials.update_study_material(
            info.context.user, input.id, changes=_changes(input)
        )
        return StudyMaterialPayload(material=as_type(StudyMaterial, material))

    @payload_mutation(
        permission=SIGNED_IN,
        description="Delete your material: it, its chunks and assets disappear and its "
        "cards stop being due.",
    )
    async def delete_study_material(
        self, info: AppInfo, input: DeleteStudyMaterialInput
    ) -> DeleteStudyMaterialPayload:
        deleted = await materials.delete_study_material(info.context.user, input.id)
        return DeleteStudyMaterialPayload(
            deleted_id=strawberry.ID(global_id("StudyMaterial", deleted))
        )

    @payload_mutation(
        permission=SIGNED_IN,
        description="Process your material again: assets whose text did not change keep "
        "their cards and history, the others are archived.",
    )
    async def regenerate_assets(
        self, info: AppInfo, input: RegenerateAssetsInput
    ) -> StudyMaterialPayload:
        material = await materials.regenerate_assets(info.context.user, input.material_id)
        return StudyMaterialPayload(material=as_type(StudyMaterial, material))


@strawberry.type(description="A material's state: first as it is, then after each change.")
class StudyMaterialEvent:
    material: StudyMaterial | None = strawberry.field(
        description="Null once it was deleted (nothing follows)."
    )


async def _state(viewer: UserRow, material_id: Any) -> m.StudyMaterial | None:
    found = await select_visible(m.StudyMaterial, [material_id], policy.materials(viewer))
    return found.get(material_id)


@strawberry.type
class Subscription:
    @strawberry.subscription(
        permission_classes=[IsAuthenticated],
        description="A material's state as it is processed and changed (see StudyMaterial).",
    )
    async def study_material_events(
        self, info: AppInfo, material_id: strawberry.ID
    ) -> AsyncGenerator[StudyMaterialEvent, None]:
        viewer = require_viewer(info.context.viewer)
        material_uuid = decode_global_id(material_id, "StudyMaterial")
        await materials.readable_material(viewer, material_uuid, "materialId")
        changes = state_then_changes(
            info, events.topic(material_uuid), lambda: _state(viewer, material_uuid)
        )
        async for material in changes:
            material_type = as_type(StudyMaterial, material) if material is not None else None
            yield StudyMaterialEvent(material=material_type)
