"""Reviewing attempts: graders find the attempts waiting for them and grade answers.

- Who grades is policy.py's `graded_attempts` (the course's author and admins today), and
  nothing else decides it: the grading use case asks `can_grade`, the list filters by the
  same rule in SQL.
- Grading an answer: a viewer who may see the attempt but not grade it (the learner whose
  attempt it is) is FORBIDDEN; anyone else who may not grade it reads NOT_FOUND on
  `answerId` (another learner's attempt is private). The points go from 0 to the
  question's (`grade_problem`: INVALID on `pointsAwarded`); any credit counts as right.
  The answer keeps the points, the feedback, the grader and the time; the attempt is
  recomputed (`attempt_result`: GRADED once no answer waits for a grader, with its score
  and pass), and a pass issues the course's certificate when it was the last condition, in
  the same transaction. Any answer of a submitted attempt can be graded (a grader may
  overrule the automatic mark, e.g. for a short answer the key did not foresee); grading
  again replaces the earlier grade. Grades of one attempt serialise on its row, so each
  recomputation sees the others. The grade emits `AssessmentChanged` (`grade_quiz_answer`,
  the answer's points, correctness and feedback before and after) in its transaction.
- `attempts_to_review_page`: a quiz's attempts waiting for review (PENDING_REVIEW), oldest
  submission first, keyset-paginated; empty for anyone who may not grade them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from tortoise.transactions import in_transaction

from core.errors import AppError, ErrorCode, Validator, not_found
from core.pagination import KeysetQuery, Page, PageArgs, fetch_page
from models.assessment import AttemptStatus, Quiz, QuizAnswer, QuizAttempt, QuizQuestion
from resolvers.assessment import events, policy
from resolvers.assessment.attempts import certify_if_due, result_fields
from resolvers.identity.policy import can_see_private, require_viewer
from rules.assessment.marking import Mark, grade, grade_problem
from rules.assessment.scoring import attempt_result

if TYPE_CHECKING:
    from models.identity import User

MAX_FEEDBACK_LENGTH = 5000


async def grade_answer(
    viewer: User | None,
    answer_id: Any,
    points_awarded: float,
    feedback: str | None = None,
    now: datetime | None = None,
) -> QuizAttempt:
    """The answer's attempt, recomputed after the grade."""
    user = require_viewer(viewer)
    now = now or datetime.now(UTC)
    answer = await QuizAnswer.get_or_none(id=answer_id)
    attempt = await QuizAttempt.get_or_none(id=answer.attempt_id) if answer else None
    if answer is None or attempt is None:
        raise not_found("Answer", "answerId")
    if not await policy.can_grade(user, attempt.id):
        if can_see_private(user, attempt.user_id):
            raise AppError.of(ErrorCode.FORBIDDEN, "Only the quiz's graders may grade answers.")
        raise not_found("Answer", "answerId")
    question = await QuizQuestion.get(id=answer.question_id)
    v = Validator()
    problem = grade_problem(points_awarded, question.points)
    if problem is not None:
        v.add(problem.field, problem.code, problem.message)
    feedback = (feedback or "").strip() or None
    if feedback is not None and len(feedback) > MAX_FEEDBACK_LENGTH:
        message = f"Feedback is at most {MAX_FEEDBACK_LENGTH} characters."
        v.add("feedback", ErrorCode.TOO_LONG, message)
    v.raise_if_any()
    quiz = await Quiz.get(id=attempt.quiz_id)
    marked = grade(points_awarded)
    async with in_transaction() as conn:
        locked = await QuizAttempt.filter(id=attempt.id).using_db(conn).select_for_update().get()
        await (
            QuizAnswer.filter(id=answer.id)
            .using_db(conn)
            .update(
                correct=marked.correct,
                points_awarded=marked.points_awarded,
                feedback=feedback,
                grader_id=user.id,
                graded_at=now,
                updated_at=datetime.now(UTC),
            )
        )
        rows = await QuizAnswer.filter(attempt_id=attempt.id).using_db(conn)
        marks = [Mark(row.correct, row.points_awarded) for row in rows]
        result = attempt_result(marks, locked.points_possible, quiz.passing_score)
        await QuizAttempt.filter(id=attempt.id).using_db(conn).update(**result_fields(result))
        if result.passed:
            await certify_if_due(conn, attempt.user_id, quiz.course_id, now)
        fields = ("points_awarded", "correct", "feedback")
        old = {name: getattr(answer, name) for name in fields}
        new: dict[str, Any] = {"points_awarded": marked.points_awarded, "feedback": feedback}
        new["correct"] = marked.correct
        await events.audit(conn, user.id, "grade_quiz_answer", "quiz_answer", answer.id, old, new)
    return await QuizAttempt.get(id=attempt.id)


def review_query(viewer: User | None, quiz_id: Any) -> KeysetQuery:
    """The quiz's attempts waiting for review that the viewer grades, oldest first."""
    query = KeysetQuery(QuizAttempt, order=["t.submitted_at", "t.id"])
    query.filter(f"t.quiz_id = {query.param(quiz_id)}")
    query.filter(f"t.status = {query.param(AttemptStatus.PENDING_REVIEW.value)}")
    return query.filter(policy.graded_attempts(viewer).sql("t", query.param))


async def attempts_to_review_page(
    viewer: User | None, quiz_id: Any, args: PageArgs
) -> Page[QuizAttempt]:
    if viewer is None:
        return Page.empty()
    return await fetch_page(review_query(viewer, quiz_id), args)
