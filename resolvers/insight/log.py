"""Reading the audit log: `audit_page`, for admins only (others: UNAUTHENTICATED or FORBIDDEN).

Entries newest first (`created_at`, then `id`), keyset-paginated. Every filter given must
hold: `actor_id` (a User's global id), `action` and `entity_type` match exactly,
`entity_id` matches the stored id (a global id is decoded to it first), `success` exactly,
`since` inclusive and `until` exclusive on the time the entry was written. An `actor_id`
that is no User's global id matches nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from core.errors import AppError, ErrorCode
from core.ids import split_global_id
from core.pagination import KeysetQuery, Page, PageArgs, fetch_page
from core.rows import columns
from models.identity import User
from models.insight import AuditEntry
from resolvers.identity.policy import is_admin, require_viewer

ONLY_ADMINS = "Only admins may read the audit log."


@dataclass(frozen=True)
class AuditFilter:
    actor_id: str | None = None
    action: str | None = None
    entity_type: str | None = None
    entity_id: str | None = None
    success: bool | None = None
    since: datetime | None = None
    until: datetime | None = None


def require_admin(viewer: User | None) -> User:
    """The viewer, who must be an admin (UNAUTHENTICATED, else FORBIDDEN)."""
    user = require_viewer(viewer)
    if not is_admin(user):
        raise AppError.of(ErrorCode.FORBIDDEN, ONLY_ADMINS, None)
    return user


def _actor(value: str) -> UUID | None:
    parts = split_global_id(value)
    return parts[1] if parts is not None and parts[0] == "User" else None


def _entity(value: str) -> str:
    parts = split_global_id(value)
    return str(parts[1]) if parts is not None else value


def audit_query(flt: AuditFilter) -> KeysetQuery:
    """Entries matching `flt`, newest first (see the module's docstring)."""
    query = KeysetQuery(model=AuditEntry, order=["t.created_at", "t.id"], descending=True)
    query.select = columns(AuditEntry)
    if flt.actor_id is not None:
        actor = _actor(flt.actor_id)
        query.filter("FALSE" if actor is None else f"t.actor_id = {query.param(actor)}")
    if flt.action is not None:
        query.filter(f"t.action = {query.param(flt.action)}")
    if flt.entity_type is not None:
        query.filter(f"t.entity_type = {query.param(flt.entity_type)}")
    if flt.entity_id is not None:
        query.filter(f"t.entity_id = {query.param(_entity(flt.entity_id))}")
    if flt.success is not None:
        query.filter(f"t.success = {query.param(flt.success)}")
    if flt.since is not None:
        query.filter(f"t.created_at >= {query.param(flt.since)}")
    if flt.until is not None:
        query.filter(f"t.created_at < {query.param(flt.until)}")
    return query


async def audit_page(viewer: User | None, *, flt: AuditFilter, args: PageArgs) -> Page[AuditEntry]:
    """One page of the entries matching `flt`, for an admin."""
    require_admin(viewer)
    return await fetch_page(audit_query(flt), args)
