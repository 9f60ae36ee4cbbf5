"""`deleteAccount`: the viewer deletes their account.

Rules:
- Confirmed with the password, or a fresh provider ID token for an account without one
  (resolvers/identity/deletion.py: INVALID_CREDENTIALS, INVALID_TOKEN, REQUIRED).
- The last active admin cannot delete their account (FORBIDDEN). Courses, classrooms and
  the assignments one set are handed to the longest-serving other active admin; with none
  to take over a classroom, FORBIDDEN (a classroom always has a teacher).
- In one transaction, with the account's row locked: every table with a foreign key to
  `User` is treated as privacy.HANDLING says (deleted, anonymised, handed over or kept
  pointing at the tombstone account), then identity erases the account itself (tokens
  revoked, live sockets closed on commit, email tombstoned so it can sign up again, name
  "Deleted student" for a student and "Deleted user" otherwise, `deleted_at` set).
- After commit, the files of the account's recordings and data exports are removed from
  storage (a failure is logged: the rows are gone, nothing links to the files).
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from tortoise.transactions import in_transaction

from core.errors import AppError, ErrorCode, not_found
from models.classroom import Classroom
from models.identity import IdentityProvider, Role, User
from models.recordings import Recording
from resolvers.identity import confirm_owner, erase_identity, successor_admin
from resolvers.insight.privacy import HANDLING, Deletion
from services.identity_providers import IdTokenVerifier
from services.storage import Storage

log = logging.getLogger("lingograph.privacy")

DELETED_STUDENT = "Deleted student"
NO_SUCCESSOR = "No admin can take over your classrooms: ask an admin to be made first."


async def _walk(user: User, successor: User | None) -> None:
    for handling in HANDLING:
        rows = handling.model.filter(**{handling.column: user.id})
        if handling.deletion is Deletion.DELETE:
            await rows.delete()
        elif handling.deletion is Deletion.ANONYMISE:
            await rows.update(**handling.changes)
        elif handling.deletion is Deletion.HAND_OVER:
            new_owner = successor.id if successor is not None else None
            required = not handling.model._meta.fields_map[handling.field].null
            # Only something to hand over needs a successor: a student owns no such rows.
            if new_owner is None and required and await rows.exists():
                raise AppError.of(ErrorCode.FORBIDDEN, NO_SUCCESSOR, None)
            await rows.update(**{handling.column: new_owner})


async def delete_account(
    viewer: User,
    *,
    password: str | None,
    provider: IdentityProvider | None,
    id_token: str | None,
    verifier: IdTokenVerifier,
    leeway_seconds: int,
    storage: Storage,
    now: datetime,
) -> None:
    """Delete the viewer's account (see the module's rules)."""
    async with in_transaction() as conn:
        user = await User.filter(id=viewer.id, deleted_at=None).select_for_update().first()
        if user is None:
            raise not_found("User", None)
        await confirm_owner(
            user,
            password=password,
            provider=provider,
            id_token=id_token,
            verifier=verifier,
            leeway_seconds=leeway_seconds,
            now=now,
        )
        successor = await successor_admin(user)
        if successor is None and await Classroom.exists(teacher_id=user.id):
            raise AppError.of(ErrorCode.FORBIDDEN, NO_SUCCESSOR, None)
        media: list[Any] = await Recording.filter(
            user_id=user.id, media_key__not_isnull=True
        ).values_list("media_key", flat=True)
        await _walk(user, successor)
        files = await erase_identity(user, now, conn)
        if user.role is Role.STUDENT:
            await User.filter(id=user.id).update(display_name=DELETED_STUDENT)
    for key in [*media, *files]:
        try:
            await storage.delete(str(key))
        except Exception:  # the rows are gone: an orphaned file links to nobody
            log.warning("could not remove %s after deleting an account", key, exc_info=True)
