"""Passwords and mailed tokens: changePassword, requestPasswordReset, resetPassword, verifyEmail."""

from __future__ import annotations

import asyncio
import hashlib
from datetime import UTC, datetime, timedelta

from core.jobs import wait_until_idle
from engine.ids import global_id
from models.identity import AuthToken, OutboxMessage, User, VerificationToken
from tests.factories.identity import (
    DEFAULT_PASSWORD,
    NOT_SIGNED_IN,
    create_user,
    log_in,
    mailed_token,
    token_for,
    token_refused,
    viewer,
)
from tests.graphql_client import GraphQLClient, operation

OPS = operation("identity.graphql")
BAD_TOKEN = [
    {"field": "token", "message": "This link is invalid or was used.", "code": "INVALID_TOKEN"}
]
EXPIRED = [{"field": "token", "message": "This link has expired.", "code": "EXPIRED_TOKEN"}]


async def request_reset(gql: GraphQLClient, email: str) -> dict:
    variables = {"email": email}
    return (await gql(OPS, variables, operation_name="RequestPasswordReset"))[
        "requestPasswordReset"
    ]


async def reset(gql: GraphQLClient, token: str, new_password: str) -> dict:
    variables = {"token": token, "newPassword": new_password}
    return (await gql(OPS, variables, operation_name="ResetPassword"))["resetPassword"]


async def verify(gql: GraphQLClient, token: str) -> dict:
    return (await gql(OPS, {"token": token}, operation_name="VerifyEmail"))["verifyEmail"]


async def change(gql: GraphQLClient, token: str | None, current: str, new: str) -> dict:
    variables = {"currentPassword": current, "newPassword": new}
    return await gql.raw(OPS, variables, token=token, operation_name="ChangePassword")


async def test_reset_request_answers_the_same_for_unknown_emails(gql: GraphQLClient) -> None:
    await create_user(email="resettable@example.com")
    known = await request_reset(gql, "Resettable@Example.com")
    unknown = await request_reset(gql, "stranger@example.com")
    assert known == unknown == {"ok": True, "errors": []}
    await wait_until_idle()  # the token and mail are written by a job
    assert await OutboxMessage.filter(to="resettable@example.com").count() == 1
    assert not await OutboxMessage.filter(to="stranger@example.com").exists()


async def test_reset_request_refuses_a_malformed_email(gql: GraphQLClient) -> None:
    assert await request_reset(gql, "at-sign-missing") == {
        "ok": False,
        "errors": [
            {"field": "email", "message": "This is not a valid email address.", "code": "INVALID"}
        ],
    }


async def test_reset_sets_the_password_and_ends_every_session(gql: GraphQLClient) -> None:
    user = await create_user(email="forgetful@example.com")
    sessions = [await token_for(user), await token_for(user)]
    assert await request_reset(gql, "forgetful@example.com") == {"ok": True, "errors": []}
    token = await mailed_token("forgetful@example.com", "reset")
    stored = await VerificationToken.get(user_id=user.id, purpose="password_reset")
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert timedelta(minutes=59) < stored.expires_at - datetime.now(UTC) <= timedelta(hours=1)

    assert await reset(gql, token, "my brand new password") == {"ok": True, "errors": []}
    for session in sessions:
        assert await token_refused(gql, session)
    assert await AuthToken.filter(user_id=user.id, revoked_at=None).count() == 0
    assert (await log_in(gql, "forgetful@example.com", DEFAULT_PASSWORD))["token"] is None
    assert (await log_in(gql, "forgetful@example.com", "my brand new password"))["errors"] == []
    # Single use: the same token cannot set the password again.
    assert await reset(gql, token, "another new password") == {"ok": False, "errors": BAD_TOKEN}


async def test_a_new_reset_token_replaces_the_older_one(gql: GraphQLClient) -> None:
    await create_user(email="twice@example.com")
    await request_reset(gql, "twice@example.com")
    first = await mailed_token("twice@example.com", "reset")
    await request_reset(gql, "twice@example.com")
    second = await mailed_token("twice@example.com", "reset")
    assert first != second
    assert await reset(gql, first, "the first password") == {"ok": False, "errors": BAD_TOKEN}
    assert (await reset(gql, second, "the second password"))["ok"] is True


async def test_expired_reset_token_is_refused(gql: GraphQLClient) -> None:
    user = await create_user(email="late@example.com")
    await request_reset(gql, "late@example.com")
    token = await mailed_token("late@example.com", "reset")
    await VerificationToken.filter(user_id=user.id).update(
        expires_at=datetime.now(UTC) - timedelta(seconds=1)
    )
    assert await reset(gql, token, "too late password") == {"ok": False, "errors": EXPIRED}
    assert (await log_in(gql, "late@example.com", DEFAULT_PASSWORD))["errors"] == []


