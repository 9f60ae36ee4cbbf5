"""Answer checking.

Text answers match the correct answer or one of the accepted alternatives, ignoring case,
surrounding white space, runs of inner white space and final punctuation ("Hola!" equals
"hola"). Multiple-choice answers name an option by its global ID or its raw ID (the option
text is accepted too); the answer is right when that option is a correct one.
"""

from __future__ import annotations

import base64
import binascii
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "")
    text = " ".join(text.split()).casefold()
    # Any Unicode punctuation at the end (".", "!", "?", "…", "。" ...), with spaces between.
    end = len(text)
    while end and (text[end - 1].isspace() or unicodedata.category(text[end - 1]).startswith("P")):
        end -= 1
    return text[:end]


def check_text(answer: str, correct: str, alternatives: Iterable[str] = ()) -> bool:
    given = normalize(answer)
    if not given:
        return False
    return any(given == normalize(candidate) for candidate in (correct, *alternatives) if candidate)


@dataclass(frozen=True)
class Option:
    id: str
    text: str
    is_correct: bool


def _option_id(answer: str) -> str:
    """The raw ID inside a global ID (`Type:id` in base64), or the answer as given."""
    value = answer.strip()
    try:
        decoded = base64.b64decode(value + "=" * (-len(value) % 4), validate=True).decode()
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return value
    _, sep, node_id = decoded.partition(":")
    return node_id if sep else value


def chosen_option(answer: str, options: Sequence[Option]) -> Option | None:
    raw = _option_id(answer).lower()
    for option in options:
        if option.id.lower() in (raw, answer.strip().lower()):
            return option
    given = normalize(answer)
    return next((o for o in options if normalize(o.text) == given), None)


def check_choice(answer: str, options: Sequence[Option]) -> bool:
    option = chosen_option(answer, options)
    return option is not None and option.is_correct


def correct_choice_text(options: Sequence[Option]) -> str:
    return " / ".join(o.text for o in options if o.is_correct)
