"""Log-in and sign-up throttling (resolvers/identity/throttles.py over core/throttle.py).

Failed log-ins are counted per account (the normalized email) and per client address; past
the free ones each attempt waits a delay that doubles, then is judged normally, so the owner
gets in with the right password. A refusal is a top-level RATE_LIMITED error with
`retryAfter`. Each test talks to an app that believes proxies in 10.9.0.0/16, from client
addresses of its own; time passes by moving the rows' wait into the past.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from core import throttle
from core.rows import fetch_records
from core.security import new_token
from core.settings import Settings
from main import create_app
from models.identity import User, VerificationPurpose, VerificationToken
from resolvers.identity import throttles
from tests.factories.identity import DEFAULT_PASSWORD, create_user
from tests.http_helpers import variant

LOG_IN = (
    "mutation LogIn($email: String!, $password: String!) { "
    "logIn(input: {email: $email, password: $password}) { token errors { field message code } } }"
)
SIGN_UP = (
    "mutation SignUp($email: String!, $password: String!) { "
    'signUp(input: {email: $email, password: $password, displayName: "New"}) { '
    "token errors { field message code } } }"
)
RESET = (
    "mutation Reset($token: String!, $password: String!) { "
    "resetPassword(input: {token: $token, newPassword: $password}) { ok errors { code } } }"
)
WRONG = {
    "token": None,
    "errors": [
        {"field": None, "message": "Wrong email or password.", "code": "INVALID_CREDENTIALS"}
    ],
}
ACCOUNT_FREE = 3
ADDRESS_FREE = 6
BACKOFF = 60.0
BACKOFF_MAX = 200.0
PROXY = "10.9.0.1"
_addresses = itertools.count(1)


def fresh_address() -> str:
    """A client address no other test uses (TEST-NET-2)."""
    n = next(_addresses)
    return f"198.51.{100 + n // 250}.{n % 250 + 1}"


@pytest.fixture(scope="module")
def throttled(server: str, settings: Settings) -> Any:
    """The app with small, known limits; it shares the ORM the session server opened."""
    limits = variant(
        settings,
        trusted_proxies=["10.9.0.0/16"],
        login_free_failures_per_account=ACCOUNT_FREE,
        login_free_failures_per_address=ADDRESS_FREE,
        login_backoff_seconds=BACKOFF,
        login_backoff_max_seconds=BACKOFF_MAX,
        signups_per_address_per_hour=2,
    )
    return create_app(limits)


@contextlib.asynccontextmanager
async def client(app: Any, peer: str) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client whose requests arrive from the socket address `peer`."""
    transport = httpx.ASGITransport(app=app, client=(peer, 4711))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


async def call(
    http: httpx.AsyncClient, query: str, forwarded_for: str | None = None, **variables: Any
) -> dict[str, Any]:
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    response = await http.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers
    )
    assert response.status_code == 200, response.text
    return response.json()


async def log_in(
    http: httpx.AsyncClient, email: str, password: str, forwarded_for: str | None = None
) -> dict[str, Any]:
    """The whole answer: `{"data": {"logIn": ...}}`, or a refusal with `data` null."""
    return await call(http, LOG_IN, forwarded_for, email=email, password=password)


def signed_in(result: dict[str, Any]) -> bool:
    payload = (result.get("data") or {}).get("logIn") or {}
    return "errors" not in result and payload["errors"] == [] and bool(payload["token"])


def refused(field: str, query: str, seconds: int, what: str) -> dict[str, Any]:
    """The answer to a throttled operation: a top-level error; `data` is null because the
    payload of logIn and signUp is non-null."""
    unit = "second" if seconds == 1 else "seconds"
    return {
        "data": None,
        "errors": [
            {
                "message": f"{what}; try again in {seconds} {unit}.",
                "locations": [{"line": 1, "column": query.index(f"{field}(") + 1}],
                "path": [field],
                "extensions": {"code": "RATE_LIMITED", "retryAfter": seconds},
            }
        ],
    }


def log_in_refused(seconds: int) -> dict[str, Any]:
    return refused("logIn", LOG_IN, seconds, "Too many failed log-ins")


