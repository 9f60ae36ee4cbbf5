"""The providers' signing keys (JWKS), fetched with httpx and cached per JWKS URL.

Rules:
- Freshness comes from the provider's `Cache-Control: max-age` (less the `Age` a CDN
  reports): `no-store`/`no-cache` count as 0. Without a usable max-age the keys are kept
  `DEFAULT_MAX_AGE` (1 h); whatever the provider says, at most `MAX_MAX_AGE` (1 day), so a
  revoked key is dropped within a day, and at least `MIN_REFETCH_INTERVAL`.
- A token whose `kid` is not among the fresh keys triggers one refetch (the provider may
  have rotated its keys), never more than one per call.
- Refetches of one URL are at least `MIN_REFETCH_INTERVAL` (30 s) apart, counted from the
  last attempt, failed or not: tokens with made-up kids, or an unreachable provider,
  cannot make us hammer the provider. Within that interval an unknown kid is refused at
  once (INVALID_TOKEN).
- One fetch per URL is in flight at a time (a lock per URL); calls that waited for it
  use its result instead of fetching again. Known kids with fresh keys take no lock.
- A failed fetch (network error, over `FETCH_TIMEOUT_SECONDS` (5 s) in all, status other
  than 200, a body over `MAX_JWKS_BYTES` or not a JSON key set) keeps the previous keys for at most
  `STALE_IF_ERROR` (1 h) past their freshness (RFC 5861's stale-if-error), so a brief
  outage of the provider does not stop sign-ins; past that, or with nothing cached, the
  call fails with PROVIDER_UNAVAILABLE.
- Only public RSA and EC keys with a `kid` and no `use` other than `sig` are kept; other
  entries of the set (encryption keys, unknown key types, malformed keys) are skipped, and
  the first key of a repeated kid wins.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

import httpx
from joserfc.errors import JoseError
from joserfc.jwk import ECKey, Key, RSAKey, import_key

from services.identity_providers.config import ProviderConfig
from services.identity_providers.errors import (
    IdentityProviderError,
    ProviderErrorCode,
    invalid_token,
)

DEFAULT_MAX_AGE = 3600.0
MAX_MAX_AGE = 86400.0
MIN_REFETCH_INTERVAL = 30.0
STALE_IF_ERROR = 3600.0
FETCH_TIMEOUT_SECONDS = 5.0
MAX_JWKS_BYTES = 256 * 1024

log = logging.getLogger(__name__)


class JwksUnavailable(Exception):
    """A fetch of a key set failed (the reason is for logs, not for users)."""


def freshness_seconds(headers: httpx.Headers) -> float:
    """How long a response may be used: its `max-age` less its `Age`, bounded to
    [0, MAX_MAX_AGE]; DEFAULT_MAX_AGE without a usable max-age."""
    directives: dict[str, str] = {}
    for part in headers.get("cache-control", "").split(","):
        name, _, value = part.strip().partition("=")
        if name:
            directives.setdefault(name.lower(), value.strip().strip('"'))
    if "no-store" in directives or "no-cache" in directives:
        return 0.0
    try:
        max_age = float(int(directives["max-age"]))
    except (KeyError, ValueError):
        return DEFAULT_MAX_AGE
    try:
        age = float(int(headers.get("age", "0")))
    except ValueError:
        age = 0.0
    return min(max(max_age - max(age, 0.0), 0.0), MAX_MAX_AGE)


def parse_key_set(body: bytes) -> dict[str, Key]:
    """The usable signing keys of a JWKS document, by kid; raises JwksUnavailable when the
    document is not a JSON object with a `keys` list."""
    try:
        document = json.loads(body)
    except ValueError as error:
        raise JwksUnavailable("the key set is not JSON") from error
    entries = document.get("keys") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise JwksUnavailable("the key set has no list of keys")
    keys: dict[str, Key] = {}
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        kid = entry.get("kid")
        if not isinstance(kid, str) or not kid or kid in keys:
            continue
        if entry.get("kty") not in ("RSA", "EC") or entry.get("use", "sig") != "sig":
            continue
        public = {name: value for name, value in entry.items() if name not in PRIVATE_MEMBERS}
        try:
            key = import_key(public)
        except (JoseError, ValueError, TypeError, KeyError):
            continue
        if isinstance(key, RSAKey | ECKey):
            keys[kid] = key
    return keys


# Private members of RSA and EC JWKs (RFC 7518 §6): a JWKS never needs them; a provider that
# published them by mistake still only gets its public part used.
PRIVATE_MEMBERS = frozenset({"d", "p", "q", "dp", "dq", "qi", "oth"})


@dataclass
class _Entry:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    keys: dict[str, Key] | None = None
    fresh_until: float = 0.0
    last_attempt: float | None = None


class JwksCache:
    """Signing keys per JWKS URL (see the module docstring for the rules).

    `clock` is monotonic seconds (injectable for tests); `client` an httpx client to use
    (default: a short-lived one per fetch, as fetches are rare)."""

    def __init__(
        self,
        *,
        client: httpx.AsyncClient | None = None,
        clock: Callable[[], float] = time.monotonic,
        timeout_seconds: float = FETCH_TIMEOUT_SECONDS,
        min_refetch_interval: float = MIN_REFETCH_INTERVAL,
    ) -> None:
        self._client = client
        self._clock = clock
        self._timeout = timeout_seconds
        self._min_refetch_interval = min_refetch_interval
        self._entries: dict[str, _Entry] = {}

    async def key_for(self, provider: ProviderConfig, kid: str) -> Key:
        """The provider's key with this kid; INVALID_TOKEN when it has none, or
        PROVIDER_UNAVAILABLE when its keys cannot be had."""
        entry = self._entries.setdefault(provider.jwks_url, _Entry())
        key = self._fresh_key(entry, kid)
        if key is not None:
            return key
        async with entry.lock:
            key = self._fresh_key(entry, kid)  # a fetch we waited for may have brought it
            if key is not None:
                return key
            now = self._clock()
            if entry.last_attempt is None or now - entry.last_attempt >= self._min_refetch_interval:
                entry.last_attempt = now
                try:
                    body, headers = await self._fetch(provider.jwks_url)
                    keys = parse_key_set(body)
                except JwksUnavailable as error:  # stale keys may still serve; see below
                    log.warning("%s keys not fetched: %s", provider.label, error)
                else:
                    entry.keys = keys
                    entry.fresh_until = now + max(
                        freshness_seconds(headers), self._min_refetch_interval
                    )
            if entry.keys is None or now > entry.fresh_until + STALE_IF_ERROR:
                raise IdentityProviderError(
                    ProviderErrorCode.PROVIDER_UNAVAILABLE,
                    f"{provider.label} sign-in is unavailable right now; try again later.",
                )
            key = entry.keys.get(kid)
            if key is None:
                raise invalid_token("The token was signed with an unknown key.")
            return key

    def _fresh_key(self, entry: _Entry, kid: str) -> Key | None:
        if entry.keys is None or self._clock() >= entry.fresh_until:
            return None
        return entry.keys.get(kid)

    @contextlib.asynccontextmanager
    async def _http(self) -> AsyncIterator[httpx.AsyncClient]:
        if self._client is not None:
            yield self._client
        else:
            async with httpx.AsyncClient() as client:
                yield client

    async def _fetch(self, url: str) -> tuple[bytes, httpx.Headers]:
        try:
            async with (
                asyncio.timeout(self._timeout),
                self._http() as client,
                client.stream(
                    "GET", url, headers={"Accept": "application/json"}, timeout=self._timeout
                ) as response,
            ):
                if response.status_code != 200:
                    raise JwksUnavailable(f"HTTP {response.status_code}")
                body = bytearray()
                async for chunk in response.aiter_bytes():
                    body += chunk
                    if len(body) > MAX_JWKS_BYTES:
                        raise JwksUnavailable("the key set is too large")
                return bytes(body), response.headers
        except (httpx.HTTPError, TimeoutError) as error:
            raise JwksUnavailable(f"{type(error).__name__}: {error}") from error
