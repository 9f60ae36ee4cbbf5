"""Verifying OpenID Connect ID tokens (services/identity_providers) against a local JWKS
endpoint (tests/identity/oidc_stand_in.py) with keys and tokens made here: every check of
verify.py, key rotation and the refetch limits, Cache-Control, an unavailable provider and
an unconfigured one. The key cache's clock and the verification's `now` are injected."""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest
import pytest_asyncio

from core.settings import Settings, load_settings
from services.identity_providers import (
    IdentityProviderError,
    IdTokenVerifier,
    ProviderErrorCode,
    VerifiedIdentity,
    providers_from,
)
from tests.identity.oidc_stand_in import (
    CLIENT,
    NOW,
    TENANT,
    Clock,
    JwksStandIn,
    T,
    claims,
    ec_key,
    forged_hs256,
    rsa_key,
    sign,
    stand_in_app,
    unsigned,
    verifier,
)
from tests.servers import free_port, serve

INVALID = ProviderErrorCode.INVALID_TOKEN
UNAVAILABLE = ProviderErrorCode.PROVIDER_UNAVAILABLE
NOT_CONFIGURED = ProviderErrorCode.PROVIDER_NOT_CONFIGURED
RSA_A, RSA_B, EC_A = rsa_key("rsa-a"), rsa_key("rsa-b"), ec_key("ec-a")
IMPOSTOR = rsa_key("rsa-a")  # the same kid as RSA_A, another key


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def jwks() -> AsyncIterator[JwksStandIn]:
    state = JwksStandIn()
    async with serve(stand_in_app(state)) as base_url:
        state.base_url = base_url
        yield state


async def refusal(
    v: IdTokenVerifier, token: str, provider: str = "google", **options: Any
) -> tuple[ProviderErrorCode, str]:
    with pytest.raises(IdentityProviderError) as caught:
        await v.verify_id_token(provider, token, now=options.pop("now", NOW), **options)
    return caught.value.code, caught.value.message


async def test_a_valid_google_token(jwks: JwksStandIn) -> None:
    v = verifier(jwks.publish([RSA_A, EC_A]))
    identity = await v.verify_id_token("google", sign(RSA_A, claims()), now=NOW)
    assert identity == VerifiedIdentity(
        provider="google",
        subject="110169484474386276334",
        email="ada@example.com",
        email_verified=True,
        name="Ada Lovelace",
        picture="https://example.com/ada.png",
        issued_at=NOW,
        expires_at=NOW + timedelta(hours=1),
        token_id="jti-1",
        nonce=None,
    )
    # Google's other issuer spelling, an ES256 key, the provider's name in capitals.
    token = sign(EC_A, claims(iss="accounts.google.com", nonce="n-1"))
    identity = await v.verify_id_token("Google", token, now=NOW)
    assert (identity.subject, identity.token_id, identity.nonce) == (
        "110169484474386276334",
        "jti-1",
        "n-1",
    )


async def test_signature_and_algorithm_refusals(jwks: JwksStandIn) -> None:
    v = verifier(jwks.publish([RSA_A, EC_A]))
    bad_signature = (INVALID, "The token's signature is not valid.")
    assert await refusal(v, sign(IMPOSTOR, claims())) == bad_signature
    # An EC signature under the kid of an RS256 key; an RSA one under the kid of an EC key.
    assert await refusal(v, sign(EC_A, claims(), {"kid": "rsa-a"})) == bad_signature
    assert await refusal(v, sign(RSA_A, claims(), {"kid": "ec-a"})) == bad_signature
    not_accepted = (INVALID, "The token's signing algorithm is not accepted.")
    assert await refusal(v, unsigned("rsa-a", claims())) == not_accepted
    assert await refusal(v, forged_hs256(RSA_A, claims())) == not_accepted
    assert await refusal(v, "not.a.token") == (INVALID, "The token is malformed.")
    assert await refusal(v, "x" * 20000) == (INVALID, "The token is malformed.")
    assert await refusal(v, sign(RSA_A, claims(), {"crit": ["b64"], "b64": True})) == (
        INVALID,
        "The token is malformed.",
    )
    assert await refusal(v, sign(RSA_A, claims(), {"kid": None})) == (
        INVALID,
        "The token names no signing key.",
    )


