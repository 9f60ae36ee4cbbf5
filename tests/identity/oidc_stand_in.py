"""A stand-in identity provider for the OIDC tests: a JWKS endpoint serving public keys the
tests generate, and tokens signed by the tests.

Each key set lives at `/{name}/keys` (a test publishes its own under a fresh name, so
request counts and caches never mix between tests); its response status, `Cache-Control`,
`Age` and body are set per set, and every GET is counted. Also here: a Google token's
claims (`claims`), a verifier built from the settings for one provider (`verifier`), and
the key cache's injectable clock (`Clock`).
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import hmac
import json
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from joserfc import jwt
from joserfc.jwk import ECKey, RSAKey
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from core.settings import Settings
from services.identity_providers import IdTokenVerifier, build_verifier

SigningKey = RSAKey | ECKey
CLIENT = "client-1.apps.example.com"
NOW = datetime(2031, 5, 4, 12, 0, tzinfo=UTC)  # the verifications' `now`
T = int(NOW.timestamp())
TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad"  # Microsoft's tenant of personal accounts


class Clock:
    """The key cache's monotonic clock, moved by the tests."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def verifier(url: str, provider: str = "google", clock: Clock | None = None) -> IdTokenVerifier:
    """A verifier whose `provider` takes its keys from `url` and tokens for CLIENT."""
    changes: dict[str, Any] = {
        f"oidc_{provider}_jwks_url": url,
        f"oidc_{provider}_client_ids": [CLIENT],
    }
    return build_verifier(dataclasses.replace(Settings(), **changes), clock=clock or Clock())


def rsa_key(kid: str) -> RSAKey:
    return RSAKey.generate_key(2048, parameters={"kid": kid, "use": "sig", "alg": "RS256"})


def ec_key(kid: str) -> ECKey:
    return ECKey.generate_key("P-256", parameters={"kid": kid, "use": "sig"})


@dataclass
class KeySet:
    keys: list[SigningKey]
    status: int = 200
    cache_control: str | None = None
    age: str | None = None
    body: bytes | None = None  # served instead of the keys (a malformed key set)


@dataclass
class JwksStandIn:
    base_url: str = ""
    sets: dict[str, KeySet] = field(default_factory=dict)
    requests: Counter[str] = field(default_factory=Counter)

    def publish(
        self, keys: list[SigningKey], cache_control: str | None = None, age: str | None = None
    ) -> str:
        """Serves these keys' public parts under a fresh name; returns their JWKS URL."""
        name = uuid.uuid4().hex[:12]
        self.sets[name] = KeySet(list(keys), cache_control=cache_control, age=age)
        return f"{self.base_url}/{name}/keys"

    def key_set(self, url: str) -> KeySet:
        return self.sets[_name(url)]

    def count(self, url: str) -> int:
        """GETs of this JWKS URL so far."""
        return self.requests[_name(url)]


def _name(url: str) -> str:
    return url.rstrip("/").split("/")[-2]


def stand_in_app(state: JwksStandIn) -> Starlette:
    async def keys(request: Request) -> Response:
        name = request.path_params["name"]
        state.requests[name] += 1
        key_set = state.sets.get(name)
        if key_set is None:
            return JSONResponse({"error": "not found"}, status_code=404)
        if key_set.status != 200:
            return JSONResponse({"error": "unavailable"}, status_code=key_set.status)
        headers = {}
        if key_set.cache_control is not None:
            headers["Cache-Control"] = key_set.cache_control
        if key_set.age is not None:
            headers["Age"] = key_set.age
        if key_set.body is not None:
            return Response(key_set.body, headers=headers, media_type="application/json")
        body = {"keys": [key.as_dict(private=False) for key in key_set.keys]}
        return JSONResponse(body, headers=headers)

    return Starlette(routes=[Route("/{name}/keys", keys)])


def claims(**changes: Any) -> dict[str, Any]:
    """A Google ID token's claims; a change to None drops the claim."""
    base: dict[str, Any] = {
        "iss": "https://accounts.google.com",
        "azp": CLIENT,
        "aud": CLIENT,
        "sub": "110169484474386276334",
        "email": "ada@example.com",
        "email_verified": True,
        "name": "Ada Lovelace",
        "picture": "https://example.com/ada.png",
        "iat": T,
        "exp": T + 3600,
        "jti": "jti-1",
    }
    base.update(changes)
    return {name: value for name, value in base.items() if value is not None}


def sign(key: SigningKey, claims: dict[str, Any], header: dict[str, Any] | None = None) -> str:
    """A token signed by `key` (RS256 for RSA, ES256 for EC) with its kid, unless `header`
    says otherwise (None drops a member)."""
    alg = "RS256" if isinstance(key, RSAKey) else "ES256"
    members = {"alg": alg, "kid": key.kid, **(header or {})}
    members = {name: value for name, value in members.items() if value is not None}
    return jwt.encode(members, dict(claims), key)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def forged_hs256(public_key: RSAKey, claims: dict[str, Any]) -> str:
    """The classic algorithm-confusion forgery: an HS256 "signature" keyed with the provider's
    public key (PEM), which everybody has. joserfc rightly refuses to make one, so the
    attacker's side is written out here."""
    header = _b64(json.dumps({"alg": "HS256", "kid": public_key.kid}).encode())
    payload = _b64(json.dumps(claims).encode())
    secret = public_key.as_pem(private=False)
    mac = hmac.new(secret, f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{_b64(mac)}"


def unsigned(kid: str, claims: dict[str, Any]) -> str:
    """A token with `alg: none` and no signature."""
    header = _b64(json.dumps({"alg": "none", "kid": kid}).encode())
    return f"{header}.{_b64(json.dumps(claims).encode())}."
