"""Verifying an OpenID Connect ID token (OpenID Connect Core 1.0 §3.1.3.7) with joserfc.

Every failure raises `IdentityProviderError`; each check below, in order, and why:

1. The provider is known and has client ids (else PROVIDER_NOT_CONFIGURED): with no client
   id, no token can be addressed to us.
2. The token is a JWS in compact form, at most `MAX_TOKEN_BYTES`, whose header names
   `alg` RS256 or ES256, a `kid`, and no `crit`. The algorithm comes from our list, never
   from the token alone: `none` would need no signature, and HS256 would let anyone who
   knows the provider's public key (everybody) "sign" with it as an HMAC secret. The three
   providers sign with RS256 (and ES256 is allowed for others); none uses critical
   extensions.
3. The signature verifies with the provider's published key of that `kid` (jwks.py:
   fetched, cached, refetched once when the kid is unknown, for key rotation); the key's
   type must fit the algorithm (an RSA key for RS256, a P-256 key for ES256) and a key that
   names its own `alg` is used only with that one. Only then are the claims believed.
4. `iss` is one of the provider's issuers (Microsoft's `{tenantid}` filled with the token's
   `tid`): the same keys could sign tokens of other issuers.
5. `aud` names one of our client ids, and when it names several, `azp` (the party the token
   was issued to) is one of ours: a token issued to another application must not sign
   anybody in here.
6. `exp` is later than now less the leeway, `iat` (and `nbf` when present) not later than
   now plus the leeway (OIDC_LEEWAY_SECONDS absorbs clock skew): a token is short-lived,
   and one from the future means a wrong clock or a forgery.
7. `sub`, the provider's id of the user, is a non-empty string: it is what an account links.
8. When the caller passes a `nonce` (the one its sign-in request sent), the token must carry
   exactly that one: it binds the token to that request, so a token captured elsewhere
   cannot be replayed into it. Without one, the token's nonce is only reported.
9. `email_verified` is True only for the JSON true or the string "true" (Apple sends a
   string); anything else, and a token without an email, is unverified. Microsoft sends no
   such claim, so its emails are never verified ones.

`token_id` names the token for the replay store: its `jti`, else its `nonce`, else
`sha256:` and the hex digest of the token itself (so it is never empty).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from joserfc import jws, jwt
from joserfc.errors import ClaimError, ExpiredTokenError, JoseError, MissingClaimError
from joserfc.jwk import Key

from services.identity_providers.config import ProviderConfig
from services.identity_providers.errors import (
    IdentityProviderError,
    ProviderErrorCode,
    invalid_token,
)
from services.identity_providers.jwks import JwksCache

ALGORITHMS = ("RS256", "ES256")
MAX_TOKEN_BYTES = 16 * 1024
# Header members other than the registered ones are ignored (RFC 7515 §4); `crit` is refused
# before this registry is used.
REGISTRY = jws.JWSRegistry(algorithms=list(ALGORITHMS), strict_check_header=False)

CLAIM_MESSAGES = {
    "iss": "The token was not issued by {provider}.",
    "aud": "The token was issued for another application.",
    "sub": "The token names no user.",
    "exp": "The token's expiry time is not valid.",
    "iat": "The token's issue time is not valid.",
    "nbf": "The token is not valid yet.",
    "jti": "The token's id is not valid.",
}


@dataclass(frozen=True)
class VerifiedIdentity:
    provider: str  # google | apple | microsoft
    subject: str  # `sub`: the user's id at the provider
    email: str | None
    email_verified: bool
    name: str | None
    picture: str | None
    issued_at: datetime  # UTC
    expires_at: datetime  # UTC
    token_id: str  # `jti`, else `nonce`, else sha256 of the token
    nonce: str | None


class IdTokenVerifier:
    """Verifies ID tokens of the configured providers (see the module docstring)."""

    def __init__(
        self, providers: Mapping[str, ProviderConfig], jwks: JwksCache, *, leeway_seconds: int
    ) -> None:
        self.providers = dict(providers)
        self.jwks = jwks
        self.leeway_seconds = leeway_seconds

    def provider(self, name: str) -> ProviderConfig:
        """The configured provider of this name; PROVIDER_NOT_CONFIGURED otherwise."""
        provider = self.providers.get(name.strip().lower())
        if provider is None:
            raise IdentityProviderError(
                ProviderErrorCode.PROVIDER_NOT_CONFIGURED, "Unknown identity provider."
            )
        if not provider.configured:
            raise IdentityProviderError(
                ProviderErrorCode.PROVIDER_NOT_CONFIGURED,
                f"Sign-in with {provider.label} is not configured.",
            )
        return provider

    async def verify_id_token(
        self, provider_name: str, token: str, *, nonce: str | None = None, now: datetime
    ) -> VerifiedIdentity:
        """The identity an ID token of this provider vouches for, after every check of the
        module docstring; IdentityProviderError otherwise."""
        if now.tzinfo is None:
            raise ValueError("now must be timezone-aware")
        provider = self.provider(provider_name)
        kid, alg = _checked_header(token)
        key = await self.jwks.key_for(provider, kid)
        claims = _verified_claims(token, alg, key)
        _check_claims(provider, claims, now, self.leeway_seconds)
        _check_nonce(claims, nonce)
        return _identity(provider, claims, token)


def _checked_header(token: str) -> tuple[str, str]:
    """The token's kid and alg, once its form and header are acceptable (check 2)."""
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_BYTES:
        raise invalid_token("The token is malformed.")
    try:
        header = jws.extract_compact(token.encode("ascii"), registry=REGISTRY).headers()
    except (JoseError, ValueError, TypeError, UnicodeError) as error:
        raise invalid_token("The token is malformed.") from error
    alg = header.get("alg")
    if alg not in ALGORITHMS:
        raise invalid_token("The token's signing algorithm is not accepted.")
    if "crit" in header:
        raise invalid_token("The token is malformed.")
    kid = header.get("kid")
    if not isinstance(kid, str) or not kid:
        raise invalid_token("The token names no signing key.")
    return kid, alg