async def test_key_rotation_refetches_once_and_at_most_every_30_seconds(
    jwks: JwksStandIn,
) -> None:
    clock = Clock()
    url = jwks.publish([RSA_A], cache_control="max-age=3600")
    v = verifier(url, clock=clock)
    await v.verify_id_token("google", sign(RSA_A, claims()), now=NOW)
    assert jwks.count(url) == 1
    # The provider rotates: the new kid is unknown to the fresh cache, so it refetches once.
    jwks.key_set(url).keys.append(RSA_B)
    clock.now += 30
    identity = await v.verify_id_token("google", sign(RSA_B, claims()), now=NOW)
    assert (identity.subject, jwks.count(url)) == ("110169484474386276334", 2)
    # Made-up kids: refused without a request within 30 s of the last fetch ...
    garbage = sign(RSA_A, claims(), {"kid": "made-up"})
    unknown = (INVALID, "The token was signed with an unknown key.")
    assert await refusal(v, garbage) == unknown
    assert jwks.count(url) == 2
    # ... then one refetch per 30 s, however many arrive at once.
    clock.now += 30
    results = await asyncio.gather(*(refusal(v, garbage) for _ in range(20)))
    assert (results, jwks.count(url)) == ([unknown] * 20, 3)
    # Known kids still verify from the cache.
    await v.verify_id_token("google", sign(RSA_A, claims()), now=NOW)
    assert jwks.count(url) == 3


async def test_concurrent_first_calls_make_one_request(jwks: JwksStandIn) -> None:
    url = jwks.publish([RSA_A])
    v = verifier(url)
    token = sign(RSA_A, claims())
    identities = await asyncio.gather(
        *(v.verify_id_token("google", token, now=NOW) for _ in range(20))
    )
    assert ({i.subject for i in identities}, jwks.count(url)) == ({"110169484474386276334"}, 1)


async def test_claim_refusals(jwks: JwksStandIn) -> None:
    v = verifier(jwks.publish([RSA_A]))
    cases = {
        "The token was issued for another application.": [
            claims(aud="someone-else"),
            claims(aud=[CLIENT, "someone-else"], azp=None),
            claims(aud=[CLIENT, "someone-else"], azp="someone-else"),
        ],
        "The token was not issued by Google.": [
            claims(iss="https://accounts.google.com.evil.example"),
            claims(iss=None),
        ],
        "The token has expired.": [claims(iat=T - 7200, exp=T - 61)],
        "The token's expiry time is not valid.": [claims(exp="soon"), claims(exp=10**20)],
        "The token's issue time is not valid.": [claims(iat=T + 61), claims(iat=-(10**20))],
        "The token is not valid yet.": [claims(nbf=T + 61)],
        "The token lacks a required claim.": [claims(sub=None), claims(exp=None)],
        "The token names no user.": [claims(sub="")],
    }
    for message, cases_of_it in cases.items():
        for case in cases_of_it:
            assert await refusal(v, sign(RSA_A, case)) == (INVALID, message), case


async def test_leeway_and_several_audiences(jwks: JwksStandIn) -> None:
    v = verifier(jwks.publish([RSA_A]))
    # Within the 60 s leeway: expired 59 s ago, issued 60 s ahead, valid from 60 s ahead.
    for case in (
        claims(iat=T - 3659, exp=T - 59),
        claims(iat=T + 60, exp=T + 3660),
        claims(nbf=T + 60),
        claims(aud=[CLIENT, "someone-else"], azp=CLIENT),
    ):
        identity = await v.verify_id_token("google", sign(RSA_A, case), now=NOW)
        assert identity.subject == "110169484474386276334", case


async def test_nonce(jwks: JwksStandIn) -> None:
    v = verifier(jwks.publish([RSA_A]))
    token = sign(RSA_A, claims(nonce="n-1"))
    identity = await v.verify_id_token("google", token, nonce="n-1", now=NOW)
    assert identity.nonce == "n-1"
    assert await refusal(v, token, nonce="n-2") == (INVALID, "The token's nonce does not match.")
    assert await refusal(v, sign(RSA_A, claims()), nonce="n-1") == (
        INVALID,
        "The token carries no nonce.",
    )


