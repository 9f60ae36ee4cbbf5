"""Assessment's access rules.

- Certificates: the holder's own (and admins'); anyone may verify one by its number, which
  shows only what a certificate says (holder's name, course, dates).
- Quizzes: published quizzes of the courses the viewer sees; drafts for the course's editors.
- Attempts and their answers: the learner's own; their graders see them too. Who grades is
  decided once, in `graded_attempts`: the course's editors (its author, admins), and those
  higher domains add to `GRADERS` (the classroom's teacher, for attempts submitted to the
  class's assignment).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.access import GrantPoint, Params, Rule, any_of, related_row
from core.rows import fetch_records
from resolvers.assessment.queries import ATTEMPT_MEETS, ATTEMPTS, QUIZZES
from resolvers.catalog.policy import COURSES, edited_courses, shown_or_edited
from resolvers.identity.policy import private_rows

if TYPE_CHECKING:
    from models.identity import User


def certificates(viewer: User | None) -> Rule:
    return private_rows(viewer)


def quizzes(viewer: User | None) -> Rule:
    """Published quizzes of visible courses; every quiz of the courses the viewer edits."""
    return shown_or_edited(viewer, "{}.course_id", shown="is_published")


def edited_quizzes(viewer: User | None) -> Rule:
    """Quizzes of the courses the viewer edits (author, admins): they see the key, grade."""
    return related_row(COURSES, "course_id", edited_courses(viewer), alias="c")


# Who else grades attempts: higher domains add graders here.
GRADERS = GrantPoint("quiz attempt graders")


def graded_attempts(viewer: User | None) -> Rule:
    """Attempts the viewer may grade: the one statement of who grades. Those of the quizzes
    the viewer edits (the course's author, admins), and those `GRADERS` grant."""
    return GRADERS.widen(related_row(QUIZZES, "quiz_id", edited_quizzes(viewer)), viewer)


def attempts(viewer: User | None) -> Rule:
    """The learner's own attempts; those the viewer grades."""
    return any_of(private_rows(viewer), graded_attempts(viewer))


async def can_grade(viewer: User | None, attempt_id: Any) -> bool:
    """`graded_attempts` for one attempt (one statement; none for an anonymous viewer)."""
    if viewer is None:
        return False
    params = Params([attempt_id])
    condition = graded_attempts(viewer).sql("t", params)
    return bool(await fetch_records(ATTEMPT_MEETS.format(condition=condition), params))


def questions(viewer: User | None) -> Rule:
    """Questions: through their quiz (`quizzes`)."""
    return related_row(QUIZZES, "quiz_id", quizzes(viewer), alias="q")


def answers(viewer: User | None) -> Rule:
    """Answers: through their attempt (`attempts`)."""
    return related_row(ATTEMPTS, "attempt_id", attempts(viewer), alias="a")
