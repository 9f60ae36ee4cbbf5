"""The demo classroom (demo/classroom.py): the demo teacher's class with the demo student in
it and one assignment, loaded once however often the loader runs; and the README's
walkthrough of the teacher's side through the API (`MyClassrooms`, `ClassroomDetail`, the
student's `SubmitAssignment`, `AssignmentSubmissions`, `GradeSubmission`).

The demo accounts are stood in for by users of the test's own (the identity demo loader is
not idempotent, and other tests load it)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

import demo
import demo.classroom
from demo.classroom import (
    DEMO_ASSIGNMENT_TITLE,
    DEMO_JOIN_CODE,
    DUE_IN,
    demo_classroom,
)
from demo.classroom import load as load_demo_classroom
from demo.learning import play_demo_lesson
from engine.ids import global_id
from models.catalog import Course, Language
from models.classroom import Assignment, ClassMembership, Classroom, MembershipStatus
from models.identity import Role, User
from rules.classroom.join_codes import normalize_join_code
from schema.root import DOMAINS
from tests.factories.catalog import CourseTree, course_tree
from tests.factories.classroom import classroom, in_scope_operations
from tests.factories.identity import create_user, token_for
from tests.graphql_client import GraphQLClient

OPS = in_scope_operations()
pytestmark = pytest.mark.usefixtures("server")  # its lifespan opens the ORM


async def _free_demo_code() -> None:
    """No active classroom holds the demo code (only these tests give it out)."""
    await Classroom.filter(join_code=DEMO_JOIN_CODE, is_active=True).update(is_active=False)


async def _cast(lessons: int = 2) -> tuple[User, User, CourseTree]:
    """A teacher with a course of their own, and a student who played its first lesson
    through (as the demo learner does)."""
    teacher = await create_user(role=Role.TEACHER, display_name="Tina Teacher")
    student = await create_user(display_name="Sam Student")
    tree = await course_tree(lessons=lessons, exercises=1, author=teacher, cefr_min="A2")
    assert await play_demo_lesson(student, tree.course) is not None
    return teacher, student, tree


def test_the_loader_is_registered_for_the_classroom_domain() -> None:
    assert demo.LOADERS["classroom"] is load_demo_classroom
    assert set(demo.LOADERS) <= {domain.name for domain in DOMAINS}
    assert normalize_join_code(DEMO_JOIN_CODE) == DEMO_JOIN_CODE


async def test_the_demo_classroom_is_loaded_once() -> None:
    await _free_demo_code()
    teacher, student, tree = await _cast()
    now = datetime.now(UTC)
    room = await demo_classroom(teacher, student, tree.course, now)
    again = await demo_classroom(teacher, student, tree.course)  # idempotent
    assert room is not None and again is not None and again.id == room.id

    assert await Classroom.filter(teacher_id=teacher.id).count() == 1
    spanish = await Language.get(id=tree.course.to_language_id)
    assert room.name == f"{spanish.name} A2 — evening class"
    assert (room.level.value, room.capacity) == ("A2", 30)
    assert (room.language_id, room.is_active) == (tree.course.to_language_id, True)
    assert room.join_code == DEMO_JOIN_CODE

    memberships = await ClassMembership.filter(classroom_id=room.id)
    assert [(m.student_id, m.status) for m in memberships] == [
        (student.id, MembershipStatus.ACTIVE)
    ]
    tasks = await Assignment.filter(classroom_id=room.id)
    assert [(t.title, t.lesson_id, t.is_active) for t in tasks] == [
        (DEMO_ASSIGNMENT_TITLE, tree.lessons[0].id, True)
    ]
    assert tasks[0].due_at == now + DUE_IN


async def test_a_taken_demo_code_leaves_the_drawn_one() -> None:
    await _free_demo_code()
    holder = await classroom(join_code=DEMO_JOIN_CODE)
    teacher, student, tree = await _cast()
    room = await demo_classroom(teacher, student, tree.course)
    assert room is not None and room.join_code not in (None, DEMO_JOIN_CODE)
    assert await ClassMembership.exists(classroom_id=room.id, student_id=student.id)
    assert (await Classroom.get(id=holder.id)).join_code == DEMO_JOIN_CODE
    await _free_demo_code()


async def test_a_course_without_lessons_gets_no_classroom() -> None:
    teacher, student = await create_user(role=Role.TEACHER), await create_user()
    empty = await course_tree(sections=0, author=teacher)
    assert await demo_classroom(teacher, student, empty.course) is None
    assert not await Classroom.exists(teacher_id=teacher.id)


@pytest.mark.skipif(OPS is None, reason="classroom.graphql is absent")
async def test_the_teachers_side_of_the_walkthrough(gql: GraphQLClient) -> None:
    teacher, student, tree = await _cast()
    room = await demo_classroom(teacher, student, tree.course)
    assert room is not None
    teacher_token, student_token = await token_for(teacher), await token_for(student)

    async def run(op: str, token: str, **variables: Any) -> Any:
        assert OPS is not None
        return await gql(OPS, variables, token=token, operation_name=op)

    # The teacher finds their class...
    mine = (await run("MyClassrooms", teacher_token))["me"]["classrooms"]
    assert [(e["node"]["name"], e["node"]["viewerRole"]) for e in mine["edges"]] == [
        (room.name, "TEACHER")
    ]
    room_id = mine["edges"][0]["node"]["id"]
    assert mine["edges"][0]["node"]["joinCode"] == room.join_code

    # ...with the student in it and the assignment set.
    detail = (await run("ClassroomDetail", teacher_token, id=room_id))["node"]
    members = [e["node"] for e in detail["members"]["edges"]]
    assert [(m["student"]["displayName"], m["status"]) for m in members] == [
        ("Sam Student", "ACTIVE")
    ]
    tasks = [e["node"] for e in detail["assignments"]["edges"]]
    assert [(t["title"], t["kind"], t["submissionCount"]) for t in tasks] == [
        (DEMO_ASSIGNMENT_TITLE, "LESSON", 0)
    ]
    due = datetime.fromisoformat(tasks[0]["dueAt"])
    assert timedelta(days=6) < due - datetime.now(UTC) <= DUE_IN
    assert detail["performance"]["activeStudents"] == 1

    # The student sees the assignment and submits the lesson they played.
    theirs = (await run("MyAssignments", student_token))["me"]["assignments"]["edges"]
    assert [e["node"]["id"] for e in theirs] == [tasks[0]["id"]]
    sent = await run("SubmitAssignment", student_token, assignmentId=tasks[0]["id"])
    assert sent["submitAssignment"]["errors"] == []

    # The teacher reads the work.
    found = (await run("AssignmentSubmissions", teacher_token, id=tasks[0]["id"]))["node"]
    rows = [e["node"] for e in found["submissions"]["edges"]]
    assert [(r["student"]["displayName"], r["status"], r["late"]) for r in rows] == [
        ("Sam Student", "SUBMITTED", False)
    ]
    assert rows[0]["lessonProgress"]["status"] == "COMPLETED"
    graded = await run("GradeSubmission", teacher_token, submissionId=rows[0]["id"], score=90)
    assert graded["gradeSubmission"]["errors"] == []
    assert graded["gradeSubmission"]["submission"]["status"] == "GRADED"
    assert tasks[0]["id"] == global_id(
        "Assignment", (await Assignment.get(classroom_id=room.id)).id
    )


async def test_the_loader_finds_the_demo_accounts_and_the_first_free_course(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The demo accounts stood in for by this test's users; its course sorts first by slug.
    await _free_demo_code()
    teacher, student, tree = await _cast()
    monkeypatch.setattr(demo.classroom, "DEMO_TEACHER_EMAIL", teacher.email)
    monkeypatch.setattr(demo.classroom, "DEMO_STUDENT_EMAIL", student.email)
    course = tree.course
    await Course.filter(id=course.id).update(slug=f"0-demo-{course.id.hex[:8]}")
    try:
        await load_demo_classroom()
        await load_demo_classroom()  # idempotent
    finally:  # no longer the first free course for anyone else
        await Course.filter(id=course.id).update(deleted_at=datetime.now(UTC))
    rooms = await Classroom.filter(teacher_id=teacher.id)
    assert [(r.language_id, r.join_code) for r in rooms] == [
        (course.to_language_id, DEMO_JOIN_CODE)
    ]
    assert await ClassMembership.filter(classroom_id=rooms[0].id).count() == 1
    assert await Assignment.filter(classroom_id=rooms[0].id).count() == 1

    monkeypatch.setattr(demo.classroom, "DEMO_STUDENT_EMAIL", "nobody@example.com")
    before = await Classroom.all().count()
    await load_demo_classroom()  # without the demo student: nothing
    assert await Classroom.all().count() == before
