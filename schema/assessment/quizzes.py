"""Quizzes in the graph: `Quiz`, its `QuizQuestion`s, learners' `QuizAttempt`s with one
`QuizAnswer` per question, `Course.quizzes` and `User.quizAttempts`.

Who sees what (resolvers/assessment/policy.py, the same rule for `node(id:)` and the lists):

- quizzes: published ones of the courses the viewer sees; drafts for the course's editors;
- questions: through their quiz;
- attempts and their answers: the learner's own; those of the quizzes the viewer grades.

The answer key (`correctAnswer`, `acceptedAnswers`, `explanation`) follows the one rule of
rules/assessment/key.py on every path that reaches a question or an answer (`node(id:)`,
`Quiz.questions`, `QuizAnswer`): the course's editors always, a learner only once they passed
the quiz or have no attempts left. It is checked by `key_shown`, batched through the
request's loaders, so a quiz's questions cost the same statements however many there are.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any, cast
from uuid import UUID

import strawberry
from strawberry import relay

from core.pagination import Page
from engine.connections import Connection, page_args, to_connection
from engine.context import AppInfo
from engine.node import node_source
from engine.relations import model_type, related, when_loaded
from loaders.assessment import (
    AnswersByAttemptLoader,
    AttemptsByUserQuizLoader,
    AttemptsPageByUserLoader,
    AttemptsToReviewPageByQuizLoader,
    QuestionsByQuizLoader,
    QuestionTotalsByQuizLoader,
    QuizAttemptByIdLoader,
    QuizByIdLoader,
    QuizQuestionByIdLoader,
    QuizzesByCourseLoader,
)
from loaders.base import Condition, Loaders
from loaders.catalog import CourseByIdLoader, SectionByIdLoader
from loaders.identity import UserByIdLoader
from models import assessment as m
from models.catalog import Course as CourseRow
from models.identity import User as UserRow
from resolvers.assessment import policy
from resolvers.catalog.policy import can_edit
from resolvers.identity.policy import can_see_private, is_staff
from rules.assessment.key import key_visible
from rules.assessment.scoring import (
    EXPIRED,
    GRADED,
    IN_PROGRESS,
    attempts_left,
    attempts_used,
    effective_status,
    expired_result,
)
from schema.identity.types import PublicProfile

if TYPE_CHECKING:
    from schema.catalog.types import Section
    from schema.graph import Course

CourseRef = Annotated["Course", strawberry.lazy("schema.graph")]
SectionRef = Annotated["Section", strawberry.lazy("schema.catalog.types")]

# GraphQL enums: `strawberry.enum` registers the models' classes themselves (and returns
# them), so these names are plain aliases of the models' enums for the type checker.
QuizQuestionType = m.QuestionType
QuizAttemptStatus = m.AttemptStatus
strawberry.enum(QuizQuestionType, name="QuizQuestionType")
strawberry.enum(QuizAttemptStatus, name="QuizAttemptStatus")


# `self` in the resolvers of a model-backed type is the row itself (`model_type`).
def _quiz(self: object) -> m.Quiz:
    return cast(m.Quiz, self)


def _question(self: object) -> m.QuizQuestion:
    return cast(m.QuizQuestion, self)


def _attempt(self: object) -> m.QuizAttempt:
    return cast(m.QuizAttempt, self)


def _answer(self: object) -> m.QuizAnswer:
    return cast(m.QuizAnswer, self)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# --- the same rules for rows already loaded, batched through the loaders ------------------


async def _course_of_quiz(loaders: Loaders, quiz_id: UUID) -> CourseRow | None:
    quiz = await loaders.get(QuizByIdLoader).load(quiz_id)
    if quiz is None:
        return None
    return cast(CourseRow | None, await loaders.get(CourseByIdLoader).load(quiz.course_id))


async def edits(loaders: Loaders, viewer: UserRow | None, quiz_id: UUID) -> bool:
    """Whether the viewer edits this quiz's course (learners: no statement at all)."""
    if not is_staff(viewer):
        return False
    return can_edit(viewer, await _course_of_quiz(loaders, quiz_id))


def _statuses(attempts: list[m.QuizAttempt], now: dt.datetime) -> list[str]:
    return [effective_status(a.status, a.deadline_at, now) for a in attempts]


