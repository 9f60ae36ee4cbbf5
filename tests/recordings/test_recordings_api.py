"""Recordings from transcripts, through the API (no file: the session's server and worker):
a transcript in each format becomes segments with their times, the learner's corrections
with spans into the segment text, the learner's vocabulary and the AI's evaluation within
the caps; the learner inferred or named; `me.recordings`; the input refusals; a teacher
uploading for a student of their classroom, and where a recording may belong."""

from __future__ import annotations

from typing import Any

import pytest

from engine.ids import decode_global_id, global_id
from models.identity import Role
from models.recordings import RecordingStatus
from tests.factories.catalog import language
from tests.factories.classroom import assignment, class_work, classroom, member
from tests.factories.identity import signed_in
from tests.factories.recordings import CAPS, PLAIN, RECORDING_OPS, TRANSCRIPTS, call, until_status
from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.skipif(RECORDING_OPS is None, reason="recordings.graphql is absent")
DONE = (RecordingStatus.EVALUATED, RecordingStatus.FAILED)


async def _create(gql: GraphQLClient, token: str | None, **variables: Any) -> Any:
    given = {"title": "At the market", "language": "en", **variables}
    return await call(gql, "CreateRecording", token, **given)


async def _processed(gql: GraphQLClient, token: str, **variables: Any) -> Any:
    """A recording made from a transcript, once processed, as `Recording` reads it."""
    payload = await _create(gql, token, **variables)
    assert payload["errors"] == [], payload
    recording_id = payload["recording"]["id"]
    await until_status(decode_global_id(recording_id), *DONE)
    return await call(gql, "Recording", token, id=recording_id)


def _segments(read: dict[str, Any]) -> list[dict[str, Any]]:
    return [edge["node"] for edge in read["segments"]["edges"]]


@pytest.mark.parametrize("kind", ["PLAIN", "WEBVTT", "SRT", None])
async def test_a_transcript_is_segmented_corrected_analysed_and_evaluated(
    gql: GraphQLClient, kind: str | None
) -> None:
    english = await language("en", "English")  # another test may have made it first
    _, token = await signed_in()
    text = TRANSCRIPTS[kind or "WEBVTT"]
    payload = await _create(gql, token, transcript=text, transcriptFormat=kind)
    assert payload["errors"] == []
    assert payload["recording"]["status"] == "PROCESSING"
    assert payload["recording"]["language"] == {"code": "en"}
    recording_id = payload["recording"]["id"]
    await until_status(decode_global_id(recording_id), *DONE)
    read = await call(gql, "Recording", token, id=recording_id)

    assert (read["status"], read["failureReason"], read["mediaUrl"]) == ("EVALUATED", None, None)
    assert read["language"] == {"code": "en", "name": english.name}
    assert read["learnerSpeaker"] == "Ana"  # the one who is not the first of two speakers
    segments = _segments(read)
    assert read["segments"]["totalCount"] == len(segments) == 4
    assert [s["position"] for s in segments] == [0, 1, 2, 3]
    assert [s["speaker"] for s in segments] == ["Teacher", "Ana", "Teacher", "Ana"]
    timed = kind != "PLAIN"
    times = [(s["startMs"], s["endMs"]) for s in segments]
    expected = [(0, 2500), (3000, 7000), (7500, 9000), (9500, 15000)]
    assert times == (expected if timed else [(None, None)] * 4)
    assert read["durationSeconds"] == (15.0 if timed else None)

    corrections = {}
    for segment in segments:
        for c in segment["corrections"]:
            assert segment["speaker"] == "Ana"  # only the learner is corrected
            assert segment["text"][c["start"] : c["end"]] == c["original"]
            corrections[c["original"]] = (c["corrected"], c["type"], c["severity"])
    assert corrections == {
        "goed": ("went", "GRAMMAR", "MEDIUM"),
        "buyed": ("bought", "GRAMMAR", "MEDIUM"),
        "don't": ("doesn't", "GRAMMAR", "HIGH"),
    }

    vocabulary = read["vocabulary"]
    counts = [w["count"] for w in vocabulary]
    assert counts == sorted(counts, reverse=True)
    words = {w["word"]: w for w in vocabulary}
    assert vocabulary[0] == {
        "word": "i",
        "count": 3,
        "frequencyBand": "common",
        "isAdvanced": False,
    }
    assert words["orange"]["frequencyBand"] == "intermediate"
    assert "teacher" not in words and "weekend" not in words  # the teacher's words
    assert words["aroma"]["isAdvanced"] and not words["market"]["isAdvanced"]

    [evaluation] = read["evaluations"]
    assert (evaluation["evaluator"], evaluation["evaluatedBy"]) == ("AI", None)
    assert all(0 <= evaluation[name] <= cap for name, cap in CAPS.items())
    assert evaluation["overallScore"] == sum(evaluation[name] for name in CAPS)
    assert evaluation["cefrLevel"] in ("A1", "A2", "B1", "B2", "C1", "C2")
    assert evaluation["recommendations"] and evaluation["strengths"]
    assert any("grammar" in r for r in evaluation["recommendations"])
    assert evaluation["pronunciationScore"] == 9  # no confidences: neutral


