"""Identity's access rules, and the one rule every private row follows.

A user sees their own private data; an admin sees everything (DESIGN.md). Teachers' access to
their classes' students is added by the classroom domain. Objects a viewer may not see are
reported as "not found", never as "forbidden". Each rule is stated once: as SQL (`Rule`, for
the node resolver, list queries and the read compiler) and, where a loaded row must be
checked in Python, by the function beside it that reads the same columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.access import EVERYONE, NOBODY, Rule, column_is
from core.errors import not_signed_in

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


def learning_profiles(viewer: User | None) -> Rule:
    return private_rows(viewer)


def require_viewer(viewer: User | None) -> User:
    """For use cases that need a signed-in user (the schema's permission usually ran first)."""
    if viewer is None:
        raise not_signed_in()
    return viewer
