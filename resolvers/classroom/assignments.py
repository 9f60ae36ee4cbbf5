"""Setting work for a classroom: `create_assignment`.

- The classroom's teacher and admins set work (a classroom the viewer does not read:
  NOT_FOUND on `classroomId`; one they read but do not run: FORBIDDEN).
- Exactly one target (rules/classroom/assignments.py), and one the whole class can reach:
  a lesson or a scenario everyone sees (published, in a published course), a published quiz
  of a published course. Anything else reads as NOT_FOUND on the target's field: a draft is
  not there for the students. Or `recording`: the students hand in a recording of their own
  (kind RECORDING), which counts as the one target and has nothing to look up.
- A due time, if given, lies in the future (INVALID on `dueAt`).
- Setting work goes through the audit seam (`events.audit`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from tortoise.models import Model
from tortoise.transactions import in_transaction

from core.access import Rule
from core.errors import Validator, not_found
from loaders.base import select_visible
from models.assessment import Quiz
from models.catalog import ConversationScenario, Lesson
from models.classroom import Assignment
from resolvers.assessment.policy import quizzes
from resolvers.catalog.policy import lessons, scenarios
from resolvers.classroom import events
from resolvers.classroom.classrooms import classroom_to_run
from resolvers.identity.policy import require_viewer
from rules.classroom.assignments import (
    CONVERSATION,
    LESSON,
    QUIZ,
    RECORDING,
    TARGET_FIELDS,
    assignment_kind,
    due_problem,
    target_problem,
)

if TYPE_CHECKING:
    from models.identity import User

TITLE_MAX = 200
INSTRUCTIONS_MAX = 5000

# Each kind's target: its model, what it is called, and the rule of who sees it.
_TARGETS: dict[str, tuple[type[Model], str, Callable[[Any], Rule]]] = {
    LESSON: (Lesson, "Lesson", lessons),
    CONVERSATION: (ConversationScenario, "Scenario", scenarios),
    QUIZ: (Quiz, "Quiz", quizzes),
}


async def _reachable(kind: str, target_id: Any) -> bool:
    """The target is there for every student: what an anonymous visitor of the catalog sees
    (published, in a published course)."""
    model, _, rule = _TARGETS[kind]
    found = await select_visible(model, [target_id], rule(None))
    return target_id in found


def _check_texts(v: Validator, title: str, instructions: str | None) -> None:
    v.text("title", title, TITLE_MAX, required="Give the assignment a title.")
    v.text("instructions", instructions, INSTRUCTIONS_MAX)


async def create_assignment(
    viewer: User | None,
    classroom_id: Any,
    *,
    title: str,
    instructions: str | None = None,
    due_at: datetime | None = None,
    lesson_id: Any = None,
    scenario_id: Any = None,
    quiz_id: Any = None,
    recording: bool = False,
) -> Assignment:
    """New work for the classroom: exactly one of `lesson_id`, `scenario_id`, `quiz_id` and
    `recording`."""
    user = require_viewer(viewer)
    classroom = await classroom_to_run(user, classroom_id, "classroomId")
    now = datetime.now(UTC)
    if due_at is not None and due_at.tzinfo is None:
        due_at = due_at.replace(tzinfo=UTC)  # a time without an offset is UTC
    v = Validator()
    _check_texts(v, title, instructions)
    if (problem := due_problem(due_at, now)) is not None:
        v.add(problem.field, problem.code, problem.message)
    if (problem := target_problem(lesson_id, scenario_id, quiz_id, recording)) is not None:
        v.add(problem.field, problem.code, problem.message)
    v.raise_if_any()
    kind = assignment_kind(lesson_id, scenario_id, quiz_id, recording)
    if kind != RECORDING:  # a recording is the student's own: nothing to look up
        target_id = {LESSON: lesson_id, CONVERSATION: scenario_id, QUIZ: quiz_id}[kind]
        if not await _reachable(kind, target_id):
            raise not_found(_TARGETS[kind][1], TARGET_FIELDS[kind])
    async with in_transaction() as conn:
        assignment = await Assignment.create(
            classroom_id=classroom.id,
            created_by_id=user.id,
            title=title.strip(),
            instructions=(instructions or "").strip(),
            lesson_id=lesson_id,
            scenario_id=scenario_id,
            quiz_id=quiz_id,
            expects_recording=recording,
            due_at=due_at,
            using_db=conn,
        )
        await events.audit(conn, user.id, "create_assignment", "assignment", assignment.id)
    return assignment
