"""Classroom's events.

- `ClassroomChanged`: what teachers and admins change in a classroom, emitted through
  core.events inside the use case's transaction: the single call site the audit seam hooks
  (one event type, the action named).
- The live events of a classroom (`classroomEvents`): a submission received, a member
  joined. Published on the classroom's pub/sub topic on the use case's connection, so
  PostgreSQL delivers them to every process when, and only if, the change commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from core.events import emit
from core.pubsub import publish

SUBMISSION_RECEIVED = "submission"
MEMBER_JOINED = "member"


@dataclass(frozen=True)
class ClassroomChanged:
    actor_id: UUID
    # create_classroom, update_classroom, regenerate_join_code, set_membership_status,
    # create_assignment, grade_submission
    action: str
    entity: str  # "classroom", "class_membership", "assignment" or "submission"
    entity_id: UUID


async def audit(conn: Any, actor_id: UUID, action: str, entity: str, entity_id: UUID) -> None:
    """The audit seam's one call site: every teacher and admin change comes through here."""
    await emit(ClassroomChanged(actor_id, action, entity, entity_id), conn)


def topic(classroom_id: Any) -> str:
    return f"classroom:{classroom_id}"


async def announce(conn: Any, classroom_id: Any, kind: str, row_id: Any) -> None:
    """A live event of the classroom, delivered on commit: `kind` names the row (`id`)."""
    await publish(topic(classroom_id), {"type": kind, "id": str(row_id)}, conn)
