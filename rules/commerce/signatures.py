"""Webhook signatures: the scheme of the local provider, which is Stripe's.

- The header (`Lingograph-Signature` for the local provider, `Stripe-Signature` for Stripe)
  reads `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, keyed with the webhook
  secret. The MAC covers the raw bytes as received: the body is never decoded and re-encoded
  before checking, so no reformatting can change what was signed.
- Several `v1` values may be given (a sender rolling its secret signs with both, as Stripe
  does); one match is enough. Other schemes (`v0`, ...) and unknown keys are skipped.
- Refusals (`SignatureProblem`), checked in this order: MISSING (no header, or an empty
  one); MALFORMED (not `key=value` pairs, no or several `t`, `t` not plain digits, no `v1`,
  longer than `MAX_HEADER_LENGTH`, not ASCII); MISMATCH (no `v1` equals the expected MAC;
  each compared in constant time with `hmac.compare_digest`); STALE / FUTURE (the timestamp
  is more than `tolerance` seconds (300: 5 minutes) before / after now). The signature is
  checked before the time, as Stripe does, so only a correctly signed request learns that
  its time is off; a replay of a signed request is refused once it is stale, and inside
  the window the event id's uniqueness makes it harmless.
- An empty secret is a configuration error, never "no check": `sign` and `verify` raise.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from enum import Enum

HEADER = "Lingograph-Signature"
SCHEME = "v1"
DEFAULT_TOLERANCE = 300
# Generous for a timestamp and a few signatures; anything longer is not a signature.
MAX_HEADER_LENGTH = 2048

_DIGITS = re.compile(r"[0-9]{1,12}")
_HEX = re.compile(r"[0-9a-fA-F]{64}")


class SignatureProblem(str, Enum):
    MISSING = "missing"
    MALFORMED = "malformed"
    MISMATCH = "mismatch"
    STALE = "stale"
    FUTURE = "future"

    @property
    def message(self) -> str:
        return _MESSAGES[self]


_MESSAGES = {
    SignatureProblem.MISSING: "The signature header is missing.",
    SignatureProblem.MALFORMED: "The signature header is malformed.",
    SignatureProblem.MISMATCH: "The signature does not match.",
    SignatureProblem.STALE: "The signature's timestamp is too old.",
    SignatureProblem.FUTURE: "The signature's timestamp is in the future.",
}


def _key(secret: str | bytes) -> bytes:
    if not secret:
        raise ValueError("a webhook secret is required")
    return secret.encode() if isinstance(secret, str) else secret


def expected_signature(secret: str | bytes, body: bytes, t: int) -> str:
    """Hex HMAC-SHA256 of "<t>.<body>"."""
    message = str(t).encode("ascii") + b"." + body
    return hmac.new(_key(secret), message, hashlib.sha256).hexdigest()


def sign(secret: str | bytes, body: bytes, t: int) -> str:
    """The header's value for `body` sent at unix time `t`."""
    return f"t={t},{SCHEME}={expected_signature(secret, body, t)}"


def parse_header(header: str) -> tuple[int, list[str]] | None:
    """(timestamp, the `v1` signatures, lower case) of a header, or None when malformed."""
    if len(header) > MAX_HEADER_LENGTH or not header.isascii():
        return None
    timestamps: list[str] = []
    signatures: list[str] = []
    for part in header.split(","):
        key, equals, value = part.strip().partition("=")
        if not equals:
            return None
        if key == "t":
            timestamps.append(value)
        elif key == SCHEME and _HEX.fullmatch(value):
            # A value that cannot be a hex SHA-256 can never match: dropped here, so the
            # constant-time comparison only ever sees well-formed ASCII.
            signatures.append(value.lower())
    if len(timestamps) != 1 or not _DIGITS.fullmatch(timestamps[0]) or not signatures:
        return None
    return int(timestamps[0]), signatures


def verify(
    secret: str | bytes,
    header: str | None,
    body: bytes,
    now: int,
    tolerance: int = DEFAULT_TOLERANCE,
) -> SignatureProblem | None:
    """Why `header` does not authenticate `body` at unix time `now`, or None when it does."""
    key = _key(secret)  # first: a missing secret must fail loudly even for unsigned requests
    if header is None or not header.strip():
        return SignatureProblem.MISSING
    parsed = parse_header(header)
    if parsed is None:
        return SignatureProblem.MALFORMED
    t, signatures = parsed
    expected = expected_signature(key, body, t)
    # Compare with every candidate (no early exit): the time taken does not depend on
    # which one matched.
    matches = [hmac.compare_digest(expected, candidate) for candidate in signatures]
    if not any(matches):
        return SignatureProblem.MISMATCH
    if t < now - tolerance:
        return SignatureProblem.STALE
    if t > now + tolerance:
        return SignatureProblem.FUTURE
    return None
