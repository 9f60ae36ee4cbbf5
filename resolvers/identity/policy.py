"""Who may see what. Pure functions over the viewer; no GraphQL, no I/O.

A user sees their own private data; an admin sees everything. Teachers' access to their
classes' students is added by the classroom domain. Objects a viewer may not see are
reported as "not found", never as "forbidden".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.errors import AppError, ErrorCode

if TYPE_CHECKING:
    from models.identity import User


def is_admin(viewer: User | None) -> bool:
    return viewer is not None and viewer.role == "admin"


def is_staff(viewer: User | None) -> bool:
    """Teachers and admins: may author content."""
    return viewer is not None and viewer.role in ("teacher", "admin")


def can_see_private(viewer: User | None, owner_id: Any) -> bool:
    return viewer is not None and (viewer.id == owner_id or is_admin(viewer))


def require_viewer(viewer: User | None) -> User:
    """For use cases that need a signed-in user (the schema's permission usually ran first)."""
    if viewer is None:
        raise AppError.of(ErrorCode.UNAUTHENTICATED, "You must be signed in.", None)
    return viewer
