"""Identity input rules: pure functions, no database."""

from __future__ import annotations

from core.errors import ErrorCode, Validator
from rules.identity.profile import (
    camel,
    check_password,
    check_profile_changes,
    is_timezone,
    normalize_email,
)


def codes(v: Validator) -> list[tuple[str | None, ErrorCode]]:
    return [(e.field, e.code) for e in v.errors]


def test_emails_are_normalized_to_lower_case() -> None:
    assert normalize_email("  Ana.Silva@Example.COM ") == "ana.silva@example.com"
    assert normalize_email("ÖZIL@Exämple.com") == "özil@exämple.com"
    for bad in ("", "plain", "a@b", "two@@example.com", "x@localhost", "a b@example.com"):
        assert normalize_email(bad) is None, bad


def test_password_length_is_10_to_256_characters() -> None:
    cases = {9: [("p", ErrorCode.TOO_SHORT)], 10: [], 256: [], 257: [("p", ErrorCode.TOO_LONG)]}
    for length, expected in cases.items():
        v = Validator()
        check_password(v, "é" * length, "p")
        assert codes(v) == expected, length


def test_time_zones_are_iana_names() -> None:
    assert all(is_timezone(z) for z in ("UTC", "Europe/Berlin", "America/Argentina/Salta"))
    assert not any(is_timezone(z) for z in ("CEST", "+01:00", "Europe/Atlantis", "utc", ""))


def test_profile_changes_are_split_between_user_and_learning_profile() -> None:
    v = Validator()
    user, profile = check_profile_changes(
        v,
        {"display_name": " Jo ", "username": "", "weekly_goal_hours": 2.5, "target_language": "de"},
    )
    assert v.errors == []
    assert user == {"display_name": "Jo", "username": None}
    assert profile == {"weekly_goal_hours": 2.5, "target_language": "de"}
    assert camel("preferred_lesson_minutes") == "preferredLessonMinutes"


def test_profile_change_limits() -> None:
    v = Validator()
    check_profile_changes(
        v,
        {
            "username": "x" * 41,
            "avatar_url": "https://example.com/" + "a" * 1000,
            "learning_goals": ["goal"] * 21,
            "weekly_goal_hours": 100.5,
            "preferred_lesson_minutes": 0,
        },
    )
    assert codes(v) == [
        ("username", ErrorCode.TOO_LONG),
        ("avatarUrl", ErrorCode.TOO_LONG),
        ("learningGoals", ErrorCode.TOO_LONG),
        ("weeklyGoalHours", ErrorCode.INVALID),
        ("preferredLessonMinutes", ErrorCode.INVALID),
    ]
