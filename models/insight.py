"""Insight: the audit log (`AuditEntry`), who changed what that others rely on.

- One row per privileged change (course and quiz authoring, imports, classroom management
  and grading, role and activation changes, refunds, teachers' evaluations), written by the
  audit subscribers (resolvers/insight/audit.py) in the change's own transaction, and one
  per refused attempt at one (FORBIDDEN, or NOT_FOUND of a privileged target), written in
  a transaction of its own (`success` false, with the error's code and message).
- `actor` is set null when the account's row goes; `actor_role` keeps the role they had
  then. `entity_id` is text: the changed row's id (a UUID today), null for a refused
  attempt whose target is unknown.
- `old_values` and `new_values` hold the changed fields only, never a secret (passwords,
  tokens, secrets, keys and join codes are dropped before writing).
- `ip_address` (the client as core/clients.py decides it, honouring `TRUSTED_PROXIES`),
  `user_agent` and `request_id` come from the request being served
  (core/request_context.py); null outside one.
- Entries are never changed nor deleted through the API (there is no mutation for them).
  The database does not refuse UPDATE: the actor's foreign key is SET NULL by the database
  itself, and the account deletion of the administration issue anonymises entries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import UUID

from tortoise import fields

from models.base import Entity

if TYPE_CHECKING:
    from models.identity import User


class AuditEntry(Entity):
    actor: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    actor_id: UUID | None
    actor_role = fields.CharField(max_length=16, null=True)  # the actor's role at the time
    action = fields.CharField(max_length=64)  # e.g. set_user_role, grade_submission
    entity_type = fields.CharField(max_length=64, null=True)  # e.g. user, submission
    entity_id = fields.CharField(max_length=64, null=True)
    old_values: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    new_values: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    success = fields.BooleanField(default=True)
    error_code = fields.CharField(max_length=32, null=True)
    error_message = fields.TextField(null=True)
    ip_address = fields.CharField(max_length=45, null=True)
    user_agent = fields.CharField(max_length=512, null=True)
    request_id = fields.CharField(max_length=64, null=True)

    class Meta:
        table = "audit_entries"
        # The admin's filters, each newest first (`auditLog` orders by created_at, id).
        indexes = (
            ("created_at", "id"),
            ("actor", "created_at"),
            ("action", "created_at"),
            ("entity_type", "entity_id", "created_at"),
        )
