"""Identity's throttles (core/throttle.py), with their limits from the settings.

- Log-in: failures per account (the normalized email, whether or not it has an account, so a
  refusal tells nothing about which emails exist) and per client address (one address trying
  many accounts), with a growing delay past the free ones; a successful log-in clears the
  account's failures and does not count against its address.
- Mail: password-reset requests per account (again by email, existing or not) and per address,
  sign-ups per address (each mails a verification link); quotas per hour.

A refusal raises `core.throttle.Throttled`: a top-level GraphQL error with
`extensions: {"code": "RATE_LIMITED", "retryAfter": seconds}`.
"""

from __future__ import annotations

from ipaddress import IPv6Network, ip_address

from core import throttle
from core.settings import Settings

LOG_IN_ACCOUNT = "login:account"
LOG_IN_ADDRESS = "login:address"
MAIL_ACCOUNT = "mail:account"
MAIL_ADDRESS = "mail:address"
SIGN_UP_ADDRESS = "signup:address"
HOUR = 3600


def address_key(address: str | None) -> str | None:
    """What an address is counted as: itself, or for IPv6 its /64 (one subscriber usually
    holds a whole /64, so counting single addresses would let it pick 2^64 of them)."""
    if address is None:
        return None
    try:
        parsed = ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        return str(IPv6Network((parsed, 64), strict=False))
    return str(parsed)


def _log_in_limit(settings: Settings, scope: str, free: int) -> throttle.Limit:
    return throttle.Limit(
        scope=scope,
        free=free,
        window_seconds=settings.login_failure_window_seconds,
        backoff_seconds=settings.login_backoff_seconds,
        backoff_max_seconds=settings.login_backoff_max_seconds,
        refusal="Too many failed log-ins",
    )


def log_in_account_limit(settings: Settings) -> throttle.Limit:
    return _log_in_limit(settings, LOG_IN_ACCOUNT, settings.login_free_failures_per_account)


def log_in_address_limit(settings: Settings) -> throttle.Limit:
    return _log_in_limit(settings, LOG_IN_ADDRESS, settings.login_free_failures_per_address)


def _hourly(scope: str, free: int, refusal: str) -> throttle.Limit:
    return throttle.Limit(scope=scope, free=free, window_seconds=HOUR, refusal=refusal)


async def attempt_log_in(settings: Settings, email_key: str, address: str | None) -> None:
    """Count a log-in attempt for the address and the account before checking the password;
    raise `Throttled` when either must wait (then neither counts). The attempt counts as a
    failure until `log_in_succeeded`."""
    await throttle.attempt(
        (log_in_address_limit(settings), address_key(address)),
        (log_in_account_limit(settings), email_key),
    )


async def log_in_succeeded(settings: Settings, email_key: str, address: str | None) -> None:
    """The password was right: the account's failures are forgotten, and the attempt no
    longer counts against the address (the address's earlier failures still do)."""
    await throttle.clear(LOG_IN_ACCOUNT, email_key)
    await throttle.forgive(log_in_address_limit(settings), address_key(address))


async def clear_log_in_failures(email_key: str) -> None:
    """Forget the account's failed log-ins (e.g. once its password was reset)."""
    await throttle.clear(LOG_IN_ACCOUNT, email_key)


async def take_mail(settings: Settings, email_key: str, address: str | None) -> None:
    """Count one requested mail (a password reset; a verification resend) for the normalized
    email, whether or not it has an account, and for the client address; raise `Throttled`
    when either has had its mails this hour (then neither counts)."""
    refusal = "Too many mails requested"
    await throttle.attempt(
        (_hourly(MAIL_ADDRESS, settings.mails_per_address_per_hour, refusal), address_key(address)),
        (_hourly(MAIL_ACCOUNT, settings.mails_per_account_per_hour, refusal), email_key),
    )


async def take_sign_up(settings: Settings, address: str | None) -> None:
    """Count one sign-up (it mails a verification link) for the client address; raise
    `Throttled` when the address has had its sign-ups this hour."""
    limit = _hourly(SIGN_UP_ADDRESS, settings.signups_per_address_per_hour, "Too many sign-ups")
    await throttle.attempt((limit, address_key(address)))
