"""Identity's events.

- `UserAdministered`: what an admin changes about another person's account (role,
  activation), emitted through core.events inside the use case's transaction: the single
  call site the audit seam hooks (`audit`; one event type, the action named, the changed
  fields' old and new values, never a secret).
- `SignedIn`: a person signed in (password log-in, or a provider's ID token: `method` is
  "password" or the provider's name), emitted inside the transaction that issues the token.
- Sessions ended: when every token of a user is revoked at once, the event published on
  `SESSIONS_TOPIC` (on the transaction's connection, so PostgreSQL delivers it to every
  process when, and only if, the revocation commits) tells each process's WebSocket layer
  (app/websocket.py) to check its connections of that user again and close those whose
  token no longer authenticates.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from core.events import emit
from core.pubsub import publish

SET_USER_ROLE = "set_user_role"
SET_USER_ACTIVE = "set_user_active"

SESSIONS_TOPIC = "identity:sessions"
SESSIONS_ENDED = "sessions_ended"


@dataclass(frozen=True)
class UserAdministered:
    actor_id: UUID
    action: str  # set_user_role, set_user_active
    entity_id: UUID  # the user changed
    old: Mapping[str, Any]  # the changed fields before, e.g. {"role": "student"}
    new: Mapping[str, Any]  # and after, e.g. {"role": "teacher"}
    entity: str = "user"


@dataclass(frozen=True)
class SignedIn:
    user_id: UUID
    method: str  # "password", or the identity provider's name (e.g. "google")


PASSWORD = "password"


async def audit(
    conn: Any,
    actor_id: UUID,
    action: str,
    entity_id: UUID,
    old: Mapping[str, Any],
    new: Mapping[str, Any],
) -> None:
    """The audit seam's one call site: every admin change to an account comes through here."""
    await emit(UserAdministered(actor_id, action, entity_id, dict(old), dict(new)), conn)


async def announce_sessions_ended(conn: Any, user_id: UUID) -> None:
    """Every token of `user_id` was revoked: delivered to every process on commit."""
    await publish(SESSIONS_TOPIC, {"type": SESSIONS_ENDED, "user": str(user_id)}, conn)


def ended_user(event: Mapping[str, Any]) -> UUID | None:
    """The user whose sessions a `SESSIONS_TOPIC` event ended, or None (another event)."""
    if event.get("type") != SESSIONS_ENDED:
        return None
    try:
        return UUID(str(event.get("user")))
    except ValueError:
        return None
