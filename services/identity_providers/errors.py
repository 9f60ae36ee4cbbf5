"""The one error sign-in with an identity provider raises: a code and a message safe to show.

Codes (`ProviderErrorCode`):
- `INVALID_TOKEN`: anything wrong with the token itself (malformed, bad signature, unknown
  key, wrong issuer or audience, expired, nonce mismatch, ...). The message says which check
  failed in words a user may see; it never echoes the token or a claim's value.
- `PROVIDER_NOT_CONFIGURED`: the provider is unknown or has no client id configured, so no
  token of it can be addressed to us.
- `PROVIDER_UNAVAILABLE`: the provider's signing keys (JWKS) could not be fetched (network,
  HTTP status, malformed key set) and none usable are cached; the token may be fine.
"""

from __future__ import annotations

from enum import Enum


class ProviderErrorCode(str, Enum):
    INVALID_TOKEN = "INVALID_TOKEN"
    PROVIDER_NOT_CONFIGURED = "PROVIDER_NOT_CONFIGURED"
    PROVIDER_UNAVAILABLE = "PROVIDER_UNAVAILABLE"


class IdentityProviderError(Exception):
    """A refused ID token or an unusable provider; `message` is safe to show."""

    def __init__(self, code: ProviderErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __repr__(self) -> str:
        return f"IdentityProviderError({self.code.value}, {self.message!r})"


def invalid_token(message: str) -> IdentityProviderError:
    return IdentityProviderError(ProviderErrorCode.INVALID_TOKEN, message)
