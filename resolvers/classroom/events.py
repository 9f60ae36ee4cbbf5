"""What teachers and admins change in a classroom, emitted through core.events inside the use
case's transaction: the single call site the audit seam hooks (one event type, the action
named)."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID


@dataclass(frozen=True)
class ClassroomChanged:
    actor_id: UUID
    action: str  # create_classroom, update_classroom, regenerate_join_code, set_membership_status
    entity: str  # "classroom" or "class_membership"
    entity_id: UUID
