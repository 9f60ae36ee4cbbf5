"""Sign-in with an identity provider and linked accounts, through the API
(resolvers/identity/providers.py): the app's Google and Apple take their keys from a local
JWKS stand-in (tests/identity/oidc_stand_in.py) and accept tokens the tests sign for CLIENT;
Microsoft has no client id. Each test calls from its own client address (the sign-ins count
against the address's log-in limit)."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import time
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest_asyncio
from starlette.applications import Starlette

from core.settings import Settings
from engine.ids import global_id
from main import create_app
from models.identity import OAuthAccount, UsedIdToken, User
from resolvers.identity.providers import purge_used_id_tokens
from tests.factories.identity import DEFAULT_PASSWORD, create_user, mailed_token, signed_in
from tests.http_helpers import variant
from tests.identity.oidc_stand_in import CLIENT, JwksStandIn, claims, rsa_key, sign, stand_in_app
from tests.servers import serve

KEY, IMPOSTOR = rsa_key("key-1"), rsa_key("key-1")  # the same kid, another key
FREE_FAILURES = 12
OPS = """
mutation SignInWithProvider($provider: IdentityProvider!, $idToken: String!, $nonce: String,
    $timezone: String) {
  signInWithProvider(input: {provider: $provider, idToken: $idToken, nonce: $nonce,
      timezone: $timezone}) {
    token created user { id email displayName emailVerified role } errors { field message code }
  }
}
mutation LinkProvider($provider: IdentityProvider!, $idToken: String!, $nonce: String) {
  linkProvider(input: {provider: $provider, idToken: $idToken, nonce: $nonce}) {
    account { id provider email linkedAt } errors { field message code }
  }
}
mutation UnlinkProvider($accountId: ID!) {
  unlinkProvider(input: {accountId: $accountId}) { deletedId errors { field message code } }
}
query MyLinkedAccounts { me { id hasPassword linkedAccounts { id provider email linkedAt } } }
query Node($id: ID!) { node(id: $id) { ... on LinkedAccount { id provider } } }
mutation LogIn($email: String!, $password: String!) {
  logIn(input: {email: $email, password: $password}) { token errors { code } }
}
"""
_addresses = itertools.count(1)


@pytest_asyncio.fixture(scope="module")
async def jwks() -> AsyncIterator[JwksStandIn]:
    state = JwksStandIn()
    async with serve(stand_in_app(state)) as base_url:
        state.base_url = base_url
        yield state


def app_settings(settings: Settings, jwks: JwksStandIn, **changes: Any) -> Settings:
    """Google and Apple take their keys from the stand-in (KEY); Microsoft is unconfigured."""
    defaults: dict[str, Any] = {
        "login_free_failures_per_address": FREE_FAILURES,
        "oidc_google_jwks_url": jwks.publish([KEY]),
        "oidc_google_client_ids": [CLIENT],
        "oidc_apple_jwks_url": jwks.publish([KEY]),
        "oidc_apple_client_ids": [CLIENT],
        "oidc_microsoft_client_ids": [],
    }
    return variant(settings, **{**defaults, **changes})


@pytest_asyncio.fixture(scope="module")
async def provider_app(server: str, settings: Settings, jwks: JwksStandIn) -> Starlette:
    """The app with Google and Apple at the stand-in; it shares the session server's ORM."""
    return create_app(app_settings(settings, jwks))


class Api:
    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http

    async def call(self, name: str, token: str | None = None, **variables: Any) -> Any:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        body = {"query": OPS, "operationName": name, "variables": variables}
        result = (await self.http.post("/graphql", json=body, headers=headers)).json()
        assert "errors" not in result, result
        return next(iter(result["data"].values()))

    async def sign_in(self, id_token: str, provider: str = "GOOGLE", **variables: Any) -> Any:
        return await self.call(
            "SignInWithProvider", provider=provider, idToken=id_token, **variables
        )

    async def link(self, token: str, id_token: str, provider: str = "GOOGLE") -> Any:
        return await self.call("LinkProvider", token, provider=provider, idToken=id_token)

    async def unlink(self, token: str, account_id: str) -> Any:
        return await self.call("UnlinkProvider", token, accountId=account_id)

    async def me(self, token: str) -> Any:
        return await self.call("MyLinkedAccounts", token)


