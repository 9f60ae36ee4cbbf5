"""Statement counts of the classroom reads (issue 15's proof): `ClassroomDetail` and
`AssignmentSubmissions` issue the same statements for a class of 2 students as for one of 40,
each student an ACTIVE member with a submission for each of three assignments (a lesson, a
conversation, a quiz), read as the class's teacher and as one of its students. A student's
`viewerSubmission`s load together: the same statements for 3 assignments as for 9.

The counts are pinned, not only compared: each is a handful of batched statements (the
viewer's token, the node, one per list, relation and figure), none per row."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from core.sqlcount import StatementLog
from engine.ids import global_id
from models.classroom import Assignment, SubmissionStatus
from models.identity import User
from tests.factories.classroom import (
    ClassWork,
    assignment,
    class_work,
    done_attempt,
    done_lesson,
    done_session,
    in_scope_operations,
    member,
    submission,
)
from tests.factories.identity import create_user, token_for
from tests.graphql_client import GraphQLClient

OPS = in_scope_operations()
pytestmark = pytest.mark.skipif(OPS is None, reason="classroom.graphql is absent")

KINDS = ("LESSON", "CONVERSATION", "QUIZ")

# Measured. The teacher's `ClassroomDetail`: the token; the classroom; its language; its
# member count; the teacher's profile; the performance; the members' page (its total in the
# same statement); the assignments' page; the members' profiles; the viewer's submissions
# (one statement for every assignment); the submission counts (one GROUP BY).
TEACHER_DETAIL = 11
# A student's: the same without the performance and the submission counts (null for them),
# with their membership for `viewerRole`.
STUDENT_DETAIL = 10
# `AssignmentSubmissions`, the teacher's or a student's (their own): the token; the
# assignment; the submissions' page; the students' profiles; the work of the assignment's
# kind (lesson progress, sessions and their evaluations, quiz attempts).
SUBMISSIONS = {"LESSON": 5, "CONVERSATION": 6, "QUIZ": 5}


@dataclass
class Class:
    work: ClassWork
    students: list[User]
    tasks: dict[str, list[Assignment]] = field(default_factory=dict)  # by kind


async def _class(students: int, each_kind: int = 1) -> Class:
    """A class of `students` ACTIVE members and `each_kind` assignments of each kind, every
    student with a submission for every assignment (the quiz ones graded)."""
    work = await class_work(capacity=100)
    made = Class(work, [await create_user() for _ in range(students)])
    for i in range(each_kind):
        made.tasks.setdefault("LESSON", []).append(
            await assignment(work.room, lesson=work.lesson, title=f"Lesson {i}")
        )
        made.tasks.setdefault("CONVERSATION", []).append(
            await assignment(work.room, scenario_row=work.scenario, title=f"Talk {i}")
        )
        made.tasks.setdefault("QUIZ", []).append(
            await assignment(work.room, quiz_row=work.quiz, title=f"Quiz {i}")
        )
    for n, student in enumerate(made.students):
        await member(work.room, student)
        progress = await done_lesson(student, work, score=60 + n % 40)
        session = await done_session(student, work.scenario, score=50 + n % 50)
        attempt = await done_attempt(student, work.quiz, score=float(70 + n % 30))
        for task in made.tasks["LESSON"]:
            await submission(task, student, lesson_progress=progress)
        for task in made.tasks["CONVERSATION"]:
            await submission(task, student, session=session, late=n % 2 == 1)
        for task in made.tasks["QUIZ"]:
            await submission(
                task, student, attempt=attempt, status=SubmissionStatus.GRADED, score=80.0
            )
    return made


async def _count(
    gql: GraphQLClient, sql: StatementLog, op: str, token: str, **variables: Any
) -> tuple[int, Any]:
    """The statements of `op` (its second run: the first warms the token), and its node."""
    assert OPS is not None
    await gql(OPS, variables, token=token, operation_name=op)
    sql.clear()
    data = await gql(OPS, variables, token=token, operation_name=op)
    return sql.count, data["node"]


async def _details(
    gql: GraphQLClient, sql: StatementLog, made: Class
) -> tuple[dict[str, int], dict[str, Any], dict[str, Any]]:
    """`ClassroomDetail`'s statements as the teacher and as the first student, and what
    each read."""
    room_id = global_id("Classroom", made.work.room.id)
    counts: dict[str, int] = {}
    counts["teacher"], taught = await _count(
        gql, sql, "ClassroomDetail", await token_for(made.work.teacher), id=room_id
    )
    counts["student"], mine = await _count(
        gql, sql, "ClassroomDetail", await token_for(made.students[0]), id=room_id
    )
    return counts, taught, mine


def _check_details(made: Class, taught: dict[str, Any], mine: dict[str, Any]) -> None:
    students, set_ = len(made.students), sum(len(tasks) for tasks in made.tasks.values())
    assert (taught["viewerRole"], taught["members"]["totalCount"]) == ("TEACHER", students)
    assert len(taught["members"]["edges"]) == students
    assert all(edge["node"]["student"]["displayName"] for edge in taught["members"]["edges"])
    tasks = [edge["node"] for edge in taught["assignments"]["edges"]]
    assert (taught["assignments"]["totalCount"], len(tasks)) == (set_, set_)
    assert [t["submissionCount"] for t in tasks] == [students] * set_
    assert [t["viewerSubmission"] for t in tasks] == [None] * set_
    figures = taught["performance"]
    assert (figures["activeStudents"], figures["assignmentsSet"]) == (students, set_)
    assert figures["submissionsToGrade"] == students * 2 * set_ // 3  # not the quiz ones

    assert (mine["viewerRole"], mine["performance"], mine["joinCode"]) == ("STUDENT", None, None)
    own = [edge["node"] for edge in mine["assignments"]["edges"]]
    assert [t["submissionCount"] for t in own] == [None] * set_
    statuses = {(t["kind"], t["viewerSubmission"]["status"]) for t in own}
    assert statuses == {("LESSON", "SUBMITTED"), ("CONVERSATION", "SUBMITTED"), ("QUIZ", "GRADED")}


async def _submissions(
    gql: GraphQLClient, sql: StatementLog, made: Class
) -> dict[tuple[str, str], int]:
    """`AssignmentSubmissions`' statements for each kind, as the teacher and the student."""
    counts = {}
    for who, user in (("teacher", made.work.teacher), ("student", made.students[0])):
        token = await token_for(user)
        for kind in KINDS:
            task_id = global_id("Assignment", made.tasks[kind][0].id)
            n, found = await _count(gql, sql, "AssignmentSubmissions", token, id=task_id)
            counts[who, kind] = n
            _check_submissions(found, kind, len(made.students) if who == "teacher" else 1)
    return counts


