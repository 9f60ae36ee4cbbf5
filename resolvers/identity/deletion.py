"""Identity's part of deleting an account (`deleteAccount`, resolvers/insight/privacy_deletion.py
walks the other domains' tables): confirming it is the owner, and erasing the account itself.

Rules:
- Confirmation: with the password when the account has one (a wrong one is
  INVALID_CREDENTIALS on `password`, checked in a thread like log-in's); otherwise with a
  provider's ID token of an account linked to this user, issued at most `FRESH_FOR` (5
  minutes) ago (older: INVALID_TOKEN, sign in with the provider again). The token is used
  once, like a sign-in's (`UsedIdToken`). Neither given: REQUIRED.
- The last active admin cannot delete their account (FORBIDDEN): somebody must be left to
  administer. A teacher's or admin's courses and classrooms go to `successor_admin`, the
  longest-serving active admin other than the account (oldest `created_at`).
- Erasing (in the caller's transaction, `erase_identity`): every token is revoked (live
  sockets close on commit); the email becomes a unique tombstone `deleted-<uuid>@invalid`
  (so the address can sign up again), the name "Deleted user", username, avatar, password
  hash, language and last log-in are cleared, the account is deactivated and `deleted_at`
  set; the learning profile, OAuth accounts, verification tokens and data exports' rows go
  (their files are returned, to be removed after commit).
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from core.errors import AppError, ErrorCode
from core.security import verify_password
from models.identity import (
    AuthToken,
    DataExport,
    IdentityProvider,
    LearningProfile,
    OAuthAccount,
    Role,
    User,
    VerificationToken,
)
from resolvers.identity.auth import revoke_all_tokens
from resolvers.identity.providers import _use_token, _verify
from services.identity_providers import IdTokenVerifier

FRESH_FOR = timedelta(minutes=5)
DELETED_NAME = "Deleted user"
LAST_ADMIN = "You are the last active admin: make another admin before deleting your account."


def tombstone_email(user_id: Any) -> str:
    """A unique address that can never be anybody's (the .invalid TLD is reserved)."""
    return f"deleted-{uuid.uuid4().hex}@invalid"


async def confirm_owner(
    user: User,
    *,
    password: str | None,
    provider: IdentityProvider | None,
    id_token: str | None,
    verifier: IdTokenVerifier,
    leeway_seconds: int,
    now: datetime,
) -> None:
    """Raise unless the caller proved to be `user` (see the module's docstring). The token's
    use is remembered in the caller's transaction."""
    if password:
        matches, _ = await verify_password(user.password_hash, password)
        if not matches:
            raise AppError.of(ErrorCode.INVALID_CREDENTIALS, "Wrong password.", "password")
        return
    if provider is None or not id_token:
        field = "password" if user.password_hash is not None else "idToken"
        raise AppError.of(
            ErrorCode.REQUIRED, "Confirm with your password or a fresh provider sign-in.", field
        )
    identity = await _verify(verifier, provider, id_token, None, now)
    linked = await OAuthAccount.exists(user_id=user.id, provider=provider, subject=identity.subject)
    if not linked:
        raise AppError.of(
            ErrorCode.INVALID_TOKEN, "This token is not of an account linked to yours.", "idToken"
        )
    if identity.issued_at < now - FRESH_FOR:
        raise AppError.of(
            ErrorCode.INVALID_TOKEN,
            "Sign in with the provider again: the confirmation must be at most 5 minutes old.",
            "idToken",
        )
    await _use_token(identity, leeway_seconds, now)


async def successor_admin(user: User) -> User | None:
    """The admin who takes over `user`'s courses and classrooms (None when there is no other
    active admin); FORBIDDEN when `user` is the last active admin. Called in the deletion's
    transaction with the admins' rows locked, so two admins deleting themselves at once
    cannot both pass."""
    admins = (
        await User.filter(role=Role.ADMIN, is_active=True, deleted_at=None)
        .order_by("created_at", "id")
        .select_for_update()
    )
    others = [admin for admin in admins if admin.id != user.id]
    if not others and user.role is Role.ADMIN and user.is_active:
        raise AppError.of(ErrorCode.FORBIDDEN, LAST_ADMIN, None)
    return others[0] if others else None


async def erase_identity(user: User, now: datetime, conn: Any) -> list[str]:
    """Erase the account (see the module's docstring) in the caller's transaction; the
    storage keys of its data exports, to delete after commit."""
    await revoke_all_tokens(user.id, now, conn)
    await AuthToken.filter(user_id=user.id).update(user_agent=None)
    keys = [
        key
        for key in await DataExport.filter(user_id=user.id).values_list("file_key", flat=True)
        if key
    ]
    await DataExport.filter(user_id=user.id).delete()
    await LearningProfile.filter(user_id=user.id).delete()
    await OAuthAccount.filter(user_id=user.id).delete()
    await VerificationToken.filter(user_id=user.id).delete()
    await User.filter(id=user.id).update(
        email=tombstone_email(user.id),
        username=None,
        display_name=DELETED_NAME,
        password_hash=None,
        avatar_url=None,
        native_language=None,
        last_login_at=None,
        email_verified_at=None,
        is_active=False,
        deleted_at=now,
        updated_at=now,
    )
    return [str(key) for key in keys]