@contextlib.asynccontextmanager
async def client_of(app: Starlette) -> AsyncIterator[Api]:
    """A client of `app` calling from an address (a /64) no other test uses."""
    address = f"2001:db8:ac:{next(_addresses):x}::1"
    transport = httpx.ASGITransport(app=app, client=(address, 4711))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield Api(http)


@pytest_asyncio.fixture
async def api(provider_app: Starlette) -> AsyncIterator[Api]:
    async with client_of(provider_app) as api:
        yield api


def id_token(sub: str, email: str | None, key: Any = KEY, **changes: Any) -> str:
    """A fresh Google ID token (valid for an hour from now) for `sub`; `changes` as
    `claims` takes them (None drops a claim)."""
    now = int(time.time())
    base = {"iat": now, "exp": now + 3600, "jti": uuid.uuid4().hex, "sub": sub, "email": email}
    return sign(key, claims(**{**base, **changes}))


def apple_token(sub: str, email: str, verified: str = "true", **changes: Any) -> str:
    return id_token(sub, email, iss="https://appleid.apple.com", email_verified=verified, **changes)


def fresh() -> tuple[str, str]:
    """A subject and an email no other test uses."""
    n = uuid.uuid4().hex[:12]
    return f"sub-{n}", f"ada-{n}@example.com"


def error(code: str, message: str, field: str | None = "idToken") -> list[dict[str, Any]]:
    return [{"field": field, "message": message, "code": code}]


def refused(payload: dict[str, Any]) -> list[dict[str, Any]]:
    assert payload["token"] is None and payload["user"] is None, payload
    return payload["errors"]


async def test_the_first_sign_in_creates_the_account_the_next_signs_it_in(api: Api) -> None:
    sub, email = fresh()
    first = await api.sign_in(id_token(sub, email.upper()), timezone="Europe/Lisbon")
    assert (first["errors"], first["created"]) == ([], True)
    assert {k: v for k, v in first["user"].items() if k != "id"} == {
        "email": email,
        "displayName": "Ada Lovelace",
        "emailVerified": True,
        "role": "STUDENT",
    }
    user = await User.get(email=email)
    assert (user.password_hash, user.timezone, user.last_login_at is not None) == (
        None,
        "Europe/Lisbon",
        True,
    )
    me = await api.me(first["token"])
    assert (me["id"], me["hasPassword"]) == (first["user"]["id"], False)
    [account] = me["linkedAccounts"]
    assert (account["provider"], account["email"]) == ("GOOGLE", email)
    again = await api.sign_in(id_token(sub, email, name=None))
    assert (again["errors"], again["created"], again["user"]) == ([], False, first["user"])
    assert again["token"] not in (None, first["token"])
    assert await OAuthAccount.filter(user_id=user.id).count() == 1


async def test_an_unverified_provider_email_makes_an_unverified_account(api: Api) -> None:
    sub, email = fresh()
    created = await api.sign_in(apple_token(sub, email, "false", name=None), "APPLE")
    assert (created["created"], created["user"]["emailVerified"]) == (True, False)
    assert created["user"]["displayName"] == email.partition("@")[0]
    assert await mailed_token(email, "Confirm")  # queued as at sign-up


async def test_an_existing_account_is_linked_only_when_both_verified_the_email(
    api: Api,
) -> None:
    now = datetime.now(UTC)
    sub, email = fresh()
    owner = await create_user(email=email, email_verified_at=now)
    auto = await api.sign_in(id_token(sub, email))
    assert (auto["errors"], auto["created"]) == ([], False)
    assert auto["user"]["id"] == global_id("User", owner.id)
    assert await OAuthAccount.filter(user_id=owner.id, subject=sub).exists()

    exists = error(
        "ACCOUNT_EXISTS",
        "An account with this email already exists. Sign in as you did before, then link "
        "your Google account to it.",
        None,
    )
    sub, email = fresh()
    await create_user(email=email)  # the account has not verified its email
    assert refused(await api.sign_in(id_token(sub, email))) == exists
    sub, email = fresh()
    other = await create_user(email=email, email_verified_at=now)
    token = id_token(sub, email, email_verified=False)  # the provider has not verified it
    assert refused(await api.sign_in(token)) == exists
    # The refusal used nothing: the owner logs in and links that very token.
    bearer = (await api.call("LogIn", email=email, password=DEFAULT_PASSWORD))["token"]
    linked = await api.link(bearer, token)
    assert (linked["errors"], linked["account"]["email"]) == ([], email)
    assert (await api.sign_in(id_token(sub, email)))["user"]["id"] == global_id("User", other.id)