def _check_submissions(found: dict[str, Any], kind: str, expected: int) -> None:
    assert found["kind"] == kind
    rows = [edge["node"] for edge in found["submissions"]["edges"]]
    assert (found["submissions"]["totalCount"], len(rows)) == (expected, expected)
    for row in rows:
        assert row["student"]["displayName"]
        work = {"LESSON": "lessonProgress", "CONVERSATION": "session", "QUIZ": "quizAttempt"}
        assert [name for name in work.values() if row[name] is not None] == [work[kind]]
    if kind == "LESSON":
        assert all(row["lessonProgress"]["status"] == "COMPLETED" for row in rows)
    elif kind == "CONVERSATION":
        assert all(row["session"]["evaluation"]["overallScore"] >= 50 for row in rows)
    else:
        assert all(row["quizAttempt"]["score"] >= 70 for row in rows)


async def test_classroom_detail_statements_are_the_same_for_2_and_40_students(
    gql: GraphQLClient, sql: StatementLog
) -> None:
    expected = {"teacher": TEACHER_DETAIL, "student": STUDENT_DETAIL}
    for students in (2, 40):
        made = await _class(students)
        counts, taught, mine = await _details(gql, sql, made)
        _check_details(made, taught, mine)
        assert counts == expected, (students, counts, sql)


async def test_assignment_submissions_statements_are_the_same_for_2_and_40_students(
    gql: GraphQLClient, sql: StatementLog
) -> None:
    expected = {(who, kind): SUBMISSIONS[kind] for who in ("teacher", "student") for kind in KINDS}
    for students in (2, 40):
        counts = await _submissions(gql, sql, await _class(students))
        assert counts == expected, (students, counts)


async def test_viewer_submissions_load_together_however_many_assignments(
    gql: GraphQLClient, sql: StatementLog
) -> None:
    expected = {"teacher": TEACHER_DETAIL, "student": STUDENT_DETAIL}
    for each_kind in (1, 3):
        made = await _class(2, each_kind)
        counts, taught, mine = await _details(gql, sql, made)
        _check_details(made, taught, mine)
        assert counts == expected, (each_kind, counts, sql)