def assert_waits(result: dict[str, Any], seconds: float) -> None:
    """`result` refuses a log-in for about `seconds`: the wait began when the attempt that
    caused it was counted, before its password was checked, so a little less may be left."""
    errors = result.get("errors") or [{}]
    retry_after = errors[0].get("extensions", {}).get("retryAfter")
    assert isinstance(retry_after, int) and seconds - 10 < retry_after <= seconds, result
    assert result == log_in_refused(retry_after)


async def fail(http: httpx.AsyncClient, email: str, times: int) -> None:
    for _ in range(times):
        assert await log_in(http, email, "wrong password!") == {"data": {"logIn": WRONG}}


async def row(scope: str, key: str) -> dict[str, Any] | None:
    rows = await fetch_records(
        "SELECT hits, blocked_until FROM throttles WHERE scope = $1 AND key = $2", [scope, key]
    )
    return dict(rows[0]) if rows else None


async def let_the_wait_pass(scope: str, key: str) -> None:
    await fetch_records(
        "UPDATE throttles SET blocked_until = now() WHERE scope = $1 AND key = $2", [scope, key]
    )


async def test_the_owner_gets_in_after_the_backoff(throttled: Any) -> None:
    await create_user(email="owner@example.com")
    async with client(throttled, fresh_address()) as http:
        await fail(http, "owner@example.com", ACCOUNT_FREE)
        # Now every attempt waits, the right password too, in any spelling of the email.
        for email in ("owner@example.com", " OWNER@example.com"):
            assert_waits(await log_in(http, email, DEFAULT_PASSWORD), BACKOFF)
        # The delay doubles with each failure past the free ones, up to the cap.
        for wait in (2 * BACKOFF, BACKOFF_MAX):  # 4 x BACKOFF is over the cap
            await let_the_wait_pass(throttles.LOG_IN_ACCOUNT, "owner@example.com")
            await fail(http, "owner@example.com", 1)
            assert_waits(await log_in(http, "owner@example.com", DEFAULT_PASSWORD), wait)
        # Once the delay has passed, the right password is judged normally: it gets in.
        await let_the_wait_pass(throttles.LOG_IN_ACCOUNT, "owner@example.com")
        assert signed_in(await log_in(http, "owner@example.com", DEFAULT_PASSWORD))
    # ... and the account's failures are forgotten.
    assert await row(throttles.LOG_IN_ACCOUNT, "owner@example.com") is None


async def test_other_accounts_are_unaffected(throttled: Any) -> None:
    await create_user(email="bystander@example.com")
    async with client(throttled, fresh_address()) as http:
        await fail(http, "targeted@example.com", ACCOUNT_FREE)
        assert_waits(await log_in(http, "targeted@example.com", "guess"), BACKOFF)
        assert signed_in(await log_in(http, "bystander@example.com", DEFAULT_PASSWORD))


async def test_unknown_emails_are_throttled_like_known_ones(throttled: Any) -> None:
    async with client(throttled, fresh_address()) as http:
        await fail(http, "ghost@example.com", ACCOUNT_FREE)
        assert_waits(await log_in(http, "ghost@example.com", DEFAULT_PASSWORD), BACKOFF)


async def test_a_successful_log_in_clears_the_accounts_failures(throttled: Any) -> None:
    await create_user(email="clumsy@example.com")
    async with client(throttled, fresh_address()) as http:
        await fail(http, "clumsy@example.com", ACCOUNT_FREE - 1)
        assert signed_in(await log_in(http, "clumsy@example.com", DEFAULT_PASSWORD))
        assert await row(throttles.LOG_IN_ACCOUNT, "clumsy@example.com") is None
        await fail(http, "clumsy@example.com", ACCOUNT_FREE - 1)
        assert signed_in(await log_in(http, "clumsy@example.com", DEFAULT_PASSWORD))


async def test_failures_are_forgotten_after_the_window(throttled: Any) -> None:
    async with client(throttled, fresh_address()) as http:
        await fail(http, "forgetful@example.com", ACCOUNT_FREE)
        # An hour (LOGIN_FAILURE_WINDOW_SECONDS) without a failure passes.
        await fetch_records(
            "UPDATE throttles SET expires_at = now(), blocked_until = now() WHERE key = $1",
            ["forgetful@example.com"],
        )
        await fail(http, "forgetful@example.com", 1)
        assert await row(throttles.LOG_IN_ACCOUNT, "forgetful@example.com") == {
            "hits": 1,
            "blocked_until": None,
        }


