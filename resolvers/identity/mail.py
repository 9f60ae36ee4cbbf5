"""Identity's mail, sent by jobs (core/jobs.py) queued with the change that needs it: the
verification mail of a new account (in the sign-up's transaction) and the password-reset
mail (with the request). Each is delivered once (services/mail.py `deliver_once`, keyed by
the job) and retried with backoff while the mail server or the database is away; workers
killed meanwhile leave the job to be recovered, not lost.

The token is made by the job, right before its mail: only its digest is stored, so the
token exists in one place, the mail. One reset token lives per account: a new one replaces
the older ones. The reset job looks the account up itself: `requestPasswordReset` answers
alike, and as fast, whether the address has an account or not.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from procrastinate import JobContext

from core import jobs
from core.security import new_token
from core.settings import Settings
from models.identity import User, VerificationPurpose, VerificationToken
from services.mail import Message, deliver_once

MAIL_ATTEMPTS = 8  # retried after 2, 4, … 128 s: about four minutes


def _ttl(purpose: VerificationPurpose, settings: Settings) -> timedelta:
    if purpose is VerificationPurpose.PASSWORD_RESET:
        return timedelta(minutes=settings.password_reset_ttl_minutes)
    return timedelta(hours=settings.email_verification_ttl_hours)


async def issue_verification_token(
    user: User, purpose: VerificationPurpose, settings: Settings
) -> str:
    """A new single-use token for `purpose`; only its digest is stored. A new reset token
    ends the account's older ones (one live reset link at a time)."""
    now = datetime.now(UTC)
    if purpose is VerificationPurpose.PASSWORD_RESET:
        await VerificationToken.filter(user_id=user.id, purpose=purpose, used_at=None).update(
            used_at=now
        )
    raw, digest = new_token()
    await VerificationToken.create(
        user=user, purpose=purpose, token_hash=digest, expires_at=now + _ttl(purpose, settings)
    )
    return raw


def _token_message(user: User, token: str, *, subject: str, use: str, otherwise: str) -> Message:
    """A mailed token: what to do with it (`use`), the token on its own line, and what to do
    when the mail was not expected (`otherwise`)."""
    body = f"Hello {user.display_name},\n\n{use}:\n\nToken: {token}\n\n{otherwise}\n"
    return Message(to=user.email, subject=subject, body=body)


def verification_message(user: User, token: str) -> Message:
    return _token_message(
        user,
        token,
        subject="Confirm your lingograph email",
        use="confirm your email address with the verifyEmail operation and this token",
        otherwise="If you did not sign up for lingograph, ignore this message.",
    )


def reset_message(user: User, token: str, settings: Settings) -> Message:
    return _token_message(
        user,
        token,
        subject="Reset your lingograph password",
        use="choose a new password with the resetPassword operation and this token "
        f"(valid for {settings.password_reset_ttl_minutes} minutes, once)",
        otherwise="If you did not ask for this, ignore this message; your password is unchanged.",
    )


def _delivery_key(context: JobContext) -> str:
    assert context.job is not None and context.job.id is not None
    return f"{context.job.task_name}:{context.job.id}"


async def _deliver(context: JobContext, user: User, purpose: VerificationPurpose) -> None:
    settings = jobs.settings_of(context)

    async def compose() -> Message:
        token = await issue_verification_token(user, purpose, settings)
        if purpose is VerificationPurpose.PASSWORD_RESET:
            return reset_message(user, token, settings)
        return verification_message(user, token)

    await deliver_once(jobs.services_of(context).mailer, _delivery_key(context), compose)


@jobs.task("identity.verification_mail", attempts=MAIL_ATTEMPTS)
async def verification_mail(context: JobContext, user_id: str) -> None:
    user = await User.get_or_none(id=user_id, deleted_at=None)
    if user is not None and user.email_verified_at is None:  # else: nothing left to confirm
        await _deliver(context, user, VerificationPurpose.EMAIL_VERIFICATION)


@jobs.task("identity.password_reset_mail", attempts=MAIL_ATTEMPTS)
async def password_reset_mail(context: JobContext, email: str) -> None:
    user = await User.get_or_none(email=email, is_active=True, deleted_at=None)
    if user is not None:  # else: no such account, no mail (and the answer said nothing)
        await _deliver(context, user, VerificationPurpose.PASSWORD_RESET)


async def queue_verification_mail(user_id: Any) -> None:
    """In the caller's transaction (the sign-up's): the mail goes once the account exists."""
    await jobs.defer(verification_mail, user_id=str(user_id))


async def queue_password_reset_mail(email: str) -> None:
    await jobs.defer(password_reset_mail, email=email)