async def test_refused_tokens(api: Api) -> None:
    sub, email = fresh()
    now = int(time.time())
    cases = {
        "The token's signature is not valid.": id_token(sub, email, key=IMPOSTOR),
        "The token was issued for another application.": id_token(sub, email, aud="other"),
        "The token has expired.": id_token(sub, email, iat=now - 7200, exp=now - 3600),
        "The token is malformed.": "not-a-token",
        "The token was not issued by Apple.": id_token(sub, email),  # Google's, sent as Apple
    }
    for message, token in cases.items():
        provider = "APPLE" if "Apple" in message else "GOOGLE"
        assert refused(await api.sign_in(token, provider)) == error("INVALID_TOKEN", message)
    with_nonce = id_token(sub, email, nonce="n-1")
    assert refused(await api.sign_in(with_nonce, nonce="n-2")) == error(
        "INVALID_TOKEN", "The token's nonce does not match."
    )
    assert not await User.exists(email=email)


async def test_a_token_or_its_nonce_works_once(api: Api) -> None:
    sub, email = fresh()
    used = error("INVALID_TOKEN", "This token was used already.")
    token = id_token(sub, email)
    assert (await api.sign_in(token))["created"] is True
    assert refused(await api.sign_in(token)) == used
    # Without a jti the nonce names the token: another token with the same nonce is a replay.
    nonce = uuid.uuid4().hex
    assert (await api.sign_in(id_token(sub, email, jti=None, nonce=nonce), nonce=nonce))["token"]
    replay = id_token(sub, email, jti=None, nonce=nonce)
    assert refused(await api.sign_in(replay, nonce=nonce)) == used
    # Remembered until the verifier would refuse it anyway: its expiry plus the leeway.
    row = await UsedIdToken.filter(provider="google").order_by("-created_at").first()
    assert row is not None and row.expires_at > datetime.now(UTC) + timedelta(seconds=3600)


async def test_concurrent_first_sign_ins(api: Api) -> None:
    # One token twice at once: the second waits for the first's transaction, then is refused.
    sub, email = fresh()
    token = id_token(sub, email)
    results = await asyncio.gather(api.sign_in(token), api.sign_in(token))
    assert sorted(bool(r["token"]) for r in results) == [False, True]
    # Two tokens of a new identity at once: one creates the account, the other signs it in.
    sub, email = fresh()
    both = await asyncio.gather(*(api.sign_in(id_token(sub, email)) for _ in range(2)))
    assert sorted(r["created"] for r in both) == [False, True]
    assert both[0]["user"] == both[1]["user"]


async def test_provider_not_configured_and_tokens_without_an_email(api: Api) -> None:
    sub, email = fresh()
    assert refused(await api.sign_in(id_token(sub, email), "MICROSOFT")) == error(
        "PROVIDER_NOT_CONFIGURED", "Sign-in with Microsoft is not configured.", "provider"
    )
    assert refused(await api.sign_in(id_token(sub, None))) == error(
        "INVALID", "Google did not share an email address; allow it to, then try again."
    )
    assert refused(await api.sign_in(id_token(sub, email), timezone="Mars/Base")) == error(
        "INVALID", "Use an IANA time zone name such as Europe/Berlin.", "timezone"
    )


async def test_a_provider_whose_keys_cannot_be_fetched(
    settings: Settings, jwks: JwksStandIn, server: str
) -> None:
    down = jwks.publish([KEY])
    jwks.key_set(down).status = 503
    app = create_app(app_settings(settings, jwks, oidc_google_jwks_url=down))
    sub, email = fresh()
    async with client_of(app) as api:
        assert refused(await api.sign_in(id_token(sub, email))) == error(
            "PROVIDER_UNAVAILABLE",
            "Google sign-in is unavailable right now; try again later.",
            "provider",
        )


