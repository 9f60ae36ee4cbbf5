"""Assessment's mutations: authoring quizzes, taking them, grading what a person must grade.
Each is a thin layer over the use cases in resolvers/assessment/."""

from __future__ import annotations

from typing import Any

import strawberry

from engine.context import AppInfo
from engine.ids import NodeRef, decode_global_id, node_id
from engine.mutations import Payload, payload_mutation
from engine.permissions import SIGNED_IN
from engine.relations import as_type
from resolvers.assessment import attempts, authoring, review
from schema.assessment.quizzes import Quiz, QuizAttempt, QuizQuestionType

UNSET: Any = strawberry.UNSET


@strawberry.input(description="One question of a quiz, as its author writes it.")
class QuizQuestionInput:
    type: QuizQuestionType
    prompt: str
    points: float = 1.0
    options: list[str] | None = strawberry.field(
        default=None, description="Multiple choice: the choices, in order (ids a, b, c …)."
    )
    correct_answer: str | None = strawberry.field(
        default=None,
        description='Multiple choice: the right option (its id or its text); TRUE_FALSE: "true" '
        'or "false"; SHORT_ANSWER: the expected text; ESSAY: none (a person grades it).',
    )
    accepted_answers: list[str] | None = strawberry.field(
        default=None, description="SHORT_ANSWER: other answers that count as right."
    )
    explanation: str | None = None


def _questions(inputs: list[QuizQuestionInput]) -> list[authoring.QuestionInput]:
    return [
        authoring.QuestionInput(
            type=q.type,
            prompt=q.prompt,
            points=q.points,
            options=q.options or (),
            correct_answer=q.correct_answer,
            accepted_answers=q.accepted_answers or (),
            explanation=q.explanation or "",
        )
        for q in inputs
    ]


@strawberry.input
class CreateQuizInput:
    course_id: NodeRef = node_id("Course")
    section_id: NodeRef | None = node_id("Section", default=None)
    title: str
    description: str | None = None
    passing_score: int = 70
    time_limit_minutes: int | None = None
    max_attempts: int = 3
    is_published: bool = True
    questions: list[QuizQuestionInput]


@strawberry.input(description="Fields left out stay as they are; `questions` replace them all.")
class UpdateQuizInput:
    id: NodeRef = node_id("Quiz")
    section_id: NodeRef | None = node_id("Section", default=UNSET)
    title: str | None = UNSET
    description: str | None = UNSET
    passing_score: int | None = UNSET
    time_limit_minutes: int | None = UNSET
    max_attempts: int | None = UNSET
    is_published: bool | None = UNSET
    questions: list[QuizQuestionInput] | None = UNSET


@strawberry.type
class QuizPayload(Payload):
    quiz: Quiz | None = None


@strawberry.input
class StartQuizAttemptInput:
    quiz_id: NodeRef = node_id("Quiz")


@strawberry.input
class QuizAnswerInput:
    question_id: strawberry.ID
    answer: str | None = strawberry.field(
        default=None,
        description='A multiple-choice option\'s id, "true"/"false", or text; none: blank.',
    )


@strawberry.input
class SubmitQuizAttemptInput:
    attempt_id: NodeRef = node_id("QuizAttempt")
    answers: list[QuizAnswerInput]


@strawberry.input
class GradeQuizAnswerInput:
    answer_id: NodeRef = node_id("QuizAnswer")
    points_awarded: float
    feedback: str | None = None


@strawberry.type
class QuizAttemptPayload(Payload):
    attempt: QuizAttempt | None = None


def _changes(input: UpdateQuizInput) -> dict[str, Any]:
    changes = {
        name: getattr(input, name)
        for name in (
            "section_id",
            "title",
            "description",
            "passing_score",
            "time_limit_minutes",
            "max_attempts",
            "is_published",
        )
        if getattr(input, name) is not UNSET
    }
    if input.questions is not UNSET and input.questions is not None:
        changes["questions"] = _questions(input.questions)
    return changes


@strawberry.type
class Mutation:
    @payload_mutation(
        permission=SIGNED_IN,
        description="Create a quiz with its questions (the course's editors); all or nothing.",
    )
    async def create_quiz(self, info: AppInfo, input: CreateQuizInput) -> QuizPayload:
        quiz = await authoring.create_quiz(
            info.context.user,
            course_id=input.course_id,
            section_id=input.section_id,
            title=input.title,
            description=input.description,
            passing_score=input.passing_score,
            time_limit_minutes=input.time_limit_minutes,
            max_attempts=input.max_attempts,
            is_published=input.is_published,
            questions=_questions(input.questions),
        )
        return QuizPayload(quiz=as_type(Quiz, quiz))

    @payload_mutation(
        permission=SIGNED_IN,
        description="Change a quiz; its questions only while nobody has attempted it (CONFLICT).",
    )
    async def update_quiz(self, info: AppInfo, input: UpdateQuizInput) -> QuizPayload:
        quiz = await authoring.update_quiz(info.context.user, input.id, changes=_changes(input))
        return QuizPayload(quiz=as_type(Quiz, quiz))

    @payload_mutation(
        permission=SIGNED_IN,
        description="Start an attempt (or get the one in progress): ATTEMPTS_EXHAUSTED.",
    )
    async def start_quiz_attempt(
        self, info: AppInfo, input: StartQuizAttemptInput
    ) -> QuizAttemptPayload:
        attempt = await attempts.start_attempt(info.context.user, input.quiz_id)
        return QuizAttemptPayload(attempt=as_type(QuizAttempt, attempt))

    @payload_mutation(
        permission=SIGNED_IN,
        description="Submit the answers, once: ALREADY_SUBMITTED, DEADLINE_PASSED.",
    )
    async def submit_quiz_attempt(
        self, info: AppInfo, input: SubmitQuizAttemptInput
    ) -> QuizAttemptPayload:
        answers = [
            (decode_global_id(a.question_id, "QuizQuestion") or a.question_id, a.answer)
            for a in input.answers
        ]
        attempt = await attempts.submit_attempt(info.context.user, input.attempt_id, answers)
        return QuizAttemptPayload(attempt=as_type(QuizAttempt, attempt))

    @payload_mutation(
        permission=SIGNED_IN,
        description="Grade one answer (the quiz's graders); the attempt's score follows.",
    )
    async def grade_quiz_answer(
        self, info: AppInfo, input: GradeQuizAnswerInput
    ) -> QuizAttemptPayload:
        attempt = await review.grade_answer(
            info.context.user, input.answer_id, input.points_awarded, input.feedback
        )
        return QuizAttemptPayload(attempt=as_type(QuizAttempt, attempt))