async def test_the_learner_named_is_the_one_corrected(gql: GraphQLClient) -> None:
    _, token = await signed_in()
    read = await _processed(gql, token, transcript=PLAIN, learnerSpeaker="  teacher ")
    assert read["learnerSpeaker"] == "Teacher"
    assert all(s["corrections"] == [] for s in _segments(read))  # the teacher made no mistake
    assert "weekend" in {w["word"] for w in read["vocabulary"]}


async def test_my_recordings_are_the_learners_own_newest_first(gql: GraphQLClient) -> None:
    _, token = await signed_in()
    first = await _processed(gql, token, transcript=PLAIN, title="First")
    second = await _processed(gql, token, transcript=PLAIN, title="Second")
    _, other = await signed_in()
    await _processed(gql, other, transcript=PLAIN, title="Someone else's")
    mine = await call(gql, "MyRecordings", token)
    nodes = [edge["node"] for edge in mine["recordings"]["edges"]]
    assert [n["id"] for n in nodes] == [second["id"], first["id"]]
    assert mine["recordings"]["totalCount"] == 2
    assert nodes[0]["status"] == "EVALUATED" and nodes[0]["durationSeconds"] is None
    assert [e["evaluator"] for e in nodes[0]["evaluations"]] == ["AI"]


def _errors(payload: dict[str, Any]) -> list[tuple[str | None, str]]:
    assert payload["recording"] is None
    return [(e["field"], e["code"]) for e in payload["errors"]]


async def test_what_is_refused_and_why(gql: GraphQLClient) -> None:
    _, token = await signed_in()
    nothing = await _create(gql, token)
    assert _errors(nothing) == [("transcript", "REQUIRED")]
    blank = await _create(gql, token, transcript="  \n ")
    assert _errors(blank) == [("transcript", "REQUIRED")]
    unlabelled = await _create(gql, token, transcript="Hello there.\nAnna: Hi!")
    assert _errors(unlabelled) == [("transcript", "INVALID")]
    assert unlabelled["errors"][0]["message"].startswith("Line 1 has no speaker")
    broken = await _create(gql, token, transcript="WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nHi")
    assert _errors(broken) == [("transcript", "INVALID")]
    stranger = await _create(gql, token, transcript=PLAIN, learnerSpeaker="Bob")
    assert _errors(stranger) == [("learnerSpeaker", "INVALID")]
    assert "Teacher, Ana" in stranger["errors"][0]["message"]
    fields = await _create(gql, token, title=" ", language="english!", transcript=PLAIN)
    assert _errors(fields) == [("title", "REQUIRED"), ("language", "INVALID")]
    not_a_file = await _create(gql, token, file="aGVsbG8=")
    assert _errors(not_a_file) == [("file", "INVALID")]
    anonymous = await _create(gql, None, transcript=PLAIN)
    assert _errors(anonymous) == [(None, "UNAUTHENTICATED")]


