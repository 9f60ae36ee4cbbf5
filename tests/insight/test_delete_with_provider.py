"""Deleting an account confirmed with a provider's ID token (`deleteAccount(provider, idToken)`,
../shared/operations/accounts.graphql; resolvers/identity/deletion.py): issue #19 decided the
confirmation is an ID token of an identity linked to the account, issued at most 5 minutes
ago, and used once. The app, the JWKS stand-in and the test-signed tokens are the provider
sign-in tests' (tests/identity/test_provider_sign_in.py); the deletion's effects are checked
as in tests/insight/test_privacy.py."""

from __future__ import annotations

import time
from typing import Any

from models.identity import LearningProfile, OAuthAccount, Role, UsedIdToken, User
from tests.factories.identity import signed_in
from tests.graphql_client import GraphQLClient, operation
from tests.identity import test_provider_sign_in as provider_tests
from tests.identity.test_provider_sign_in import Api, apple_token, error, fresh, id_token

# The provider sign-in tests' fixtures: the JWKS stand-in, the app at it, a client of it.
jwks = provider_tests.jwks
provider_app = provider_tests.provider_app
api = provider_tests.api

ACCOUNTS = operation("accounts.graphql")
STALE = error(
    "INVALID_TOKEN",
    "Sign in with the provider again: the confirmation must be at most 5 minutes old.",
)
NOT_LINKED = error("INVALID_TOKEN", "This token is not of an account linked to yours.")
USED = error("INVALID_TOKEN", "This token was used already.")


async def delete(api: Api, bearer: str, **variables: Any) -> Any:
    """The frontend's DeleteAccount operation's payload."""
    data = await GraphQLClient(api.http)(ACCOUNTS, variables, bearer, "DeleteAccount")
    return data["deleteAccount"]


async def provider_account(api: Api) -> tuple[str, str, str]:
    """A new account made by Google sign-in (no password): its subject, email and bearer.
    An admin is made too, someone to take over (as in tests/insight/test_privacy.py)."""
    await signed_in(Role.ADMIN)
    sub, email = fresh()
    signed = await api.sign_in(id_token(sub, email))
    assert (signed["errors"], signed["created"]) == ([], True)
    return sub, email, signed["token"]


def minutes_ago(minutes: float) -> dict[str, int]:
    """`iat` that many minutes ago (and an expiry still an hour away)."""
    now = int(time.time())
    return {"iat": now - int(minutes * 60), "exp": now + 3600}


async def assert_not_deleted(email: str) -> None:
    user = await User.get(email=email)
    assert (user.deleted_at, user.is_active) == (None, True)
    assert await OAuthAccount.exists(user_id=user.id)


async def test_a_provider_account_deletes_itself_with_a_fresh_token(api: Api) -> None:
    sub, email, bearer = await provider_account(api)
    user = await User.get(email=email)
    assert user.password_hash is None and await LearningProfile.exists(user_id=user.id)
    token = id_token(sub, email)
    assert await delete(api, bearer, provider="GOOGLE", idToken=token) == {
        "ok": True,
        "errors": [],
    }
    gone = await User.get(id=user.id)
    assert gone.deleted_at is not None and gone.email.startswith("deleted-")
    assert gone.email.endswith("@invalid")
    assert (gone.display_name, gone.is_active, gone.password_hash) == (
        "Deleted student",
        False,
        None,
    )
    assert not await LearningProfile.exists(user_id=user.id)
    assert not await OAuthAccount.exists(user_id=user.id)
    assert await UsedIdToken.filter(provider="google").count() > 0
    # The old bearer token no longer works.
    refused = await GraphQLClient(api.http).raw(ACCOUNTS, {}, bearer, "MyLinkedAccounts")
    assert refused.get("data") is None and refused["errors"], refused
    # The confirmation was used: it signs nobody in, and a fresh token of the same identity
    # makes a new account (the old one's link and email are gone).
    assert (await api.sign_in(token))["errors"] == USED
    again = await api.sign_in(id_token(sub, email))
    assert (again["errors"], again["created"], again["user"]["email"]) == ([], True, email)
    assert (await User.get(email=email)).id != user.id


