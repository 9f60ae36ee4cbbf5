"""Recordings' audit seam: `RecordingChanged`, what a teacher or admin does to recordings
that are not their own (a teacher's evaluation), emitted through core.events inside the use
case's transaction. `audit` is its one call site."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from core.events import emit


@dataclass(frozen=True)
class RecordingChanged:
    actor_id: UUID
    action: str  # evaluate_recording
    entity: str  # "evaluation"
    entity_id: UUID
    recording_id: UUID


async def audit(
    conn: Any, actor_id: UUID, action: str, entity: str, entity_id: UUID, recording_id: UUID
) -> None:
    """The audit seam's one call site: every teacher's and admin's change comes through here."""
    await emit(RecordingChanged(actor_id, action, entity, entity_id, recording_id), conn)
