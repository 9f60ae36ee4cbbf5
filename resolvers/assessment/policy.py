"""Assessment's access rules.

- Certificates: the holder's own (and admins'); anyone may verify one by its number, which
  shows only what a certificate says (holder's name, course, dates).
- Quizzes: published quizzes of the courses the viewer sees; drafts for the course's editors.
- Attempts and their answers: the learner's own; the course's editors (its author, admins)
  see and grade them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.access import Param, Rule, any_of, related_row
from resolvers.assessment.queries import QUIZZES
from resolvers.catalog.policy import COURSES, courses, edited_courses
from resolvers.identity.policy import private_rows

if TYPE_CHECKING:
    from models.identity import User


def certificates(viewer: User | None) -> Rule:
    return private_rows(viewer)


def quizzes(viewer: User | None) -> Rule:
    """Published quizzes of visible courses; every quiz of the courses the viewer edits."""
    seen, edited = courses(viewer), edited_courses(viewer)

    def condition(alias: str, param: Param) -> str:
        c = f"c_{alias}"
        return (
            f'EXISTS (SELECT 1 FROM "{COURSES}" {c} WHERE {c}.id = {alias}.course_id '
            f"AND {seen.sql(c, param)} AND ({alias}.is_published OR {edited.sql(c, param)}))"
        )

    return Rule(condition)


def edited_quizzes(viewer: User | None) -> Rule:
    """Quizzes of the courses the viewer edits (author, admins): they see the key, grade."""
    return related_row(COURSES, "course_id", edited_courses(viewer), alias="c")


def attempts(viewer: User | None) -> Rule:
    """The learner's own attempts; those of quizzes the viewer edits."""
    return any_of(private_rows(viewer), related_row(QUIZZES, "quiz_id", edited_quizzes(viewer)))
