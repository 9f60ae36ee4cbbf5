"""Sign-in with an identity provider: verifying OpenID Connect ID tokens of Google, Apple and
Microsoft, as their web and mobile SDKs hand them to a frontend.

- config.py: `ProviderConfig` and `providers_from(settings)` (issuers, JWKS URL, client ids
  per provider; `{tenantid}` issuers for Microsoft).
- jwks.py: `JwksCache`, the providers' signing keys fetched with httpx and cached by their
  `Cache-Control`, refetched once for an unknown kid, at most every 30 s per provider.
- verify.py: `IdTokenVerifier.verify_id_token` → `VerifiedIdentity`; its docstring lists
  every check and why.
- errors.py: `IdentityProviderError` with a `ProviderErrorCode` (INVALID_TOKEN,
  PROVIDER_NOT_CONFIGURED, PROVIDER_UNAVAILABLE) and a message safe to show.

JOSE (JWS, JWK, JWT claims) is joserfc's; nothing here parses or signs by hand. Replayed
tokens are not this package's concern: `VerifiedIdentity.token_id` is what a replay store
remembers until `expires_at`.
"""

from __future__ import annotations

from collections.abc import Callable

import httpx

from core.settings import Settings
from services.identity_providers.config import ProviderConfig, providers_from
from services.identity_providers.errors import IdentityProviderError, ProviderErrorCode
from services.identity_providers.jwks import JwksCache
from services.identity_providers.verify import IdTokenVerifier, VerifiedIdentity

__all__ = [
    "IdTokenVerifier",
    "IdentityProviderError",
    "JwksCache",
    "ProviderConfig",
    "ProviderErrorCode",
    "VerifiedIdentity",
    "build_verifier",
    "providers_from",
]


def build_verifier(
    settings: Settings,
    *,
    client: httpx.AsyncClient | None = None,
    clock: Callable[[], float] | None = None,
) -> IdTokenVerifier:
    """The verifier for the configured providers, with its own key cache (build it once per
    process: the cache is what spares the providers)."""
    jwks = JwksCache(client=client) if clock is None else JwksCache(client=client, clock=clock)
    return IdTokenVerifier(
        providers_from(settings), jwks, leeway_seconds=settings.oidc_leeway_seconds
    )
