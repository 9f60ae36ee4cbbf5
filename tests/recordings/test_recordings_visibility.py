"""Who reads and changes a recording, through the API on a server with a test media directory:
the owner, the teacher of its classroom and admins read it (its segments, corrections and
evaluations through `node` too) and get its media link; another teacher, a classmate and
anonymous callers read nothing. A link only works as made: tampered with, moved to another
recording or expired, it is refused. Deleting is the owner's and the class teacher's (not an
admin's), refused while a graded submission names the recording, and removes the rows and
the file."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import pytest_asyncio
from starlette.applications import Starlette

from core.security import signed_path
from engine.ids import decode_global_id, global_id
from models.classroom import Submission, SubmissionStatus
from models.conversation import Evaluation
from models.identity import Role
from models.recordings import Recording, RecordingSegment, RecordingStatus
from tests.factories.classroom import assignment, classroom, member
from tests.factories.identity import signed_in
from tests.factories.recordings import (
    PLAIN,
    RECORDING_OPS,
    RecordingsServer,
    call,
    created,
    recordings_server,
    until_status,
)
from tests.recordings.media_files import wav_bytes

pytestmark = pytest.mark.skipif(RECORDING_OPS is None, reason="recordings.graphql is absent")
NODE = """
query Node($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on Evaluation { evaluator }
    ... on RecordingSegment { speaker }
  }
}
"""


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def env(
    app: Starlette, server: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[RecordingsServer]:
    async with recordings_server(app, tmp_path_factory.mktemp("media")) as running:
        yield running


class Class:
    """A classroom with its teacher, a student who recorded a conversation, a classmate."""

    def __init__(self) -> None:
        self.tokens: dict[str, str | None] = {"anonymous": None}

    async def make(self, env: RecordingsServer) -> Class:
        self.teacher, self.tokens["teacher"] = await signed_in(Role.TEACHER)
        self.room = await classroom(self.teacher)
        self.student, self.tokens["owner"] = await signed_in()
        classmate, self.tokens["classmate"] = await signed_in()
        for user in (self.student, classmate):
            await member(self.room, user)
        _, self.tokens["other teacher"] = await signed_in(Role.TEACHER)
        _, self.tokens["admin"] = await signed_in(Role.ADMIN)
        self.recording_id = await self.record(env)
        return self

    async def record(self, env: RecordingsServer) -> str:
        """An EVALUATED recording with a file (the student's, in the classroom)."""
        recording = await created(
            env.http,
            self.tokens["owner"] or "",
            wav_bytes(0.5),
            title="Weekend",
            language="en",
            transcript=PLAIN,
            classroomId=global_id("Classroom", self.room.id),
        )
        await until_status(decode_global_id(recording["id"]), RecordingStatus.EVALUATED)
        return str(recording["id"])


@pytest_asyncio.fixture(loop_scope="session")
async def a_class(env: RecordingsServer) -> Class:
    return await Class().make(env)


READERS = {"owner": True, "teacher": True, "admin": True}
OTHERS = ("classmate", "other teacher", "anonymous")


async def test_its_readers_read_it_with_its_link_and_parts_others_nothing(
    env: RecordingsServer, a_class: Class
) -> None:
    recording_uuid = decode_global_id(a_class.recording_id)
    evaluation = await Evaluation.get(recording_id=recording_uuid)
    segment = await RecordingSegment.filter(recording_id=recording_uuid).first()
    assert segment is not None
    parts = [global_id("Evaluation", evaluation.id), global_id("RecordingSegment", segment.id)]
    for who in [*READERS, *OTHERS]:
        token = a_class.tokens[who]
        read = await call(env.gql, "Recording", token, id=a_class.recording_id)
        found = [(await env.gql(NODE, {"id": part}, token=token))["node"] for part in parts]
        if who in READERS:
            assert read["id"] == a_class.recording_id, who
            assert read["owner"]["id"] == global_id("User", a_class.student.id)
            assert read["evaluations"][0]["evaluator"] == "AI"
            served = await env.http.get(read["mediaUrl"])
            assert (served.status_code, served.content) == (200, wav_bytes(0.5)), who
            assert [f["__typename"] for f in found if f] == ["Evaluation", "RecordingSegment"]
        else:
            assert read is None, who
            assert found == [None, None], who


def _refused(response: Any) -> tuple[int, str]:
    return response.status_code, response.json()["errors"][0]["extensions"]["code"]


async def test_a_link_works_only_as_it_was_made(env: RecordingsServer, a_class: Class) -> None:
    read = await call(env.gql, "Recording", a_class.tokens["owner"], id=a_class.recording_id)
    link: str = read["mediaUrl"]
    path, _, query = link.partition("?")
    signature = query.rsplit("=", 1)[1]
    tampered = link[:-1] + ("0" if signature[-1] != "0" else "1")
    assert _refused(await env.http.get(tampered)) == (403, "INVALID_LINK")
    other_id = decode_global_id(await a_class.record(env))
    moved = f"/downloads/recording/{other_id}?{query}"
    assert _refused(await env.http.get(moved)) == (403, "INVALID_LINK")
    recording_uuid = str(decode_global_id(a_class.recording_id))
    past = datetime.now(UTC) - timedelta(minutes=1)
    expired = signed_path("recording", recording_uuid, past, env.settings.secret_key)
    assert _refused(await env.http.get(expired)) == (410, "LINK_EXPIRED")
    forged = signed_path("recording", recording_uuid, past + timedelta(hours=1), "not-the-key")
    assert _refused(await env.http.get(forged)) == (403, "INVALID_LINK")
    assert (await env.http.get(path)).status_code == 403  # no signature at all


async def _delete(env: RecordingsServer, token: str | None, recording_id: str) -> Any:
    return await call(env.gql, "DeleteRecording", token, id=recording_id)


def _codes(payload: dict[str, Any]) -> list[tuple[str | None, str]]:
    return [(e["field"], e["code"]) for e in payload["errors"]]


async def test_who_may_delete_it(env: RecordingsServer, a_class: Class) -> None:
    recording_id = a_class.recording_id
    for who, codes in (
        ("classmate", [("id", "NOT_FOUND")]),
        ("other teacher", [("id", "NOT_FOUND")]),
        ("admin", [(None, "FORBIDDEN")]),
        ("anonymous", [(None, "UNAUTHENTICATED")]),
    ):
        payload = await _delete(env, a_class.tokens[who], recording_id)
        assert (payload["deletedId"], _codes(payload)) == (None, codes), who
    assert await Recording.exists(id=decode_global_id(recording_id))
    by_teacher = await _delete(env, a_class.tokens["teacher"], recording_id)
    assert by_teacher == {"deletedId": recording_id, "errors": []}


async def test_deleting_removes_the_rows_and_the_file_unless_graded(
    env: RecordingsServer, a_class: Class
) -> None:
    recording_uuid = decode_global_id(a_class.recording_id)
    row = await Recording.get(id=recording_uuid)
    assert row.media_key is not None
    stored = env.storage.root / row.media_key
    assert stored.is_file()
    read = await call(env.gql, "Recording", a_class.tokens["owner"], id=a_class.recording_id)
    task = await assignment(a_class.room, expects_recording=True)
    handed_in = await Submission.create(
        assignment_id=task.id,
        student_id=a_class.student.id,
        recording_id=recording_uuid,
        status=SubmissionStatus.GRADED,
        submitted_at=datetime.now(UTC),
        score=80,
    )
    refused = await _delete(env, a_class.tokens["owner"], a_class.recording_id)
    assert _codes(refused) == [("id", "CONFLICT")]
    assert stored.is_file()

    await Submission.filter(id=handed_in.id).update(status=SubmissionStatus.RETURNED)
    deleted = await _delete(env, a_class.tokens["owner"], a_class.recording_id)
    assert deleted == {"deletedId": a_class.recording_id, "errors": []}
    assert not stored.exists() and not stored.parent.exists()
    assert not await Recording.exists(id=recording_uuid)
    assert not await RecordingSegment.exists(recording_id=recording_uuid)
    assert not await Evaluation.exists(recording_id=recording_uuid)
    assert (await Submission.get(id=handed_in.id)).recording_id is None
    assert _refused(await env.http.get(read["mediaUrl"])) == (404, "NOT_FOUND")
    again = await _delete(env, a_class.tokens["owner"], a_class.recording_id)
    assert _codes(again) == [("id", "NOT_FOUND")]