def _attempts_left(quiz: m.Quiz, attempts: list[m.QuizAttempt], now: dt.datetime) -> int:
    return attempts_left(quiz.max_attempts, attempts_used(_statuses(attempts, now)))


async def key_shown(info: AppInfo, quiz_id: UUID) -> bool:
    """The answer-key rule (rules/assessment/key.py) for the viewer and this quiz: the
    course's editors always; a learner once they passed it or have no attempts left. Every
    question of a quiz asks with the same keys, so the loaders answer them all with one
    statement each."""
    viewer = info.context.viewer
    if viewer is None:
        return False
    loaders = info.context.loaders
    quiz, attempts, editor = await asyncio.gather(
        loaders.get(QuizByIdLoader).load(quiz_id),
        loaders.get(AttemptsByUserQuizLoader).load((viewer.id, quiz_id)),
        edits(loaders, viewer, quiz_id),
    )
    if quiz is None:
        return False
    return key_visible(
        is_editor=editor,
        passed_any=any(a.passed for a in attempts),
        attempts_left=_attempts_left(quiz, attempts, _now()),
    )


# --- types ---------------------------------------------------------------------------------


def option_id(question: m.QuizQuestion, letter: str) -> str:
    """An option's id as clients see it: unique across questions (clients cache objects by
    type and id), and still read as the option's letter by the marking rules
    (rules.learning.answers: an answer in the `<anything>:<id>` base64 form names `<id>`)."""
    return relay.to_base64(str(question.id), letter)


def _key_of(question: m.QuizQuestion) -> str | None:
    """The stored key as clients see it: a multiple-choice key is its option's id."""
    key = question.correct_answer
    if key is not None and question.type == m.QuestionType.MULTIPLE_CHOICE:
        return option_id(question, key)
    return cast(str | None, key)


@strawberry.type(description="One choice of a multiple-choice question.")
class QuizOption:
    id: strawberry.ID = strawberry.field(
        description="The option's id (unique across questions): the answer to send for it."
    )
    text: str


@strawberry.type(
    description="A question of a quiz, in order. Its key (`correctAnswer`, "
    "`acceptedAnswers`, `explanation`) is for the course's editors, and for a learner only "
    "once they passed the quiz or used every attempt."
)
@model_type(m.QuizQuestion)
@node_source(m.QuizQuestion, policy.questions)
class QuizQuestion(relay.Node):
    id: relay.NodeID[str]
    type: QuizQuestionType
    prompt: str
    points: float
    position: int

    @strawberry.field(description="Multiple choice: the choices, in order; empty otherwise.")
    def options(self) -> list[QuizOption]:
        question = _question(self)
        return [
            QuizOption(id=strawberry.ID(option_id(question, str(o["id"]))), text=str(o["text"]))
            for o in question.options or []
        ]

    @strawberry.field(
        description='The right answer: an option\'s id, "true"/"false", or the expected text '
        "(none for essays). Null while the viewer may still use it."
    )
    async def correct_answer(self, info: AppInfo) -> str | None:
        question = _question(self)
        return _key_of(question) if await key_shown(info, question.quiz_id) else None

    @strawberry.field(description="Other answers accepted (short answer); null like the key.")
    async def accepted_answers(self, info: AppInfo) -> list[str] | None:
        question = _question(self)
        shown = await key_shown(info, question.quiz_id)
        return list(question.accepted_answers or []) if shown else None

    @strawberry.field(description="Why the answer is right; null like the key.")
    async def explanation(self, info: AppInfo) -> str | None:
        question = _question(self)
        return question.explanation if await key_shown(info, question.quiz_id) else None

    quiz: Quiz = related(QuizByIdLoader, "quiz_id")


