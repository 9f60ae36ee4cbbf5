"""Taking a quiz: start an attempt, submit it (rules/assessment/scoring.py and marking.py).

- Only a published quiz of a course the viewer is enrolled in (and can see) can be taken;
  any other reads as NOT_FOUND on `quizId`.
- One attempt in progress at a time: starting again returns it. One still in progress past
  its deadline (and grace) is stored EXPIRED (score 0) first and counts as used. Once
  `max_attempts` are used the next start is refused: ATTEMPTS_EXHAUSTED on `quizId`.
- Two starts at once make one attempt: the unique keys (one in-progress attempt per learner
  and quiz, attempt numbers unique) refuse the second insert, whose start then tries again
  and finds the winner's attempt.
- Submitting: the learner's own attempt only (NOT_FOUND on `attemptId`); one not in progress
  is ALREADY_SUBMITTED (nothing changes); after the deadline plus grace it is stored EXPIRED
  with score 0 (committed: it counts as used) and DEADLINE_PASSED is raised. Answers to
  questions not in the quiz, or to one question twice, are INVALID on `answers.<i>.questionId`
  (nothing stored). Unanswered questions are stored blank (0 points): one answer row per
  question, marked by `mark`; the attempt's status, score and pass by `attempt_result`
  (PENDING_REVIEW, with score and pass unknown, while an essay waits for a grader).
- Two submissions at once score once: the submission claims the attempt with an UPDATE
  conditional on it still being in progress, so the second finds it claimed and is
  ALREADY_SUBMITTED.
- A pass issues the course's certificate when it was the last condition, in the same
  transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from core.errors import AppError, ErrorCode, Validator, not_found
from core.events import emit
from models.assessment import AttemptStatus, Quiz, QuizAnswer, QuizAttempt, QuizQuestion
from models.catalog import Course
from models.learning import Enrollment
from resolvers.assessment import queries
from resolvers.assessment.certificates import issue_if_due
from resolvers.assessment.events import QuizAttemptSubmitted
from resolvers.catalog.policy import can_see
from resolvers.identity.policy import require_viewer
from rules.assessment.marking import QuestionKey, is_blank, mark
from rules.assessment.scoring import (
    IN_PROGRESS,
    AttemptResult,
    attempt_result,
    attempts_used,
    deadline,
    effective_status,
    expired_result,
    is_late,
)

if TYPE_CHECKING:
    from models.identity import User

MAX_ANSWER_LENGTH = 10_000  # an essay's worth
START_TRIES = 3  # a start that lost a race tries again, and then finds the winner's attempt


def _already_submitted() -> AppError:
    return AppError.of(
        ErrorCode.ALREADY_SUBMITTED, "This attempt has already been submitted.", "attemptId"
    )


def question_key(question: QuizQuestion) -> QuestionKey:
    return QuestionKey.of(
        question.type,
        question.points,
        question.options,
        question.correct_answer,
        question.accepted_answers,
    )


def result_fields(result: AttemptResult) -> dict[str, Any]:
    """The attempt's columns that `result` sets."""
    return {
        "status": AttemptStatus(result.status),
        "points_earned": result.points_earned,
        "points_possible": result.points_possible,
        "score": result.score,
        "passed": result.passed,
        "updated_at": datetime.now(UTC),
    }


async def expire(attempt: QuizAttempt, submitted_at: datetime | None) -> bool:
    """Store an attempt that ran out as EXPIRED with score 0, in its own (committed)
    statement, unless it is no longer in progress; whether this call stored it.
    `submitted_at`: the late submission's time (None: never submitted)."""
    fields = result_fields(expired_result(attempt.points_possible))
    claimed = await QuizAttempt.filter(id=attempt.id, status=AttemptStatus.IN_PROGRESS).update(
        **fields, submitted_at=submitted_at
    )
    return claimed > 0


async def certify_if_due(conn: Any, user_id: UUID, course_id: UUID, now: datetime) -> None:
    """After a pass: the course's certificate if that was the last condition. The enrollment
    is locked first, so a lesson completed at the same moment cannot leave both changes
    thinking the other condition unmet."""
    await conn.execute_query(queries.LOCK_ENROLLMENT, [user_id, course_id])
    await issue_if_due(conn, user_id, course_id, now)


# --- start ----------------------------------------------------------------------------------


async def _quiz_to_take(user: User, quiz_id: Any) -> Quiz:
    quiz = await Quiz.get_or_none(id=quiz_id, is_published=True)
    course = await Course.get_or_none(id=quiz.course_id) if quiz is not None else None
    if (
        quiz is None
        or not can_see(user, course)
        or not await Enrollment.exists(user_id=user.id, course_id=quiz.course_id)
    ):
        raise not_found("Quiz", "quizId")
    return quiz


