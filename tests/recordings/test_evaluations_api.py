"""Teachers evaluating recordings through the API (`EvaluateRecording` of
../shared/operations/recordings.graphql): the teacher of the recording's classroom and admins
evaluate it once it is TRANSCRIBED or EVALUATED, within the caps, as many times as they like;
every evaluation is kept beside the AI's and listed with the recording. The owner is refused
(FORBIDDEN), everyone else finds no such recording; a recording not yet transcribed (or
failed) cannot be evaluated; every bad field is reported at once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from core.events import subscribe
from engine.ids import global_id
from models.classroom import Classroom
from models.conversation import Evaluation, Evaluator
from models.identity import Role, User
from models.recordings import Recording, RecordingStatus
from resolvers.recordings.audit import RecordingChanged
from tests.factories.classroom import classroom, member
from tests.factories.identity import signed_in
from tests.factories.recording_rows import evaluation, recording, recordings_operations
from tests.graphql_client import GraphQLClient

OPS = recordings_operations("EvaluateRecording", "Recording", "ClassroomRecordings")
pytestmark = pytest.mark.skipif(OPS is None, reason="recordings.graphql is absent")

SCORES = {
    "grammarScore": 20,
    "vocabularyScore": 15,
    "fluencyScore": 14,
    "pronunciationScore": 10,
    "comprehensionScore": 16,
}
CAPS = {
    "grammarScore": 25,
    "vocabularyScore": 20,
    "fluencyScore": 20,
    "pronunciationScore": 15,
    "comprehensionScore": 20,
}
EVALUATION_NODE = "query ($id: ID!) { node(id: $id) { ... on Evaluation { id evaluator } } }"
NOT_EVALUATOR = "Only the teacher of the recording's classroom and admins evaluate it."
NOT_READY = "Evaluate the recording once it is transcribed."

# What the audit seam saw (a subscriber of `RecordingChanged`, registered once).
AUDITED: list[RecordingChanged] = []


async def _collect(event: RecordingChanged, _conn: Any) -> None:
    AUDITED.append(event)


subscribe(RecordingChanged, _collect)


async def _evaluate(
    gql: GraphQLClient, token: str | None, row: Recording | str, /, **fields: Any
) -> dict:
    assert OPS is not None
    recording_id = row if isinstance(row, str) else global_id("Recording", row.id)
    variables = {"recordingId": recording_id, **SCORES, "cefrLevel": "B2", **fields}
    data = await gql(OPS, variables, token=token, operation_name="EvaluateRecording")
    return data["evaluateRecording"]


def _errors(payload: dict) -> list[tuple[str | None, str, str]]:
    return [(e["field"], e["code"], e["message"]) for e in payload["errors"]]


@dataclass
class ClassRecording:
    """A teacher's classroom with a student's recording in it."""

    teacher: User
    teacher_token: str
    student: User
    student_token: str
    room: Classroom
    row: Recording


async def _class_recording(status: RecordingStatus = RecordingStatus.TRANSCRIBED) -> ClassRecording:
    teacher, teacher_token = await signed_in(Role.TEACHER, display_name="Ms Rivera")
    room = await classroom(teacher)
    student, student_token = await signed_in(display_name="Ana")
    await member(room, student)
    row = await recording(student, classroom=room, status=status, segments=4)
    return ClassRecording(teacher, teacher_token, student, student_token, room, row)


async def test_teachers_evaluate_and_every_evaluation_is_kept(gql: GraphQLClient) -> None:
    made_for = await _class_recording(RecordingStatus.EVALUATED)
    teacher, teacher_token, student_token, row = (
        made_for.teacher,
        made_for.teacher_token,
        made_for.student_token,
        made_for.row,
    )
    await evaluation(row)  # the AI's
    _, admin_token = await signed_in(Role.ADMIN, display_name="Admin")

    first = await _evaluate(
        gql,
        teacher_token,
        row,
        strengths=["  Asks good questions ", "", "Clear"],
        improvements=["Irregular past tense"],
        recommendations=["Retell the weekend in the past tense"],
    )
    assert first["errors"] == []
    made = first["evaluation"]
    assert made["evaluator"] == "TEACHER"
    assert made["evaluatedBy"] == {"id": global_id("User", teacher.id), "displayName": "Ms Rivera"}
    assert made["overallScore"] == sum(SCORES.values()) == 75
    assert {name: made[name] for name in SCORES} == SCORES
    assert made["cefrLevel"] == "B2"
    assert made["strengths"] == ["Asks good questions", "Clear"]  # trimmed, blank dropped
    assert made["improvements"] == ["Irregular past tense"]
    assert made["recommendations"] == ["Retell the weekend in the past tense"]
    assert made["createdAt"]

    # The same teacher again, and an admin: each is another evaluation.
    again = await _evaluate(gql, teacher_token, row, grammarScore=25, cefrLevel="C1")
    assert (again["errors"], again["evaluation"]["overallScore"]) == ([], 80)
    by_admin = await _evaluate(gql, admin_token, row)
    assert by_admin["errors"] == [] and by_admin["evaluation"]["evaluatedBy"]["displayName"]

    rows = await Evaluation.filter(recording_id=row.id).order_by("created_at")
    assert [e.evaluator for e in rows] == [Evaluator.AI, *[Evaluator.TEACHER] * 3]
    assert rows[1].evaluated_by_id == teacher.id and rows[1].session_id is None
    # The status stays as the processing left it.
    assert (await Recording.get(id=row.id)).status == RecordingStatus.EVALUATED
    # Every evaluation went through the audit seam.
    audited = [e for e in AUDITED if e.recording_id == row.id]
    assert [(e.action, e.entity, e.entity_id) for e in audited] == [
        ("evaluate_recording", "evaluation", e.id) for e in rows[1:]
    ]

    # The owner and the teacher read them all with the recording, as they were made.
    for token in (student_token, teacher_token):
        variables = {"id": global_id("Recording", row.id)}
        node = (await gql(OPS or "", variables, token, "Recording"))["node"]
        listed = node["evaluations"]
        assert [e["id"] for e in listed] == [global_id("Evaluation", e.id) for e in rows]
        assert [e["evaluator"] for e in listed] == ["AI", "TEACHER", "TEACHER", "TEACHER"]
        assert listed[0]["evaluatedBy"] is None
        assert listed[0]["recommendations"] == ["Practise the past tense"]
        assert listed[1]["evaluatedBy"]["displayName"] == "Ms Rivera"
        assert listed[3]["evaluatedBy"]["displayName"] == "Admin"

    # A teacher's evaluation is a node for those who read the recording, null for others.
    _, stranger_token = await signed_in(Role.TEACHER)
    variables = {"id": first["evaluation"]["id"]}
    for token, seen in ((student_token, True), (teacher_token, True), (stranger_token, False)):
        node = (await gql(EVALUATION_NODE, variables, token))["node"]
        assert (node == {"id": variables["id"], "evaluator": "TEACHER"}) is seen
        assert (node is None) is not seen


async def test_the_caps_hold_for_every_sub_score(gql: GraphQLClient) -> None:
    found = await _class_recording()
    token, row = found.teacher_token, found.row
    over = {name: cap + 1 for name, cap in CAPS.items()}
    refused = await _evaluate(gql, token, row, **over)
    assert refused["evaluation"] is None
    assert _errors(refused) == [
        (name, "INVALID", f"Must be between 0 and {cap}.") for name, cap in CAPS.items()
    ]
    negative = await _evaluate(gql, token, row, fluencyScore=-1)
    assert _errors(negative) == [("fluencyScore", "INVALID", "Must be between 0 and 20.")]

    top = await _evaluate(gql, token, row, **CAPS)
    assert (top["errors"], top["evaluation"]["overallScore"]) == ([], 100)
    bottom = await _evaluate(gql, token, row, **dict.fromkeys(CAPS, 0), cefrLevel="A1")
    assert (bottom["errors"], bottom["evaluation"]["overallScore"]) == ([], 0)
    assert await Evaluation.filter(recording_id=row.id).count() == 2


async def test_notes_are_limited(gql: GraphQLClient) -> None:
    found = await _class_recording()
    token, row = found.teacher_token, found.row
    refused = await _evaluate(
        gql,
        token,
        row,
        strengths=[f"Point {n}" for n in range(21)],
        recommendations=["x" * 1001],
        grammarScore=26,
    )
    assert _errors(refused) == [
        ("grammarScore", "INVALID", "Must be between 0 and 25."),
        ("strengths", "INVALID", "At most 20 items."),
        ("recommendations", "TOO_LONG", "At most 1000 characters each."),
    ]
    assert await Evaluation.filter(recording_id=row.id).count() == 0


async def test_who_may_evaluate(gql: GraphQLClient) -> None:
    found = await _class_recording()
    student, student_token, row = found.student, found.student_token, found.row
    _, other_teacher_token = await signed_in(Role.TEACHER)
    classmate, classmate_token = await signed_in()
    await member(found.room, classmate)

    owner = await _evaluate(gql, student_token, row)
    assert _errors(owner) == [("recordingId", "FORBIDDEN", NOT_EVALUATOR)]
    for token in (other_teacher_token, classmate_token):
        refused = await _evaluate(gql, token, row)
        assert _errors(refused) == [("recordingId", "NOT_FOUND", "Recording not found.")]
    anonymous = await gql.raw(
        OPS or "",
        {"recordingId": global_id("Recording", row.id), **SCORES, "cefrLevel": "B2"},
        operation_name="EvaluateRecording",
    )
    assert [e["code"] for e in anonymous["data"]["evaluateRecording"]["errors"]] == [
        "UNAUTHENTICATED"
    ]
    unknown = await _evaluate(gql, student_token, global_id("Recording", student.id))
    assert _errors(unknown) == [("recordingId", "NOT_FOUND", "Recording not found.")]
    wrong_type = await _evaluate(gql, student_token, global_id("Classroom", row.id))
    assert _errors(wrong_type) == [("recordingId", "NOT_FOUND", "Recording not found.")]

    # A recording of no classroom has no teacher: only admins evaluate it.
    teacher, teacher_token = await signed_in(Role.TEACHER)
    room = await classroom(teacher)
    await member(room, student)
    loose = await recording(student)
    refused = await _evaluate(gql, teacher_token, loose)
    assert _errors(refused) == [("recordingId", "NOT_FOUND", "Recording not found.")]
    _, admin_token = await signed_in(Role.ADMIN)
    assert (await _evaluate(gql, admin_token, loose))["errors"] == []
    assert await Evaluation.filter(recording_id=row.id).count() == 0


@pytest.mark.parametrize(
    ("status", "accepted"),
    [
        (RecordingStatus.UPLOADED, False),
        (RecordingStatus.PROCESSING, False),
        (RecordingStatus.FAILED, False),
        (RecordingStatus.TRANSCRIBED, True),
        (RecordingStatus.EVALUATED, True),
    ],
)
async def test_only_a_transcribed_recording_is_evaluated(
    gql: GraphQLClient, status: RecordingStatus, accepted: bool
) -> None:
    found = await _class_recording(status)
    token, row = found.teacher_token, found.row
    payload = await _evaluate(gql, token, row, vocabularyScore=99)
    expected = [] if accepted else [("recordingId", "INVALID", NOT_READY)]
    assert _errors(payload) == [
        *expected,
        ("vocabularyScore", "INVALID", "Must be between 0 and 20."),
    ]
    payload = await _evaluate(gql, token, row)
    assert (payload["evaluation"] is not None) is accepted
    assert _errors(payload) == expected
    assert (await Recording.get(id=row.id)).status == status
