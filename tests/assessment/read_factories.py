"""Rows for the assessment read tests: quizzes with questions, attempts with their answers,
written directly (a few statements each), whatever the use cases would do."""

from __future__ import annotations

import itertools
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from models.assessment import (
    AttemptStatus,
    QuestionType,
    Quiz,
    QuizAnswer,
    QuizAttempt,
    QuizQuestion,
)
from models.catalog import Course, Section
from models.identity import User

_counter = itertools.count(1)

# What each question type's key looks like, cycled through by `quiz`.
KEYS: dict[QuestionType, dict[str, Any]] = {
    QuestionType.MULTIPLE_CHOICE: {
        "options": [{"id": "a", "text": "Madrid"}, {"id": "b", "text": "Lisbon"}],
        "correct_answer": "a",
    },
    QuestionType.TRUE_FALSE: {"correct_answer": "true"},
    QuestionType.SHORT_ANSWER: {"correct_answer": "hola", "accepted_answers": ["buenas"]},
    QuestionType.ESSAY: {"correct_answer": None},
}
AUTO_MARKED = [QuestionType.MULTIPLE_CHOICE, QuestionType.TRUE_FALSE, QuestionType.SHORT_ANSWER]


async def quiz(
    course: Course,
    questions: int = 3,
    *,
    types: list[QuestionType] | None = None,
    section: Section | None = None,
    published: bool = True,
    max_attempts: int = 3,
    passing_score: int = 70,
    time_limit_minutes: int | None = None,
    title: str | None = None,
) -> tuple[Quiz, list[QuizQuestion]]:
    """A quiz with `questions` questions (positions 1..n, 2 points each), their types cycling
    through `types` (the auto-marked ones by default)."""
    n = next(_counter)
    row = await Quiz.create(
        course=course,
        section=section,
        title=title or f"Quiz {n}",
        description=f"About quiz {n}",
        passing_score=passing_score,
        time_limit_minutes=time_limit_minutes,
        max_attempts=max_attempts,
        is_published=published,
    )
    kinds = types or AUTO_MARKED
    rows = [
        QuizQuestion(
            id=uuid.uuid4(),
            quiz_id=row.id,
            position=i + 1,
            type=kinds[i % len(kinds)],
            prompt=f"Question {i + 1}",
            points=2.0,
            explanation=f"Because {i + 1}.",
            **{"options": [], "accepted_answers": [], **KEYS[kinds[i % len(kinds)]]},
        )
        for i in range(questions)
    ]
    await QuizQuestion.bulk_create(rows)
    for question in rows:
        question._saved_in_db = True
    return row, rows


async def attempt(
    user: User,
    quiz: Quiz,
    questions: list[QuizQuestion],
    *,
    number: int = 1,
    status: AttemptStatus = AttemptStatus.GRADED,
    score: float | None = 50.0,
    passed: bool | None = False,
    started_at: datetime | None = None,
    deadline_at: datetime | None = None,
    submitted: bool = True,
    right: int = 0,
) -> tuple[QuizAttempt, list[QuizAnswer]]:
    """An attempt with one answer per question (none while in progress): the first `right`
    answers are right, the others wrong; essays wait for a grader."""
    started = started_at or datetime.now(UTC) - timedelta(hours=1)
    in_progress = status == AttemptStatus.IN_PROGRESS
    row = await QuizAttempt.create(
        quiz=quiz,
        user=user,
        attempt_number=number,
        status=status,
        started_at=started,
        deadline_at=deadline_at,
        submitted_at=None if in_progress or not submitted else started + timedelta(minutes=5),
        points_earned=None if in_progress else 2.0 * right,
        points_possible=2.0 * len(questions),
        score=None if in_progress else score,
        passed=None if in_progress else passed,
    )
    if in_progress:
        return row, []
    answers = []
    for i, question in enumerate(questions):
        essay = question.type == QuestionType.ESSAY
        good = i < right
        answers.append(
            QuizAnswer(
                id=uuid.uuid4(),
                attempt_id=row.id,
                question_id=question.id,
                answer="An essay." if essay else (question.correct_answer if good else "wrong"),
                correct=None if essay else good,
                points_awarded=None if essay else (2.0 if good else 0.0),
            )
        )
    await QuizAnswer.bulk_create(answers)
    return row, answers
