"""Recordings as classroom work, through the API: a teacher sets an assignment whose target is
a recording (kind RECORDING); a student submits one of their own TRANSCRIBED or EVALUATED
recordings for it (`SubmitRecording` of ../shared/operations/recordings.graphql), named or
their latest; the recording joins the assignment and its classroom, the teacher reads it with
the submission and grades it. Each refusal as the API reports it. And a classroom's
recordings (`ClassroomRecordings`): all of them for its teacher and admins, their own for a
member, nothing for anyone else."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from engine.ids import global_id
from models.classroom import Assignment, Submission
from models.identity import Role
from models.recordings import Recording, RecordingStatus
from resolvers.classroom.submissions import NOT_A_STUDENT
from tests.factories.classroom import (
    assignment,
    class_work,
    classroom,
    done_session,
    in_scope_operations,
    member,
)
from tests.factories.identity import signed_in, token_for
from tests.factories.recording_rows import (
    evaluation,
    recording,
    recording_assignment,
    recordings_operations,
)
from tests.graphql_client import GraphQLClient

RECORDINGS = recordings_operations("SubmitRecording", "ClassroomRecordings")
CLASSROOM = in_scope_operations()
pytestmark = pytest.mark.skipif(
    RECORDINGS is None or CLASSROOM is None, reason="an operations file is absent"
)

# What a frontend sends to set recording work (classroom.graphql's CreateAssignment does not
# name `recording`), and how a teacher reads the recordings handed in.
CREATE = """
mutation CreateRecordingAssignment(
  $classroomId: ID!, $title: String!, $dueAt: DateTime, $recording: Boolean,
  $lessonId: ID, $quizId: ID
) {
  createAssignment(input: {
    classroomId: $classroomId, title: $title, dueAt: $dueAt, recording: $recording,
    lessonId: $lessonId, quizId: $quizId
  }) {
    assignment { id kind dueAt lesson { id } scenario { id } quiz { id } }
    errors { field message code }
  }
}
"""
HANDED_IN = """
query HandedIn($id: ID!) {
  node(id: $id) {
    ... on Assignment {
      kind
      submissions {
        totalCount
        edges { node { id status student { displayName } recording { id title status } } }
      }
    }
  }
}
"""
NOT_DONE = "Upload a recording, transcribed, before submitting it."
OTHER_WORK = "This recording was made for other work."


def _errors(payload: dict) -> list[tuple[str | None, str, str]]:
    return [(e["field"], e["code"], e["message"]) for e in payload["errors"]]


async def _submit(
    gql: GraphQLClient, token: str, task: Assignment, row: Recording | str | None = None
) -> dict:
    """`SubmitRecording`; without a recording, classroom.graphql's `SubmitAssignment`."""
    variables: dict[str, Any] = {"assignmentId": global_id("Assignment", task.id)}
    if row is None:
        data = await gql(CLASSROOM or "", variables, token, "SubmitAssignment")
    else:
        variables["recordingId"] = row if isinstance(row, str) else global_id("Recording", row.id)
        data = await gql(RECORDINGS or "", variables, token, "SubmitRecording")
    return data["submitAssignment"]


async def _create(gql: GraphQLClient, token: str, room_id: Any, **variables: Any) -> dict:
    variables = {"classroomId": global_id("Classroom", room_id), "title": "Record", **variables}
    return (await gql(CREATE, variables, token))["createAssignment"]


