"""Validation of catalog content, shared by the authoring mutations and the course-file import.

Pure functions over plain dicts (snake_case keys). `name(key)` turns a key into the error's
`field` (camelCase for mutations, a document path such as `sections[0].title` for imports),
so one set of rules serves both with the right error locations.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from core.errors import ErrorCode, Validator
from models.catalog import CourseCategory, ExerciseType, MediaKind

Name = Callable[[str], str]

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CEFR_LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
CURRENCY = re.compile(r"^[A-Z]{3}$")
# Never blank when given (on update too), though only required when creating.
NONBLANK = {"slug", "title", "from_language", "to_language", "prompt", "name", "context"}
COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
# Types whose answer is typed or spoken text; multiple choice answers by option.
TEXT_ANSWER_TYPES = {t.value for t in ExerciseType} - {ExerciseType.MULTIPLE_CHOICE.value}


def camel(key: str) -> str:
    head, *rest = key.split("_")
    return head + "".join(part.title() for part in rest)


def _text(
    v: Validator, data: dict, key: str, name: Name, required: bool, max_length: int | None
) -> None:
    if key not in data or data[key] is None:
        if required:
            v.add(name(key), ErrorCode.REQUIRED, f"`{key}` is required.")
        return
    value = data[key]
    if not isinstance(value, str):
        v.add(name(key), ErrorCode.INVALID, f"`{key}` must be text.")
    elif (required or key in NONBLANK) and not value.strip():
        v.add(name(key), ErrorCode.REQUIRED, f"`{key}` must not be blank.")
    elif max_length is not None and len(value) > max_length:
        v.add(name(key), ErrorCode.TOO_LONG, f"`{key}` is longer than {max_length} characters.")


def _int(v: Validator, data: dict, key: str, name: Name, low: int, high: int) -> None:
    value = data.get(key)
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        v.add(name(key), ErrorCode.INVALID, f"`{key}` must be a whole number {low}–{high}.")  # noqa: RUF001


def _choice(v: Validator, data: dict, key: str, name: Name, choices: Any) -> None:
    value = data.get(key)
    if value is not None and value not in choices:
        v.add(name(key), ErrorCode.INVALID, f"`{key}` must be one of: {', '.join(choices)}.")


def _str_list(v: Validator, data: dict, key: str, name: Name) -> None:
    value = data.get(key)
    if value is not None and (
        not isinstance(value, list) or not all(isinstance(i, str) for i in value)
    ):
        v.add(name(key), ErrorCode.INVALID, f"`{key}` must be a list of texts.")


def check_course(v: Validator, data: dict, name: Name, creating: bool) -> None:
    _text(v, data, "slug", name, creating, 120)
    slug = data.get("slug")
    if isinstance(slug, str) and slug and not SLUG.match(slug):
        v.add(name("slug"), ErrorCode.INVALID, "Use lower-case letters, digits and hyphens.")
    _text(v, data, "title", name, creating, 200)
    _text(v, data, "description", name, False, None)
    _text(v, data, "from_language", name, creating, 16)
    _text(v, data, "to_language", name, creating, 16)
    if data.get("from_language") and data.get("from_language") == data.get("to_language"):
        v.add(name("to_language"), ErrorCode.INVALID, "A course teaches another language.")
    _choice(v, data, "category", name, [c.value for c in CourseCategory])
    _choice(v, data, "cefr_min", name, CEFR_LEVELS)
    _choice(v, data, "cefr_max", name, CEFR_LEVELS)
    low, high = data.get("cefr_min"), data.get("cefr_max")
    if low in CEFR_LEVELS and high in CEFR_LEVELS and low > high:
        v.add(name("cefr_max"), ErrorCode.INVALID, "`cefr_max` must not be below `cefr_min`.")
    _str_list(v, data, "tags", name)
    if data.get("price_amount") is not None:
        try:
            amount = Decimal(str(data["price_amount"]))
            if amount < 0 or amount >= Decimal("100000000") or not amount.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            v.add(name("price_amount"), ErrorCode.INVALID, "The price must be 0 or more.")
    currency = data.get("price_currency")
    if currency is not None and (not isinstance(currency, str) or not CURRENCY.match(currency)):
        v.add(name("price_currency"), ErrorCode.INVALID, "Use a 3-letter currency code (USD).")
    _text(v, data, "image_url", name, False, 500)


def check_section(v: Validator, data: dict, name: Name, creating: bool) -> None:
    _text(v, data, "title", name, creating, 200)
    _text(v, data, "description", name, False, None)
    _choice(v, data, "cefr_level", name, CEFR_LEVELS)


def check_unit(v: Validator, data: dict, name: Name, creating: bool) -> None:
    _text(v, data, "title", name, creating, 200)
    _text(v, data, "description", name, False, None)
    color = data.get("color")
    if color is not None and (not isinstance(color, str) or not COLOR.match(color)):
        v.add(name("color"), ErrorCode.INVALID, "Use a hex color such as #58CC02.")
    _text(v, data, "icon_url", name, False, 500)


def check_lesson(v: Validator, data: dict, name: Name, creating: bool) -> None:
    _text(v, data, "title", name, creating, 200)
    _text(v, data, "description", name, False, None)
    _str_list(v, data, "objectives", name)
    vocabulary = data.get("vocabulary")
    if vocabulary is not None and (
        not isinstance(vocabulary, dict)
        or not all(isinstance(k, str) and isinstance(d, str) for k, d in vocabulary.items())
    ):
        v.add(name("vocabulary"), ErrorCode.INVALID, "Vocabulary maps words to definitions.")
    _text(v, data, "grammar_focus", name, False, 300)
    _int(v, data, "xp_reward", name, 0, 1000)
    _int(v, data, "estimated_minutes", name, 1, 240)
    _int(v, data, "difficulty", name, 1, 5)


def check_media(v: Validator, data: Any, name: Name) -> None:
    if not isinstance(data, dict):
        v.add(name(""), ErrorCode.INVALID, "Media is an object with `kind` and `url`.")
        return
    _choice(v, data, "kind", name, [k.value for k in MediaKind])
    if data.get("kind") is None:
        v.add(name("kind"), ErrorCode.REQUIRED, "`kind` is required.")
    _text(v, data, "url", name, True, 1000)


def check_exercise(v: Validator, data: dict, name: Name, creating: bool) -> None:
    """Fields, and the answer rules: text answers need `correct_answer`; choices need 2+
    options with at least one correct."""
    _choice(v, data, "type", name, [t.value for t in ExerciseType])
    if creating and data.get("type") is None:
        v.add(name("type"), ErrorCode.REQUIRED, "`type` is required.")
    _text(v, data, "prompt", name, creating, None)
    _text(v, data, "correct_answer", name, False, None)
    _str_list(v, data, "accepted_answers", name)
    _text(v, data, "explanation", name, False, None)
    _text(v, data, "hint", name, False, None)
    _int(v, data, "difficulty", name, 1, 5)
    _int(v, data, "estimated_seconds", name, 1, 3600)
    kind, options = data.get("type"), data.get("options")
    if options is not None:
        if not isinstance(options, list):
            v.add(name("options"), ErrorCode.INVALID, "`options` must be a list.")
            options = None
        else:
            for i, option in enumerate(options):
                if not isinstance(option, dict):
                    v.add(f"{name('options')}[{i}]", ErrorCode.INVALID, "An option is an object.")
                    continue

                def option_name(k: str, i: int = i) -> str:
                    return f"{name('options')}[{i}].{k}"

                _text(v, option, "text", option_name, True, 500)
    if kind == ExerciseType.MULTIPLE_CHOICE.value and (creating or options is not None):
        valid = [o for o in options or [] if isinstance(o, dict)]
        if len(valid) < 2:
            v.add(
                name("options"), ErrorCode.INVALID, "A multiple-choice exercise needs 2+ options."
            )
        elif not any(o.get("is_correct") for o in valid):
            v.add(name("options"), ErrorCode.INVALID, "Mark at least one option correct.")
    if kind in TEXT_ANSWER_TYPES and creating and not str(data.get("correct_answer") or "").strip():
        v.add(name("correct_answer"), ErrorCode.REQUIRED, "This exercise type needs an answer.")


def check_scenario(v: Validator, data: dict, name: Name) -> None:
    _text(v, data, "name", name, True, 200)
    _text(v, data, "description", name, False, None)
    _text(v, data, "context", name, True, None)
    _int(v, data, "difficulty", name, 1, 5)
    _choice(v, data, "cefr_level", name, CEFR_LEVELS)
    _text(v, data, "role_play_instructions", name, False, None)
    _str_list(v, data, "key_phrases", name)
    criteria = data.get("evaluation_criteria")
    if criteria is not None and not isinstance(criteria, dict):
        v.add(name("evaluation_criteria"), ErrorCode.INVALID, "Criteria map names to weights.")
    _int(v, data, "expected_duration_minutes", name, 1, 240)
