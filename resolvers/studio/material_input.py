"""What a study material may be given, checked before anything is written; every problem
is reported at once, each on its input field.

- `title`: required, at most `TITLE_MAX` characters (trimmed). `description` at most
  `DESCRIPTION_MAX`, `subjectArea` at most `SUBJECT_MAX`.
- `text`: plain text, Markdown or HTML, at most the generator's `MAX_TEXT_CHARS` characters
  as given (TOO_LONG); blank, or without a single letter or digit, is REQUIRED. Text whose
  words are all markup passes here and fails in processing, with the generator's reason.
- `tags`: at most `MAX_TAGS`, each 1-`TAG_MAX` characters once trimmed; stored trimmed,
  lower-cased and without repeats (the first occurrence's place kept). A bad tag, or too
  many, is INVALID on `tags`.
- `difficulty`: 1-10 (INVALID); null: computed from the text when it is processed.
- `sourceUrl`: where the text came from, `http` or `https` with a host, at most
  `URL_MAX` characters (INVALID). Stored as given: this server never fetches it.
- `language`: a language the generator knows (`GENERATOR_LANGUAGES`; a regional code such
  as `es-MX` counts as `es`), stored as the base code; INVALID otherwise. Null: detected
  from the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from core.errors import ErrorCode, Validator
from services.generator.text import LANGUAGES, MAX_TEXT_CHARS, normalize_language

TITLE_MAX = 200
DESCRIPTION_MAX = 2000
SUBJECT_MAX = 100
MAX_TAGS = 20
TAG_MAX = 40
URL_MAX = 2000
DIFFICULTY_RANGE = (1, 10)
GENERATOR_LANGUAGES = frozenset(LANGUAGES.values())

TEXT_REQUIRED = "Give the text to study."
TITLE_REQUIRED = "Give the material a title."
BAD_TAGS = f"At most {MAX_TAGS} tags, each of 1 to {TAG_MAX} characters."
BAD_DIFFICULTY = "A difficulty from 1 to 10."
BAD_URL = "An http or https address."
BAD_LANGUAGE = "A language code the generator knows ({codes})."


@dataclass(frozen=True)
class MaterialFields:
    """The checked values of the fields given (None: not given)."""

    title: str | None = None
    description: str | None = None
    subject_area: str | None = None
    tags: list[str] | None = None
    difficulty: int | None = None
    source_url: str | None = None
    language: str | None = None


def normalize_tags(tags: list[str]) -> list[str] | None:
    """The tags trimmed, lower-cased, each once; None when one is blank or too long, or
    there are too many."""
    result: list[str] = []
    for tag in tags:
        value = tag.strip().lower()
        if not 1 <= len(value) <= TAG_MAX:
            return None
        if value not in result:
            result.append(value)
    return result if len(result) <= MAX_TAGS else None


def normalize_url(value: str) -> str | None:
    """The address trimmed, or None when it is not an http(s) address with a host."""
    url = value.strip()
    if len(url) > URL_MAX or any(ch.isspace() for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def check_text(v: Validator, text: str) -> None:
    if len(text) > MAX_TEXT_CHARS:
        v.add("text", ErrorCode.TOO_LONG, f"At most {MAX_TEXT_CHARS:,} characters.")
    elif not any(ch.isalnum() for ch in text):
        v.add("text", ErrorCode.REQUIRED, TEXT_REQUIRED)


def check_fields(v: Validator, given: dict[str, Any]) -> MaterialFields:
    """Check the fields present in `given` (None values are absent) and give them as they
    are stored; problems are added to `v`."""
    v.text("title", given.get("title"), TITLE_MAX, required=TITLE_REQUIRED)
    v.text("description", given.get("description"), DESCRIPTION_MAX)
    v.text("subjectArea", given.get("subject_area"), SUBJECT_MAX)
    tags = given.get("tags")
    checked_tags = normalize_tags(tags) if tags is not None else None
    if tags is not None and checked_tags is None:
        v.add("tags", ErrorCode.INVALID, BAD_TAGS)
    difficulty = given.get("difficulty")
    low, high = DIFFICULTY_RANGE
    if difficulty is not None and not low <= difficulty <= high:
        v.add("difficulty", ErrorCode.INVALID, BAD_DIFFICULTY)
    url = given.get("source_url")
    checked_url = normalize_url(url) if url and url.strip() else None
    if url and url.strip() and checked_url is None:
        v.add("sourceUrl", ErrorCode.INVALID, BAD_URL)
    language = normalize_language(given.get("language"))
    if language is not None and language not in GENERATOR_LANGUAGES:
        codes = ", ".join(sorted(GENERATOR_LANGUAGES))
        v.add("language", ErrorCode.INVALID, BAD_LANGUAGE.format(codes=codes))

    def trimmed(name: str) -> str | None:
        value = given.get(name)
        return value.strip() if value is not None else None

    return MaterialFields(
        title=trimmed("title"),
        description=trimmed("description"),
        subject_area=trimmed("subject_area"),
        tags=checked_tags,
        difficulty=difficulty,
        source_url=checked_url,
        language=language,
    )
