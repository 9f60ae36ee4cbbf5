"""Assessment loaders: quizzes, their questions, attempts and answers; certificates.

List loaders return every row (published or not, any status); the schema layer applies the
access rules (resolvers/assessment/policy.py), so one loader serves learners and editors.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from core.pagination import KeysetQuery
from core.rows import fetch_records
from loaders.base import (
    CountByKeyLoader,
    CountUnderConditionLoader,
    ModelByIdLoader,
    ModelsByKeyLoader,
    PageByParentLoader,
    PageUnderConditionLoader,
    RecordLoader,
    RowsByJoinedKeyLoader,
    select_rows,
)
from models.assessment import (
    AttemptStatus,
    Certificate,
    Quiz,
    QuizAnswer,
    QuizAttempt,
    QuizQuestion,
)

QUIZZES = Quiz._meta.db_table
QUESTIONS = QuizQuestion._meta.db_table
ATTEMPTS = QuizAttempt._meta.db_table
ANSWERS = QuizAnswer._meta.db_table

# --- certificates ------------------------------------------------------------------------


class CertificateByEnrollmentLoader(RecordLoader):
    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        rows = await Certificate.filter(enrollment_id__in=list(keys))
        return {r.enrollment_id: r for r in rows}


class CertificatesByUserLoader(ModelsByKeyLoader):
    """A holder's certificates, in the order they were issued."""

    model = Certificate
    key_field = "user_id"
    order_by = ("issued_at", "id")


# --- by id -------------------------------------------------------------------------------


class QuizByIdLoader(ModelByIdLoader):
    model = Quiz


class QuizQuestionByIdLoader(ModelByIdLoader):
    model = QuizQuestion


class QuizAttemptByIdLoader(ModelByIdLoader):
    model = QuizAttempt


# --- quizzes and their questions -----------------------------------------------------------


class QuizzesByCourseLoader(ModelsByKeyLoader):
    """A course's quizzes (drafts too), in creation order."""

    model = Quiz
    key_field = "course_id"
    order_by = ("created_at", "id")


class QuestionsByQuizLoader(ModelsByKeyLoader):
    """A quiz's questions in order."""

    model = QuizQuestion
    key_field = "quiz_id"
    order_by = ("position", "id")


@dataclass(frozen=True, slots=True)
class QuestionTotals:
    count: int = 0
    points: float = 0.0


_QUESTION_TOTALS = (
    f'SELECT quiz_id AS k, count(*) AS n, coalesce(sum(points), 0) AS p FROM "{QUESTIONS}" '
    "WHERE quiz_id = ANY($1) GROUP BY quiz_id"
)


class QuestionTotalsByQuizLoader(RecordLoader):
    """How many questions a quiz has and the points they are worth (one GROUP BY)."""

    missing: ClassVar[Any] = QuestionTotals()

    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        rows = await fetch_records(_QUESTION_TOTALS, [list(keys)])
        return {row["k"]: QuestionTotals(int(row["n"]), float(row["p"])) for row in rows}


# --- attempts and answers --------------------------------------------------------------


class AttemptsByUserQuizLoader(RecordLoader):
    """Keys `(user_id, quiz_id)`: that learner's attempts at that quiz, by attempt number
    (what the key rule, attempts left and the best attempt are computed from)."""

    missing: ClassVar[Any] = []

    async def fetch(self, keys: Sequence[tuple[Any, Any]]) -> dict[Any, Any]:
        users = list({k[0] for k in keys})
        quizzes = list({k[1] for k in keys})
        rows = await select_rows(
            QuizAttempt,
            "t.user_id = ANY($1) AND t.quiz_id = ANY($2) ORDER BY t.attempt_number, t.id",
            [users, quizzes],
        )
        wanted = set(keys)
        grouped: dict[Any, list[QuizAttempt]] = {}
        for row in rows:
            key = (row.user_id, row.quiz_id)
            if key in wanted:
                grouped.setdefault(key, []).append(row)
        return grouped


class AnswersByAttemptLoader(RowsByJoinedKeyLoader):
    """An attempt's answers in the order of the quiz's questions (one join, many attempts)."""

    model, alias = QuizAnswer, "a"
    sql = (
        f'SELECT {{columns}}, a.attempt_id AS _key FROM "{ANSWERS}" a '
        f'JOIN "{QUESTIONS}" q ON q.id = a.question_id '
        "WHERE a.attempt_id = ANY($1) ORDER BY a.attempt_id, q.position, a.id"
    )


class AttemptCountByUserLoader(CountByKeyLoader):
    table = ATTEMPTS
    key_column = "t.user_id"


class AttemptsPageByUserLoader(PageByParentLoader):
    """A learner's attempts at every quiz, newest first."""

    parent_column = "t.user_id"
    count_loader = AttemptCountByUserLoader

    @classmethod
    def query(cls) -> KeysetQuery:
        return KeysetQuery(QuizAttempt, order=["t.started_at", "t.id"], descending=True)


_PENDING_REVIEW = f"t.status = '{AttemptStatus.PENDING_REVIEW.value}'"


_REVIEW_ORDER = ["coalesce(t.submitted_at, t.started_at)", "t.id"]


class PendingReviewCountByQuizLoader(CountUnderConditionLoader):
    """Keys `(quiz_id, Condition)`: how many of the quiz's attempts wait for a grader and
    meet the condition."""

    table = ATTEMPTS
    parent_column = "quiz_id"
    where = _PENDING_REVIEW


class AttemptsToReviewPageByQuizLoader(PageUnderConditionLoader):
    """Keys `(quiz_id, PageArgs, Condition)`: a page of the quiz's attempts waiting for a
    grader that meet the condition (the viewer's "attempts I grade" rule), the longest
    waiting first."""

    model = QuizAttempt
    parent_column = "quiz_id"
    order = _REVIEW_ORDER
    where = _PENDING_REVIEW
    count_loader = PendingReviewCountByQuizLoader
