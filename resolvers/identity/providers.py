"""Sign-in with an identity provider (Google, Apple, Microsoft) and the accounts linked to a
user: `sign_in_with_provider`, `link_provider`, `unlink_provider`.

Rules:
- An ID token is verified by the process's verifier (services/identity_providers: the
  signature against the provider's keys, issuer, audience, times, the nonce when given). Its
  refusals are payload errors with its codes: INVALID_TOKEN on `idToken`,
  PROVIDER_NOT_CONFIGURED and PROVIDER_UNAVAILABLE on `provider` (the provider, not the
  token, is at fault; the token may be sent again once the provider is back).
- A token is used once. What names it (`jti`, else its nonce, else its digest) is remembered
  (`UsedIdToken`), in the transaction of what the token was used for, until the verifier
  would refuse it anyway (its expiry plus the leeway); a second use is INVALID_TOKEN. A
  refused sign-in or link uses nothing: the same token may then be sent to `linkProvider`
  once the user has signed in as before.
- Sign-in: a linked (provider, subject) signs its user in. Otherwise an account with the
  token's email is linked on the spot only when the provider says the email is verified
  and the account has verified it too (else anybody who can get a provider to vouch for an
  unverified address would take the account over); otherwise ACCOUNT_EXISTS: sign in as
  before, then call `linkProvider`. Otherwise a new student account is created with no
  password, named after the token's `name` (else the email's local part), its email
  verified when the provider says so (else a verification mail is queued, as at sign-up).
  A token without a usable email cannot create an account. A deactivated or deleted
  account is refused with ACCOUNT_DISABLED. The bearer token is issued as at log-in.
- Throttling, as log-in's: each sign-in counts against the client address's log-in limit
  (resolvers/identity/throttles.py) before the token is checked, and is forgiven unless the
  token was refused (INVALID_TOKEN): only bad tokens add up to a wait. Creating an account
  also takes one of the address's sign-ups.
- Link: the identity may not be linked to another user (CONFLICT); linking one already
  linked to the viewer changes nothing. A user may link several accounts, of any providers.
- Unlink: only the viewer's own accounts (another's is NOT_FOUND, as the rest of the API
  answers for rows one may not see); the last way to sign in (no password, no other linked
  account) is kept: INVALID, with what to do instead. The user's row is locked meanwhile,
  so two concurrent unlinks cannot remove both last ways.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from core import throttle
from core.errors import AppError, ErrorCode, Validator, not_found
from core.events import emit
from core.rows import fetch_records
from core.settings import Settings
from models.identity import IdentityProvider, LearningProfile, OAuthAccount, UsedIdToken, User
from resolvers.identity import throttles
from resolvers.identity.auth import issue_auth_token
from resolvers.identity.events import SignedIn
from resolvers.identity.mail import queue_verification_mail
from rules.identity.profile import DISPLAY_NAME_MAX, check_timezone, normalize_email
from services.identity_providers import (
    IdentityProviderError,
    IdTokenVerifier,
    ProviderErrorCode,
    VerifiedIdentity,
)
from services.identity_providers.config import LABELS

ID_TOKEN = "idToken"
PROVIDER = "provider"
ACCOUNT_ID = "accountId"


@dataclass(frozen=True)
class ProviderSignIn:
    """A new bearer token (shown once) for `user`; `created` when this sign-in made the
    account (then with its learning profile)."""

    token: str
    user: User
    created: bool
    profile: LearningProfile | None = None


def label(provider: IdentityProvider) -> str:
    return LABELS[provider.value]


def account_disabled() -> AppError:
    return AppError.of(ErrorCode.ACCOUNT_DISABLED, "This account is deactivated.", None)


def _provider_error(error: IdentityProviderError) -> AppError:
    if error.code is ProviderErrorCode.PROVIDER_NOT_CONFIGURED:
        return AppError.of(ErrorCode.PROVIDER_NOT_CONFIGURED, error.message, PROVIDER)
    if error.code is ProviderErrorCode.PROVIDER_UNAVAILABLE:
        return AppError.of(ErrorCode.PROVIDER_UNAVAILABLE, error.message, PROVIDER)
    return AppError.of(ErrorCode.INVALID_TOKEN, error.message, ID_TOKEN)


async def _verify(
    verifier: IdTokenVerifier,
    provider: IdentityProvider,
    id_token: str,
    nonce: str | None,
    now: datetime,
) -> VerifiedIdentity:
    try:
        return await verifier.verify_id_token(provider.value, id_token, nonce=nonce, now=now)
    except IdentityProviderError as error:
        raise _provider_error(error) from error


def _remember_sql() -> str:
    return (
        f'INSERT INTO "{UsedIdToken._meta.db_table}" '
        "(id, created_at, provider, token_id, expires_at) "
        "VALUES (gen_random_uuid(), $1, $2, $3, $4) "
        "ON CONFLICT (provider, token_id) DO NOTHING RETURNING id"
    )


async def _use_token(identity: VerifiedIdentity, leeway_seconds: int, now: datetime) -> None:
    """Remember the token (in the caller's transaction); INVALID_TOKEN when it was used
    already. Of two concurrent uses, the second waits for the first's transaction and is
    refused once it commits."""
    digest = hashlib.sha256(identity.token_id.encode()).hexdigest()
    until = identity.expires_at + timedelta(seconds=leeway_seconds)
    if not await fetch_records(_remember_sql(), [now, identity.provider, digest, until]):
        raise AppError.of(ErrorCode.INVALID_TOKEN, "This token was used already.", ID_TOKEN)


def _account_exists(provider: IdentityProvider) -> AppError:
    return AppError.of(
        ErrorCode.ACCOUNT_EXISTS,
        f"An account with this email already exists. Sign in as you did before, then link "
        f"your {label(provider)} account to it.",
        None,
    )


def _email_of(identity: VerifiedIdentity, provider: IdentityProvider) -> str:
    email = normalize_email(identity.email) if identity.email else None
    if email is None:
        raise AppError.of(
            ErrorCode.INVALID,
            f"{label(provider)} did not share an email address; allow it to, then try again.",
            ID_TOKEN,
        )
    return email


def _display_name(identity: VerifiedIdentity, email: str) -> str:
    name = " ".join((identity.name or "").split())  # no line breaks or runs of spaces
    return (name or email.partition("@")[0])[:DISPLAY_NAME_MAX]


async def _link(user: User, identity: VerifiedIdentity, now: datetime) -> OAuthAccount:
    return await OAuthAccount.create(
        user=user,
        provider=IdentityProvider(identity.provider),
        subject=identity.subject,
        email=normalize_email(identity.email) if identity.email else None,
        last_used_at=now,
    )


async def _session(attempt: _SignIn, user: User, conn: Any) -> str:
    """Sign an existing account in: its bearer token, the sign-in recorded (`SignedIn`)."""
    user.last_login_at = attempt.now
    await user.save(update_fields=["last_login_at", "updated_at"], using_db=conn)
    token = await issue_auth_token(user, attempt.settings, attempt.user_agent, attempt.now)
    await emit(SignedIn(user.id, attempt.provider.value), conn)
    return token


@dataclass(frozen=True)
class _SignIn:
    """One verified sign-in attempt, as `_sign_in` needs it."""

    identity: VerifiedIdentity
    provider: IdentityProvider
    timezone: str
    settings: Settings
    leeway_seconds: int
    user_agent: str | None
    client_address: str | None
    now: datetime


async def sign_in_with_provider(
    *,
    provider: IdentityProvider,
    id_token: str,
    nonce: str | None,
    timezone: str | None,
    settings: Settings,
    verifier: IdTokenVerifier,
    user_agent: str | None = None,
    client_address: str | None = None,
    now: datetime | None = None,
) -> ProviderSignIn:
    """Exchange a provider's ID token for a bearer token, creating or linking the account
    (see the module docstring). `timezone` (an IANA name; UTC when None) is a new account's."""
    v = Validator()
    zone = check_timezone(v, "UTC" if timezone is None else timezone)
    v.raise_if_any()
    assert zone is not None
    now = now or datetime.now(UTC)
    limit = throttles.log_in_address_limit(settings)
    address = throttles.address_key(client_address)
    await throttle.attempt((limit, address))
    try:
        identity = await _verify(verifier, provider, id_token, nonce, now)
        attempt = _SignIn(
            identity,
            provider,
            zone,
            settings,
            verifier.leeway_seconds,
            user_agent,
            client_address,
            now,
        )
        try:
            signed_in = await _sign_in(attempt)
        except IntegrityError:
            # A concurrent first sign-in of this identity or email won the race (our
            # transaction, token included, was rolled back): it now finds that account.
            signed_in = await _sign_in(attempt)
    except AppError as error:
        if all(e.code is not ErrorCode.INVALID_TOKEN for e in error.errors):
            await throttle.forgive(limit, address)
        raise
    except Exception:
        await throttle.forgive(limit, address)
        raise
    await throttle.forgive(limit, address)
    return signed_in


async def _sign_in(attempt: _SignIn) -> ProviderSignIn:
    identity, provider, now = attempt.identity, attempt.provider, attempt.now
    settings, user_agent = attempt.settings, attempt.user_agent
    account = (
        await OAuthAccount.filter(provider=provider, subject=identity.subject)
        .select_related("user")
        .first()
    )
    if account is not None:
        if not account.user.is_usable:
            raise account_disabled()
        async with in_transaction() as conn:
            await _use_token(identity, attempt.leeway_seconds, now)
            await OAuthAccount.filter(id=account.id).update(last_used_at=now, updated_at=now)
            token = await _session(attempt, account.user, conn)
        return ProviderSignIn(token=token, user=account.user, created=False)

    email = _email_of(identity, provider)
    user = await User.get_or_none(email=email)
    if user is not None:
        if not (identity.email_verified and user.email_verified_at is not None):
            raise _account_exists(provider)
        if not user.is_usable:
            raise account_disabled()
        async with in_transaction() as conn:
            await _use_token(identity, attempt.leeway_seconds, now)
            await _link(user, identity, now)
            token = await _session(attempt, user, conn)
        return ProviderSignIn(token=token, user=user, created=False)

    await throttles.take_sign_up(settings, attempt.client_address)
    async with in_transaction() as conn:
        await _use_token(identity, attempt.leeway_seconds, now)
        user = await User.create(
            email=email,
            display_name=_display_name(identity, email),
            timezone=attempt.timezone,
            password_hash=None,
            email_verified_at=now if identity.email_verified else None,
            last_login_at=now,
        )
        profile = await LearningProfile.create(user=user)
        await _link(user, identity, now)
        token = await issue_auth_token(user, settings, user_agent, now)
        await emit(SignedIn(user.id, provider.value), conn)
        if not identity.email_verified:
            await queue_verification_mail(user.id)
    return ProviderSignIn(token=token, user=user, created=True, profile=profile)


def _linked_elsewhere(provider: IdentityProvider) -> AppError:
    return AppError.of(
        ErrorCode.CONFLICT,
        f"This {label(provider)} account is linked to another user.",
        ID_TOKEN,
    )


async def link_provider(
    *,
    viewer: User,
    provider: IdentityProvider,
    id_token: str,
    nonce: str | None,
    verifier: IdTokenVerifier,
    now: datetime | None = None,
) -> OAuthAccount:
    """Link the provider's account an ID token names to the viewer (see the module
    docstring); the linked account, new or already the viewer's."""
    now = now or datetime.now(UTC)
    identity = await _verify(verifier, provider, id_token, nonce, now)
    linked = await OAuthAccount.get_or_none(provider=provider, subject=identity.subject)
    if linked is not None and linked.user_id != viewer.id:
        raise _linked_elsewhere(provider)
    try:
        async with in_transaction():
            await _use_token(identity, verifier.leeway_seconds, now)
            return linked or await _link(viewer, identity, now)
    except IntegrityError as error:  # linked concurrently, by this viewer or another
        raced = await OAuthAccount.get_or_none(provider=provider, subject=identity.subject)
        if raced is None or raced.user_id != viewer.id:
            raise _linked_elsewhere(provider) from error
        return raced


async def unlink_provider(*, viewer: User, account_id: UUID) -> UUID:
    """Remove one of the viewer's linked accounts, unless it is their last way to sign in
    (see the module docstring); its id."""
    async with in_transaction() as connection:
        owner = await User.filter(id=viewer.id).using_db(connection).select_for_update().first()
        account = await OAuthAccount.get_or_none(id=account_id, user_id=viewer.id)
        if owner is None or account is None:
            raise not_found("Linked account", ACCOUNT_ID)
        others = await OAuthAccount.filter(user_id=viewer.id).exclude(id=account.id).count()
        if owner.password_hash is None and others == 0:
            raise AppError.of(
                ErrorCode.INVALID,
                "This is your only way to sign in: set a password (request a password reset) "
                "or link another account first.",
                ACCOUNT_ID,
            )
        await account.delete()
    return account_id


async def purge_used_id_tokens() -> int:
    """Forget used ID tokens past their `expires_at` (the verifier refuses them anyway);
    how many went. Run by the hourly maintenance job (app/maintenance.py)."""
    rows = await fetch_records(
        f'WITH gone AS (DELETE FROM "{UsedIdToken._meta.db_table}" WHERE expires_at <= now() '
        "RETURNING 1) SELECT count(*)::int AS n FROM gone"
    )
    return int(rows[0]["n"])
