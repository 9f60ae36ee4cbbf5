"""Join codes: how a student finds a classroom.

- A code is `JOIN_CODE_LENGTH` (8) characters of `JOIN_CODE_ALPHABET`: capital letters and
  digits without the ones read or written alike (0/O, 1/I/L), so a code copied from a
  whiteboard or read aloud arrives intact. 31^8 (about 8.5 * 10^11) codes: guessing one is
  hopeless, yet it is short enough to type.
- The randomness is passed in (`secrets.choice`), so these rules stay pure. Codes are unique
  among active classrooms (a partial unique index): the rare collision is rejected there and
  the caller draws again. An inactive classroom keeps its code, which may meanwhile belong to
  an active one.
- Typed codes are normalized before the look-up: case, spaces and dashes do not matter
  ("abcd-efgh", "ABCD EFGH"), nor full-width forms from phone keyboards. Text that cannot be
  a code (wrong length, a character outside the alphabet) normalizes to None: not found,
  without asking the database.
- Regenerating replaces the code: the old one stops working at once.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 8
AMBIGUOUS = frozenset("0O1IL")

# Left out when reading a typed code: spaces (any), dashes of every kind, underscores.
_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2212_")
_ALLOWED = frozenset(JOIN_CODE_ALPHABET)


def new_join_code(random_source: Callable[[str], str]) -> str:
    """A fresh code; `random_source` picks one character of the alphabet it is given
    (`secrets.choice`)."""
    return "".join(random_source(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalize_join_code(text: str) -> str | None:
    """The code as stored, from what a student typed; None when it cannot be a code."""
    folded = unicodedata.normalize("NFKC", text).upper()
    code = "".join(ch for ch in folded if not ch.isspace() and ch not in _DASHES)
    if len(code) != JOIN_CODE_LENGTH or not set(code) <= _ALLOWED:
        return None
    return code
