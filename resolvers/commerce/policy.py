"""Commerce's access rules.

- Transactions and the premium subscription are private: the learner's own, and every one
  for an admin (DESIGN.md). Another user's transaction reads as not found.
- A course's revenue is for those who edit the course (its author, admins): null for
  everyone else (`can_see_revenue`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.access import Rule
from resolvers.catalog.policy import can_edit
from resolvers.identity.policy import private_rows

if TYPE_CHECKING:
    from models.catalog import Course
    from models.identity import User


def transactions(viewer: User | None) -> Rule:
    return private_rows(viewer)


def subscriptions(viewer: User | None) -> Rule:
    return private_rows(viewer)


def can_see_revenue(viewer: User | None, course: Course | None) -> bool:
    """The course's author and admins read its revenue."""
    return course is not None and can_edit(viewer, course)