def _verified_claims(token: str, alg: str, key: Key) -> dict[str, Any]:
    """The claims, once the signature verifies with `key` (check 3)."""
    key_alg = key.get("alg")
    if key_alg is not None and key_alg != alg:
        raise invalid_token("The token's signature is not valid.")
    try:
        decoded = jwt.decode(token, key, registry=REGISTRY)
    except (JoseError, ValueError, TypeError) as error:
        raise invalid_token("The token's signature is not valid.") from error
    return decoded.claims


def _check_claims(
    provider: ProviderConfig, claims: dict[str, Any], now: datetime, leeway: int
) -> None:
    """Checks 4 to 7: the issuer, then joserfc's claims registry, then `azp`."""
    if claims.get("iss") not in provider.issuers_for(claims.get("tid")):
        raise invalid_token(CLAIM_MESSAGES["iss"].format(provider=provider.label))
    registry = jwt.JWTClaimsRegistry(
        now=int(now.timestamp()),
        leeway=leeway,
        aud={"essential": True, "values": list(provider.client_ids)},
        sub={"essential": True},
        exp={"essential": True},
        iat={"essential": True},
    )
    try:
        registry.validate(claims)
    except ExpiredTokenError as error:
        raise invalid_token("The token has expired.") from error
    except MissingClaimError as error:
        raise invalid_token("The token lacks a required claim.") from error
    except ClaimError as error:
        message = CLAIM_MESSAGES.get(error.claim, "The token is not valid.")
        raise invalid_token(message.format(provider=provider.label)) from error
    audience = claims["aud"]
    if (
        isinstance(audience, list)
        and len(audience) > 1
        and claims.get("azp") not in provider.client_ids
    ):
        raise invalid_token(CLAIM_MESSAGES["aud"])


def _check_nonce(claims: dict[str, Any], nonce: str | None) -> None:
    """Check 8."""
    if nonce is None:
        return
    claimed = claims.get("nonce")
    if not isinstance(claimed, str) or not claimed:
        raise invalid_token("The token carries no nonce.")
    if not hmac.compare_digest(claimed.encode(), nonce.encode()):
        raise invalid_token("The token's nonce does not match.")


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _time(claims: dict[str, Any], name: str) -> datetime:
    """A NumericDate claim as a UTC datetime (joserfc checked it is a finite number; one
    outside datetime's years is refused here)."""
    try:
        return datetime.fromtimestamp(claims[name], UTC)
    except (OverflowError, OSError, ValueError) as error:
        raise invalid_token(CLAIM_MESSAGES[name]) from error


def _identity(provider: ProviderConfig, claims: dict[str, Any], token: str) -> VerifiedIdentity:
    email = _text(claims.get("email"))
    verified = claims.get("email_verified")
    nonce = _text(claims.get("nonce"))
    token_id = (
        _text(claims.get("jti")) or nonce or "sha256:" + hashlib.sha256(token.encode()).hexdigest()
    )
    return VerifiedIdentity(
        provider=provider.name,
        subject=claims["sub"],
        email=email,
        email_verified=email is not None
        and (verified is True or (isinstance(verified, str) and verified.lower() == "true")),
        name=_text(claims.get("name")),
        picture=_text(claims.get("picture")),
        issued_at=_time(claims, "iat"),
        expires_at=_time(claims, "exp"),
        token_id=token_id,
        nonce=nonce,
    )
