"""Assignments and submissions through the API, as the frontends send them (the operations of
../shared/operations/classroom.graphql): a whole class — a teacher creates it, two students
join and a third finds it full, work of each kind is set, the students see it, submit it, the
teacher reads and grades it, returns it, it comes back; a student who left sees no more work.
Then each refusal of setting work and of submitting it, exactly as the API reports it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from engine.ids import global_id
from models.classroom import Assignment
from models.identity import Role
from resolvers.classroom.classrooms import NOT_RUNNER
from tests.factories.assessment import quiz
from tests.factories.catalog import course_tree
from tests.factories.classroom import (
    assignment,
    class_work,
    classroom,
    done_attempt,
    done_lesson,
    done_session,
    in_scope_operations,
    member,
)
from tests.factories.conversation import scenario
from tests.factories.identity import signed_in
from tests.graphql_client import GraphQLClient

OPS = in_scope_operations()
pytestmark = pytest.mark.skipif(OPS is None, reason="classroom.graphql is absent")

NOT_DONE = {
    "LESSON": "Complete the lesson before submitting it.",
    "CONVERSATION": "Complete a conversation of this scenario before submitting it.",
    "QUIZ": "Hand in an attempt of this quiz before submitting it.",
}
NO_TARGET = "Give a lesson, a scenario or a quiz to assign, or ask for a recording."


async def run(gql: GraphQLClient, op: str, token: str | None, /, **variables: Any) -> Any:
    assert OPS is not None
    return await gql(OPS, variables, token=token, operation_name=op)


async def _payload(gql: GraphQLClient, op: str, token: str | None, /, **variables: Any) -> Any:
    data = await run(gql, op, token, **variables)
    return next(iter(data.values()))


def _errors(payload: dict) -> list[tuple[str | None, str, str]]:
    return [(e["field"], e["code"], e["message"]) for e in payload["errors"]]


def _in(days: float) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).isoformat()


async def _my_assignments(gql: GraphQLClient, token: str) -> list[dict]:
    found = (await run(gql, "MyAssignments", token))["me"]["assignments"]
    assert found["totalCount"] == len(found["edges"])
    return [edge["node"] for edge in found["edges"]]


async def _submissions(gql: GraphQLClient, assignment_id: str, token: str) -> list[dict]:
    node = (await run(gql, "AssignmentSubmissions", token, id=assignment_id))["node"]
    return [edge["node"] for edge in node["submissions"]["edges"]]


async def test_a_whole_class_through_the_api(gql: GraphQLClient) -> None:
    teacher, teacher_token = await signed_in(Role.TEACHER, display_name="Ms Rivera")
    work = await class_work(teacher)  # what there is to assign (its own classroom unused)
    ana, ana_token = await signed_in(display_name="Ana")
    ben, ben_token = await signed_in(display_name="Ben")
    _, cleo_token = await signed_in(display_name="Cleo")

    # The teacher creates a class of two; two students join, the third finds it full.
    created = await _payload(
        gql,
        "CreateClassroom",
        teacher_token,
        name="Spanish A2",
        language="es",
        level="A2",
        capacity=2,
    )
    assert created["errors"] == []
    room_id, code = created["classroom"]["id"], created["classroom"]["joinCode"]
    for token in (ana_token, ben_token):
        joined = await _payload(gql, "JoinClassroom", token, joinCode=code)
        assert (joined["errors"], joined["membership"]["status"]) == ([], "ACTIVE")
    full = await _payload(gql, "JoinClassroom", cleo_token, joinCode=code)
    assert full["membership"] is None
    assert _errors(full) == [("joinCode", "CAPACITY_REACHED", "The classroom is full.")]

    # Work of each kind: the kind follows from the target.
    lesson_id = global_id("Lesson", work.lesson.id)
    scenario_id = global_id("ConversationScenario", work.scenario.id)
    quiz_id = global_id("Quiz", work.quiz.id)
    due = _in(7)
    targets = {
        "LESSON": {"lessonId": lesson_id, "dueAt": due},
        "CONVERSATION": {"scenarioId": scenario_id, "dueAt": due},
        "QUIZ": {"quizId": quiz_id},
    }
    ids = {}
    for kind, target in targets.items():
        made = await _payload(
            gql,
            "CreateAssignment",
            teacher_token,
            classroomId=room_id,
            title=f"Do the {kind}",
            instructions="  Twenty minutes.  ",
            **target,
        )
        assert made["errors"] == []
        task = made["assignment"]
        ids[kind] = task["id"]
        assert (task["title"], task["instructions"], task["kind"]) == (
            f"Do the {kind}",
            "Twenty minutes.",
            kind,
        )
        assert task["classroom"] == {"id": room_id}
        assert (task["dueAt"] is None) == (kind == "QUIZ")
        if task["dueAt"]:
            assert datetime.fromisoformat(task["dueAt"]) == datetime.fromisoformat(due)
        assert (task["lesson"], task["scenario"], task["quiz"]) == (
            {"id": lesson_id, "title": work.lesson.title} if kind == "LESSON" else None,
            {"id": scenario_id, "name": work.scenario.name} if kind == "CONVERSATION" else None,
            {"id": quiz_id, "title": work.quiz.title} if kind == "QUIZ" else None,
        )

    # Both students see the three, newest first, nothing submitted yet.
    for token in (ana_token, ben_token):
        seen = await _my_assignments(gql, token)
        assert [(a["id"], a["kind"], a["viewerSubmission"]) for a in seen] == [
            (ids["QUIZ"], "QUIZ", None),
            (ids["CONVERSATION"], "CONVERSATION", None),
            (ids["LESSON"], "LESSON", None),
        ]
        assert {a["classroom"]["id"] for a in seen} == {room_id}
    assert await _my_assignments(gql, cleo_token) == []

    # Nothing done yet: nothing to submit.
    for kind, task_id in ids.items():
        early = await _payload(gql, "SubmitAssignment", ana_token, assignmentId=task_id)
        assert early["submission"] is None
        assert _errors(early) == [("assignmentId", "NOT_STARTED", NOT_DONE[kind])]

    # The work done, each student submits the latest of each kind.
    work_of: dict[Any, dict[str, Any]] = {}
    for student in (ana, ben):
        work_of[student.id] = {
            "LESSON": await done_lesson(student, work, score=80 if student is ana else 60),
            "CONVERSATION": await done_session(
                student, work.scenario, 70 if student is ana else 90
            ),
            "QUIZ": await done_attempt(student, work.quiz, 90.0 if student is ana else 50.0),
        }
    submitted = {}
    for student, token in ((ana, ana_token), (ben, ben_token)):
        for kind, task_id in ids.items():
            sent = await _payload(gql, "SubmitAssignment", token, assignmentId=task_id)
            assert sent["errors"] == []
            row = sent["submission"]
            assert (row["status"], row["late"], row["assignment"]) == (
                "SUBMITTED",
                False,
                {"id": task_id},
            )
            submitted[student.id, kind] = row["id"]

    # The teacher reads each student's work with the submissions.
    for kind, task_id in ids.items():
        rows = await _submissions(gql, task_id, teacher_token)
        assert [r["student"]["displayName"] for r in rows] == ["Ana", "Ben"]
        for student, row in zip((ana, ben), rows, strict=True):
            done = work_of[student.id][kind]
            assert row["id"] == submitted[student.id, kind]
            assert (row["status"], row["late"], row["score"], row["feedback"]) == (
                "SUBMITTED",
                False,
                None,
                None,
            )
            assert row["lessonProgress"] == (
                {
                    "id": global_id("LessonProgress", done.id),
                    "status": "COMPLETED",
                    "bestScore": done.best_score,
                }
                if kind == "LESSON"
                else None
            )
            assert (row["session"] or {}).get("id") == (
                global_id("ConversationSession", done.id) if kind == "CONVERSATION" else None
            )
            assert row["quizAttempt"] == (
                {
                    "id": global_id("QuizAttempt", done.id),
                    "score": done.score,
                    "passed": done.passed,
                }
                if kind == "QUIZ"
                else None
            )
    conversations = await _submissions(gql, ids["CONVERSATION"], teacher_token)
    assert [(r["session"]["evaluation"]["overallScore"]) for r in conversations] == [70, 90]
    # A student reads only their own.
    own = await _submissions(gql, ids["LESSON"], ben_token)
    assert [r["id"] for r in own] == [submitted[ben.id, "LESSON"]]

    # The teacher returns Ana's conversation and grades Ben's.
    returned = await _payload(
        gql,
        "GradeSubmission",
        teacher_token,
        submissionId=submitted[ana.id, "CONVERSATION"],
        score=55,
        feedback=" Use the past tense. ",
        status="RETURNED",
    )
    assert returned["errors"] == []
    assert (returned["submission"]["status"], returned["submission"]["score"]) == ("RETURNED", 55)
    assert returned["submission"]["feedback"] == "Use the past tense."
    assert returned["submission"]["gradedAt"] is not None
    graded = await _payload(
        gql,
        "GradeSubmission",
        teacher_token,
        submissionId=submitted[ben.id, "CONVERSATION"],
        score=92.5,
    )
    assert graded["submission"]["status"] == "GRADED"  # the default status
    assert graded["submission"]["score"] == 92.5

    # Ana sees what to improve, tries again and resubmits: the same submission, RESUBMITTED.
    mine = {a["id"]: a["viewerSubmission"] for a in await _my_assignments(gql, ana_token)}
    assert mine[ids["CONVERSATION"]]["status"] == "RETURNED"
    assert mine[ids["CONVERSATION"]]["feedback"] == "Use the past tense."
    again = await done_session(ana, work.scenario, 85)
    back = await _payload(gql, "SubmitAssignment", ana_token, assignmentId=ids["CONVERSATION"])
    assert back["errors"] == []
    assert (back["submission"]["id"], back["submission"]["status"]) == (
        submitted[ana.id, "CONVERSATION"],
        "RESUBMITTED",
    )
    rows = await _submissions(gql, ids["CONVERSATION"], teacher_token)
    assert [(r["status"], r["session"]["id"]) for r in rows] == [
        ("RESUBMITTED", global_id("ConversationSession", again.id)),
        ("GRADED", global_id("ConversationSession", work_of[ben.id]["CONVERSATION"].id)),
    ]
    # Ben's grade is final for him.
    final = await _payload(gql, "SubmitAssignment", ben_token, assignmentId=ids["CONVERSATION"])
    assert final["submission"] is None
    assert _errors(final) == [
        (
            "assignmentId",
            "ALREADY_SUBMITTED",
            "This work has been graded; your teacher can return it for another try.",
        )
    ]

    # Ana leaves the class: she no longer sees its work, nor submits it.
    left = await _payload(gql, "LeaveClassroom", ana_token, classroomId=room_id)
    assert left["membership"]["status"] == "INACTIVE"
    assert await _my_assignments(gql, ana_token) == []
    gone = await _payload(gql, "SubmitAssignment", ana_token, assignmentId=ids["QUIZ"])
    assert _errors(gone) == [("assignmentId", "NOT_FOUND", "Assignment not found.")]
    assert [a["id"] for a in await _my_assignments(gql, ben_token)] == list(reversed(ids.values()))


async def test_setting_work_is_refused(gql: GraphQLClient) -> None:
    teacher, teacher_token = await signed_in(Role.TEACHER)
    work = await class_work(teacher)
    student, student_token = await signed_in()
    await member(work.room, student)
    other, other_token = await signed_in(Role.TEACHER)
    await classroom(other)
    # Drafts the teacher can see as their author, but the class cannot reach.
    draft = await course_tree(lessons=1, exercises=0, author=teacher, published=False)
    hidden = {
        "draft_lesson": global_id("Lesson", draft.lessons[0].id),
        "draft_scenario": global_id(
            "ConversationScenario", (await scenario(lesson_id=draft.lessons[0].id)).id
        ),
        "draft_course_quiz": global_id("Quiz", (await quiz(draft.course)).id),
        "unpublished_quiz": global_id(
            "Quiz", (await quiz(work.tree.course, is_published=False)).id
        ),
    }
    room_id = global_id("Classroom", work.room.id)
    lesson_id = global_id("Lesson", work.lesson.id)
    scenario_id = global_id("ConversationScenario", work.scenario.id)
    quiz_id = global_id("Quiz", work.quiz.id)
    both = "Give only one of a lesson, a scenario, a quiz or a recording."
    cases: list[tuple[str | None, dict[str, Any], list[tuple[str | None, str, str]]]] = [
        (
            teacher_token,
            {},
            [("lessonId", "REQUIRED", NO_TARGET)],
        ),
        (teacher_token, {"lessonId": lesson_id, "quizId": quiz_id}, [("quizId", "INVALID", both)]),
        (
            teacher_token,
            {"lessonId": lesson_id, "scenarioId": scenario_id, "quizId": quiz_id},
            [("scenarioId", "INVALID", both)],
        ),
        (
            teacher_token,
            {"scenarioId": scenario_id, "quizId": quiz_id},
            [("quizId", "INVALID", both)],
        ),
        (
            teacher_token,
            {"lessonId": hidden["draft_lesson"]},
            [("lessonId", "NOT_FOUND", "Lesson not found.")],
        ),
        (
            teacher_token,
            {"scenarioId": hidden["draft_scenario"]},
            [("scenarioId", "NOT_FOUND", "Scenario not found.")],
        ),
        (
            teacher_token,
            {"quizId": hidden["draft_course_quiz"]},
            [("quizId", "NOT_FOUND", "Quiz not found.")],
        ),
        (
            teacher_token,
            {"quizId": hidden["unpublished_quiz"]},
            [("quizId", "NOT_FOUND", "Quiz not found.")],
        ),
        (
            teacher_token,
            {"lessonId": lesson_id, "dueAt": _in(-1 / 24)},
            [("dueAt", "INVALID", "The due time must be in the future.")],
        ),
        (student_token, {"lessonId": lesson_id}, [(None, "FORBIDDEN", NOT_RUNNER)]),
        (
            other_token,
            {"lessonId": lesson_id},
            [("classroomId", "NOT_FOUND", "Classroom not found.")],
        ),
        (None, {"lessonId": lesson_id}, [(None, "UNAUTHENTICATED", "You must be signed in.")]),
    ]
    for token, target, expected in cases:
        refused = await _payload(
            gql, "CreateAssignment", token, classroomId=room_id, title="Homework", **target
        )
        assert (refused["assignment"], _errors(refused)) == (None, expected), target
    assert await Assignment.filter(classroom_id=work.room.id).count() == 0


async def test_work_submitted_after_its_due_time_is_accepted_and_marked_late(
    gql: GraphQLClient,
) -> None:
    work = await class_work()
    ana, ana_token = await signed_in()
    await member(work.room, ana)
    past = datetime.now(UTC) - timedelta(minutes=1)
    late_task = await assignment(work.room, quiz_row=work.quiz, due_at=past)
    on_time_task = await assignment(work.room, lesson=work.lesson, due_at=past + timedelta(days=2))
    await done_attempt(ana, work.quiz)
    await done_lesson(ana, work)
    for task, late in ((late_task, True), (on_time_task, False)):
        sent = await _payload(
            gql, "SubmitAssignment", ana_token, assignmentId=global_id("Assignment", task.id)
        )
        assert (sent["errors"], sent["submission"]["late"]) == ([], late)
        assert sent["submission"]["status"] == "SUBMITTED"
    mine = {a["id"]: a["viewerSubmission"]["late"] for a in await _my_assignments(gql, ana_token)}
    assert mine == {
        global_id("Assignment", late_task.id): True,
        global_id("Assignment", on_time_task.id): False,
    }
