"""Learning's access rules: a learner's enrollments, progress, achievements and certificates
are private to them (and admins); the achievements there are to earn are public."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.access import EVERYONE, NOBODY, GrantPoint, Rule
from resolvers.identity.policy import can_see_private, private_rows

if TYPE_CHECKING:
    from models.identity import User

__all__ = [
    "achievements",
    "can_see_private",
    "learner_rows",
    "lesson_progress",
    "purchased_courses",
    "revoked_courses",
]

# Who else reads a learner's lesson progress: higher domains add readers here (a
# classroom's teacher reads the progress submitted to the class).
PROGRESS_READERS = GrantPoint("lesson progress")


def learner_rows(viewer: User | None) -> Rule:
    """Enrollments, lesson progress, earned achievements, certificates: the learner's own."""
    return private_rows(viewer)


def lesson_progress(viewer: User | None) -> Rule:
    """Lesson progress: the learner's own, and what `PROGRESS_READERS` grant."""
    return PROGRESS_READERS.widen(learner_rows(viewer), viewer)


def achievements(viewer: User | None) -> Rule:
    return EVERYONE


# Priced courses (rules over `courses` rows, for the viewer): the commerce domain says which
# the viewer has bought (a completed purchase: they may enrol) and which were taken back (a
# refunded purchase and no completed one: their enrollment stays, its lessons do not start).
PURCHASED = GrantPoint("purchased courses")
REVOKED = GrantPoint("revoked courses")


def purchased_courses(viewer: User | None) -> Rule:
    return PURCHASED.widen(NOBODY, viewer)


def revoked_courses(viewer: User | None) -> Rule:
    return REVOKED.widen(NOBODY, viewer)
