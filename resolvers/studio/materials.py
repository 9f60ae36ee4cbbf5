"""Study materials: creating one (processed in the background), editing it, deleting it and
regenerating its assets.

- Creating checks every field first (material_input.py: nothing is written when one is
  wrong), then stores the material PROCESSING, `sourceType` URL when a source address is
  given (else TEXT), and queues its processing job (jobs.py) in the same transaction: the
  job exists exactly when the material does. Its subscribers follow it from there.
- Only the owner changes a material (policy.py): another learner gets NOT_FOUND, an admin
  FORBIDDEN. Editing changes the title, description, subject area, tags and difficulty
  (fields left out, or null, stay as they are); the text stays what was processed.
- Deleting is a soft delete (`deleted_at`): the material, its chunks and assets disappear
  everywhere and its cards stop being due; the account-deletion flow purges the rows.
  Deleting a deleted material is NOT_FOUND.
- Regenerating makes the material PROCESSING again and queues its job (one waiting job per
  material at most): the result replaces the chunks; assets whose type and content did not
  change keep their cards and history, the others are archived (material_store.py). Asked
  while a job is waiting, it adds none (that job does it).
- Every change is announced to the material's subscribers on commit (events.py).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from tortoise.transactions import in_transaction

from core.errors import AppError, ErrorCode, Validator, not_found
from core.rows import build
from loaders.base import select_visible
from models.studio import MaterialStatus, SourceType, StudyMaterial
from resolvers.identity.policy import require_viewer
from resolvers.studio import events, policy, queries
from resolvers.studio.jobs import queue_processing
from resolvers.studio.material_input import check_fields, check_text

if TYPE_CHECKING:
    from models.identity import User

NOT_OWNER = "Only the material's owner may change it."
UPDATABLE = frozenset({"title", "description", "subject_area", "tags", "difficulty"})


async def readable_material(viewer: User | None, material_id: Any, field: str) -> StudyMaterial:
    """The material if the viewer reads it (policy.materials), else NOT_FOUND on `field`."""
    if material_id is not None:
        found = await select_visible(StudyMaterial, [material_id], policy.materials(viewer))
        material = found.get(material_id)
        if material is not None:
            return material
    raise not_found("StudyMaterial", field)


async def material_to_change(viewer: User, material_id: Any, field: str) -> StudyMaterial:
    """The material if the viewer reads it (else NOT_FOUND) and owns it (else FORBIDDEN)."""
    material = await readable_material(viewer, material_id, field)
    if not policy.can_change(viewer, material.user_id):
        raise AppError.of(ErrorCode.FORBIDDEN, NOT_OWNER)
    return material


async def create_study_material(
    viewer: User | None,
    *,
    title: str,
    text: str,
    description: str | None = None,
    source_url: str | None = None,
    language: str | None = None,
    subject_area: str | None = None,
    tags: list[str] | None = None,
    difficulty: int | None = None,
) -> StudyMaterial:
    """A new material of the viewer's, PROCESSING, with its processing queued."""
    user = require_viewer(viewer)
    v = Validator()
    given = {
        "title": title,
        "description": description,
        "source_url": source_url,
        "language": language,
        "subject_area": subject_area,
        "tags": tags,
        "difficulty": difficulty,
    }
    fields = check_fields(v, given)
    check_text(v, text)
    v.raise_if_any()
    async with in_transaction() as conn:
        material = await StudyMaterial.create(
            user_id=user.id,
            title=fields.title,
            description=fields.description or "",
            source_type=SourceType.URL if fields.source_url else SourceType.TEXT,
            source_url=fields.source_url,
            text=text,
            language=fields.language,
            subject_area=fields.subject_area or "",
            tags=fields.tags or [],
            difficulty=fields.difficulty,
            status=MaterialStatus.PROCESSING,
            using_db=conn,
        )
        await queue_processing(material.id)
        await events.announce(conn, material.id)
    return material


async def update_study_material(
    viewer: User | None, material_id: Any, *, changes: dict[str, Any]
) -> StudyMaterial:
    """The material with `changes` applied (see the module's docstring)."""
    unknown = set(changes) - UPDATABLE
    if unknown:
        raise TypeError(f"update_study_material cannot change {sorted(unknown)}")
    user = require_viewer(viewer)
    material = await material_to_change(user, material_id, "id")
    given = {name: value for name, value in changes.items() if value is not None}
    v = Validator()
    fields = check_fields(v, given)
    v.raise_if_any()
    for name in given:
        setattr(material, name, getattr(fields, name))
    async with in_transaction() as conn:
        if given:
            await material.save(update_fields=[*given, "updated_at"], using_db=conn)
            await events.announce(conn, material.id)
    return material


async def delete_study_material(viewer: User | None, material_id: Any) -> Any:
    """Soft-delete the material; its id."""
    user = require_viewer(viewer)
    material = await material_to_change(user, material_id, "id")
    now = datetime.now(UTC)
    async with in_transaction() as conn:
        changed = (
            await StudyMaterial.filter(id=material.id, deleted_at=None)
            .using_db(conn)
            .update(deleted_at=now, updated_at=now)
        )
        if not changed:  # deleted meanwhile
            raise not_found("StudyMaterial", "id")
        await events.announce(conn, material.id)
    return material.id


async def regenerate_assets(viewer: User | None, material_id: Any) -> StudyMaterial:
    """The material PROCESSING again, with its processing queued."""
    user = require_viewer(viewer)
    material = await material_to_change(user, material_id, "materialId")
    now = datetime.now(UTC)
    async with in_transaction() as conn:
        rows = await conn.execute_query_dict(queries.RESTART, [material.id, now])
        if not rows:
            raise not_found("StudyMaterial", "materialId")  # deleted meanwhile
        await queue_processing(material.id)
        await events.announce(conn, material.id)
    return build(StudyMaterial, rows)[0]  # as written: the job may be done already