async def test_email_verification(jwks: JwksStandIn) -> None:
    v = verifier(jwks.publish([RSA_A]))
    cases = [
        (claims(email_verified=False), ("ada@example.com", False)),
        (claims(email_verified=None), ("ada@example.com", False)),
        (claims(email_verified="yes"), ("ada@example.com", False)),
        (claims(email=None, email_verified=True), (None, False)),
    ]
    for case, expected in cases:
        identity = await v.verify_id_token("google", sign(RSA_A, case), now=NOW)
        assert (identity.email, identity.email_verified) == expected, case


async def test_apple_sends_email_verified_as_a_string(jwks: JwksStandIn) -> None:
    v = verifier(jwks.publish([RSA_A]), provider="apple")
    apple = {
        "iss": "https://appleid.apple.com",
        "aud": CLIENT,
        "sub": "001234.abcdef.1234",
        "email": "x1y2@privaterelay.appleid.com",
        "is_private_email": "true",
        "iat": T,
        "exp": T + 600,
        "nonce": "n-apple",
        "nonce_supported": True,
    }
    for sent, verified in (("true", True), ("false", False)):
        token = sign(RSA_A, {**apple, "email_verified": sent})
        identity = await v.verify_id_token("apple", token, nonce="n-apple", now=NOW)
        assert identity == VerifiedIdentity(
            provider="apple",
            subject="001234.abcdef.1234",
            email="x1y2@privaterelay.appleid.com",
            email_verified=verified,
            name=None,
            picture=None,
            issued_at=NOW,
            expires_at=NOW + timedelta(minutes=10),
            token_id="n-apple",  # no jti: the nonce names the token
            nonce="n-apple",
        )
    google_issued = sign(RSA_A, {**apple, "iss": "https://accounts.google.com"})
    assert await refusal(v, google_issued, "apple") == (
        INVALID,
        "The token was not issued by Apple.",
    )


async def test_microsoft_tenant_issuer(jwks: JwksStandIn) -> None:
    v = verifier(jwks.publish([RSA_A]), provider="microsoft")
    microsoft = {
        "iss": f"https://login.microsoftonline.com/{TENANT}/v2.0",
        "aud": CLIENT,
        "sub": "AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ",
        "tid": TENANT,
        "email": "ada@outlook.com",
        "name": "Ada Lovelace",
        "iat": T,
        "nbf": T,
        "exp": T + 3600,
    }
    token = sign(RSA_A, microsoft)
    identity = await v.verify_id_token("microsoft", token, now=NOW)
    assert identity == VerifiedIdentity(
        provider="microsoft",
        subject="AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ",
        email="ada@outlook.com",
        email_verified=False,  # Microsoft says nothing about it
        name="Ada Lovelace",
        picture=None,
        issued_at=NOW,
        expires_at=NOW + timedelta(hours=1),
        token_id="sha256:" + hashlib.sha256(token.encode()).hexdigest(),
        nonce=None,
    )
    wrong_issuer = (INVALID, "The token was not issued by Microsoft.")
    for case in (
        {**microsoft, "tid": "72f988bf-86f1-41af-91ab-2d7cd011db47"},  # another tenant's
        {name: value for name, value in microsoft.items() if name != "tid"},
        {**microsoft, "tid": "x/../y"},
        {**microsoft, "iss": "https://login.microsoftonline.com/{tenantid}/v2.0"},
    ):
        assert await refusal(v, sign(RSA_A, case), "microsoft") == wrong_issuer, case


@pytest.mark.parametrize(
    ("cache_control", "age", "lifetime"),
    [
        ("public, max-age=600, must-revalidate", None, 600),
        ("public, max-age=600", "500", 100),  # a CDN held it 500 s already
        (None, None, 3600),  # no max-age: an hour
        ("max-age=1000000000", None, 86400),  # at most a day
        ("no-store", None, 30),  # at least the refetch interval
    ],
)
async def test_cache_control_is_honoured(
    jwks: JwksStandIn, cache_control: str | None, age: str | None, lifetime: int
) -> None:
    clock = Clock()
    url = jwks.publish([RSA_A], cache_control=cache_control, age=age)
    v = verifier(url, clock=clock)
    token = sign(RSA_A, claims())
    await v.verify_id_token("google", token, now=NOW)
    clock.now += lifetime - 1
    await v.verify_id_token("google", token, now=NOW)
    assert jwks.count(url) == 1
    clock.now += 1
    await v.verify_id_token("google", token, now=NOW)
    assert jwks.count(url) == 2