@strawberry.type(
    description="A learner's answer to one question of an attempt, and how it was marked."
)
@model_type(m.QuizAnswer)
@node_source(m.QuizAnswer, policy.answers)
class QuizAnswer(relay.Node):
    id: relay.NodeID[str]
    answer: str | None = strawberry.field(description="As sent; null when left blank.")
    correct: bool | None = strawberry.field(description="Null: an essay not graded yet.")
    points_awarded: float | None
    feedback: str | None = strawberry.field(description="The grader's comment, if any.")

    question: QuizQuestion = related(QuizQuestionByIdLoader, "question_id")

    attempt: QuizAttempt = related(QuizAttemptByIdLoader, "attempt_id")

    @strawberry.field(
        description="The question's right answer: for its graders always, for the learner "
        "only once they passed the quiz or used every attempt (else null)."
    )
    async def correct_answer(self, info: AppInfo) -> str | None:
        answer, loaders = _answer(self), info.context.loaders
        question, attempt = await asyncio.gather(
            loaders.get(QuizQuestionByIdLoader).load(answer.question_id),
            loaders.get(QuizAttemptByIdLoader).load(answer.attempt_id),
        )
        if question is None or attempt is None:
            return None
        viewer = info.context.viewer
        # An answer reaches only those who see its attempt (`policy.attempts`): its learner,
        # and those who grade it. The learner gets the key by the key rule; a grader always.
        if viewer is None or (
            viewer.id == attempt.user_id and not await key_shown(info, question.quiz_id)
        ):
            return None
        return _key_of(question)


@strawberry.type(
    description="One attempt at a quiz. `status` is what the attempt is now: one still in "
    "progress after its deadline (and 10 s of grace) reads EXPIRED, scored 0."
)
@model_type(m.QuizAttempt)
@node_source(m.QuizAttempt, policy.attempts)
class QuizAttempt(relay.Node):
    id: relay.NodeID[str]
    attempt_number: int
    started_at: dt.datetime
    deadline_at: dt.datetime | None = strawberry.field(description="Null: untimed.")
    points_possible: float

    @strawberry.field
    def status(self) -> QuizAttemptStatus:
        attempt = _attempt(self)
        return QuizAttemptStatus(effective_status(attempt.status, attempt.deadline_at, _now()))

    @strawberry.field(description="When it was submitted.")
    def completed_at(self) -> dt.datetime | None:
        return _attempt(self).submitted_at

    @strawberry.field(description="0-100; null until every answer is marked.")
    def score(self) -> float | None:
        attempt = _attempt(self)
        return expired_result(0).score if _ran_out(attempt) else attempt.score

    @strawberry.field(description="Null until every answer is marked.")
    def passed(self) -> bool | None:
        attempt = _attempt(self)
        return expired_result(0).passed if _ran_out(attempt) else attempt.passed

    @strawberry.field
    def points_earned(self) -> float | None:
        attempt = _attempt(self)
        return expired_result(0).points_earned if _ran_out(attempt) else attempt.points_earned

    quiz: Quiz = related(QuizByIdLoader, "quiz_id")

    answers: list[QuizAnswer] = related(
        AnswersByAttemptLoader, "id", description="One per question, in question order."
    )

    @strawberry.field(description="The learner who took it, as others see them.")
    def student(self, info: AppInfo) -> PublicProfile:
        user = info.context.loaders.get(UserByIdLoader).get_or_load(_attempt(self).user_id)
        return cast(PublicProfile, when_loaded(PublicProfile.of, user))


def _ran_out(attempt: m.QuizAttempt) -> bool:
    """Never submitted, and past its deadline and grace: it reads as a late submission."""
    status = str(getattr(attempt.status, "value", attempt.status))
    return (
        status == IN_PROGRESS and effective_status(status, attempt.deadline_at, _now()) == EXPIRED
    )


def _best(attempts: list[m.QuizAttempt], now: dt.datetime) -> m.QuizAttempt | None:
    """The best graded attempt: the highest score, then the earliest."""
    graded = [
        a
        for a, status in zip(attempts, _statuses(attempts, now), strict=True)
        if status == GRADED and a.score is not None
    ]
    if not graded:
        return None
    return min(
        graded,
        key=lambda a: (-(a.score or 0.0), a.submitted_at or a.started_at, a.attempt_number),
    )


