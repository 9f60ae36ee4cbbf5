"""Identity use cases around passwords and mailed tokens: change and reset a password,
verify an email. Mailed tokens (resolvers/identity/mail.py) are stored as SHA-256 digests,
expire, and work once.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tortoise.transactions import in_transaction

from core.errors import AppError, ErrorCode, Validator
from core.security import hash_password, hash_token, verify_password
from core.settings import Settings
from models.identity import AuthToken, User, VerificationPurpose, VerificationToken
from resolvers.identity import throttles
from resolvers.identity.mail import queue_password_reset_mail
from rules.identity.profile import check_email, check_password


async def _redeem(raw: str, purpose: VerificationPurpose, now: datetime) -> VerificationToken:
    """Mark a mailed token used, exactly once; refuse unknown, used and expired tokens."""
    token = (
        await VerificationToken.filter(token_hash=hash_token(raw.strip()), purpose=purpose)
        .select_related("user")
        .first()
    )
    if token is None or token.used_at is not None or not token.user.is_usable:
        raise AppError.of(ErrorCode.INVALID_TOKEN, "This link is invalid or was used.", "token")
    if token.expires_at <= now:
        raise AppError.of(ErrorCode.EXPIRED_TOKEN, "This link has expired.", "token")
    # Conditional update: of two concurrent redemptions only one changes the row.
    if not await VerificationToken.filter(id=token.id, used_at=None).update(used_at=now):
        raise AppError.of(ErrorCode.INVALID_TOKEN, "This link is invalid or was used.", "token")
    return token


async def change_password(
    *, viewer: User, token: AuthToken | None, current_password: str, new_password: str
) -> None:
    """Replace the viewer's password after checking the current one.

    Other sessions end (a changed password usually means a leaked one); this one stays.
    """
    v = Validator()
    check_password(v, new_password, "newPassword")
    matches, _ = await verify_password(viewer.password_hash, current_password)
    if not matches:
        v.add("currentPassword", ErrorCode.INVALID_CREDENTIALS, "The current password is wrong.")
    v.raise_if_any()
    password_hash = await hash_password(new_password)
    now = datetime.now(UTC)
    async with in_transaction():
        viewer.password_hash = password_hash
        await viewer.save(update_fields=["password_hash", "updated_at"])
        others = AuthToken.filter(user_id=viewer.id, revoked_at=None)
        if token is not None:
            others = others.exclude(id=token.id)
        await others.update(revoked_at=now)


async def request_password_reset(
    *, email: str, settings: Settings, client_address: str | None
) -> None:
    """Queue a reset mail (resolvers/identity/mail.py); answer alike, and as fast, whether the
    email has an account or not: the job looks the account up. Limited per account and per
    client address (`Throttled`)."""
    v = Validator()
    email_n = check_email(v, email)
    v.raise_if_any()
    assert email_n is not None
    await throttles.take_mail(settings, email_n, client_address)
    await queue_password_reset_mail(email_n)


async def reset_password(*, token: str, new_password: str) -> None:
    """Set a new password with a mailed reset token; every session of the account ends."""
    v = Validator()
    check_password(v, new_password, "newPassword")
    v.raise_if_any()
    password_hash = await hash_password(new_password)
    now = datetime.now(UTC)
    async with in_transaction():
        redeemed = await _redeem(token, VerificationPurpose.PASSWORD_RESET, now)
        user = redeemed.user
        user.password_hash = password_hash
        update_fields = ["password_hash", "updated_at"]
        if user.email_verified_at is None:  # the mailed token proves the address works
            user.email_verified_at = now
            update_fields.append("email_verified_at")
        await user.save(update_fields=update_fields)
        await AuthToken.filter(user_id=user.id, revoked_at=None).update(revoked_at=now)
        # Older reset mails must not reopen the account either.
        await VerificationToken.filter(
            user_id=user.id, purpose=VerificationPurpose.PASSWORD_RESET, used_at=None
        ).update(used_at=now)
        await throttles.clear_log_in_failures(user.email)


async def verify_email(*, token: str) -> User:
    """Confirm the account's email with the token mailed at sign-up."""
    now = datetime.now(UTC)
    async with in_transaction():
        redeemed = await _redeem(token, VerificationPurpose.EMAIL_VERIFICATION, now)
        user = redeemed.user
        if user.email_verified_at is None:
            user.email_verified_at = now
            await user.save(update_fields=["email_verified_at", "updated_at"])
    return user
