"""Demo accounts (listed in the README): a student, a teacher and an admin."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Final

from tortoise.transactions import in_transaction

from core.security import hash_password
from models.identity import CefrLevel, LearningProfile, Role, User

DEMO_PASSWORD: Final = "lingograph-demo"
# Listed in the README; created by `load` on an empty database.
DEMO_ACCOUNTS: Final[tuple[dict[str, Any], ...]] = (
    {
        "email": "student@lingograph.dev",
        "display_name": "Sam Student",
        "username": "sam",
        "role": Role.STUDENT,
        "timezone": "Europe/Berlin",
        "native_language": "de",
        "profile": {
            "target_language": "en",
            "proficiency_level": CefrLevel.B1,
            "learning_goals": ["travel", "business meetings"],
            "weekly_goal_hours": 4.0,
            "preferred_lesson_minutes": 15,
        },
    },
    {
        "email": "teacher@lingograph.dev",
        "display_name": "Tina Teacher",
        "username": "tina",
        "role": Role.TEACHER,
        "timezone": "America/New_York",
        "native_language": "en",
        "profile": {"target_language": "es", "proficiency_level": CefrLevel.C1},
    },
    {
        "email": "admin@lingograph.dev",
        "display_name": "Ada Admin",
        "username": "ada",
        "role": Role.ADMIN,
        "timezone": "UTC",
        "native_language": "en",
        "profile": {"target_language": "fr", "proficiency_level": CefrLevel.A2},
    },
)


async def load() -> None:
    """The demo accounts (verified emails, with learning profiles), all with DEMO_PASSWORD."""
    password_hash = await hash_password(DEMO_PASSWORD)
    now = datetime.now(UTC)
    async with in_transaction():
        for account in DEMO_ACCOUNTS:
            fields = {k: v for k, v in account.items() if k != "profile"}
            user = await User.create(**fields, password_hash=password_hash, email_verified_at=now)
            await LearningProfile.create(user=user, **account["profile"])