async def test_one_address_trying_many_accounts_is_slowed(throttled: Any) -> None:
    address = fresh_address()
    await create_user(email="sprayed-untouched@example.com")
    async with client(throttled, address) as http:
        for n in range(ADDRESS_FREE):  # the address's free failures, one per account
            await fail(http, f"sprayed-{n}@example.com", 1)
        assert_waits(await log_in(http, "sprayed-0@example.com", "guess"), BACKOFF)
        # The right password of an untouched account waits too: the address is slowed.
        untouched = await log_in(http, "sprayed-untouched@example.com", DEFAULT_PASSWORD)
        assert_waits(untouched, BACKOFF)
        await let_the_wait_pass(throttles.LOG_IN_ADDRESS, address)
        await fail(http, "sprayed-0@example.com", 1)
        assert_waits(await log_in(http, "sprayed-1@example.com", "guess"), 2 * BACKOFF)
    # The refused attempts counted against no account.
    assert await row(throttles.LOG_IN_ACCOUNT, "sprayed-untouched@example.com") is None
    assert await row(throttles.LOG_IN_ACCOUNT, "sprayed-1@example.com") == {
        "hits": 1,
        "blocked_until": None,
    }
    # Somebody else, elsewhere, signs in to that account as usual.
    async with client(throttled, fresh_address()) as http:
        assert signed_in(await log_in(http, "sprayed-untouched@example.com", DEFAULT_PASSWORD))


async def test_successful_log_ins_do_not_count_against_the_address(throttled: Any) -> None:
    users = [await create_user() for _ in range(3)]
    async with client(throttled, fresh_address()) as http:
        await fail(http, "office-typo@example.com", 2)
        for user in users:  # colleagues behind the same address sign in
            assert signed_in(await log_in(http, user.email, DEFAULT_PASSWORD))
        for n in range(ADDRESS_FREE - 2):  # the rest of the free failures
            await fail(http, f"office-{n}@example.com", 1)
        assert_waits(await log_in(http, "office-0@example.com", "x"), BACKOFF)


async def test_a_spoofed_forwarded_for_does_not_reset_the_address_throttle(throttled: Any) -> None:
    address = fresh_address()
    async with client(throttled, address) as http:
        for n in range(ADDRESS_FREE):  # a new made-up address on every request
            result = await log_in(http, f"spoof-{n}@example.com", "guess", f"203.0.113.{n}")
            assert result == {"data": {"logIn": WRONG}}
        refusal = await log_in(http, "spoof-0@example.com", "guess", "203.0.113.99")
        assert_waits(refusal, BACKOFF)
    assert (await row(throttles.LOG_IN_ADDRESS, address) or {})["hits"] == ADDRESS_FREE
    assert await row(throttles.LOG_IN_ADDRESS, "203.0.113.0") is None


async def test_behind_a_trusted_proxy_each_client_is_counted_apart(throttled: Any) -> None:
    await create_user(email="behind-proxy@example.com")
    async with client(throttled, PROXY) as http:
        for n in range(ADDRESS_FREE):
            result = await log_in(http, f"proxied-{n}@example.com", "guess", "203.0.113.10")
            assert result == {"data": {"logIn": WRONG}}
        refusal = await log_in(http, "proxied-0@example.com", "guess", "203.0.113.10")
        assert_waits(refusal, BACKOFF)
        # Another client behind the same proxy (whatever it put further left) is not slowed.
        other = await log_in(
            http, "behind-proxy@example.com", DEFAULT_PASSWORD, "203.0.113.10, 203.0.113.11"
        )
        assert signed_in(other)
    assert (await row(throttles.LOG_IN_ADDRESS, "203.0.113.10") or {})["hits"] == ADDRESS_FREE
    assert await row(throttles.LOG_IN_ADDRESS, PROXY) is None


async def test_concurrent_failures_all_count(throttled: Any) -> None:
    address = fresh_address()
    async with client(throttled, address) as http:
        results = await asyncio.gather(*(log_in(http, "racer@example.com", "x") for _ in range(2)))
        assert results == [{"data": {"logIn": WRONG}}] * 2
        assert await row(throttles.LOG_IN_ACCOUNT, "racer@example.com") == {
            "hits": 2,
            "blocked_until": None,
        }
        assert (await row(throttles.LOG_IN_ADDRESS, address) or {})["hits"] == 2