async def _start(user: User, quiz: Quiz, now: datetime) -> QuizAttempt:
    current = await QuizAttempt.get_or_none(
        quiz_id=quiz.id, user_id=user.id, status=AttemptStatus.IN_PROGRESS
    )
    if current is not None:
        if not is_late(now, current.deadline_at):
            return current
        await expire(current, None)  # ran out unsubmitted: used, whatever comes next
    async with in_transaction() as conn:
        # The quiz as it is now, locked against a replacement of its questions.
        rows = await conn.execute_query_dict(queries.SHARE_QUIZ, [quiz.id])
        if not rows or not rows[0]["is_published"]:
            raise not_found("Quiz", "quizId")
        max_attempts, time_limit = rows[0]["max_attempts"], rows[0]["time_limit_minutes"]
        attempts = (
            await QuizAttempt.filter(quiz_id=quiz.id, user_id=user.id)
            .using_db(conn)
            .order_by("attempt_number")
        )
        for attempt in attempts:  # one started since we looked (not late: just started)
            if effective_status(attempt.status, attempt.deadline_at, now) == IN_PROGRESS:
                return attempt
        used = attempts_used(effective_status(a.status, a.deadline_at, now) for a in attempts)
        if used >= max_attempts:
            raise AppError.of(
                ErrorCode.ATTEMPTS_EXHAUSTED,
                f"All {max_attempts} attempts at this quiz are used.",
                "quizId",
            )
        questions = await QuizQuestion.filter(quiz_id=quiz.id).using_db(conn)
        return await QuizAttempt.create(
            quiz_id=quiz.id,
            user_id=user.id,
            attempt_number=max((a.attempt_number for a in attempts), default=0) + 1,
            status=AttemptStatus.IN_PROGRESS,
            started_at=now,
            deadline_at=deadline(now, time_limit),
            points_possible=float(sum(q.points for q in questions)),
            using_db=conn,
        )


async def start_attempt(
    viewer: User | None, quiz_id: Any, now: datetime | None = None
) -> QuizAttempt:
    """The learner's attempt in progress at the quiz: the one there is, or a new one."""
    user = require_viewer(viewer)
    now = now or datetime.now(UTC)
    quiz = await _quiz_to_take(user, quiz_id)
    for _ in range(START_TRIES):
        try:
            return await _start(user, quiz, now)
        except IntegrityError:
            continue  # a concurrent start wrote its attempt first: the next try finds it
    raise RuntimeError("could not start a quiz attempt")


# --- submit ---------------------------------------------------------------------------------


def _as_uuid(value: Any) -> UUID | None:
    if isinstance(value, UUID):
        return value
    try:
        return UUID(str(value))
    except ValueError:
        return None


def _answers_by_question(
    questions: Sequence[QuizQuestion], answers: Sequence[tuple[Any, str | None]]
) -> dict[UUID, str | None]:
    """Each question's answer; INVALID for answers to questions not in the quiz or to one
    question twice, TOO_LONG for an answer over MAX_ANSWER_LENGTH (all reported at once)."""
    ids = {q.id for q in questions}
    given: dict[UUID, str | None] = {}
    v = Validator()
    for index, (question_id, text) in enumerate(answers):
        field = f"answers.{index}"
        key = _as_uuid(question_id)
        if key is None or key not in ids:
            v.add(f"{field}.questionId", ErrorCode.INVALID, "Not a question of this quiz.")
        elif key in given:
            v.add(f"{field}.questionId", ErrorCode.INVALID, "This question is answered twice.")
        else:
            given[key] = text
        if text is not None and len(text) > MAX_ANSWER_LENGTH:
            message = f"An answer is at most {MAX_ANSWER_LENGTH} characters."
            v.add(f"{field}.answer", ErrorCode.TOO_LONG, message)
    v.raise_if_any()
    return given


async def submit_attempt(
    viewer: User | None,
    attempt_id: Any,
    answers: Sequence[tuple[Any, str | None]],
    now: datetime | None = None,
) -> QuizAttempt:
    """The submitted attempt, marked: `answers` are (question id, answer) pairs."""
    user = require_viewer(viewer)
    now = now or datetime.now(UTC)
    attempt = await QuizAttempt.get_or_none(id=attempt_id)
    if attempt is None or attempt.user_id != user.id:
        raise not_found("Attempt", "attemptId")
    if attempt.status != AttemptStatus.IN_PROGRESS:
        raise _already_submitted()
    if is_late(now, attempt.deadline_at):
        if await expire(attempt, now):
            raise AppError.of(
                ErrorCode.DEADLINE_PASSED,
                "The time for this attempt ran out: it counts as used, with score 0.",
                "attemptId",
            )
        raise _already_submitted()
    quiz = await Quiz.get(id=attempt.quiz_id)
    questions = await QuizQuestion.filter(quiz_id=quiz.id).order_by("position")
    given = _answers_by_question(questions, answers)
    marks = [mark(question_key(q), given.get(q.id)) for q in questions]
    result = attempt_result(marks, float(sum(q.points for q in questions)), quiz.passing_score)
    async with in_transaction() as conn:
        claimed = (
            await QuizAttempt.filter(id=attempt.id, status=AttemptStatus.IN_PROGRESS)
            .using_db(conn)
            .update(**result_fields(result), submitted_at=now)
        )
        if not claimed:  # a concurrent submission (or expiry) got there first
            raise _already_submitted()
        rows = []
        for question, marked in zip(questions, marks, strict=True):
            text = given.get(question.id)
            rows.append(
                QuizAnswer(
                    attempt_id=attempt.id,
                    question_id=question.id,
                    answer=None if is_blank(text) else text,
                    correct=marked.correct,
                    points_awarded=marked.points_awarded,
                )
            )
        await QuizAnswer.bulk_create(rows, using_db=conn)
        if result.passed:
            await certify_if_due(conn, user.id, quiz.course_id, now)
        await emit(QuizAttemptSubmitted(user.id, quiz.id, attempt.id, result.score), conn)
    return await QuizAttempt.get(id=attempt.id)