async def test_set_submit_read_and_grade_a_recording(gql: GraphQLClient) -> None:
    teacher, teacher_token = await signed_in(Role.TEACHER)
    room = await classroom(teacher)
    student, student_token = await signed_in(display_name="Ana")
    await member(room, student)

    # The teacher asks for a recording: the kind is RECORDING, there is no other target.
    due = (datetime.now(UTC) + timedelta(days=3)).isoformat()
    made = await _create(gql, teacher_token, room.id, recording=True, dueAt=due)
    assert made["errors"] == []
    created = made["assignment"]
    assert created["kind"] == "RECORDING"
    assert (created["lesson"], created["scenario"], created["quiz"]) == (None, None, None)
    task = await Assignment.get(classroom_id=room.id)
    assert task.expects_recording and task.lesson_id is None

    # Nothing transcribed yet: nothing to submit.
    await recording(student, classroom=room, status=RecordingStatus.PROCESSING)
    refused = await _submit(gql, student_token, task)
    assert _errors(refused) == [("assignmentId", "NOT_STARTED", NOT_DONE)]

    # A recording of no classroom, named: it is handed in and joins the class and the work.
    loose = await recording(student, title="Weekend", age=timedelta(hours=1))
    done = await _submit(gql, student_token, task, loose)
    assert done["errors"] == []
    handed = done["submission"]
    assert (handed["status"], handed["late"]) == ("SUBMITTED", False)
    assert handed["recording"] == {"id": global_id("Recording", loose.id), "title": "Weekend"}
    stored = await Submission.get(assignment_id=task.id, student_id=student.id)
    assert stored.recording_id == loose.id
    attached = await Recording.get(id=loose.id)
    assert (attached.classroom_id, attached.assignment_id) == (room.id, task.id)

    # The teacher reads it with the submission, and grades it; graded is final.
    read = (await gql(HANDED_IN, {"id": global_id("Assignment", task.id)}, teacher_token))["node"]
    assert read["kind"] == "RECORDING" and read["submissions"]["totalCount"] == 1
    node = read["submissions"]["edges"][0]["node"]
    assert node["student"]["displayName"] == "Ana"
    assert node["recording"] == {
        "id": global_id("Recording", loose.id),
        "title": "Weekend",
        "status": "TRANSCRIBED",
    }
    variables = {"submissionId": handed["id"], "score": 85.0, "feedback": "Good"}
    graded = await gql(CLASSROOM or "", variables, teacher_token, "GradeSubmission")
    assert graded["gradeSubmission"]["submission"]["status"] == "GRADED"
    again = await _submit(gql, student_token, task, loose)
    assert [e["code"] for e in again["errors"]] == ["ALREADY_SUBMITTED"]

    # Returned, then handed in again without naming one: the one made for this assignment
    # comes before a newer one made for none.
    variables = {"submissionId": handed["id"], "score": 40.0, "status": "RETURNED"}
    await gql(CLASSROOM or "", variables, teacher_token, "GradeSubmission")
    await recording(student, title="Newer, for nothing")
    resubmitted = await _submit(gql, student_token, task)
    assert resubmitted["errors"] == []
    assert resubmitted["submission"]["status"] == "RESUBMITTED"
    assert (await Submission.get(id=stored.id)).recording_id == loose.id


async def test_the_latest_done_recording_is_taken(gql: GraphQLClient) -> None:
    teacher = (await signed_in(Role.TEACHER))[0]
    room, other_room = await classroom(teacher), await classroom(teacher)
    student, token = await signed_in()
    await member(room, student)
    await member(other_room, student)
    task = await recording_assignment(room)
    other_task = await recording_assignment(room, title="Another")

    # Neither another classroom's, another assignment's, nor an unfinished one counts.
    await recording(student, classroom=other_room, title="Other class")
    await recording(student, classroom=room, assignment=other_task, title="Other work")
    await recording(student, classroom=room, status=RecordingStatus.FAILED)
    assert [e["code"] for e in (await _submit(gql, token, task))["errors"]] == ["NOT_STARTED"]

    # The latest of those made for no assignment, in the classroom or in none.
    older = await recording(student, title="Older", age=timedelta(days=2))
    newer = await recording(student, classroom=room, status=RecordingStatus.EVALUATED)
    await evaluation(newer)
    first = await _submit(gql, token, task)
    assert first["errors"] == []
    assert (await Submission.get(assignment_id=task.id)).recording_id == newer.id
    # Named, the older one replaces it.
    named = await _submit(gql, token, task, older)
    assert named["submission"]["recording"]["title"] == "Older"
    assert (await Submission.get(assignment_id=task.id)).recording_id == older.id


