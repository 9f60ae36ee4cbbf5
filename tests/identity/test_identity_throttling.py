"""Repeated failed log-ins for one email are throttled (RATE_LIMITED) for a while."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core.settings import Settings
from models.identity import LoginFailure
from tests.factories.identity import DEFAULT_PASSWORD, create_user, log_in
from tests.graphql_client import GraphQLClient, operation

OPS = operation("identity.graphql")


def wrong() -> list[dict]:
    return [{"field": None, "message": "Wrong email or password.", "code": "INVALID_CREDENTIALS"}]


def limited(settings: Settings) -> list[dict]:
    minutes = max(1, round(settings.login_lockout_seconds / 60))
    message = f"Too many failed log-ins for this email; try again in {minutes} minutes."
    return [{"field": None, "message": message, "code": "RATE_LIMITED"}]


async def fail(gql: GraphQLClient, email: str, times: int) -> None:
    for _ in range(times):
        assert (await log_in(gql, email, "wrong password!"))["errors"] == wrong()


async def test_too_many_failures_lock_the_email(gql: GraphQLClient, settings: Settings) -> None:
    await create_user(email="target@example.com")
    await create_user(email="bystander@example.com")
    await fail(gql, "target@example.com", settings.login_max_failures)
    # Even the right password is refused now, in any spelling of the email.
    for email in ("target@example.com", "TARGET@example.com"):
        result = await log_in(gql, email, DEFAULT_PASSWORD)
        assert result == {"token": None, "user": None, "errors": limited(settings)}
    # Other accounts are unaffected.
    assert (await log_in(gql, "bystander@example.com", DEFAULT_PASSWORD))["errors"] == []


async def test_unknown_emails_are_throttled_like_known_ones(
    gql: GraphQLClient, settings: Settings
) -> None:
    await fail(gql, "ghost@example.com", settings.login_max_failures)
    result = await log_in(gql, "ghost@example.com", DEFAULT_PASSWORD)
    assert result["errors"] == limited(settings)


async def test_a_successful_log_in_clears_the_failures(
    gql: GraphQLClient, settings: Settings
) -> None:
    await create_user(email="clumsy@example.com")
    await fail(gql, "clumsy@example.com", settings.login_max_failures - 1)
    assert (await log_in(gql, "clumsy@example.com", DEFAULT_PASSWORD))["errors"] == []
    assert not await LoginFailure.filter(email="clumsy@example.com").exists()
    await fail(gql, "clumsy@example.com", settings.login_max_failures - 1)
    assert (await log_in(gql, "clumsy@example.com", DEFAULT_PASSWORD))["errors"] == []


async def test_the_lock_ends_after_the_lockout_period(
    gql: GraphQLClient, settings: Settings
) -> None:
    await create_user(email="patient@example.com")
    await fail(gql, "patient@example.com", settings.login_max_failures)
    assert (await log_in(gql, "patient@example.com", DEFAULT_PASSWORD))["errors"] == limited(
        settings
    )
    # Pass time: the failures now lie just outside the lockout window.
    past = datetime.now(UTC) - timedelta(seconds=settings.login_lockout_seconds + 1)
    await LoginFailure.filter(email="patient@example.com").update(created_at=past)
    assert (await log_in(gql, "patient@example.com", DEFAULT_PASSWORD))["errors"] == []