async def test_a_token_issued_more_than_5_minutes_ago_is_refused(api: Api) -> None:
    sub, email, bearer = await provider_account(api)
    user_id = (await User.get(email=email)).id
    stale = id_token(sub, email, **minutes_ago(6))
    assert await delete(api, bearer, provider="GOOGLE", idToken=stale) == {
        "ok": False,
        "errors": STALE,
    }
    await assert_not_deleted(email)
    # Within the 5 minutes it confirms.
    recent = id_token(sub, email, **minutes_ago(4))
    assert await delete(api, bearer, provider="GOOGLE", idToken=recent) == {
        "ok": True,
        "errors": [],
    }
    assert (await User.get(id=user_id)).deleted_at is not None


async def test_a_token_of_an_identity_not_linked_to_the_account_is_refused(api: Api) -> None:
    sub, email, bearer = await provider_account(api)
    other_sub, other_email, _ = await provider_account(api)  # linked to another account
    stranger_sub, stranger_email = fresh()  # linked to nobody
    tokens = {
        "another account's": id_token(other_sub, other_email),
        "nobody's": id_token(stranger_sub, stranger_email),
        "own email, another subject": id_token(stranger_sub, email),
    }
    for why, token in tokens.items():
        payload = await delete(api, bearer, provider="GOOGLE", idToken=token)
        assert payload == {"ok": False, "errors": NOT_LINKED}, why
    # The same subject at another provider is another identity.
    apple = apple_token(sub, email)
    payload = await delete(api, bearer, provider="APPLE", idToken=apple)
    assert payload == {"ok": False, "errors": NOT_LINKED}
    await assert_not_deleted(email)
    await assert_not_deleted(other_email)


async def test_a_replayed_token_is_refused(api: Api) -> None:
    sub, email = fresh()
    token = id_token(sub, email)
    signed = await api.sign_in(token)
    bearer = signed["token"]
    # The token that signed the account in cannot confirm its deletion.
    assert await delete(api, bearer, provider="GOOGLE", idToken=token) == {
        "ok": False,
        "errors": USED,
    }
    await assert_not_deleted(email)
    # Nor can a token used by a link.
    apple_sub, _ = fresh()
    linking = apple_token(apple_sub, email)
    assert (await api.link(bearer, linking, "APPLE"))["errors"] == []
    assert await delete(api, bearer, provider="APPLE", idToken=linking) == {
        "ok": False,
        "errors": USED,
    }
    await assert_not_deleted(email)


async def test_neither_password_nor_token_is_required(api: Api) -> None:
    sub, email, bearer = await provider_account(api)
    required = {
        "ok": False,
        "errors": error(
            "REQUIRED", "Confirm with your password or a fresh provider sign-in.", "idToken"
        ),
    }
    assert await delete(api, bearer) == required
    assert await delete(api, bearer, provider="GOOGLE") == required
    assert await delete(api, bearer, idToken=id_token(sub, email)) == required
    assert await delete(api, bearer, password="", provider="GOOGLE", idToken="") == required
    await assert_not_deleted(email)


async def test_a_student_with_nothing_to_hand_over_deletes_without_another_admin(
    api: Api,
) -> None:
    sub, email = fresh()
    bearer = (await api.sign_in(id_token(sub, email)))["token"]
    others = await User.filter(role=Role.ADMIN).values_list("id", flat=True)
    await User.filter(id__in=others).update(role=Role.STUDENT)
    try:
        payload = await delete(api, bearer, provider="GOOGLE", idToken=id_token(sub, email))
    finally:
        await User.filter(id__in=others).update(role=Role.ADMIN)
    assert payload == {"ok": True, "errors": []}
