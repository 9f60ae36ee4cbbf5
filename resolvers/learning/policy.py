"""Learning's access rules: a learner's enrollments, progress, achievements and certificates
are private to them (and admins); the achievements there are to earn are public."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.access import EVERYONE, Rule
from resolvers.identity.policy import can_see_private, private_rows

if TYPE_CHECKING:
    from models.identity import User

__all__ = ["achievements", "can_see_private", "learner_rows"]


def learner_rows(viewer: User | None) -> Rule:
    """Enrollments, lesson progress, earned achievements, certificates: the learner's own."""
    return private_rows(viewer)


def achievements(viewer: User | None) -> Rule:
    return EVERYONE
