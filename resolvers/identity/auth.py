"""Identity use cases: bearer-token authentication, sign-up, log-in/out, profile, demo data.

Passwords and email verification (change, reset, verify) live in resolvers/identity/recovery.py;
the hand-written SQL in resolvers/identity/queries.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from core.errors import AppError, ErrorCode, Validator
from core.events import emit
from core.rows import builder, fetch_records, unlabel
from core.security import hash_password, hash_token, new_token, verify_password
from core.settings import Settings
from models.identity import AuthToken, LearningProfile, User
from resolvers.identity import events, queries, recent_viewers, throttles
from resolvers.identity.mail import queue_verification_mail
from rules.identity.profile import (
    check_display_name,
    check_email,
    check_password,
    check_profile_changes,
    check_timezone,
    normalize_email,
)


@dataclass(frozen=True)
class SignedIn:
    """A new bearer token (shown once) for `user`; a new account's profile with it."""

    token: str
    user: User
    profile: LearningProfile | None = None


@dataclass(frozen=True)
class ProfileUpdate:
    user: User
    profile: LearningProfile | None


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
    token = await _live_token_with_user(hash_token(raw), now)
    if token is None or not token.user.is_usable:
        return None
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        await AuthToken.filter(id=token.id).update(last_used_at=now)
        token.last_used_at = now
    recent_viewers.remember(raw, token.user, token)
    return token.user, token


async def _live_token_with_user(token_hash: str, now: datetime) -> AuthToken | None:
    """The unexpired, unrevoked token with this hash, its user attached, in one statement.

    Runs on every authenticated request, so plain SQL: the ORM's query builder (a join
    through select_related) cost more CPU than the query itself.
    """
    records = await fetch_records(queries.live_token_with_user(), [token_hash, now])
    if not records:
        return None
    token = builder(AuthToken)(unlabel(records[0], "t"))
    token.user = builder(User)(unlabel(records[0], "u"))
    return token


async def issue_auth_token(
    user: User, settings: Settings, user_agent: str | None = None, now: datetime | None = None
) -> str:
    """A new bearer token for `user`; only its SHA-256 is stored."""
    raw, digest = new_token()
    now = now or datetime.now(UTC)
    await AuthToken.create(
        user=user,
        token_hash=digest,
        expires_at=now + timedelta(days=settings.token_ttl_days),
        user_agent=(user_agent or None) and user_agent[:255],
    )
    return raw


def _email_taken() -> AppError:
    return AppError.of(ErrorCode.UNIQUE, "An account with this email already exists.", "email")


async def sign_up(
    *,
    email: str,
    password: str,
    display_name: str,
    timezone: str | None,
    settings: Settings,
    user_agent: str | None = None,
    client_address: str | None = None,
) -> SignedIn:
    """Create an account with its learning profile, sign it in, mail a verification link
    (a job queued with the account).

    Sign-ups (and so verification mails) per client address are limited per hour (`Throttled`).
    """
    v = Validator()
    email_n = check_email(v, email)
    check_password(v, password)
    name = check_display_name(v, display_name)
    zone = check_timezone(v, "UTC" if timezone is None else timezone)
    if email_n is not None and await User.exists(email=email_n):
        v.add("email", ErrorCode.UNIQUE, "An account with this email already exists.")
    v.raise_if_any()
    assert email_n is not None and zone is not None
    await throttles.take_sign_up(settings, client_address)
    password_hash = await hash_password(password)  # before the transaction: it takes a while
    try:
        async with in_transaction():
            user = await User.create(
                email=email_n, display_name=name, timezone=zone, password_hash=password_hash
            )
            profile = await LearningProfile.create(user=user)
            token = await issue_auth_token(user, settings, user_agent)
            await queue_verification_mail(user.id)
    except IntegrityError as error:  # a concurrent sign-up with the same email won the race
        raise _email_taken() from error
    return SignedIn(token=token, user=user, profile=profile)


