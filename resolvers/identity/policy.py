"""Identity's access rules, and the one rule every private row follows.

A user sees their own private data; an admin sees everything (DESIGN.md). Teachers' access to
their classes' students is added by the classroom domain, and so is who sees whose public
profile beyond that (`PROFILE_READERS`). Objects a viewer may not see are reported as "not
found", never as "forbidden". Each rule is stated once: as SQL (`Rule`, for the node
resolver, list queries and the read compiler) and, where a loaded row must be checked in
Python, by the function beside it that reads the same columns.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from core.access import EVERYONE, NOBODY, GrantPoint, Rule, column_is
from core.errors import not_signed_in
from rules.identity import tiers
from rules.identity.tiers import tier_now

if TYPE_CHECKING:
    from models.identity import User


def is_admin(viewer: User | None) -> bool:
    return viewer is not None and viewer.role == "admin"


def is_staff(viewer: User | None) -> bool:
    """Teachers and admins: may author content."""
    return viewer is not None and viewer.role in ("teacher", "admin")


def private_rows(viewer: User | None, owner_column: str = "user_id") -> Rule:
    """Rows owned by the viewer (through `owner_column`); every row for an admin."""
    if viewer is None:
        return NOBODY
    if is_admin(viewer):
        return EVERYONE
    return column_is(owner_column, viewer.id)


def can_see_private(viewer: User | None, owner_id: Any) -> bool:
    """`private_rows` for a row already loaded."""
    return viewer is not None and (viewer.id == owner_id or is_admin(viewer))


def users(viewer: User | None) -> Rule:
    """`User` rows: one's own account; every account for an admin."""
    return private_rows(viewer, "id")


# Who sees another person's public profile (name and avatar) is for the domains that bring
# people together (a classroom: its teacher and classmates), which identity may not import:
# they add their rules here, over the users table.
PROFILE_READERS = GrantPoint("public profiles")


def public_profiles(viewer: User | None) -> Rule:
    """Users whose public profile the viewer sees: their own (an admin: everyone's), and
    whoever a higher domain's rule in `PROFILE_READERS` lets through. Those of `users`
    are answered as the `User` itself, the others as a `PublicProfile`."""
    if is_admin(viewer):
        return EVERYONE  # nothing to widen
    return PROFILE_READERS.widen(users(viewer), viewer)


def learning_profiles(viewer: User | None) -> Rule:
    return private_rows(viewer)


def subscription_tier(user: User, now: datetime | None = None) -> str:
    """The user's tier now: granted outright, or PREMIUM while a paid plan's period runs
    (rules/identity/tiers.py). Other domains read the tier through this."""
    return tier_now(user.subscription_tier, user.premium_until, now or datetime.now(UTC))


def tier_sql(granted: str, premium_until: str, now: str) -> str:
    """`subscription_tier` as SQL over a user row's columns (rules/identity/tiers.py), for
    the read compiler; tested against the Python rule (tests/learning/test_sql_rules.py)."""
    return (
        f"(CASE WHEN ({granted}) <> '{tiers.FREE}' THEN ({granted}) "
        f"WHEN ({premium_until}) IS NOT NULL AND ({now}) < ({premium_until}) "
        f"THEN '{tiers.PREMIUM}' ELSE '{tiers.FREE}' END)"
    )


def require_viewer(viewer: User | None) -> User:
    """For use cases that need a signed-in user (the schema's permission usually ran first)."""
    if viewer is None:
        raise not_signed_in()
    return viewer