async def test_a_deactivated_account_is_refused(api: Api) -> None:
    disabled = error("ACCOUNT_DISABLED", "This account is deactivated.", None)
    sub, email = fresh()
    assert (await api.sign_in(id_token(sub, email)))["created"] is True
    await User.filter(email=email).update(is_active=False)
    assert refused(await api.sign_in(id_token(sub, email))) == disabled
    sub, email = fresh()  # not linked yet: both verified the email, but it is deactivated
    await create_user(email=email, email_verified_at=datetime.now(UTC), is_active=False)
    assert refused(await api.sign_in(id_token(sub, email))) == disabled


async def test_link_and_unlink(api: Api) -> None:
    owner, bearer = await signed_in()
    sub, email = fresh()
    linked = await api.link(bearer, id_token(sub, email))
    account = linked["account"]
    assert (linked["errors"], account["provider"], account["email"]) == ([], "GOOGLE", email)
    assert (await api.link(bearer, id_token(sub, email)))["account"] == account  # idempotent
    _, intruder = await signed_in()
    assert (await api.link(intruder, id_token(sub, email)))["errors"] == error(
        "CONFLICT", "This Google account is linked to another user."
    )
    apple_sub, _ = fresh()
    apple = (await api.link(bearer, apple_token(apple_sub, email), "APPLE"))["account"]
    me = await api.me(bearer)
    assert (me["hasPassword"], me["linkedAccounts"]) == (True, [account, apple])
    # Another user's account is not found; so is a malformed id.
    assert await api.call("Node", bearer, id=apple["id"]) == {
        "id": apple["id"],
        "provider": "APPLE",
    }
    assert await api.call("Node", intruder, id=apple["id"]) is None
    not_found = error("NOT_FOUND", "Linked account not found.", "accountId")
    assert (await api.unlink(intruder, account["id"]))["errors"] == not_found
    assert (await api.unlink(bearer, global_id("User", owner.id)))["errors"] == error(
        "NOT_FOUND", "LinkedAccount not found.", "accountId"
    )
    assert await api.unlink(bearer, account["id"]) == {"deletedId": account["id"], "errors": []}
    assert (await api.unlink(bearer, account["id"]))["errors"] == not_found
    # With a password, the last linked account may go too.
    assert (await api.unlink(bearer, apple["id"]))["errors"] == []
    assert (await api.me(bearer))["linkedAccounts"] == []
    anonymous = await api.call("LinkProvider", provider="GOOGLE", idToken=id_token(sub, email))
    assert anonymous["errors"] == error("UNAUTHENTICATED", "You must be signed in.", None)


async def test_the_last_way_to_sign_in_is_kept(api: Api) -> None:
    sub, email = fresh()
    first = await api.sign_in(id_token(sub, email))
    bearer = first["token"]
    [google] = (await api.me(bearer))["linkedAccounts"]
    last = error(
        "INVALID",
        "This is your only way to sign in: set a password (request a password reset) or link "
        "another account first.",
        "accountId",
    )
    assert (await api.unlink(bearer, google["id"]))["errors"] == last
    apple_sub, _ = fresh()
    apple = (await api.link(bearer, apple_token(apple_sub, email), "APPLE"))["account"]
    assert (await api.unlink(bearer, google["id"]))["errors"] == []
    assert (await api.unlink(bearer, apple["id"]))["errors"] == last
    assert (await api.sign_in(apple_token(apple_sub, email), "APPLE"))["user"] == first["user"]


async def test_bad_tokens_count_against_the_address(api: Api) -> None:
    sub, email = fresh()
    for _ in range(3):  # good sign-ins are forgiven
        assert (await api.sign_in(id_token(sub, email)))["errors"] == []
    for _ in range(FREE_FAILURES):
        await api.sign_in(id_token(sub, email, key=IMPOSTOR))
    variables = {"provider": "GOOGLE", "idToken": id_token(sub, email)}
    body = {"query": OPS, "operationName": "SignInWithProvider", "variables": variables}
    result = (await api.http.post("/graphql", json=body)).json()
    assert result["errors"][0]["extensions"]["code"] == "RATE_LIMITED", result


async def test_expired_used_tokens_are_purged(server: str) -> None:
    now = datetime.now(UTC)
    gone = await UsedIdToken.create(provider="apple", token_id="a" * 64, expires_at=now)
    kept = await UsedIdToken.create(
        provider="apple", token_id="b" * 64, expires_at=now + timedelta(minutes=5)
    )
    assert await purge_used_id_tokens() == 1
    assert not await UsedIdToken.exists(id=gone.id)
    assert await UsedIdToken.exists(id=kept.id)
