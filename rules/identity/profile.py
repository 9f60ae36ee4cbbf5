"""Identity input rules: pure checks of emails, passwords and profile fields (no I/O).

Each `check_*` adds any problem to a `Validator` under the GraphQL (camelCase) field name and
returns the normalized value, so a use case reports every bad field of an input at once.
"""

from __future__ import annotations

import re
import zoneinfo
from functools import lru_cache
from typing import Any
from urllib.parse import urlparse

from email_validator import EmailNotValidError, validate_email

from core.errors import ErrorCode, Validator
from models.identity import DAILY_XP_GOALS

PASSWORD_MIN = 10
PASSWORD_MAX = 256
DISPLAY_NAME_MAX = 100
USERNAME_MIN = 3
USERNAME_MAX = 40
AVATAR_URL_MAX = 1000
MAX_LEARNING_GOALS = 20
LEARNING_GOAL_MAX = 200
MAX_WEEKLY_GOAL_HOURS = 100.0
LESSON_MINUTES = (1, 120)

_USERNAME = re.compile(r"^[a-z0-9_.]+$")
# A BCP 47 language tag as far as the app needs it: "en", "pt-BR", "zh-Hant".
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def normalize_email(value: str) -> str | None:
    """The stored form of an email (validated, lower-cased), or None when it is not one."""
    try:
        return validate_email(value.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        return None


def check_email(v: Validator, value: str, field: str = "email") -> str | None:
    email = normalize_email(value)
    if email is None:
        v.add(field, ErrorCode.INVALID, "This is not a valid email address.")
    return email


def check_password(v: Validator, value: str, field: str = "password") -> None:
    if len(value) < PASSWORD_MIN:
        v.add(field, ErrorCode.TOO_SHORT, f"Use at least {PASSWORD_MIN} characters.")
    elif len(value) > PASSWORD_MAX:
        v.add(field, ErrorCode.TOO_LONG, f"Use at most {PASSWORD_MAX} characters.")


@lru_cache(maxsize=1)
def _timezones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def is_timezone(name: str) -> bool:
    """An IANA time zone name ("Europe/Lisbon", "UTC"); not abbreviations or offsets."""
    return name in _timezones()


def check_timezone(v: Validator, value: str | None, field: str = "timezone") -> str | None:
    if value is None:
        v.add(field, ErrorCode.REQUIRED, "Choose a time zone.")
        return None
    name = value.strip()
    if not is_timezone(name):
        v.add(field, ErrorCode.INVALID, "Use an IANA time zone name such as Europe/Berlin.")
    return name


def check_display_name(v: Validator, value: str | None, field: str = "displayName") -> str:
    name = (value or "").strip()
    if not name:
        v.add(field, ErrorCode.REQUIRED, "Enter a display name.")
    elif len(name) > DISPLAY_NAME_MAX:
        v.add(field, ErrorCode.TOO_LONG, f"Use at most {DISPLAY_NAME_MAX} characters.")
    return name


def check_username(v: Validator, value: str | None, field: str = "username") -> str | None:
    """Lower-cased so uniqueness ignores case; empty or null clears it."""
    name = (value or "").strip().lower()
    if not name:
        return None
    if len(name) < USERNAME_MIN:
        v.add(field, ErrorCode.TOO_SHORT, f"Use at least {USERNAME_MIN} characters.")
    elif len(name) > USERNAME_MAX:
        v.add(field, ErrorCode.TOO_LONG, f"Use at most {USERNAME_MAX} characters.")
    elif not _USERNAME.match(name):
        v.add(field, ErrorCode.INVALID, "Use letters, digits, '_' and '.' only.")
    return name


def check_language(v: Validator, value: str | None, field: str) -> str | None:
    code = (value or "").strip()
    if not code:
        return None
    if len(code) > 16 or not _LANGUAGE.match(code):
        v.add(field, ErrorCode.INVALID, "Use a language code such as en or pt-BR.")
    return code


def check_daily_xp_goal(v: Validator, value: int | None, field: str = "dailyXpGoal") -> None:
    if value not in DAILY_XP_GOALS:
        goals = ", ".join(str(g) for g in DAILY_XP_GOALS)
        v.add(field, ErrorCode.INVALID, f"The daily goal is one of {goals} XP.")


def check_avatar_url(v: Validator, value: str | None, field: str = "avatarUrl") -> str | None:
    url = (value or "").strip()
    if not url:
        return None
    parsed = urlparse(url)
    if len(url) > AVATAR_URL_MAX:
        v.add(field, ErrorCode.TOO_LONG, f"Use at most {AVATAR_URL_MAX} characters.")
    elif parsed.scheme not in ("http", "https") or not parsed.netloc:
        v.add(field, ErrorCode.INVALID, "Use an http or https URL.")
    return url


def check_learning_goals(v: Validator, value: list[str], field: str = "learningGoals") -> list[str]:
    goals = [goal.strip() for goal in value]
    if len(goals) > MAX_LEARNING_GOALS:
        v.add(field, ErrorCode.TOO_LONG, f"List at most {MAX_LEARNING_GOALS} goals.")
    elif any(not goal for goal in goals):
        v.add(field, ErrorCode.INVALID, "Goals cannot be empty.")
    elif any(len(goal) > LEARNING_GOAL_MAX for goal in goals):
        v.add(field, ErrorCode.TOO_LONG, f"Keep each goal under {LEARNING_GOAL_MAX} characters.")
    return goals


# Profile fields that may be null (cleared); the others reject an explicit null.
NULLABLE_PROFILE_FIELDS = frozenset(
    {"username", "native_language", "avatar_url", "target_language"}
)
USER_FIELDS = frozenset(
    {"display_name", "username", "timezone", "native_language", "daily_xp_goal", "avatar_url"}
)


def check_profile_changes(
    v: Validator, changes: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Validate the fields an updateProfile input set; (user changes, learning-profile changes).

    `changes` holds only the fields the client sent (snake_case), possibly with null values.
    """
    user: dict[str, Any] = {}
    profile: dict[str, Any] = {}
    for name, value in changes.items():
        field = camel(name)
        if value is None and name not in NULLABLE_PROFILE_FIELDS:
            v.add(field, ErrorCode.REQUIRED, "This field cannot be null.")
            continue
        target = user if name in USER_FIELDS else profile
        if name == "display_name":
            target[name] = check_display_name(v, value, field)
        elif name == "username":
            target[name] = check_username(v, value, field)
        elif name == "timezone":
            target[name] = check_timezone(v, value, field)
        elif name in ("native_language", "target_language"):
            target[name] = check_language(v, value, field)
        elif name == "daily_xp_goal":
            check_daily_xp_goal(v, value, field)
            target[name] = value
        elif name == "avatar_url":
            target[name] = check_avatar_url(v, value, field)
        elif name == "learning_goals":
            target[name] = check_learning_goals(v, value, field)
        elif name == "weekly_goal_hours":
            if not 0 < value <= MAX_WEEKLY_GOAL_HOURS:
                limit = f"{MAX_WEEKLY_GOAL_HOURS:g}"
                v.add(field, ErrorCode.INVALID, f"Use more than 0 and at most {limit} hours.")
            target[name] = value
        elif name == "preferred_lesson_minutes":
            low, high = LESSON_MINUTES
            if not low <= value <= high:
                v.add(field, ErrorCode.INVALID, f"Use {low} to {high} minutes.")
            target[name] = value
        elif name == "proficiency_level":
            target[name] = value
        else:
            raise ValueError(f"unknown profile field {name}")
    return user, profile
