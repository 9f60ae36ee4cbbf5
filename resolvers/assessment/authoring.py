"""Authoring quizzes: create and update a quiz with its questions in one input.

- Editors only: the course's author and admins (catalog's `can_edit`). A signed-in viewer
  who sees the course (or the published quiz) but does not edit it is FORBIDDEN; a course or
  quiz the viewer cannot see is NOT_FOUND; nobody signed in is UNAUTHENTICATED.
- Everything is checked before anything is written, and every problem is reported at once:
  the quiz's own fields (rules/assessment/marking.py `validate_quiz`), each question
  (`validate_question`, its fields prefixed `questions.<index>.`), the section (it must be
  one of the course's: INVALID on `sectionId`). On any error nothing is written.
- Questions are stored in the order given (positions 0..n-1); multiple-choice options get
  the ids "a", "b", "c"... (`option_rows`); the correct answer is stored canonical (the
  option's id, "true"/"false", the trimmed text; none for essays).
- Updating: the fields left out stay as they are. `questions`, when given, replace all the
  quiz's questions, unless the quiz has attempts: then the whole update is refused with
  CONFLICT on `questions` (the other fields can change in an update without questions).
  A check under a row lock on the quiz makes a start that races the replacement either
  see the new questions or make the replacement fail.
- Every change emits `AssessmentChanged` (events.audit) in its transaction: `create_quiz`
  with the quiz's fields and question count as new values, `update_quiz` with the given
  fields' old and new values (replaced questions as the new question count).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from core.errors import AppError, ErrorCode, Validator, not_found
from models.assessment import QuestionType, Quiz, QuizAttempt, QuizQuestion
from models.catalog import Course, Section
from resolvers.assessment import events, queries
from resolvers.catalog.policy import can_edit, can_see
from resolvers.identity.policy import require_viewer
from rules.assessment.marking import (
    MULTIPLE_CHOICE,
    Problem,
    canonical_correct_answer,
    option_rows,
    question_type,
    validate_question,
    validate_quiz,
)
from rules.assessment.scoring import DEFAULT_MAX_ATTEMPTS, DEFAULT_PASSING_SCORE

if TYPE_CHECKING:
    from models.identity import User

NOT_AN_EDITOR = "Only the course's author and admins may author its quizzes."
HAS_ATTEMPTS = "The quiz has attempts: its questions can no longer be replaced."

# What `update_quiz` may change (model field names); anything else is a caller's bug.
UPDATABLE = frozenset(
    {
        "title",
        "description",
        "section_id",
        "passing_score",
        "time_limit_minutes",
        "max_attempts",
        "is_published",
        "questions",
    }
)
# Fields where None means "none" (stored as given); for the others None means "left out".
NULLABLE = frozenset({"section_id", "time_limit_minutes", "description"})


@dataclass(frozen=True)
class QuestionInput:
    """One question as the author gives it (`QuizQuestionInput`). `type` is a QuestionType
    (or its name/value); `options` are the multiple-choice texts in order; `correct_answer`
    names an option by id ("a") or text, is "true"/"false", or the expected text; none for
    essays. `points` None: the default, 1."""

    type: Any
    prompt: str
    points: float | None = 1.0
    options: Sequence[str] = ()
    correct_answer: str | None = None
    accepted_answers: Sequence[str] = ()
    explanation: str | None = ""


# --- access -----------------------------------------------------------------------------


async def _course_to_edit(user: User, course_id: Any) -> Course:
    course = await Course.get_or_none(id=course_id, deleted_at=None)
    if course is None or not can_see(user, course):
        raise not_found("Course", "courseId")
    if not can_edit(user, course):
        raise AppError.of(ErrorCode.FORBIDDEN, NOT_AN_EDITOR)
    return course


async def _quiz_to_edit(user: User, quiz_id: Any) -> tuple[Quiz, Course]:
    """The quiz and its course; NOT_FOUND unless the viewer sees the quiz (published, in a
    visible course, or any quiz of a course they edit), FORBIDDEN unless they edit it."""
    quiz = await Quiz.get_or_none(id=quiz_id)
    course = await Course.get_or_none(id=quiz.course_id, deleted_at=None) if quiz else None
    if quiz is None or course is None or not can_see(user, course):
        raise not_found("Quiz", "id")
    editor = can_edit(user, course)
    if not editor and not quiz.is_published:
        raise not_found("Quiz", "id")
    if not editor:
        raise AppError.of(ErrorCode.FORBIDDEN, NOT_AN_EDITOR)
    return quiz, course


# --- checking ---------------------------------------------------------------------------


def _add(v: Validator, problems: Sequence[Problem], prefix: str = "") -> None:
    for problem in problems:
        v.add(f"{prefix}{problem.field}", problem.code, problem.message)


def _check_questions(v: Validator, questions: Sequence[QuestionInput]) -> None:
    for index, q in enumerate(questions):
        problems = validate_question(
            type=q.type,
            prompt=q.prompt,
            points=q.points,
            options=list(q.options),
            correct_answer=q.correct_answer,
            accepted_answers=list(q.accepted_answers),
            explanation=q.explanation,
        )
        _add(v, problems, f"questions.{index}.")


async def _check_section(v: Validator, section_id: Any, course: Course) -> None:
    if section_id is None:
        return
    section = await Section.get_or_none(id=section_id)
    if section is None or section.course_id != course.id:
        v.add("sectionId", ErrorCode.INVALID, "The section is not one of the course's.")


# --- writing ----------------------------------------------------------------------------


def _question_rows(quiz_id: UUID, questions: Sequence[QuestionInput]) -> list[QuizQuestion]:
    """Valid inputs as rows: in order, options with ids, the key canonical."""
    rows = []
    for position, q in enumerate(questions):
        kind = question_type(q.type)
        options = option_rows(list(q.options)) if kind == MULTIPLE_CHOICE else []
        rows.append(
            QuizQuestion(
                quiz_id=quiz_id,
                position=position,
                type=QuestionType(kind),
                prompt=q.prompt.strip(),
                points=1.0 if q.points is None else float(q.points),
                options=options,
                correct_answer=canonical_correct_answer(kind, options, q.correct_answer),
                accepted_answers=[a.strip() for a in q.accepted_answers],
                explanation=(q.explanation or "").strip(),
            )
        )
    return rows


async def _write_questions(
    conn: BaseDBAsyncClient, quiz_id: UUID, questions: Sequence[QuestionInput]
) -> None:
    rows = _question_rows(quiz_id, questions)
    await QuizQuestion.bulk_create(rows, using_db=conn)


# --- use cases --------------------------------------------------------------------------


async def create_quiz(
    viewer: User | None,
    *,
    course_id: Any,
    section_id: Any = None,
    title: str | None,
    description: str | None = None,
    passing_score: int | None = DEFAULT_PASSING_SCORE,
    time_limit_minutes: int | None = None,
    max_attempts: int | None = DEFAULT_MAX_ATTEMPTS,
    is_published: bool | None = True,
    questions: Sequence[QuestionInput],
) -> Quiz:
    """A new quiz of the course (or one of its sections) with its questions, in order.
    `passing_score`, `max_attempts`, `is_published` None: the defaults (70, 3, published);
    `time_limit_minutes` None: untimed."""
    user = require_viewer(viewer)
    course = await _course_to_edit(user, course_id)
    passing = DEFAULT_PASSING_SCORE if passing_score is None else passing_score
    attempts = DEFAULT_MAX_ATTEMPTS if max_attempts is None else max_attempts
    v = Validator()
    _add(
        v,
        validate_quiz(
            title=title or "",  # required: a missing title reads as a blank one
            passing_score=passing,
            time_limit_minutes=time_limit_minutes,
            max_attempts=attempts,
            question_count=len(questions),
        ),
    )
    _check_questions(v, questions)
    await _check_section(v, section_id, course)
    v.raise_if_any()
    async with in_transaction() as conn:
        quiz = await Quiz.create(
            course_id=course.id,
            section_id=section_id,
            title=(title or "").strip(),
            description=(description or "").strip(),
            passing_score=passing,
            time_limit_minutes=time_limit_minutes,
            max_attempts=attempts,
            is_published=True if is_published is None else is_published,
            using_db=conn,
        )
        await _write_questions(conn, quiz.id, questions)
        new = {
            "course_id": quiz.course_id,
            "section_id": quiz.section_id,
            "title": quiz.title,
            "passing_score": quiz.passing_score,
            "time_limit_minutes": quiz.time_limit_minutes,
            "max_attempts": quiz.max_attempts,
            "is_published": quiz.is_published,
            "question_count": len(questions),
        }
        await events.audit(conn, user.id, "create_quiz", "quiz", quiz.id, new=new)
    return quiz


async def update_quiz(viewer: User | None, quiz_id: Any, *, changes: Mapping[str, Any]) -> Quiz:
    """The quiz with `changes` applied (model field names: title, description, section_id,
    passing_score, time_limit_minutes, max_attempts, is_published, questions). Keys left out
    stay as they are; None clears the nullable ones (section_id, time_limit_minutes,
    description) and counts as left out for the others."""
    unknown = set(changes) - UPDATABLE
    if unknown:
        raise TypeError(f"update_quiz cannot change {sorted(unknown)}")
    user = require_viewer(viewer)
    quiz, course = await _quiz_to_edit(user, quiz_id)
    given = {k: v for k, v in changes.items() if v is not None or k in NULLABLE}
    questions: Sequence[QuestionInput] | None = given.pop("questions", None)
    v = Validator()
    _add(
        v,
        validate_quiz(
            title=given.get("title"),
            passing_score=given.get("passing_score"),
            time_limit_minutes=given.get("time_limit_minutes"),
            max_attempts=given.get("max_attempts"),
            question_count=None if questions is None else len(questions),
        ),
    )
    if questions is not None:
        if await QuizAttempt.exists(quiz_id=quiz.id):
            v.add("questions", ErrorCode.CONFLICT, HAS_ATTEMPTS)
        else:
            _check_questions(v, questions)
    if "section_id" in given:
        await _check_section(v, given["section_id"], course)
    v.raise_if_any()
    for key in ("title", "description"):
        if key in given:
            given[key] = (given[key] or "").strip()
    async with in_transaction() as conn:
        await conn.execute_query(queries.LOCK_QUIZ, [quiz.id])
        if questions is not None:
            # Checked again under the lock: a start may have written an attempt since.
            if await QuizAttempt.filter(quiz_id=quiz.id).using_db(conn).exists():
                raise AppError.of(ErrorCode.CONFLICT, HAS_ATTEMPTS, "questions")
            await QuizQuestion.filter(quiz_id=quiz.id).using_db(conn).delete()
            await _write_questions(conn, quiz.id, questions)
        await Quiz.filter(id=quiz.id).using_db(conn).update(**given, updated_at=datetime.now(UTC))
        old = {key: getattr(quiz, key) for key in given}
        new = dict(given)
        if questions is not None:
            new["question_count"] = len(questions)
        await events.audit(conn, user.id, "update_quiz", "quiz", quiz.id, old, new)
    return await Quiz.get(id=quiz.id)
