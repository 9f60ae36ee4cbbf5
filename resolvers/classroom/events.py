"""Classroom's events.

- `ClassroomChanged`: what teachers and admins change in a classroom, emitted through
  core.events inside the use case's transaction: the single call site the audit seam hooks
  (one event type, the action named; the changed fields' old and new values when the use
  case names them: `update_classroom`, `grade_submission`).
- The live events of a classroom (`classroomEvents`): a submission received, a member
  joined. Published on the classroom's pub/sub topic on the use case's connection, so
  PostgreSQL delivers them to every process when, and only if, the change commits.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
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
    old: Mapping[str, Any] = field(default_factory=dict)  # changed fields before
    new: Mapping[str, Any] = field(default_factory=dict)  # and after


async def audit(
    conn: Any,
    actor_id: UUID,
    action: str,
    entity: str,
    entity_id: UUID,
    old: Mapping[str, Any] | None = None,
    new: Mapping[str, Any] | None = None,
) -> None:
    """The audit seam's one call site: every teacher and admin change comes through here."""
    event = ClassroomChanged(actor_id, action, entity, entity_id, dict(old or {}), dict(new or {}))
    await emit(event, conn)


def topic(classroom_id: Any) -> str:
    return f"classroom:{classroom_id}"


async def announce(conn: Any, classroom_id: Any, kind: str, row_id: Any) -> None:
    """A live event of the classroom, delivered on commit: `kind` names the row (`id`)."""
    await publish(topic(classroom_id), {"type": kind, "id": str(row_id)}, conn)
