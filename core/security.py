"""Password hashing (argon2id, off the event loop), opaque token helpers, and signed links.

Signed links are the one way to hand out an expiring download (certificate PDFs, exports,
recording media): `signed_path` makes a relative URL `/downloads/<kind>/<ident>?expires=<unix>
&signature=<hex>` whose HMAC-SHA256 covers the kind, the identifier and the expiry, and
`check_signature` tells a forged or malformed link from an expired one. Both are pure: the
time and the secret (`Settings.secret_key`) are passed in. `app/downloads.py` serves them.
"""

from __future__ import annotations

import asyncio
import enum
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
# Verified against when the email is unknown, so both failures cost the same time.
_DUMMY_HASH = _hasher.hash("lingograph-timing-equaliser")


async def hash_password(password: str) -> str:
    return await asyncio.to_thread(_hasher.hash, password)


def _verify(stored_hash: str | None, password: str) -> tuple[bool, bool]:
    try:
        _hasher.verify(stored_hash or _DUMMY_HASH, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False, False
    if stored_hash is None:
        return False, False
    return True, _hasher.check_needs_rehash(stored_hash)


async def verify_password(stored_hash: str | None, password: str) -> tuple[bool, bool]:
    """(matches, needs_rehash). A missing hash still costs one verification."""
    return await asyncio.to_thread(_verify, stored_hash, password)


def new_token() -> tuple[str, str]:
    """A fresh opaque token and the SHA-256 hex digest to store."""
    raw = secrets.token_urlsafe(32)
    return raw, hash_token(raw)


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


# --- Signed, expiring download links ------------------------------------------------------

DOWNLOADS_PREFIX = "/downloads"
# How long a link handed out in an API answer stays usable (callers may choose another expiry).
DOWNLOAD_LINK_TTL = timedelta(hours=1)
# Kinds are short lowercase names; identifiers are URL-unreserved characters, so a link needs
# no escaping and the signed message (fields joined by newlines) is unambiguous.
_KIND = re.compile(r"[a-z][a-z0-9_-]{0,31}")
_IDENT = re.compile(r"[A-Za-z0-9._~-]{1,200}")
_EXPIRES = re.compile(r"[0-9]{1,12}")
_SIGNATURE = re.compile(r"[0-9a-f]{64}")
# The key is derived from SECRET_KEY for this one purpose, so a download signature can never
# stand in for another HMAC made with the same secret.
_PURPOSE = b"lingograph signed download link v1"


class LinkProblem(enum.Enum):
    """Why a signed link is refused: forged or malformed (INVALID), or past its expiry."""

    INVALID = "INVALID_LINK"
    EXPIRED = "LINK_EXPIRED"


@dataclass(frozen=True)
class Download:
    """What a download handler serves: the bytes, their media type and a file name."""

    content: bytes
    media_type: str
    filename: str


def _unix(moment: datetime) -> int:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("signed links need time-zone-aware datetimes")
    return int(moment.timestamp())


def _signature(kind: str, ident: str, expires: int, secret: str) -> str:
    key = hmac.new(secret.encode(), _PURPOSE, hashlib.sha256).digest()
    message = f"{kind}\n{ident}\n{expires}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def signed_path(kind: str, ident: str, expires_at: datetime, secret: str) -> str:
    """The relative URL of download `kind`/`ident`, usable until `expires_at` (aware)."""
    if not _KIND.fullmatch(kind):
        raise ValueError(f"download kind {kind!r} must match {_KIND.pattern}")
    if not _IDENT.fullmatch(ident):
        raise ValueError(f"download identifier {ident!r} must match {_IDENT.pattern}")
    expires = _unix(expires_at)
    signature = _signature(kind, ident, expires, secret)
    return f"{DOWNLOADS_PREFIX}/{kind}/{ident}?expires={expires}&signature={signature}"


def check_signature(
    kind: str, ident: str, expires: str, signature: str, now: datetime, secret: str
) -> LinkProblem | None:
    """None when the link is genuine and unexpired at `now` (aware); else what is wrong.

    Forged, tampered or malformed links are INVALID whatever their expiry; only a genuine link
    is ever reported EXPIRED (at and after its expiry second). Signatures are compared in
    constant time.
    """
    if not (
        _KIND.fullmatch(kind)
        and _IDENT.fullmatch(ident)
        and _EXPIRES.fullmatch(expires)
        and _SIGNATURE.fullmatch(signature)
    ):
        return LinkProblem.INVALID
    expected = _signature(kind, ident, int(expires), secret)
    if not hmac.compare_digest(expected.encode(), signature.encode()):
        return LinkProblem.INVALID
    if _unix(now) >= int(expires):
        return LinkProblem.EXPIRED
    return None
