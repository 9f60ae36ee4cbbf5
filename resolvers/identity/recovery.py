"""Identity use cases around passwords and mailed tokens: change and reset a password,
verify an email. Mailed tokens are stored as SHA-256 digests, expire, and work once.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tortoise.transactions import in_transaction

from core.background import spawn
from core.errors import AppError, ErrorCode, Validator
from core.security import hash_password, hash_token, new_token, verify_password
from core.settings import Settings
from models.identity import AuthToken, LoginFailure, User, VerificationPurpose, VerificationToken
from rules.identity.profile import check_email, check_password
from services.mail import Mailer, Message


def _ttl(purpose: VerificationPurpose, settings: Settings) -> timedelta:
    if purpose is VerificationPurpose.PASSWORD_RESET:
        return timedelta(minutes=settings.password_reset_ttl_minutes)
    return timedelta(hours=settings.email_verification_ttl_hours)


async def issue_verification_token(
    user: User, purpose: VerificationPurpose, settings: Settings
) -> str:
    """A new single-use token for `purpose`; only its digest is stored."""
    raw, digest = new_token()
    await VerificationToken.create(
        user=user,
        purpose=purpose,
        token_hash=digest,
        expires_at=datetime.now(UTC) + _ttl(purpose, settings),
    )
    return raw


async def _mail_token(
    mailer: Mailer, user: User, token: str, *, subject: str, use: str, otherwise: str
) -> None:
    """A mailed token: what to do with it (`use`), the token on its own line, and what to do
    when the mail was not expected (`otherwise`)."""
    body = f"Hello {user.display_name},\n\n{use}:\n\nToken: {token}\n\n{otherwise}\n"
    await mailer.send(Message(to=user.email, subject=subject, body=body))


async def send_verification_mail(mailer: Mailer, user: User, token: str) -> None:
    await _mail_token(
        mailer,
        user,
        token,
        subject="Confirm your lingograph email",
        use="confirm your email address with the verifyEmail operation and this token",
        otherwise="If you did not sign up for lingograph, ignore this message.",
    )


async def _send_reset_mail(mailer: Mailer, user: User, token: str, settings: Settings) -> None:
    await _mail_token(
        mailer,
        user,
        token,
        subject="Reset your lingograph password",
        use="choose a new password with the resetPassword operation and this token "
        f"(valid for {settings.password_reset_ttl_minutes} minutes, once)",
        otherwise="If you did not ask for this, ignore this message; your password is unchanged.",
    )


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


async def request_password_reset(*, email: str, settings: Settings, mailer: Mailer) -> None:
    """Mail a reset token when the email belongs to an active account; answer the same always."""
    v = Validator()
    email_n = check_email(v, email)
    v.raise_if_any()
    user = await User.get_or_none(email=email_n, is_active=True, deleted_at=None)
    if user is not None:
        # After the response: writing the token and the mail must not make the answer for
        # an existing account measurably slower than for an unknown address.
        spawn(_mail_reset_token(user, settings, mailer), name="password-reset-mail")


async def _mail_reset_token(user: User, settings: Settings, mailer: Mailer) -> None:
    token = await issue_verification_token(user, VerificationPurpose.PASSWORD_RESET, settings)
    await _send_reset_mail(mailer, user, token, settings)


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
        await LoginFailure.filter(email=user.email).delete()


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
