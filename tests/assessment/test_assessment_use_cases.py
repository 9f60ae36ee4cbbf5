"""Assessment use cases called directly (no HTTP) against PostgreSQL: authoring quizzes,
taking them (attempt limit, deadline grace, double submission), reviewing essays, the
certificate the last passed quiz issues, and races between starts and submissions."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from core.errors import AppError
from core.pagination import PageArgs
from models.assessment import (
    AttemptStatus,
    Certificate,
    QuestionType,
    Quiz,
    QuizAnswer,
    QuizAttempt,
    QuizQuestion,
)
from models.identity import Role, User
from resolvers.assessment.attempts import start_attempt, submit_attempt
from resolvers.assessment.authoring import QuestionInput, create_quiz, update_quiz
from resolvers.assessment.review import attempts_to_review_page, grade_answer
from tests.factories.assessment import (
    CHOICES,
    answers,
    learner_in,
    move_back,
    question_inputs,
    questions_of,
    quiz,
    setting,
)
from tests.factories.catalog import course_tree
from tests.factories.identity import create_user

pytestmark = pytest.mark.usefixtures("server")  # its lifespan opens the ORM

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


async def refused(call: Awaitable[Any]) -> list[tuple[str | None, str]]:
    """The (field, code) of every error the call raised; it must raise."""
    with pytest.raises(AppError) as caught:
        await call
    return [(e.field, e.code.value) for e in caught.value.errors]


def quiz_input(setting_course_id: Any, **overrides: Any) -> dict[str, Any]:
    return {
        "course_id": setting_course_id,
        "section_id": None,
        "title": "Unit check",
        "description": "What you learnt.",
        "passing_score": 70,
        "time_limit_minutes": None,
        "max_attempts": 3,
        "is_published": True,
        "questions": question_inputs(),
        **overrides,
    }


# --- authoring ------------------------------------------------------------------------------


async def test_a_quiz_is_created_with_its_questions_in_order() -> None:
    s = await setting()
    section = s.tree.sections[0]
    created = await create_quiz(
        s.author,
        **quiz_input(
            s.course.id,
            section_id=section.id,
            title="  Unit check ",
            passing_score=80,
            time_limit_minutes=15,
            max_attempts=2,
        ),
    )
    row = await Quiz.get(id=created.id)
    assert (row.course_id, row.section_id, row.title, row.description) == (
        s.course.id,
        section.id,
        "Unit check",
        "What you learnt.",
    )
    assert (row.passing_score, row.time_limit_minutes, row.max_attempts, row.is_published) == (
        80,
        15,
        2,
        True,
    )
    stored = await questions_of(row)
    assert [q.position for q in stored] == [0, 1, 2, 3]
    assert [q.type for q in stored] == [
        QuestionType.MULTIPLE_CHOICE,
        QuestionType.TRUE_FALSE,
        QuestionType.SHORT_ANSWER,
        QuestionType.ESSAY,
    ]
    assert [q.prompt for q in stored] == [q.prompt for q in question_inputs()]
    assert stored[0].options == [
        {"id": "a", "text": "Madrid"},
        {"id": "b", "text": "Paris"},
        {"id": "c", "text": "Rome"},
    ]
    assert [q.options for q in stored[1:]] == [[], [], []]
    # The key is stored canonical: the option's id, "true", the trimmed text, none.
    assert [q.correct_answer for q in stored] == ["b", "true", "Buenos días", None]
    assert [q.accepted_answers for q in stored] == [[], [], ["Buen día"], []]
    assert [q.points for q in stored] == [2.0, 1.0, 1.0, 5.0]
    assert stored[2].explanation == "Días is plural."


async def test_the_order_given_is_the_order_stored() -> None:
    s = await setting()
    prompts = [f"Statement {i}" for i in (3, 1, 2, 5, 4)]
    inputs = [QuestionInput(QuestionType.TRUE_FALSE, p, correct_answer="false") for p in prompts]
    created = await create_quiz(s.author, **quiz_input(s.course.id, questions=inputs))
    assert [q.prompt for q in await questions_of(created)] == prompts


async def test_every_problem_is_reported_and_nothing_is_written() -> None:
    s = await setting()
    other = await course_tree(author=s.author)
    bad = [
        QuestionInput(
            QuestionType.MULTIPLE_CHOICE, "Capital?", options=CHOICES, correct_answer="Lisbon"
        ),
        QuestionInput(QuestionType.TRUE_FALSE, "  ", correct_answer="yes", points=0),
        QuestionInput(QuestionType.ESSAY, "Why?", correct_answer="Because."),
    ]
    call = create_quiz(
        s.author,
        **quiz_input(
            s.course.id,
            section_id=other.sections[0].id,
            title=" ",
            passing_score=150,
            max_attempts=0,
            questions=bad,
        ),
    )
    assert await refused(call) == [
        ("title", "REQUIRED"),
        ("passingScore", "INVALID"),
        ("maxAttempts", "INVALID"),
        ("questions.0.correctAnswer", "INVALID"),
        ("questions.1.prompt", "REQUIRED"),
        ("questions.1.points", "INVALID"),
        ("questions.1.correctAnswer", "INVALID"),
        ("questions.2.correctAnswer", "INVALID"),
        ("sectionId", "INVALID"),
    ]
    assert await refused(create_quiz(s.author, **quiz_input(s.course.id, questions=[]))) == [
        ("questions", "REQUIRED")
    ]
    with pytest.raises(AppError) as caught:
        await create_quiz(s.author, **quiz_input(s.course.id, questions=bad[:1]))
    assert caught.value.errors[0].message == 'The correct answer must be one of "a", "b", "c".'
    assert await Quiz.filter(course_id__in=[s.course.id, other.course.id]).count() == 0
    assert await QuizQuestion.filter(quiz__course_id=s.course.id).count() == 0


async def test_only_the_courses_editors_author_its_quizzes() -> None:
    s = await setting()
    other_teacher = await create_user(role=Role.TEACHER)
    admin = await create_user(role=Role.ADMIN)
    draft = await course_tree(author=s.author, published=False)
    for viewer in (s.learner, other_teacher):  # they see the course, and may not edit it
        assert await refused(create_quiz(viewer, **quiz_input(s.course.id))) == [
            (None, "FORBIDDEN")
        ]
        assert await refused(create_quiz(viewer, **quiz_input(draft.course.id))) == [
            ("courseId", "NOT_FOUND")
        ]
    assert await refused(create_quiz(None, **quiz_input(s.course.id))) == [
        (None, "UNAUTHENTICATED")
    ]
    assert await Quiz.filter(course_id=s.course.id).count() == 0
    by_admin = await create_quiz(admin, **quiz_input(s.course.id))
    by_author = await create_quiz(s.author, **quiz_input(draft.course.id))
    assert {by_admin.course_id, by_author.course_id} == {s.course.id, draft.course.id}


async def test_an_update_changes_the_fields_given_and_replaces_questions() -> None:
    s = await setting()
    created = await create_quiz(s.author, **quiz_input(s.course.id, time_limit_minutes=20))
    before = [q.id for q in await questions_of(created)]

    updated = await update_quiz(s.author, created.id, changes={"title": "Renamed"})
    assert (updated.title, updated.passing_score, updated.time_limit_minutes) == (
        "Renamed",
        70,
        20,
    )
    assert [q.id for q in await questions_of(created)] == before

    # None clears what may be empty; for the others it reads as "left out".
    updated = await update_quiz(
        s.author, created.id, changes={"time_limit_minutes": None, "max_attempts": None}
    )
    assert (updated.time_limit_minutes, updated.max_attempts) == (None, 3)

    assert await refused(
        update_quiz(s.author, created.id, changes={"passing_score": 101, "questions": []})
    ) == [("passingScore", "INVALID"), ("questions", "REQUIRED")]
    assert (await Quiz.get(id=created.id)).passing_score == 70

    replacement = [
        QuestionInput(QuestionType.SHORT_ANSWER, "Say hello.", correct_answer="hola"),
        QuestionInput(QuestionType.TRUE_FALSE, "Adiós means bye.", correct_answer="true"),
    ]
    await update_quiz(s.author, created.id, changes={"questions": replacement})
    stored = await questions_of(created)
    assert [(q.position, q.prompt) for q in stored] == [(0, "Say hello."), (1, "Adiós means bye.")]
    assert not set(before) & {q.id for q in stored}


async def test_questions_cannot_be_replaced_once_the_quiz_has_attempts() -> None:
    s = await setting()
    row = await quiz(s.course)
    before = [q.id for q in await questions_of(row)]
    await start_attempt(s.learner, row.id)
    call = update_quiz(
        s.author, row.id, changes={"title": "New title", "questions": question_inputs()}
    )
    assert await refused(call) == [("questions", "CONFLICT")]
    assert (await Quiz.get(id=row.id)).title == "Checkpoint"
    assert [q.id for q in await questions_of(row)] == before
    updated = await update_quiz(s.author, row.id, changes={"title": "New title", "max_attempts": 5})
    assert (updated.title, updated.max_attempts) == ("New title", 5)


async def test_only_editors_update_a_quiz() -> None:
    s = await setting()
    published = await quiz(s.course)
    draft = await quiz(s.course, is_published=False)
    other_teacher = await create_user(role=Role.TEACHER)
    for viewer in (s.learner, other_teacher):
        assert await refused(update_quiz(viewer, published.id, changes={"title": "X"})) == [
            (None, "FORBIDDEN")
        ]
        assert await refused(update_quiz(viewer, draft.id, changes={"title": "X"})) == [
            ("id", "NOT_FOUND")
        ]
    assert await refused(update_quiz(None, published.id, changes={"title": "X"})) == [
        (None, "UNAUTHENTICATED")
    ]
    assert (await Quiz.get(id=published.id)).title == "Checkpoint"
    admin = await create_user(role=Role.ADMIN)
    assert (await update_quiz(admin, draft.id, changes={"is_published": True})).is_published


# --- taking a quiz --------------------------------------------------------------------------


async def test_only_enrolled_learners_take_published_quizzes() -> None:
    s = await setting()
    published = await quiz(s.course)
    draft = await quiz(s.course, is_published=False)
    stranger = await create_user()
    for viewer, quiz_id in (
        (stranger, published.id),  # not enrolled
        (s.author, published.id),  # editing is not taking
        (s.learner, draft.id),  # not published
    ):
        assert await refused(start_attempt(viewer, quiz_id)) == [("quizId", "NOT_FOUND")]
    assert await refused(start_attempt(None, published.id)) == [(None, "UNAUTHENTICATED")]
    assert await QuizAttempt.filter(quiz_id__in=[published.id, draft.id]).count() == 0


async def test_attempts_up_to_the_limit_then_exhausted() -> None:
    s = await setting()
    row = await quiz(s.course, max_attempts=2)  # 3 questions of 1 point
    first = await start_attempt(s.learner, row.id, T0)
    assert (first.attempt_number, first.status, first.points_possible) == (
        1,
        AttemptStatus.IN_PROGRESS,
        3.0,
    )
    assert first.deadline_at is None  # untimed
    again = await start_attempt(s.learner, row.id, T0 + timedelta(minutes=5))
    assert again.id == first.id and again.started_at == first.started_at

    failed = await submit_attempt(s.learner, first.id, await answers(row, right=False), T0)
    assert (failed.status, failed.score, failed.passed) == (AttemptStatus.GRADED, 0.0, False)

    second = await start_attempt(s.learner, row.id, T0)
    assert second.attempt_number == 2
    passed = await submit_attempt(s.learner, second.id, await answers(row), T0)
    assert (passed.status, passed.points_earned, passed.score, passed.passed) == (
        AttemptStatus.GRADED,
        3.0,
        100.0,
        True,
    )
    assert await refused(start_attempt(s.learner, row.id, T0)) == [("quizId", "ATTEMPTS_EXHAUSTED")]
    assert await QuizAttempt.filter(quiz_id=row.id).count() == 2


async def test_answers_are_marked_and_unanswered_questions_stored_blank() -> None:
    s = await setting()
    row = await quiz(s.course, choice=2, true_false=1, short=2, points=2.0, passing_score=50)
    questions = await questions_of(row)
    attempt = await start_attempt(s.learner, row.id, T0)
    given = [
        (questions[0].id, "  PARIS. "),  # an option by its text
        (questions[1].id, "c"),  # wrong
        (str(questions[2].id), "True"),  # ids as text are fine
        (questions[3].id, "buen día"),  # an accepted alternative
        # questions[4] left out
    ]
    result = await submit_attempt(s.learner, attempt.id, given, T0 + timedelta(minutes=1))
    assert (result.status, result.points_earned, result.points_possible) == (
        AttemptStatus.GRADED,
        6.0,
        10.0,
    )
    assert (result.score, result.passed, result.submitted_at) == (
        60.0,
        True,
        T0 + timedelta(minutes=1),
    )
    stored = {a.question_id: a for a in await QuizAnswer.filter(attempt_id=attempt.id)}
    assert [
        (stored[q.id].answer, stored[q.id].correct, stored[q.id].points_awarded) for q in questions
    ] == [
        ("  PARIS. ", True, 2.0),
        ("c", False, 0.0),
        ("True", True, 2.0),
        ("buen día", True, 2.0),
        (None, False, 0.0),
    ]


async def test_answers_to_questions_not_in_the_quiz_are_refused() -> None:
    s = await setting()
    row = await quiz(s.course)
    elsewhere = await questions_of(await quiz(s.course))
    mine = await questions_of(row)
    attempt = await start_attempt(s.learner, row.id, T0)
    call = submit_attempt(
        s.learner,
        attempt.id,
        [
            (mine[0].id, "b"),
            (elsewhere[0].id, "b"),
            (mine[0].id, "a"),
            ("not-an-id", "x"),
            (mine[1].id, "x" * 10_001),
        ],
        T0,
    )
    assert await refused(call) == [
        ("answers.1.questionId", "INVALID"),
        ("answers.2.questionId", "INVALID"),
        ("answers.3.questionId", "INVALID"),
        ("answers.4.answer", "TOO_LONG"),
    ]
    assert (await QuizAttempt.get(id=attempt.id)).status == AttemptStatus.IN_PROGRESS
    assert await QuizAnswer.filter(attempt_id=attempt.id).count() == 0


async def test_submitting_twice_is_refused_and_changes_nothing() -> None:
    s = await setting()
    row = await quiz(s.course)
    attempt = await start_attempt(s.learner, row.id, T0)
    first = await submit_attempt(s.learner, attempt.id, await answers(row, right=False), T0)
    call = submit_attempt(s.learner, attempt.id, await answers(row), T0 + timedelta(seconds=5))
    assert await refused(call) == [("attemptId", "ALREADY_SUBMITTED")]
    after = await QuizAttempt.get(id=attempt.id)
    assert (after.score, after.passed, after.submitted_at) == (0.0, False, first.submitted_at)
    assert {a.correct for a in await QuizAnswer.filter(attempt_id=attempt.id)} == {False}
    assert await QuizAnswer.filter(attempt_id=attempt.id).count() == 3


async def test_only_the_learner_submits_their_attempt() -> None:
    s = await setting()
    row = await quiz(s.course)
    attempt = await start_attempt(s.learner, row.id, T0)
    classmate = await learner_in(s.course)
    admin = await create_user(role=Role.ADMIN)
    for viewer in (classmate, s.author, admin):
        assert await refused(submit_attempt(viewer, attempt.id, [], T0)) == [
            ("attemptId", "NOT_FOUND")
        ]
    assert await refused(submit_attempt(None, attempt.id, [], T0)) == [(None, "UNAUTHENTICATED")]
    assert (await QuizAttempt.get(id=attempt.id)).status == AttemptStatus.IN_PROGRESS


async def test_a_submission_within_the_grace_counts_and_a_later_one_expires() -> None:
    s = await setting()
    row = await quiz(s.course, time_limit_minutes=5)
    attempt = await start_attempt(s.learner, row.id, T0)
    assert attempt.deadline_at == T0 + timedelta(minutes=5)
    on_time = T0 + timedelta(minutes=5, seconds=10)  # the grace's last instant
    graded = await submit_attempt(s.learner, attempt.id, await answers(row), on_time)
    assert (graded.status, graded.score) == (AttemptStatus.GRADED, 100.0)

    t1 = T0 + timedelta(hours=1)
    late = await start_attempt(s.learner, row.id, t1)
    call = submit_attempt(
        s.learner, late.id, await answers(row), t1 + timedelta(minutes=5, seconds=11)
    )
    assert await refused(call) == [("attemptId", "DEADLINE_PASSED")]
    stored = await QuizAttempt.get(id=late.id)
    assert (stored.status, stored.points_earned, stored.score, stored.passed) == (
        AttemptStatus.EXPIRED,
        0.0,
        0.0,
        False,
    )
    assert stored.submitted_at == t1 + timedelta(minutes=5, seconds=11)
    assert await QuizAnswer.filter(attempt_id=late.id).count() == 0
    call = submit_attempt(s.learner, late.id, await answers(row), t1 + timedelta(minutes=6))
    assert await refused(call) == [("attemptId", "ALREADY_SUBMITTED")]
    # Two used: the third is the last.
    third = await start_attempt(s.learner, row.id, t1 + timedelta(minutes=7))
    assert third.attempt_number == 3


async def test_an_attempt_left_past_its_deadline_expires_and_counts_as_used() -> None:
    s = await setting()
    row = await quiz(s.course, time_limit_minutes=10, max_attempts=2)
    first = await start_attempt(s.learner, row.id)  # the real clock
    await move_back(first, timedelta(minutes=10, seconds=11))  # as if it ran out
    second = await start_attempt(s.learner, row.id)
    assert (second.id != first.id, second.attempt_number) == (True, 2)
    stored = await QuizAttempt.get(id=first.id)
    assert (stored.status, stored.score, stored.passed, stored.submitted_at) == (
        AttemptStatus.EXPIRED,
        0.0,
        False,
        None,
    )
    await move_back(second, timedelta(minutes=11))
    assert await refused(start_attempt(s.learner, row.id)) == [("quizId", "ATTEMPTS_EXHAUSTED")]
    # The refusal did not undo the expiry: the abandoned attempt is stored as used.
    assert (await QuizAttempt.get(id=second.id)).status == AttemptStatus.EXPIRED

    # Still within the grace, an attempt is returned as it is.
    other = await setting()
    timed = await quiz(other.course, time_limit_minutes=10)
    attempt = await start_attempt(other.learner, timed.id)
    await move_back(attempt, timedelta(minutes=10, seconds=5))
    assert (await start_attempt(other.learner, timed.id)).id == attempt.id


# --- review ---------------------------------------------------------------------------------


async def submitted(learner: User, row: Quiz, at: datetime = T0) -> QuizAttempt:
    """An attempt with every answer right (essays get a text), submitted at `at`."""
    attempt = await start_attempt(learner, row.id, at)
    return await submit_attempt(learner, attempt.id, await answers(row), at)


async def test_an_essay_waits_for_review_and_is_graded_by_the_author_or_an_admin() -> None:
    s = await setting()
    row = await quiz(s.course, essay=1, points=1.0)  # 3 automatic points, and an essay
    await QuizQuestion.filter(quiz_id=row.id, type=QuestionType.ESSAY).update(points=5.0)
    attempt = await submitted(s.learner, row)
    assert attempt.points_possible == 8.0
    assert (attempt.status, attempt.points_earned, attempt.score, attempt.passed) == (
        AttemptStatus.PENDING_REVIEW,
        3.0,
        None,
        None,
    )
    essay = await QuizAnswer.get(attempt_id=attempt.id, question__type=QuestionType.ESSAY)
    assert (essay.correct, essay.points_awarded) == (None, None)

    graded = await grade_answer(s.author, essay.id, 4.0, " Good work. ", T0 + timedelta(days=1))
    assert (graded.status, graded.points_earned, graded.score, graded.passed) == (
        AttemptStatus.GRADED,
        7.0,
        87.5,
        True,
    )
    stored = await QuizAnswer.get(id=essay.id)
    assert (stored.correct, stored.points_awarded, stored.feedback) == (True, 4.0, "Good work.")
    assert (stored.grader_id, stored.graded_at) == (s.author.id, T0 + timedelta(days=1))

    admin = await create_user(role=Role.ADMIN)
    regraded = await grade_answer(admin, essay.id, 0.0, None, T0 + timedelta(days=2))
    assert (regraded.status, regraded.points_earned, regraded.score, regraded.passed) == (
        AttemptStatus.GRADED,
        3.0,
        37.5,
        False,
    )
    stored = await QuizAnswer.get(id=essay.id)
    assert (stored.correct, stored.points_awarded, stored.feedback, stored.grader_id) == (
        False,
        0.0,
        None,
        admin.id,
    )


async def test_grading_is_refused_to_everyone_else() -> None:
    s = await setting()
    row = await quiz(s.course, essay=1)
    attempt = await submitted(s.learner, row)
    essay = await QuizAnswer.get(attempt_id=attempt.id, question__type=QuestionType.ESSAY)
    other_teacher = await create_user(role=Role.TEACHER)
    classmate = await learner_in(s.course)
    # The learner sees their own attempt but may not grade it.
    assert await refused(grade_answer(s.learner, essay.id, 1.0, None)) == [(None, "FORBIDDEN")]
    # To anyone else it is someone else's private answer.
    for viewer in (other_teacher, classmate):
        assert await refused(grade_answer(viewer, essay.id, 1.0, None)) == [
            ("answerId", "NOT_FOUND")
        ]
    assert await refused(grade_answer(None, essay.id, 1.0, None)) == [(None, "UNAUTHENTICATED")]
    for points in (-1.0, 1.5, float("nan")):
        assert await refused(grade_answer(s.author, essay.id, points, None)) == [
            ("pointsAwarded", "INVALID")
        ]
    assert await refused(grade_answer(s.author, essay.id, 1.0, "x" * 5001)) == [
        ("feedback", "TOO_LONG")
    ]
    stored = await QuizAnswer.get(id=essay.id)
    assert (stored.points_awarded, stored.grader_id) == (None, None)
    assert (await QuizAttempt.get(id=attempt.id)).status == AttemptStatus.PENDING_REVIEW


async def test_attempts_to_review_are_listed_oldest_first_for_graders_only() -> None:
    s = await setting()
    row = await quiz(s.course, essay=1)
    late_learner = await learner_in(s.course)
    first = await submitted(s.learner, row, T0)
    second = await submitted(late_learner, row, T0 + timedelta(minutes=1))
    plain = await quiz(s.course)  # no essay: nothing to review
    await submitted(s.learner, plain, T0)

    page = await attempts_to_review_page(s.author, row.id, PageArgs(first=1))
    assert [a.id for a in page.items] == [first.id] and page.has_next_page
    rest = await attempts_to_review_page(s.author, row.id, PageArgs(first=1, after=page.cursor(0)))
    assert [a.id for a in rest.items] == [second.id] and not rest.has_next_page
    admin = await create_user(role=Role.ADMIN)
    everything = await attempts_to_review_page(admin, row.id, PageArgs())
    assert [a.id for a in everything.items] == [first.id, second.id]
    assert await everything.total_count() == 2
    for viewer in (s.learner, await create_user(role=Role.TEACHER), None):
        assert (await attempts_to_review_page(viewer, row.id, PageArgs())).items == []

    essay = await QuizAnswer.get(attempt_id=first.id, question__type=QuestionType.ESSAY)
    await grade_answer(s.author, essay.id, 1.0, None)
    left = await attempts_to_review_page(s.author, row.id, PageArgs())
    assert [a.id for a in left.items] == [second.id]
    assert (await attempts_to_review_page(s.author, plain.id, PageArgs())).items == []


# --- certificates ---------------------------------------------------------------------------


async def test_the_certificate_is_issued_when_the_last_quiz_is_passed_and_once() -> None:
    s = await setting(completed=True)  # every lesson done: the quizzes are what is left
    first, second = await quiz(s.course), await quiz(s.course)
    await quiz(s.course, is_published=False)  # a draft does not count

    async def take(row: Quiz, right: bool) -> QuizAttempt:
        attempt = await start_attempt(s.learner, row.id, T0)
        return await submit_attempt(s.learner, attempt.id, await answers(row, right), T0)

    assert (await take(first, True)).passed
    assert not await Certificate.exists(user_id=s.learner.id)
    assert not (await take(second, False)).passed
    assert not await Certificate.exists(user_id=s.learner.id)
    assert (await take(second, True)).passed
    (certificate,) = await Certificate.filter(user_id=s.learner.id)
    assert (certificate.course_id, certificate.enrollment_id) == (s.course.id, s.enrollment.id)
    assert certificate.issued_at == T0
    assert (await take(first, True)).passed  # passing again issues nothing more
    assert await Certificate.filter(user_id=s.learner.id).count() == 1


async def test_no_certificate_before_every_lesson_is_completed() -> None:
    s = await setting(completed=False)
    row = await quiz(s.course)
    attempt = await start_attempt(s.learner, row.id, T0)
    assert (await submit_attempt(s.learner, attempt.id, await answers(row), T0)).passed
    assert not await Certificate.exists(user_id=s.learner.id)


async def test_grading_the_essay_that_passes_the_last_quiz_issues_the_certificate() -> None:
    s = await setting(completed=True)
    row = await quiz(s.course, essay=1)
    attempt = await submitted(s.learner, row)
    assert not await Certificate.exists(user_id=s.learner.id)
    essay = await QuizAnswer.get(attempt_id=attempt.id, question__type=QuestionType.ESSAY)
    assert (await grade_answer(s.author, essay.id, 1.0, None, T0)).passed
    assert await Certificate.filter(user_id=s.learner.id, course_id=s.course.id).count() == 1


# --- races ----------------------------------------------------------------------------------


async def test_simultaneous_starts_make_one_attempt() -> None:
    s = await setting()
    row = await quiz(s.course)
    started = await asyncio.gather(*(start_attempt(s.learner, row.id, T0) for _ in range(4)))
    assert len({a.id for a in started}) == 1
    assert await QuizAttempt.filter(quiz_id=row.id, user_id=s.learner.id).count() == 1


async def test_simultaneous_submissions_score_once() -> None:
    s = await setting()
    row = await quiz(s.course)
    attempt = await start_attempt(s.learner, row.id, T0)
    right, wrong = await answers(row), await answers(row, right=False)
    results = await asyncio.gather(
        submit_attempt(s.learner, attempt.id, right, T0),
        submit_attempt(s.learner, attempt.id, wrong, T0),
        return_exceptions=True,
    )
    won = [r for r in results if isinstance(r, QuizAttempt)]
    lost = [r for r in results if isinstance(r, AppError)]
    assert len(won) == 1 and len(lost) == 1
    assert [(e.field, e.code.value) for e in lost[0].errors] == [("attemptId", "ALREADY_SUBMITTED")]
    stored = await QuizAttempt.get(id=attempt.id)
    assert (stored.score, stored.status) == (won[0].score, AttemptStatus.GRADED)
    assert await QuizAnswer.filter(attempt_id=attempt.id).count() == 3
