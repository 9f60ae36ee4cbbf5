"""Submitting and grading through the API (the operations of
../shared/operations/classroom.graphql): which work a submission takes and each refusal of
it; each refusal of grading, and what grading, returning and resubmitting do to the one
submission; the class's performance, computed for a known set of submissions, for those who
run the class only; and the class's teacher grading the open answer of a quiz attempt
submitted to the class (and of no other attempt)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from engine.ids import global_id
from models.assessment import QuizAnswer
from models.classroom import MembershipStatus, Submission
from models.classroom import SubmissionStatus as Status
from models.identity import Role
from resolvers.assessment.policy import can_grade
from resolvers.classroom.submissions import NOT_A_STUDENT, NOT_GRADER
from tests.classroom.test_classroom_visibility import _world
from tests.classroom.test_classroom_work_api import (
    NOT_DONE,
    OPS,
    _errors,
    _payload,
    _submissions,
    run,
)
from tests.factories.assessment import quiz
from tests.factories.classroom import (
    assignment,
    class_work,
    classroom,
    done_attempt,
    done_lesson,
    done_session,
    member,
    submission,
)
from tests.factories.conversation import scenario, session_for
from tests.factories.identity import signed_in
from tests.graphql_client import GraphQLClient, operation

pytestmark = pytest.mark.skipif(OPS is None, reason="classroom.graphql is absent")

NOT_FOUND = ("submissionId", "NOT_FOUND", "Submission not found.")
BAD_SCORE = ("score", "INVALID", "Give a score from 0 to 100.")
FINAL = (
    "assignmentId",
    "ALREADY_SUBMITTED",
    "This work has been graded; your teacher can return it for another try.",
)


async def test_submitting_takes_done_work_of_the_assigned_target(gql: GraphQLClient) -> None:
    teacher, teacher_token = await signed_in(Role.TEACHER)
    work = await class_work(teacher)
    ana, ana_token = await signed_in()
    ben, _ = await signed_in()
    _, outsider_token = await signed_in()
    for student in (ana, ben):
        await member(work.room, student)
    tasks = {
        "LESSON": await assignment(work.room, lesson=work.lesson),
        "CONVERSATION": await assignment(work.room, scenario_row=work.scenario),
        "QUIZ": await assignment(work.room, quiz_row=work.quiz),
    }
    ids = {kind: global_id("Assignment", task.id) for kind, task in tasks.items()}

    async def submit(token: str | None = ana_token, /, **variables: Any) -> Any:
        return await _payload(gql, "SubmitAssignment", token, **variables)

    def session_gid(row: Any) -> str:
        return global_id("ConversationSession", row.id)

    def attempt_gid(row: Any) -> str:
        return global_id("QuizAttempt", row.id)

    # Work of another scenario or quiz, or a session still going, is not the assigned work.
    elsewhere = await done_session(ana, await scenario(), 60)
    other_quiz = await done_attempt(ana, await quiz(work.tree.course, title="Other"))
    going = await session_for(ana, scenario_row=work.scenario, messages=2)
    bens = await done_session(ben, work.scenario, 50)
    bens_attempt = await done_attempt(ben, work.quiz)
    conversation, quiz_task = ids["CONVERSATION"], ids["QUIZ"]
    refusals = [
        ({"assignmentId": conversation}, ("assignmentId", "NOT_STARTED", NOT_DONE["CONVERSATION"])),
        (
            {"assignmentId": conversation, "sessionId": session_gid(going)},
            ("assignmentId", "NOT_STARTED", NOT_DONE["CONVERSATION"]),
        ),
        (
            {"assignmentId": conversation, "sessionId": session_gid(elsewhere)},
            ("sessionId", "INVALID", "This conversation is not of the assigned one."),
        ),
        (
            {"assignmentId": conversation, "sessionId": session_gid(bens)},
            ("sessionId", "NOT_FOUND", "Conversation not found."),
        ),
        (
            {"assignmentId": quiz_task, "quizAttemptId": attempt_gid(other_quiz)},
            ("quizAttemptId", "INVALID", "This quiz attempt is not of the assigned one."),
        ),
        (
            {"assignmentId": quiz_task, "quizAttemptId": attempt_gid(bens_attempt)},
            ("quizAttemptId", "NOT_FOUND", "Quiz attempt not found."),
        ),
        (
            {"assignmentId": ids["LESSON"], "sessionId": session_gid(elsewhere)},
            ("sessionId", "INVALID", "Only a conversation assignment takes a session."),
        ),
        (
            {"assignmentId": quiz_task, "sessionId": session_gid(elsewhere)},
            ("sessionId", "INVALID", "Only a conversation assignment takes a session."),
        ),
        (
            {"assignmentId": conversation, "quizAttemptId": attempt_gid(other_quiz)},
            ("quizAttemptId", "INVALID", "Only a quiz assignment takes a quiz attempt."),
        ),
        ({"assignmentId": ids["LESSON"]}, ("assignmentId", "NOT_STARTED", NOT_DONE["LESSON"])),
    ]
    for variables, expected in refusals:
        refused = await submit(**variables)
        assert (refused["submission"], _errors(refused)) == (None, [expected]), variables
    # Not a member: not found; the teacher reads it but does not submit.
    assert _errors(await submit(outsider_token, assignmentId=ids["LESSON"])) == [
        ("assignmentId", "NOT_FOUND", "Assignment not found.")
    ]
    assert _errors(await submit(teacher_token, assignmentId=ids["LESSON"])) == [
        ("assignmentId", "FORBIDDEN", NOT_A_STUDENT)
    ]

    # Named work is taken as named (not the latest); omitted, the latest done one.
    first = await done_session(ana, work.scenario, 40)
    latest = await done_session(ana, work.scenario, 80)
    attempts = [await done_attempt(ana, work.quiz, s) for s in (30.0, 95.0)]
    progress = await done_lesson(ana, work)
    cases = [
        ({"assignmentId": conversation, "sessionId": session_gid(first)}, ("session", first)),
        ({"assignmentId": conversation}, ("session", latest)),
        (
            {"assignmentId": quiz_task, "quizAttemptId": attempt_gid(attempts[0])},
            ("quizAttempt", attempts[0]),
        ),
        ({"assignmentId": quiz_task}, ("quizAttempt", attempts[1])),
        ({"assignmentId": ids["LESSON"]}, ("lessonProgress", progress)),
    ]
    seen: dict[str, str] = {}
    type_names = {"session": "ConversationSession", "quizAttempt": "QuizAttempt"}
    for variables, (field, expected_row) in cases:
        sent = await submit(**variables)
        assert sent["errors"] == []
        row = sent["submission"]
        # Submitting again while SUBMITTED replaces the work: same row, same status.
        assert seen.setdefault(variables["assignmentId"], row["id"]) == row["id"]
        assert (row["status"], row["late"]) == ("SUBMITTED", False)
        rows = await _submissions(gql, variables["assignmentId"], teacher_token)
        assert [r["id"] for r in rows] == [row["id"]]
        type_name = type_names.get(field, "LessonProgress")
        assert rows[0][field]["id"] == global_id(type_name, expected_row.id)


async def test_grading_refusals_and_the_statuses_a_submission_moves_through(
    gql: GraphQLClient,
) -> None:
    teacher, teacher_token = await signed_in(Role.TEACHER)
    work = await class_work(teacher)
    ana, ana_token = await signed_in()
    ben, ben_token = await signed_in()
    for student in (ana, ben):
        await member(work.room, student)
    _, other_token = await signed_in(Role.TEACHER)
    await member(await classroom(), ana)  # the other teacher's class has Ana too
    admin, admin_token = await signed_in(Role.ADMIN)
    task = await assignment(work.room, lesson=work.lesson)
    task_id = global_id("Assignment", task.id)
    await done_lesson(ana, work)
    sent = await _payload(gql, "SubmitAssignment", ana_token, assignmentId=task_id)
    submission_id = sent["submission"]["id"]

    async def grade(token: str | None, /, **variables: Any) -> Any:
        return await _payload(
            gql,
            "GradeSubmission",
            token,
            **{"submissionId": submission_id, "score": 80, **variables},
        )

    refusals: list[tuple[str | None, dict[str, Any], list[tuple[str | None, str, str]]]] = [
        (teacher_token, {"score": 101}, [BAD_SCORE]),
        (teacher_token, {"score": -1}, [BAD_SCORE]),
        (teacher_token, {"score": 100.5, "status": "RETURNED"}, [BAD_SCORE]),
        (
            teacher_token,
            {"score": 101, "status": "SUBMITTED"},
            [BAD_SCORE, ("status", "INVALID", "Grade it GRADED, or RETURNED for another try.")],
        ),
        (
            teacher_token,
            {"feedback": "x" * 5001},
            [("feedback", "TOO_LONG", "At most 5000 characters.")],
        ),
        (ana_token, {}, [(None, "FORBIDDEN", NOT_GRADER)]),  # her own: she reads it
        (ben_token, {}, [NOT_FOUND]),  # a classmate's: private
        (other_token, {}, [NOT_FOUND]),  # Ana's teacher elsewhere
        (None, {}, [(None, "UNAUTHENTICATED", "You must be signed in.")]),
    ]
    for token, variables, expected in refusals:
        refused = await grade(token, **variables)
        assert (refused["submission"], _errors(refused)) == (None, expected), variables
    untouched = await Submission.get(assignment_id=task.id, student_id=ana.id)
    assert (untouched.status, untouched.score, untouched.grader_id) == (
        Status.SUBMITTED,
        None,
        None,
    )

    # The bounds are allowed; an admin grades too; GRADED is final for the student.
    zero = await grade(teacher_token, score=0)
    assert (zero["errors"], zero["submission"]["score"]) == ([], 0)
    by_admin = await grade(admin_token, score=100, feedback="Perfect.")
    assert by_admin["errors"] == []
    assert by_admin["submission"].pop("gradedAt") is not None
    assert by_admin["submission"] == {
        "id": submission_id,
        "status": "GRADED",
        "score": 100,
        "feedback": "Perfect.",
    }
    graded = await Submission.get(id=untouched.id)
    assert graded.grader_id == admin.id
    final = await _payload(gql, "SubmitAssignment", ana_token, assignmentId=task_id)
    assert (final["submission"], _errors(final)) == (None, [FINAL])

    # A graded submission may be returned; the student resubmits, and again: one row, which
    # keeps the last grade to show what to improve until the next one.
    returned = await grade(teacher_token, score=40, feedback="Redo it.", status="RETURNED")
    assert returned["submission"]["status"] == "RETURNED"
    for _ in range(2):
        back = await _payload(gql, "SubmitAssignment", ana_token, assignmentId=task_id)
        assert back["errors"] == []
        assert (back["submission"]["id"], back["submission"]["status"]) == (
            submission_id,
            "RESUBMITTED",
        )
    rows = await _submissions(gql, task_id, teacher_token)
    assert [(r["id"], r["status"], r["score"], r["feedback"]) for r in rows] == [
        (submission_id, "RESUBMITTED", 40, "Redo it.")
    ]
    assert await Submission.filter(assignment_id=task.id).count() == 1


async def _detail(gql: GraphQLClient, classroom_id: str, token: str) -> Any:
    return (await run(gql, "ClassroomDetail", token, id=classroom_id))["node"]


async def test_the_performance_of_a_class(gql: GraphQLClient) -> None:
    teacher, teacher_token = await signed_in(Role.TEACHER)
    work = await class_work(teacher)
    (ana, ana_token), (ben, _), (cleo, _) = [await signed_in() for _ in range(3)]
    for student in (ana, ben, cleo):
        await member(work.room, student)
    await member(work.room, None, MembershipStatus.INACTIVE)
    await member(work.room, None, MembershipStatus.SUSPENDED)
    _, admin_token = await signed_in(Role.ADMIN)
    future = datetime.now(UTC) + timedelta(days=3)
    past = datetime.now(UTC) - timedelta(days=1)
    lesson_task = await assignment(work.room, lesson=work.lesson, due_at=future)
    talk_task = await assignment(work.room, scenario_row=work.scenario, due_at=past)
    quiz_task = await assignment(work.room, quiz_row=work.quiz)
    old_task = await assignment(work.room, lesson=work.lesson, is_active=False)
    # Lessons scored 80 and 60, conversations evaluated 70 and 85; teachers' scores 90, 50
    # and 77; three of five on time; two waiting for a grade.
    await submission(
        lesson_task,
        ana,
        lesson_progress=await done_lesson(ana, work, 80),
        status=Status.GRADED,
        score=90,
    )
    await submission(lesson_task, ben, lesson_progress=await done_lesson(ben, work, 60))
    await submission(
        talk_task,
        ana,
        session=await done_session(ana, work.scenario, 70),
        status=Status.RETURNED,
        late=True,
        score=50,
    )
    await submission(
        talk_task,
        ben,
        session=await done_session(ben, work.scenario, 85),
        status=Status.RESUBMITTED,
        late=True,
    )
    await submission(
        quiz_task,
        cleo,
        attempt=await done_attempt(cleo, work.quiz),
        status=Status.GRADED,
        score=77,
    )

    room_id = global_id("Classroom", work.room.id)
    expected = {
        "activeStudents": 3,
        "assignmentsSet": 3,
        "submissionsToGrade": 2,
        "onTimeRate": 0.6,
        "averageScore": 72.33,
        "averageConversationScore": 77.5,
        "averageLessonScore": 70.0,
    }
    for token in (teacher_token, admin_token):
        detail = await _detail(gql, room_id, token)
        assert detail["performance"] == expected
        listed = [e["node"] for e in detail["assignments"]["edges"]]
        assert [(a["id"], a["submissionCount"], a["viewerSubmission"]) for a in listed] == [
            (global_id("Assignment", t.id), count, None)
            for t, count in ((lesson_task, 2), (talk_task, 2), (quiz_task, 1), (old_task, 0))
        ]
    # A student reads the active work with their own submissions, not the class's figures.
    seen = await _detail(gql, room_id, ana_token)
    assert seen["performance"] is None
    assert [
        (a["id"], a["submissionCount"], a["viewerSubmission"] and a["viewerSubmission"]["status"])
        for a in (e["node"] for e in seen["assignments"]["edges"])
    ] == [
        (global_id("Assignment", lesson_task.id), None, "GRADED"),
        (global_id("Assignment", talk_task.id), None, "RETURNED"),
        (global_id("Assignment", quiz_task.id), None, None),
    ]

    # A class with nothing in it yet.
    new_teacher, new_token = await signed_in(Role.TEACHER)
    empty = await classroom(new_teacher)
    assert (await _detail(gql, global_id("Classroom", empty.id), new_token))["performance"] == {
        "activeStudents": 0,
        "assignmentsSet": 0,
        "submissionsToGrade": 0,
        "onTimeRate": None,
        "averageScore": None,
        "averageConversationScore": None,
        "averageLessonScore": None,
    }


GRADE_ANSWER = operation("assessment.graphql")


async def test_the_class_teacher_grades_the_submitted_attempt_only(gql: GraphQLClient) -> None:
    world = await _world()
    attempt, private = world.rows["attempt"], world.rows["private_attempt"]
    users = world.users
    # `can_grade` is the one statement of who grades (the assessment review API asks it).
    assert await can_grade(users["teacher"], attempt.id)
    assert not await can_grade(users["teacher"], private.id)
    for who in ("owner", "classmate", "other_teacher"):
        assert not await can_grade(users[who], attempt.id), who
    assert not await can_grade(None, attempt.id)
    assert await can_grade(users["admin"], private.id)

    async def grade(token: str | None, answer: Any) -> Any:
        variables = {"answerId": global_id("QuizAnswer", answer.id), "pointsAwarded": 1}
        data = await gql(GRADE_ANSWER, variables, token=token, operation_name="GradeQuizAnswer")
        return data["gradeQuizAnswer"]

    private_answer = await QuizAnswer.get(attempt_id=private.id)
    answer = world.rows["answer"]
    not_found = [("answerId", "NOT_FOUND", "Answer not found.")]
    forbidden = [(None, "FORBIDDEN", "Only the quiz's graders may grade answers.")]
    for who, row, expected in (
        ("teacher", private_answer, not_found),  # an attempt not submitted to the class
        ("other_teacher", answer, not_found),
        ("classmate", answer, not_found),
        ("owner", answer, forbidden),
    ):
        refused = await grade(world.tokens[who], row)
        assert (refused["attempt"], _errors(refused)) == (None, expected), who
    graded = await grade(world.tokens["teacher"], world.rows["answer"])
    assert graded["errors"] == []
    assert (graded["attempt"]["id"], graded["attempt"]["status"]) == (
        world.ids["attempt"],
        "GRADED",
    )
    # Its one answer marked (1 of 3 points): graded, and below the pass mark of 70.
    assert graded["attempt"]["pointsEarned"] == 1.0
    assert (graded["attempt"]["score"], graded["attempt"]["passed"]) == (33.33, False)
