"""A recording made for an assignment is the learner's submission for it: once processed, the
job hands it in (resolvers/recordings/hand_in.py), once, under the classroom's own rules."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from engine.ids import decode_global_id, global_id
from models.classroom import Submission, SubmissionStatus
from models.recordings import RecordingStatus
from resolvers.recordings.hand_in import hand_in
from tests.factories.classroom import classroom, member
from tests.factories.identity import signed_in
from tests.factories.recording_rows import recording_assignment
from tests.factories.recordings import PLAIN, call, recordings_operations, until_status
from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.skipif(
    recordings_operations() is None, reason="recordings.graphql is absent"
)


async def _record(gql: GraphQLClient, token: str, **variables: Any) -> Any:
    payload = await call(
        gql,
        "CreateRecording",
        token,
        title="Weekend",
        language="en",
        transcript=PLAIN,
        transcriptFormat="PLAIN",
        learnerSpeaker="Ana",
        **variables,
    )
    assert payload["errors"] == [], payload
    return payload["recording"]


async def test_a_recording_made_for_an_assignment_is_handed_in_once(gql: GraphQLClient) -> None:
    teacher, _ = await signed_in()
    room = await classroom(teacher)
    student, token = await signed_in()
    await member(room, student)
    task = await recording_assignment(room)
    made = await _record(
        gql,
        token,
        classroomId=global_id("Classroom", room.id),
        assignmentId=global_id("Assignment", task.id),
    )
    row_id = made["id"]
    recording = await until_status(_uuid(row_id), RecordingStatus.EVALUATED)
    handed_in = await _handed_in(task.id, student.id)
    assert (handed_in.recording_id, handed_in.status, handed_in.is_late) == (
        recording.id,
        SubmissionStatus.SUBMITTED,
        False,
    )
    # Once: the job run again leaves the submission as it was.
    again = await hand_in(recording)
    assert again is not None and again.id == handed_in.id
    assert await Submission.filter(assignment_id=task.id).count() == 1


async def test_a_recording_without_an_assignment_is_not_handed_in(gql: GraphQLClient) -> None:
    student, token = await signed_in()
    made = await _record(gql, token)
    await until_status(_uuid(made["id"]), RecordingStatus.EVALUATED)
    assert await Submission.filter(student_id=student.id).count() == 0


async def _handed_in(assignment_id: Any, student_id: Any) -> Submission:
    """The submission, once the job has made it: it hands the recording in after the
    EVALUATED status is committed, so the status can be seen first."""
    async with asyncio.timeout(10):
        while True:
            found = await Submission.get_or_none(assignment_id=assignment_id, student_id=student_id)
            if found is not None:
                return found
            await asyncio.sleep(0.05)


def _uuid(global_value: str) -> Any:
    return decode_global_id(global_value, "Recording")
