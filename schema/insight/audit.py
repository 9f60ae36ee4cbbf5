"""The audit log for admins (resolvers/insight/log.py): `auditLog(first, after, filter)`.

Admins only: the field is nullable and answers null with an UNAUTHENTICATED or FORBIDDEN
error (its code in `extensions`), as `users` does. Entries are read-only: there is no
mutation to change or delete one.
"""

from __future__ import annotations

from datetime import datetime
from typing import cast
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from core.pagination import Page, PageArgs
from engine.connections import Connection, to_connection
from engine.context import AppInfo
from engine.ids import global_id
from engine.inputs import check_input_text
from models import insight as m
from models.identity import User
from resolvers.insight import log as use_cases
from schema.identity.types import PublicProfile


@strawberry.type(description="One privileged change, or one refused attempt at one. Never changes.")
class AuditEntry:
    id: strawberry.ID
    occurred_at: datetime
    action: str = strawberry.field(description="What was done, e.g. `set_user_role`.")
    entity_type: str | None = strawberry.field(description="The kind of row changed.")
    entity_id: strawberry.ID | None = strawberry.field(description="The changed row's id.")
    actor: PublicProfile | None = strawberry.field(
        description="Who did it; null once their account is gone."
    )
    actor_role: str | None = strawberry.field(description="The actor's role at the time.")
    old_values: JSON = strawberry.field(description="The changed fields before (no secrets).")
    new_values: JSON = strawberry.field(description="The changed fields after (no secrets).")
    success: bool
    error_code: str | None
    error_message: str | None
    ip_address: str | None
    user_agent: str | None
    request_id: str | None

    @classmethod
    def of(cls, row: m.AuditEntry, actors: dict[UUID, User]) -> AuditEntry:
        actor = actors.get(row.actor_id) if row.actor_id is not None else None
        return cls(
            id=strawberry.ID(global_id("AuditEntry", row.id)),
            occurred_at=row.created_at,
            action=row.action,
            entity_type=row.entity_type,
            entity_id=None if row.entity_id is None else strawberry.ID(row.entity_id),
            actor=PublicProfile.of(actor) if actor is not None else None,
            actor_role=row.actor_role,
            old_values=cast(JSON, row.old_values),
            new_values=cast(JSON, row.new_values),
            success=row.success,
            error_code=row.error_code,
            error_message=row.error_message,
            ip_address=row.ip_address,
            user_agent=row.user_agent,
            request_id=row.request_id,
        )


@strawberry.input(description="Entries to list; every condition given must hold.")
class AuditLogFilter:
    actor_id: strawberry.ID | None = None
    action: str | None = None
    entity_type: str | None = None
    entity_id: strawberry.ID | None = strawberry.field(
        default=None, description="The changed row's id (or its global id)."
    )
    success: bool | None = None
    since: datetime | None = strawberry.field(default=None, description="Inclusive.")
    until: datetime | None = strawberry.field(default=None, description="Exclusive.")


@strawberry.type
class Query:
    @strawberry.field(
        description="Admins only (others: null with an UNAUTHENTICATED or FORBIDDEN error): "
        "the audit log, newest first."
    )
    async def audit_log(
        self,
        info: AppInfo,
        first: int | None = None,
        after: str | None = None,
        filter: AuditLogFilter | None = None,
    ) -> Connection[AuditEntry] | None:
        use_cases.require_admin(info.context.viewer)  # before anything about the input
        flt = filter or AuditLogFilter()
        check_input_text(flt)
        page = await use_cases.audit_page(
            info.context.viewer,
            flt=use_cases.AuditFilter(
                actor_id=flt.actor_id,
                action=flt.action,
                entity_type=flt.entity_type,
                entity_id=flt.entity_id,
                success=flt.success,
                since=flt.since,
                until=flt.until,
            ),
            args=PageArgs(first=first, after=after),
        )
        ids = {row.actor_id for row in page.items if row.actor_id is not None}
        actors = {user.id: user for user in await User.filter(id__in=ids)} if ids else {}
        entries = [AuditEntry.of(row, actors) for row in page.items]
        return to_connection(
            Page(entries, page.keys, page.has_next_page, page.has_previous_page, page.total_count)
        )
