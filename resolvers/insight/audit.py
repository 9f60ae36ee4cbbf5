"""The audit log: one `AuditEntry` per privileged change and per refused attempt at one.

- Changes: each domain emits one audit event type through core.events inside the change's
  transaction (identity `UserAdministered`, catalog `CatalogChanged`, assessment
  `AssessmentChanged`, classroom `ClassroomChanged`, commerce `CommerceChanged`,
  recordings `RecordingChanged`). `register_subscribers` subscribes
  `record_change` to each; it writes the entry on the event's connection, so the entry
  commits or rolls back with the change. Old and new values are the changed fields the
  event names; commerce's refund reason and recordings' evaluated recording are new values.
- Refusals: `register_subscribers` also registers `record_refusal` as the mutation
  pipeline's refusal hook (engine/mutations.py). A signed-in viewer's mutation refused with
  FORBIDDEN (anyone: a permission refusal), or with NOT_FOUND when the viewer is a teacher or
  an admin (a privileged target they may not reach), writes a failed entry (`success`
  false, the first such error's code and message) in a transaction of its own, the action
  being the mutation's field name in snake case. Validation errors (INVALID, TOO_LONG, ...),
  UNAUTHENTICATED and a student's NOT_FOUND write nothing.
- Every entry keeps the actor's role at the time and the request's client facts
  (core/request_context.py: IP address honouring TRUSTED_PROXIES, user agent, request id).
- Values are stored as JSON: enums as their value, UUIDs, datetimes and decimals as text;
  a key naming a secret (password, token, secret, key, join code) is dropped, at any depth.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import UUID

from tortoise.transactions import in_transaction

from core.errors import AppError, ErrorCode
from core.events import subscribe
from core.refusals import on_refusal
from core.request_context import current_client
from models.identity import User
from models.insight import AuditEntry
from resolvers.assessment.events import AssessmentChanged
from resolvers.catalog.events import CatalogChanged
from resolvers.classroom.events import ClassroomChanged
from resolvers.commerce.events import CommerceChanged
from resolvers.identity.events import UserAdministered
from resolvers.identity.policy import is_staff
from resolvers.recordings.audit import RecordingChanged

SECRET_MARKERS = ("password", "token", "secret", "key", "join_code")
AuditEvent = (
    UserAdministered
    | CatalogChanged
    | AssessmentChanged
    | ClassroomChanged
    | CommerceChanged
    | RecordingChanged
)


def is_secret(name: str) -> bool:
    lowered = name.lower()
    return any(marker in lowered for marker in SECRET_MARKERS)


def plain(value: Any) -> Any:
    """`value` as JSON can hold it, secrets dropped (see the module's docstring)."""
    if isinstance(value, Enum):
        return plain(value.value)
    if isinstance(value, UUID | Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items() if not is_secret(str(k))}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(item) for item in value]
    return value


def values_of(event: AuditEvent) -> tuple[dict[str, Any], dict[str, Any]]:
    """The changed fields' old and new values the event carries."""
    if isinstance(event, CommerceChanged):
        return {}, plain({"reason": event.reason})
    if isinstance(event, RecordingChanged):
        return {}, plain({"recording_id": event.recording_id})
    return plain(event.old), plain(event.new)


async def _actor_role(actor_id: UUID | None, conn: Any) -> str | None:
    if actor_id is None:
        return None
    rows = await User.filter(id=actor_id).using_db(conn).values_list("role", flat=True)
    return plain(rows[0]) if rows else None


async def write_entry(
    conn: Any,
    *,
    actor_id: UUID | None,
    action: str,
    entity_type: str | None = None,
    entity_id: Any = None,
    old: Mapping[str, Any] | None = None,
    new: Mapping[str, Any] | None = None,
    error: tuple[str, str] | None = None,  # (code, message) of a refusal
) -> AuditEntry:
    """One entry on `conn`, with the actor's role now and the request's client facts."""
    client = current_client()
    return await AuditEntry.create(
        actor_id=actor_id,
        actor_role=await _actor_role(actor_id, conn),
        action=action,
        entity_type=entity_type,
        entity_id=None if entity_id is None else str(entity_id),
        old_values=plain(old or {}),
        new_values=plain(new or {}),
        success=error is None,
        error_code=error[0] if error else None,
        error_message=error[1] if error else None,
        ip_address=client.ip_address,
        user_agent=client.user_agent,
        request_id=client.request_id,
        using_db=conn,
    )


async def record_change(event: AuditEvent, conn: Any) -> None:
    """The subscriber of every domain's audit event: the entry, in the change's transaction."""
    old, new = values_of(event)
    await write_entry(
        conn,
        actor_id=event.actor_id,
        action=event.action,
        entity_type=event.entity,
        entity_id=event.entity_id,
        old=old,
        new=new,
    )


def audited_refusal(viewer: User, error: AppError) -> tuple[str, str] | None:
    """The (code, message) to record for `viewer`'s refused mutation, or None."""
    for problem in error.errors:
        code = ErrorCode(problem.code)
        if code == ErrorCode.FORBIDDEN or (code == ErrorCode.NOT_FOUND and is_staff(viewer)):
            return code.value, problem.message
    return None


async def record_refusal(viewer: User, action: str, error: AppError) -> None:
    """The mutation pipeline's refusal hook: a failed entry, in its own transaction."""
    refusal = audited_refusal(viewer, error)
    if refusal is None:
        return
    async with in_transaction() as conn:
        await write_entry(conn, actor_id=viewer.id, action=action, error=refusal)


def register_subscribers() -> None:
    subscribe(UserAdministered, record_change)
    subscribe(CatalogChanged, record_change)
    subscribe(AssessmentChanged, record_change)
    subscribe(ClassroomChanged, record_change)
    subscribe(CommerceChanged, record_change)
    subscribe(RecordingChanged, record_change)
    on_refusal(record_refusal)
