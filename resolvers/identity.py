"""Identity use cases: authentication of bearer tokens (sign-up, log-in etc. follow)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core.security import hash_token
from models.identity import AuthToken, User

# Writing last_used_at on every request would turn reads into writes; once a minute is enough.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def bearer_token(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, value = authorization.strip().partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


async def authenticate(
    authorization: str | None, now: datetime | None = None
) -> tuple[User, AuthToken] | None:
    """The viewer behind an `Authorization: Bearer <token>` value, or None.

    Expired and revoked tokens, and tokens of deactivated or deleted users, are refused.
    """
    raw = bearer_token(authorization)
    if raw is None:
        return None
    now = now or datetime.now(UTC)
    token = (
        await AuthToken.filter(token_hash=hash_token(raw), revoked_at=None, expires_at__gt=now)
        .select_related("user")
        .first()
    )
    if token is None or not token.user.is_usable:
        return None
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        await AuthToken.filter(id=token.id).update(last_used_at=now)
        token.last_used_at = now
    return token.user, token