async def test_concurrent_guesses_cannot_slip_past_the_limit(throttled: Any) -> None:
    async with client(throttled, fresh_address()) as http:
        guesses = [log_in(http, "stampede@example.com", "x") for _ in range(ACCOUNT_FREE + 4)]
        results = await asyncio.gather(*guesses)
    # Each attempt is counted before its password is checked: the free ones are tried, the
    # others wait.
    tried = [result for result in results if result["data"] is not None]
    waiting = [result for result in results if result["data"] is None]
    assert tried == [{"data": {"logIn": WRONG}}] * ACCOUNT_FREE
    assert len(waiting) == 4
    # Which limit refuses each of them (the account's or, past ADDRESS_FREE attempts, the
    # address's) depends on the order the concurrent requests reach the table; each is a
    # RATE_LIMITED refusal with a wait of at most the backoff.
    for result in waiting:
        retry_after = result["errors"][0]["extensions"]["retryAfter"]
        assert isinstance(retry_after, int) and 1 <= retry_after <= BACKOFF, result
        assert result == log_in_refused(retry_after)


async def test_a_password_reset_ends_the_wait(throttled: Any) -> None:
    user = await create_user(email="reset-me@example.com")
    raw, digest = new_token()
    await VerificationToken.create(
        user=user,
        purpose=VerificationPurpose.PASSWORD_RESET,
        token_hash=digest,
        expires_at=datetime.now(UTC) + timedelta(hours=1),
    )
    async with client(throttled, fresh_address()) as http:
        await fail(http, "reset-me@example.com", ACCOUNT_FREE)
        assert_waits(await log_in(http, "reset-me@example.com", "x"), BACKOFF)
        reset = await call(http, RESET, token=raw, password="a brand new password")
        assert reset == {"data": {"resetPassword": {"ok": True, "errors": []}}}
        assert signed_in(await log_in(http, "reset-me@example.com", "a brand new password"))


async def test_sign_ups_per_address_are_limited(throttled: Any) -> None:
    address = fresh_address()
    async with client(throttled, address) as http:
        for n in range(2):
            result = await call(http, SIGN_UP, email=f"newcomer-{n}@example.com", password="x" * 12)
            assert result["data"]["signUp"]["errors"] == []
        third = await call(http, SIGN_UP, email="newcomer-2@example.com", password="x" * 12)
    wait = third["errors"][0]["extensions"]["retryAfter"]
    assert 3590 <= wait <= 3600
    assert third == refused("signUp", SIGN_UP, wait, "Too many sign-ups")
    assert not await User.exists(email="newcomer-2@example.com")


async def test_mail_is_limited_per_account_and_per_address(server: str, settings: Settings) -> None:
    limits = variant(settings, mails_per_account_per_hour=3, mails_per_address_per_hour=5)
    address = fresh_address()
    for _ in range(3):
        await throttles.take_mail(limits, "mailed@example.com", address)
    with pytest.raises(throttle.Throttled) as refusal:
        await throttles.take_mail(limits, "mailed@example.com", fresh_address())
    assert refusal.value.message.startswith("Too many mails requested; try again in ")
    assert 3590 <= refusal.value.retry_after <= 3600
    # The refused request counted against neither: the address has 2 mails left.
    for n in range(2):
        await throttles.take_mail(limits, f"mailed-{n}@example.com", address)
    with pytest.raises(throttle.Throttled):
        await throttles.take_mail(limits, "mailed-3@example.com", address)
    # A new hour, new mails.
    await fetch_records(
        "UPDATE throttles SET expires_at = now(), blocked_until = now() WHERE key = $1",
        ["mailed@example.com"],
    )
    await throttles.take_mail(limits, "mailed@example.com", fresh_address())


async def test_ipv6_clients_are_counted_per_64(throttled: Any) -> None:
    assert throttles.address_key("2001:db8:1:2:aaaa::1") == "2001:db8:1:2::/64"
    assert throttles.address_key("198.51.100.7") == "198.51.100.7"
    async with client(throttled, "2001:db8:77:1::1") as http:
        await fail(http, "v6-a@example.com", ADDRESS_FREE // 2)
    async with client(throttled, "2001:db8:77:1:ffff::2") as http:
        await fail(http, "v6-b@example.com", ADDRESS_FREE - ADDRESS_FREE // 2)
        assert_waits(await log_in(http, "v6-c@example.com", "x"), BACKOFF)