async def test_a_provider_down(jwks: JwksStandIn) -> None:
    clock = Clock()
    url = jwks.publish([RSA_A])
    jwks.key_set(url).status = 503
    v = verifier(url, clock=clock)
    token = sign(RSA_A, claims())
    down = (UNAVAILABLE, "Google sign-in is unavailable right now; try again later.")
    assert (await refusal(v, token), jwks.count(url)) == (down, 1)
    assert (await refusal(v, token), jwks.count(url)) == (down, 1)  # no retry within 30 s
    jwks.key_set(url).status = 200
    clock.now += 30
    await v.verify_id_token("google", token, now=NOW)
    assert jwks.count(url) == 2
    # Down again after the keys' hour: they keep serving for another hour, then not.
    jwks.key_set(url).status = 500
    clock.now += 3600
    await v.verify_id_token("google", token, now=NOW)
    assert jwks.count(url) == 3
    clock.now += 3601
    assert (await refusal(v, token), jwks.count(url)) == (down, 4)


async def test_unreachable_or_malformed_key_sets(jwks: JwksStandIn) -> None:
    token = sign(RSA_A, claims())
    down = (UNAVAILABLE, "Google sign-in is unavailable right now; try again later.")
    closed_port = f"http://127.0.0.1:{free_port()}/keys"
    assert await refusal(verifier(closed_port), token) == down
    for body in (b"<html>", b'{"keys": "none"}', b"[]"):
        url = jwks.publish([RSA_A])
        jwks.key_set(url).body = body
        assert await refusal(verifier(url), token) == down, body
    # A set whose entries are unusable (an encryption key, an unknown type, junk) is no set
    # of ours: the token's kid is unknown.
    url = jwks.publish([])
    jwks.key_set(url).body = (
        b'{"keys": [{"kid": "rsa-a", "kty": "RSA", "use": "enc", "n": "AQAB", "e": "AQAB"},'
        b' {"kid": "rsa-a", "kty": "OKP"}, 7, {"kty": "RSA"}]}'
    )
    assert await refusal(verifier(url), token) == (
        INVALID,
        "The token was signed with an unknown key.",
    )


async def test_unconfigured_and_unknown_providers(jwks: JwksStandIn) -> None:
    v = verifier(jwks.publish([RSA_A]))  # Google only
    token = sign(RSA_A, claims())
    assert await refusal(v, token, "apple") == (
        NOT_CONFIGURED,
        "Sign-in with Apple is not configured.",
    )
    assert await refusal(v, token, "github") == (NOT_CONFIGURED, "Unknown identity provider.")
    with pytest.raises(ValueError, match="now must be timezone-aware"):
        await v.verify_id_token("google", token, now=NOW.replace(tzinfo=None))


def test_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    providers = providers_from(Settings())
    assert {name: (p.issuers, p.jwks_url, p.client_ids) for name, p in providers.items()} == {
        "google": (
            ("https://accounts.google.com", "accounts.google.com"),
            "https://www.googleapis.com/oauth2/v3/certs",
            (),
        ),
        "apple": (("https://appleid.apple.com",), "https://appleid.apple.com/auth/keys", ()),
        "microsoft": (
            ("https://login.microsoftonline.com/{tenantid}/v2.0",),
            "https://login.microsoftonline.com/common/discovery/v2.0/keys",
            (),
        ),
    }
    assert Settings().oidc_leeway_seconds == 60
    monkeypatch.setenv("OIDC_APPLE_CLIENT_IDS", " com.example.app , com.example.web,")
    monkeypatch.setenv("OIDC_MICROSOFT_ISSUER", f"https://login.microsoftonline.com/{TENANT}/v2.0")
    monkeypatch.setenv("OIDC_LEEWAY_SECONDS", "5")
    settings = load_settings()
    assert (
        settings.oidc_apple_client_ids,
        settings.oidc_microsoft_issuers,
        settings.oidc_leeway_seconds,
    ) == (
        ["com.example.app", "com.example.web"],
        [f"https://login.microsoftonline.com/{TENANT}/v2.0"],
        5,
    )
    broken = dataclasses.replace(Settings(), oidc_google_client_ids=["x"], oidc_google_jwks_url="")
    with pytest.raises(ValueError, match="OIDC_GOOGLE_CLIENT_IDS is set but"):
        providers_from(broken)
