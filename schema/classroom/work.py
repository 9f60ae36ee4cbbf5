"""The work of a classroom in the graph: `Assignment`, `Submission` and the class's
`ClassroomPerformance`.

`Submission` is composed in schema/graph.py (a higher domain adds its recording); this domain
declares its fields (`SubmissionFields`, the `Node`) and refers to it lazily.

Who sees what (resolvers/classroom/policy.py, the same rules for `node(id:)` and the lists):

- an assignment: those who run its classroom (its teacher, admins), and the classroom's
  ACTIVE members while it is active;
- a submission: its student, and those who run the classroom; the work it names (session,
  lesson progress, quiz attempt, recording) reads exactly as the student reads it, through
  `node` too;
- `submissionCount` and `performance` are for those who run the classroom: null for others.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any, cast

import strawberry
from strawberry import relay

from engine.connections import Connection, page_args, to_connection
from engine.context import AppInfo, Context
from engine.node import node_source
from engine.relations import model_type, related, when_loaded
from loaders.assessment import QuizAttemptByIdLoader, QuizByIdLoader
from loaders.base import Condition
from loaders.catalog import LessonByIdLoader, ScenarioByIdLoader
from loaders.classroom import (
    AssignmentByIdLoader,
    ClassroomByIdLoader,
    PerformanceByClassroomLoader,
    SubmissionByAssignmentStudentLoader,
    SubmissionCountByAssignmentLoader,
    SubmissionsPageByAssignmentLoader,
    VisibleClassroomLoader,
)
from loaders.conversation import SessionByIdLoader
from loaders.identity import UserByIdLoader
from loaders.learning import LessonProgressByIdLoader
from models import classroom as m
from resolvers.classroom import policy
from rules.classroom.assignments import assignment_kind
from rules.classroom.performance import average, on_time_rate
from schema.identity.types import PublicProfile

if TYPE_CHECKING:
    from schema.assessment.quizzes import Quiz, QuizAttempt
    from schema.catalog.types import ConversationScenario
    from schema.graph import Classroom, ConversationSession, Lesson, Submission
    from schema.learning.types import LessonProgress

ClassroomRef = Annotated["Classroom", strawberry.lazy("schema.graph")]
SubmissionRef = Annotated["Submission", strawberry.lazy("schema.graph")]
LessonRef = Annotated["Lesson", strawberry.lazy("schema.graph")]
SessionRef = Annotated["ConversationSession", strawberry.lazy("schema.graph")]
ScenarioRef = Annotated["ConversationScenario", strawberry.lazy("schema.catalog.types")]
QuizRef = Annotated["Quiz", strawberry.lazy("schema.assessment.quizzes")]
AttemptRef = Annotated["QuizAttempt", strawberry.lazy("schema.assessment.quizzes")]
ProgressRef = Annotated["LessonProgress", strawberry.lazy("schema.learning.types")]

# The models' enums are the GraphQL enums.
AssignmentKind = m.AssignmentKind
SubmissionStatus = m.SubmissionStatus
strawberry.enum(AssignmentKind, name="AssignmentKind")
strawberry.enum(SubmissionStatus, name="SubmissionStatus")


def _assignment(self: object) -> m.Assignment:
    return cast(m.Assignment, self)


def _submission(self: object) -> m.Submission:
    return cast(m.Submission, self)


def as_submission(row: m.Submission) -> Submission:
    """A submission row as the composed `Submission` type, which is returned as the row
    itself (`model_type`), with the type known to the type checker only (schema.graph
    imports this module)."""
    return cast("Submission", row)


SUBMISSION_DESCRIPTION = (
    "A student's work for an assignment: one per student and assignment, updated when they "
    "submit again."
)


def visible_classroom(source: Any, context: Context) -> Any:
    """The key of a row's classroom under the viewer's access rule: a row the viewer reads
    (their own membership, their submission's assignment) does not open a classroom they may
    not read (a suspended member's)."""
    return (source.classroom_id, Condition.of(policy.classrooms(context.viewer)))


def profile(info: AppInfo, user_id: Any) -> PublicProfile | None:
    """A person as others see them (None for no one)."""
    if user_id is None:
        return None
    user = info.context.loaders.get(UserByIdLoader).get_or_load(user_id)
    return cast(PublicProfile, when_loaded(PublicProfile.of, user))


@strawberry.type
@node_source(m.Submission, policy.submissions)
class SubmissionFields(relay.Node):
    """The classroom domain's fields of `Submission`."""

    id: relay.NodeID[str]
    status: SubmissionStatus
    submitted_at: dt.datetime = strawberry.field(description="The latest submission.")
    score: float | None = strawberry.field(description="0-100, the teacher's; null until graded.")
    feedback: str | None
    graded_at: dt.datetime | None
    created_at: dt.datetime

    @strawberry.field(description="The latest submission came after the due time.")
    def late(self) -> bool:
        return _submission(self).is_late

    @strawberry.field(description="The student, as others see them.")
    def student(self, info: AppInfo) -> PublicProfile:
        return cast(PublicProfile, profile(info, _submission(self).student_id))

    @strawberry.field(description="Who graded it last, as others see them.")
    def grader(self, info: AppInfo) -> PublicProfile | None:
        return profile(info, _submission(self).grader_id)

    assignment: Assignment = related(AssignmentByIdLoader, "assignment_id")
    session: SessionRef | None = related(
        SessionByIdLoader, "session_id", description="A conversation assignment's work."
    )
    lesson_progress: ProgressRef | None = related(
        LessonProgressByIdLoader, "lesson_progress_id", description="A lesson assignment's work."
    )
    quiz_attempt: AttemptRef | None = related(
        QuizAttemptByIdLoader, "quiz_attempt_id", description="A quiz assignment's work."
    )


@strawberry.type(
    description="Work set for a classroom: a lesson, a conversation scenario, a quiz, or a "
    "recording each student hands in."
)
@model_type(m.Assignment)
@node_source(m.Assignment, policy.assignments)
class Assignment(relay.Node):
    id: relay.NodeID[str]
    title: str
    instructions: str
    due_at: dt.datetime | None = strawberry.field(description="Null: no deadline, never late.")
    is_active: bool
    created_at: dt.datetime

    @strawberry.field(description="Which target it has: follows from the one that is set.")
    def kind(self) -> AssignmentKind:
        a = _assignment(self)
        return AssignmentKind(
            assignment_kind(a.lesson_id, a.scenario_id, a.quiz_id, a.expects_recording)
        )

    classroom: ClassroomRef | None = related(
        VisibleClassroomLoader, visible_classroom, description="Null when not readable."
    )
    lesson: LessonRef | None = related(LessonByIdLoader, "lesson_id")
    scenario: ScenarioRef | None = related(ScenarioByIdLoader, "scenario_id")
    quiz: QuizRef | None = related(QuizByIdLoader, "quiz_id")

    @strawberry.field(description="How many students submitted: for its teacher and admins.")
    async def submission_count(self, info: AppInfo) -> int | None:
        a = _assignment(self)
        if not await _runs_classroom(info, a.classroom_id):
            return None
        return cast(
            int, await info.context.loaders.get(SubmissionCountByAssignmentLoader).load(a.id)
        )

    @strawberry.field(description="The viewer's own submission, if any.")
    def viewer_submission(self, info: AppInfo) -> SubmissionRef | None:
        viewer = info.context.viewer
        if viewer is None:
            return None
        loader = info.context.loaders.get(SubmissionByAssignmentStudentLoader)
        return cast("Submission | None", loader.get_or_load((_assignment(self).id, viewer.id)))

    @strawberry.field(
        description="Its submissions, in the order they were first made: all of them for its "
        "teacher and admins; a student's own for them."
    )
    async def submissions(
        self, info: AppInfo, first: int | None = None, after: str | None = None
    ) -> Connection[SubmissionRef]:
        condition = Condition.of(policy.submissions(info.context.viewer))
        loader = info.context.loaders.get(SubmissionsPageByAssignmentLoader)
        key = (_assignment(self).id, page_args(first, after), condition)
        return to_connection(await loader.load(key))


async def _runs_classroom(info: AppInfo, classroom_id: Any) -> bool:
    classroom = await info.context.loaders.get(ClassroomByIdLoader).load(classroom_id)
    return classroom is not None and policy.runs(info.context.viewer, classroom.teacher_id)


@strawberry.type(description="How a classroom is doing, computed over its submitted work.")
class ClassroomPerformance:
    active_students: int
    assignments_set: int = strawberry.field(description="Its active assignments.")
    submissions_to_grade: int = strawberry.field(description="SUBMITTED or RESUBMITTED ones.")
    on_time_rate: float | None = strawberry.field(
        description="0-1: the share of submissions not late; null before any."
    )
    average_score: float | None = strawberry.field(description="0-100: the teachers' scores.")
    average_conversation_score: float | None = strawberry.field(
        description="0-100: the evaluations of submitted conversations."
    )
    average_lesson_score: float | None = strawberry.field(
        description="0-100: the best scores of submitted lessons."
    )

    @classmethod
    def of(cls, row: dict[str, Any]) -> ClassroomPerformance:
        return cls(
            active_students=int(row["active_students"]),
            assignments_set=int(row["assignments_set"]),
            submissions_to_grade=int(row["to_grade"]),
            on_time_rate=on_time_rate(int(row["on_time"]), int(row["submitted"])),
            average_score=average(row["average_score"]),
            average_conversation_score=average(row["average_conversation"]),
            average_lesson_score=average(row["average_lesson"]),
        )


def performance(info: AppInfo, classroom: m.Classroom) -> Any:
    """The classroom's performance for those who run it; None for others."""
    if not policy.runs(info.context.viewer, classroom.teacher_id):
        return None
    row = info.context.loaders.get(PerformanceByClassroomLoader).get_or_load(classroom.id)
    return when_loaded(lambda found: ClassroomPerformance.of(found) if found else None, row)


WORK_TYPES: list[type] = [Assignment]