async def test_a_transcript_is_added_only_to_one_waiting_for_it(gql: GraphQLClient) -> None:
    _, token = await signed_in()
    read = await _processed(gql, token, transcript=PLAIN)
    again = await call(
        gql,
        "AddRecordingTranscript",
        token,
        recordingId=read["id"],
        transcript=PLAIN,
        transcriptFormat="PLAIN",
    )
    assert again["recording"] is None
    assert [(e["field"], e["code"]) for e in again["errors"]] == [("recordingId", "CONFLICT")]


async def test_a_teacher_uploads_for_a_student_of_their_classroom(gql: GraphQLClient) -> None:
    teacher, teacher_token = await signed_in(Role.TEACHER)
    room = await classroom(teacher, name="Evening class")
    student, student_token = await signed_in()
    await member(room, student)
    given = {"transcript": PLAIN, "classroomId": global_id("Classroom", room.id)}
    payload = await _create(gql, teacher_token, studentId=global_id("User", student.id), **given)
    assert payload["errors"] == []
    recording_id = payload["recording"]["id"]
    await until_status(decode_global_id(recording_id), *DONE)
    read = await call(gql, "Recording", teacher_token, id=recording_id)
    assert read["owner"]["id"] == global_id("User", student.id)
    assert read["classroom"] == {"id": global_id("Classroom", room.id), "name": "Evening class"}
    mine = await call(gql, "MyRecordings", student_token)
    assert [e["node"]["id"] for e in mine["recordings"]["edges"]] == [recording_id]
    assert (await call(gql, "MyRecordings", teacher_token))["recordings"]["totalCount"] == 0

    # A student may attach their own classroom, not name a classmate.
    own = await _create(gql, student_token, **given)
    assert own["errors"] == []
    classmate, _ = await signed_in()
    await member(room, classmate)
    for_other = await _create(
        gql, student_token, studentId=global_id("User", classmate.id), **given
    )
    assert _errors(for_other) == [("classroomId", "FORBIDDEN")]


async def test_where_a_recording_may_belong(gql: GraphQLClient) -> None:
    teacher, teacher_token = await signed_in(Role.TEACHER)
    work = await class_work(teacher)
    room = work.room
    room_id = global_id("Classroom", room.id)
    outsider, outsider_token = await signed_in()
    student, student_token = await signed_in()
    await member(room, student)
    student_id = global_id("User", student.id)
    outsider_id = global_id("User", outsider.id)

    cases: list[tuple[str, dict[str, Any], list[tuple[str | None, str]]]] = [
        (teacher_token, {"studentId": student_id}, [("classroomId", "REQUIRED")]),
        (
            teacher_token,
            {"studentId": outsider_id, "classroomId": room_id},
            [("studentId", "NOT_FOUND")],
        ),
        (teacher_token, {"classroomId": room_id}, [("studentId", "INVALID")]),
        (outsider_token, {"classroomId": room_id}, [("classroomId", "NOT_FOUND")]),
    ]
    for token, variables, errors in cases:
        assert _errors(await _create(gql, token, transcript=PLAIN, **variables)) == errors

    lesson_task = await assignment(room, lesson=work.lesson)
    task = await assignment(room, expects_recording=True, title="Talk about your weekend")
    other_room = await classroom(teacher)
    other_task = await assignment(other_room, expects_recording=True)
    task_id, other_id = global_id("Assignment", task.id), global_id("Assignment", other_task.id)
    refused: dict[str, list[tuple[str | None, str]]] = {
        global_id("Assignment", lesson_task.id): [("assignmentId", "INVALID")],
        other_id: [("assignmentId", "NOT_FOUND")],  # its classroom is not the student's
    }
    for target, expected in refused.items():
        payload = await _create(gql, student_token, transcript=PLAIN, assignmentId=target)
        assert _errors(payload) == expected
    mixed = await _create(
        gql, student_token, transcript=PLAIN, assignmentId=other_id, classroomId=room_id
    )
    assert _errors(mixed) == [("assignmentId", "INVALID")]
    done = await _create(gql, student_token, transcript=PLAIN, assignmentId=task_id)
    assert done["errors"] == []
    read = await call(gql, "Recording", teacher_token, id=done["recording"]["id"])
    assert read["classroom"]["id"] == room_id  # the assignment's classroom