async def test_refusals_of_submitting_a_recording(gql: GraphQLClient) -> None:
    work = await class_work()
    student, token = await signed_in()
    await member(work.room, student)
    task = await recording_assignment(work.room)
    lesson_task = await assignment(work.room, lesson=work.lesson)
    someone, _ = await signed_in()
    other_room = await classroom(work.teacher)

    theirs = await recording(someone)
    assert _errors(await _submit(gql, token, task, theirs)) == [
        ("recordingId", "NOT_FOUND", "Recording not found.")
    ]
    unknown = global_id("Recording", student.id)
    assert _errors(await _submit(gql, token, task, unknown)) == [
        ("recordingId", "NOT_FOUND", "Recording not found.")
    ]
    elsewhere = await recording(student, classroom=other_room)
    assert _errors(await _submit(gql, token, task, elsewhere)) == [
        ("recordingId", "INVALID", OTHER_WORK)
    ]
    for_other = await recording(student, classroom=work.room, assignment=lesson_task)
    assert _errors(await _submit(gql, token, task, for_other)) == [
        ("recordingId", "INVALID", OTHER_WORK)
    ]
    processing = await recording(student, status=RecordingStatus.PROCESSING)
    assert _errors(await _submit(gql, token, task, processing)) == [
        ("assignmentId", "NOT_STARTED", NOT_DONE)
    ]
    mine = await recording(student)
    assert _errors(await _submit(gql, token, lesson_task, mine)) == [
        ("recordingId", "INVALID", "Only a recording assignment takes a recording.")
    ]
    session = await done_session(student, work.scenario)
    variables = {
        "assignmentId": global_id("Assignment", task.id),
        "sessionId": global_id("ConversationSession", session.id),
    }
    data = await gql(CLASSROOM or "", variables, token, "SubmitAssignment")
    assert _errors(data["submitAssignment"]) == [
        ("sessionId", "INVALID", "Only a conversation assignment takes a session.")
    ]
    # The class's teacher reads the work but does not hand any in.
    teacher_token = await token_for(work.teacher)
    assert _errors(await _submit(gql, teacher_token, task, mine)) == [
        ("assignmentId", "FORBIDDEN", NOT_A_STUDENT)
    ]
    assert await Submission.filter(student_id=student.id).count() == 0
    assert (await Recording.get(id=mine.id)).classroom_id is None  # nothing attached


async def test_setting_recording_work_takes_exactly_one_target(gql: GraphQLClient) -> None:
    work = await class_work()
    token = await token_for(work.teacher)
    two = await _create(
        gql, token, work.room.id, recording=True, lessonId=global_id("Lesson", work.lesson.id)
    )
    assert _errors(two) == [
        ("recording", "INVALID", "Give only one of a lesson, a scenario, a quiz or a recording.")
    ]
    with_quiz = await _create(
        gql, token, work.room.id, quizId=global_id("Quiz", work.quiz.id), recording=True
    )
    assert [e["field"] for e in with_quiz["errors"]] == ["recording"]
    none_message = "Give a lesson, a scenario or a quiz to assign, or ask for a recording."
    for variables in ({}, {"recording": False}, {"recording": None}):
        refused = await _create(gql, token, work.room.id, **variables)
        assert _errors(refused) == [("lessonId", "REQUIRED", none_message)]
    student_token = (await signed_in())[1]
    await member(work.room, (await signed_in())[0])
    stranger = await _create(gql, student_token, work.room.id, recording=True)
    assert [e["code"] for e in stranger["errors"]] == ["NOT_FOUND"]
    assert await Assignment.filter(classroom_id=work.room.id).count() == 0


async def _class_recordings(gql: GraphQLClient, token: str, room_id: Any) -> Any:
    variables = {"classroomId": global_id("Classroom", room_id)}
    return (await gql(RECORDINGS or "", variables, token, "ClassroomRecordings"))["node"]


async def test_a_classrooms_recordings(gql: GraphQLClient) -> None:
    teacher, teacher_token = await signed_in(Role.TEACHER)
    room = await classroom(teacher)
    ana, ana_token = await signed_in(display_name="Ana")
    ben, _ = await signed_in(display_name="Ben")
    for student in (ana, ben):
        await member(room, student)
    mine = await recording(ana, classroom=room, title="Ana's", age=timedelta(minutes=5))
    await evaluation(mine)
    await evaluation(mine, teacher=teacher)
    bens = await recording(ben, classroom=room, title="Ben's")
    await recording(ana, title="Not of the class")
    _, other_teacher_token = await signed_in(Role.TEACHER)
    _, admin_token = await signed_in(Role.ADMIN)

    for token in (teacher_token, admin_token):
        found = (await _class_recordings(gql, token, room.id))["recordings"]
        assert found["totalCount"] == 2
        nodes = [edge["node"] for edge in found["edges"]]
        assert [n["title"] for n in nodes] == ["Ben's", "Ana's"]  # newest first
        assert nodes[1]["owner"]["displayName"] == "Ana"
        assert sorted(e["evaluator"] for e in nodes[1]["evaluations"]) == ["AI", "TEACHER"]
        assert nodes[0]["id"] == global_id("Recording", bens.id)

    # A member: their own recordings of the class only.
    own = (await _class_recordings(gql, ana_token, room.id))["recordings"]
    assert own["totalCount"] == 1
    assert own["edges"][0]["node"]["id"] == global_id("Recording", mine.id)
    # Another teacher does not read the classroom at all.
    assert await _class_recordings(gql, other_teacher_token, room.id) is None