@strawberry.type(
    description="A quiz of a course (or of one of its sections): passing score, time limit "
    "and attempt limit."
)
@model_type(m.Quiz)
@node_source(m.Quiz, policy.quizzes)
class Quiz(relay.Node):
    id: relay.NodeID[str]
    title: str
    description: str
    passing_score: int = strawberry.field(description="The score (0-100) that passes.")
    time_limit_minutes: int | None = strawberry.field(description="Null: untimed.")
    max_attempts: int
    is_published: bool = strawberry.field(description="Drafts are for the course's editors.")
    created_at: dt.datetime

    @strawberry.field
    def question_count(self, info: AppInfo) -> int:
        totals = info.context.loaders.get(QuestionTotalsByQuizLoader).get_or_load(self.id)
        return cast(int, when_loaded(lambda t: t.count, totals))

    @strawberry.field(description="The points all its questions are worth.")
    def total_points(self, info: AppInfo) -> float:
        totals = info.context.loaders.get(QuestionTotalsByQuizLoader).get_or_load(self.id)
        return cast(float, when_loaded(lambda t: t.points, totals))

    section: SectionRef | None = related(
        SectionByIdLoader, "section_id", description="The section it tests; null: the course."
    )

    course: CourseRef = related(CourseByIdLoader, "course_id")

    @strawberry.field(description="The questions, in order.")
    def questions(self, info: AppInfo) -> list[QuizQuestion]:
        quiz, loaders = _quiz(self), info.context.loaders
        loaders.prime(QuizByIdLoader, quiz.id, quiz)  # the key rule reads the quiz row
        return cast(list[QuizQuestion], loaders.get(QuestionsByQuizLoader).get_or_load(quiz.id))

    @strawberry.field(
        description="How many more attempts the viewer may start; null when signed out."
    )
    def viewer_attempts_left(self, info: AppInfo) -> int | None:
        viewer, quiz = info.context.viewer, _quiz(self)
        if viewer is None:
            return None
        attempts = info.context.loaders.get(AttemptsByUserQuizLoader).get_or_load(
            (viewer.id, quiz.id)
        )
        return cast(int, when_loaded(lambda rows: _attempts_left(quiz, rows, _now()), attempts))

    @strawberry.field(
        description="The viewer's best graded attempt: the highest score, then the earliest."
    )
    def viewer_best_attempt(self, info: AppInfo) -> QuizAttempt | None:
        viewer, quiz = info.context.viewer, _quiz(self)
        if viewer is None:
            return None
        attempts = info.context.loaders.get(AttemptsByUserQuizLoader).get_or_load(
            (viewer.id, quiz.id)
        )
        return cast(QuizAttempt | None, when_loaded(lambda rows: _best(rows, _now()), attempts))

    @strawberry.field(
        description="Attempts waiting for a grader (essays), the longest waiting first: "
        "those the viewer grades (the course's author and admins grade its quizzes); empty "
        "for others."
    )
    async def attempts_to_review(
        self, info: AppInfo, first: int | None = None, after: str | None = None
    ) -> Connection[QuizAttempt]:
        args, viewer = page_args(first, after), info.context.viewer
        if viewer is None:
            return to_connection(Page.empty())
        # The one rule of who grades which attempt (`policy.graded_attempts`), in the page's
        # statement: each grader gets the attempts they may grade, anyone else none.
        graded = Condition.of(policy.graded_attempts(viewer))
        loader = info.context.loaders.get(AttemptsToReviewPageByQuizLoader)
        return to_connection(await loader.load((_quiz(self).id, args, graded)))


# --- fields of the composed types (schema/graph.py) ----------------------------------------


@strawberry.type
class CourseFields:
    """Assessment's fields of `Course`."""

    @strawberry.field(
        description="The course's quizzes in the order they were created: published ones; "
        "drafts too for its editors."
    )
    async def quizzes(self, info: AppInfo) -> list[Quiz]:
        course = cast(CourseRow, self)
        rows = await info.context.loaders.get(QuizzesByCourseLoader).load(course.id)
        editor = can_edit(info.context.viewer, course)
        return [quiz for quiz in rows if quiz.is_published or editor]


@strawberry.type
class QuizUserFields:
    """Assessment's quiz fields of `User` (combined with the certificates' in
    schema/assessment/__init__.py)."""

    @strawberry.field(description="The user's quiz attempts, newest first (own; else empty).")
    async def quiz_attempts(
        self, info: AppInfo, first: int | None = None, after: str | None = None
    ) -> Connection[QuizAttempt]:
        user_id = cast(Any, self).id
        args = page_args(first, after)
        if not can_see_private(info.context.viewer, user_id):
            return to_connection(Page.empty())
        page = await info.context.loaders.get(AttemptsPageByUserLoader).load((user_id, args))
        return to_connection(page)


QUIZ_TYPES: list[type] = [Quiz, QuizQuestion, QuizAttempt, QuizAnswer]