async def test_reset_refuses_bad_tokens_and_bad_passwords(gql: GraphQLClient) -> None:
    user = await create_user(email="strict@example.com")
    await request_reset(gql, "strict@example.com")
    token = await mailed_token("strict@example.com", "reset")
    assert await reset(gql, "made-up-token", "a valid new password") == {
        "ok": False,
        "errors": BAD_TOKEN,
    }
    assert await reset(gql, token, "short") == {
        "ok": False,
        "errors": [
            {"field": "newPassword", "message": "Use at least 10 characters.", "code": "TOO_SHORT"}
        ],
    }
    # Failed attempts leave the token usable; using it also proves the address works.
    assert (await reset(gql, token, "a valid new password"))["ok"] is True
    assert (await User.get(id=user.id)).email_verified_at is not None


async def test_sign_up_mails_a_single_use_verification_token(gql: GraphQLClient) -> None:
    variables = {"email": "verify.me@example.com", "password": "0123456789", "displayName": "V"}
    signed = (await gql(OPS, variables, operation_name="SignUp"))["signUp"]
    token = await mailed_token("verify.me@example.com", "confirm")
    assert await reset(gql, token, "not allowed here") == {"ok": False, "errors": BAD_TOKEN}
    result = await verify(gql, token)
    assert result == {"user": {"id": signed["user"]["id"], "emailVerified": True}, "errors": []}
    assert (await viewer(gql, signed["token"]))["emailVerified"] is True
    assert await verify(gql, token) == {"user": None, "errors": BAD_TOKEN}


async def test_expired_verification_token_is_refused(gql: GraphQLClient) -> None:
    variables = {"email": "slow@example.com", "password": "0123456789", "displayName": "S"}
    signed = (await gql(OPS, variables, operation_name="SignUp"))["signUp"]
    token = await mailed_token("slow@example.com", "confirm")
    user = await User.get(email="slow@example.com")
    await VerificationToken.filter(user_id=user.id).update(
        expires_at=datetime.now(UTC) - timedelta(minutes=1)
    )
    assert await verify(gql, token) == {"user": None, "errors": EXPIRED}
    assert await verify(gql, "unknown") == {"user": None, "errors": BAD_TOKEN}
    assert (await viewer(gql, signed["token"]))["id"] == global_id("User", user.id)
    assert (await viewer(gql, signed["token"]))["emailVerified"] is False


async def test_change_password_checks_the_current_one(gql: GraphQLClient) -> None:
    user = await create_user(email="changer@example.com")
    session = await token_for(user)
    result = await change(gql, session, "not my password", "short")
    assert result["data"]["changePassword"] == {
        "ok": False,
        "errors": [
            {"field": "newPassword", "message": "Use at least 10 characters.", "code": "TOO_SHORT"},
            {
                "field": "currentPassword",
                "message": "The current password is wrong.",
                "code": "INVALID_CREDENTIALS",
            },
        ],
    }
    assert (await log_in(gql, "changer@example.com", DEFAULT_PASSWORD))["errors"] == []


async def test_change_password_keeps_this_session_and_ends_the_others(
    gql: GraphQLClient,
) -> None:
    user = await create_user(email="rotator@example.com")
    this, other = await token_for(user), await token_for(user)
    result = await change(gql, this, DEFAULT_PASSWORD, "a fresh long password")
    assert result["data"]["changePassword"] == {"ok": True, "errors": []}
    assert (await viewer(gql, this))["email"] == "rotator@example.com"
    assert await token_refused(gql, other)
    assert (await log_in(gql, "rotator@example.com", DEFAULT_PASSWORD))["token"] is None
    assert (await log_in(gql, "rotator@example.com", "a fresh long password"))["errors"] == []


async def test_change_password_needs_sign_in(gql: GraphQLClient) -> None:
    result = await change(gql, None, DEFAULT_PASSWORD, "a fresh long password")
    assert result["data"]["changePassword"] == {"ok": False, "errors": NOT_SIGNED_IN}


async def test_concurrent_resets_with_one_token_succeed_once(gql: GraphQLClient) -> None:
    await create_user(email="race@example.com")
    await request_reset(gql, "race@example.com")
    token = await mailed_token("race@example.com", "reset")
    results = await asyncio.gather(
        reset(gql, token, "first racing password"), reset(gql, token, "second racing password")
    )
    assert sorted(r["ok"] for r in results) == [False, True]
    assert [r["errors"] for r in results if not r["ok"]] == [BAD_TOKEN]
