"""Catalog's events.

- `CatalogChanged`: what teachers and admins change in the catalog (course authoring,
  sections, units, lessons, exercises and prerequisites, imports), emitted through
  core.events inside the use case's transaction: the single call site the audit seam hooks
  (`audit`; one event type, the action named after the mutation; the changed fields' old
  and new values where the use case has them cheaply, else the action and entity only).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from core.events import emit


@dataclass(frozen=True)
class CatalogChanged:
    actor_id: UUID | None  # None: the command line's import
    # create_course, update_course, publish_course, unpublish_course, delete_course,
    # create_/update_/move_/delete_ section, unit, lesson and exercise,
    # add_lesson_prerequisite, remove_lesson_prerequisite, import_course
    action: str
    entity: str  # "course", "section", "unit", "lesson" or "exercise"
    entity_id: UUID
    old: Mapping[str, Any] = field(default_factory=dict)  # changed fields before
    new: Mapping[str, Any] = field(default_factory=dict)  # and after


async def audit(
    conn: Any,
    actor_id: UUID | None,
    action: str,
    entity: str,
    entity_id: UUID,
    old: Mapping[str, Any] | None = None,
    new: Mapping[str, Any] | None = None,
) -> None:
    """The audit seam's one call site: every catalog change comes through here."""
    event = CatalogChanged(actor_id, action, entity, entity_id, dict(old or {}), dict(new or {}))
    await emit(event, conn)