async def log_in(
    *,
    email: str,
    password: str,
    settings: Settings,
    user_agent: str | None = None,
    client_address: str | None = None,
) -> SignedIn:
    """Exchange email and password for a bearer token.

    An unknown email, a wrong password, an OAuth-only or a deleted account all cost one
    argon2 verification and give the same error. A deactivated account answers
    ACCOUNT_DISABLED on `email`, but only to the right password: nobody learns that an
    account is disabled without it. Attempts are throttled per email and per client address
    (resolvers/identity/throttles.py): past the free failures each waits a growing delay
    (`Throttled`, answered as RATE_LIMITED with `retryAfter`), then is judged normally, so
    the owner gets in with the right password once the delay has passed.
    """
    now = datetime.now(UTC)
    key = (normalize_email(email) or email.strip().lower())[:320]
    # Counted as a failure before the password is checked, so that concurrent guesses all
    # count; a success takes it back.
    await throttles.attempt_log_in(settings, key, client_address)
    user = await User.get_or_none(email=key)
    matches, needs_rehash = await verify_password(user.password_hash if user else None, password)
    if user is None or not matches or user.deleted_at is not None:
        raise AppError.of(ErrorCode.INVALID_CREDENTIALS, "Wrong email or password.", None)
    if not user.is_active:
        raise AppError.of(ErrorCode.ACCOUNT_DISABLED, "This account is deactivated.", "email")
    new_hash = await hash_password(password) if needs_rehash else None
    async with in_transaction() as conn:
        user.last_login_at = now
        update_fields = ["last_login_at", "updated_at"]
        if new_hash is not None:  # the hasher's parameters changed since this hash was made
            user.password_hash = new_hash
            update_fields.append("password_hash")
        await user.save(update_fields=update_fields)
        token = await issue_auth_token(user, settings, user_agent, now)
        await emit(events.SignedIn(user.id, events.PASSWORD), conn)
    await throttles.log_in_succeeded(settings, key, client_address)
    return SignedIn(token=token, user=user)


async def log_out(*, viewer: User, token: AuthToken | None, all_devices: bool) -> None:
    """Revoke the current token, or every token of the viewer."""
    now = datetime.now(UTC)
    if all_devices:
        await AuthToken.filter(user_id=viewer.id, revoked_at=None).update(revoked_at=now)
    elif token is not None:
        await AuthToken.filter(id=token.id, revoked_at=None).update(revoked_at=now)


async def revoke_all_tokens(user_id: UUID, now: datetime, conn: Any) -> int:
    """Revoke every live token of `user_id` at once, inside the caller's transaction (`conn`),
    and announce it (resolvers/identity/events.py): on commit, every process closes that
    user's WebSocket connections. Returns how many tokens were revoked."""
    revoked = await AuthToken.filter(user_id=user_id, revoked_at=None).update(revoked_at=now)
    await events.announce_sessions_ended(conn, user_id)
    return revoked


async def live_token_ids(token_ids: Iterable[UUID], now: datetime | None = None) -> set[UUID]:
    """Which of `token_ids` still authenticate now (unexpired, unrevoked, their user active
    and not deleted), in one statement: how long-lived connections check their token again."""
    ids = list(token_ids)
    if not ids:
        return set()
    rows = await AuthToken.filter(
        id__in=ids,
        revoked_at=None,
        expires_at__gt=now or datetime.now(UTC),
        user__is_active=True,
        user__deleted_at=None,
    ).values_list("id", flat=True)
    return {UUID(str(row)) for row in rows}


async def update_profile(*, viewer: User, changes: dict[str, Any]) -> ProfileUpdate:
    """Change the viewer's profile fields present in `changes` (snake_case; null clears)."""
    v = Validator()
    user_changes, profile_changes = check_profile_changes(v, changes)
    username = user_changes.get("username")
    username_ok = not any(e.field == "username" for e in v.errors)  # e.g. too long to look up
    if (
        username is not None
        and username_ok
        and await User.filter(username=username).exclude(id=viewer.id).exists()
    ):
        v.add("username", ErrorCode.UNIQUE, "This username is taken.")
    v.raise_if_any()
    now = datetime.now(UTC)
    try:
        async with in_transaction():
            if user_changes:
                await User.filter(id=viewer.id).update(**user_changes, updated_at=now)
            profile = await LearningProfile.get_or_none(user_id=viewer.id)
            if profile is None:
                profile = await LearningProfile.create(user_id=viewer.id, **profile_changes)
            elif profile_changes:
                for name, value in profile_changes.items():
                    setattr(profile, name, value)
                await profile.save(update_fields=[*profile_changes, "updated_at"])
    except IntegrityError as error:
        if "username" not in user_changes:
            raise
        # A concurrent update took the username between the check and the write.
        raise AppError.of(ErrorCode.UNIQUE, "This username is taken.", "username") from error
    # The request's viewer changes only once the write committed.
    for name, value in user_changes.items():
        setattr(viewer, name, value)
    if user_changes:
        viewer.updated_at = now
    return ProfileUpdate(user=viewer, profile=profile)
