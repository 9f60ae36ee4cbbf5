"""Recordings through the API: the operations of ../shared/operations/recordings.graphql this
part serves, multipart uploads over HTTP, a server whose media go to a test directory and
whose job worker has the test's settings (a transcription engine or none), transcripts in
each format, and recordings written directly with segments, corrections, vocabulary and
evaluations (for reads and statement counts)."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from graphql import print_ast
from starlette.applications import Starlette

from core import jobs
from core.settings import Settings
from main import create_app
from models.classroom import Classroom
from models.conversation import Evaluation, Evaluator
from models.identity import User
from models.recordings import (
    Recording,
    RecordingSegment,
    RecordingStatus,
    RecordingWord,
    SegmentCorrection,
)
from services.storage import FilesystemStorage
from tests.factories.classroom import in_scope_document
from tests.graphql_client import GraphQLClient
from tests.servers import serve

ROOT = Path(__file__).resolve().parents[2]
RECORDINGS_FILE = ROOT.parent / "shared" / "operations" / "recordings.graphql"
# The part of recordings.graphql served here (evaluations and classroom work are another's).
OPERATIONS = (
    "CreateRecording",
    "Recording",
    "RecordingEvents",
    "MyRecordings",
    "DeleteRecording",
    "AddRecordingTranscript",
)
UPLOAD_LIMIT = 64 * 1024  # bytes: the test servers' MAX_UPLOAD_BYTES


def recordings_operations() -> str | None:
    if not RECORDINGS_FILE.is_file():
        return None
    return print_ast(in_scope_document(RECORDINGS_FILE.read_text(), OPERATIONS))


RECORDING_OPS = recordings_operations()

# The same conversation in each format: the teacher opens, the learner (Ana) answers with
# mistakes the tutor's rules find ("goed" → "went", "buyed" → "bought", "don't" → "doesn't").
PLAIN = """\
Teacher: What did you do at the weekend?
Ana: I goed to the market with my sister and we bought vegetables.
Teacher: What did you buy there?
Ana: I buyed some delicious oranges. She don't like them, but I adore their aroma.
"""
WEBVTT = """\
WEBVTT

00:00:00.000 --> 00:00:02.500
<v Teacher>What did you do at the weekend?

00:00:03.000 --> 00:00:07.000
<v Ana>I goed to the market with my sister and we bought vegetables.

00:00:07.500 --> 00:00:09.000
<v Teacher>What did you buy there?

00:00:09.500 --> 00:00:15.000
<v Ana>I buyed some delicious oranges. She don't like them, but I adore their aroma.
"""
SRT = """\
1
00:00:00,000 --> 00:00:02,500
Teacher: What did you do at the weekend?

2
00:00:03,000 --> 00:00:07,000
Ana: I goed to the market with my sister and we bought vegetables.

3
00:00:07,500 --> 00:00:09,000
Teacher: What did you buy there?

4
00:00:09,500 --> 00:00:15,000
Ana: I buyed some delicious oranges. She don't like them, but I adore their aroma.
"""
TRANSCRIPTS = {"PLAIN": PLAIN, "WEBVTT": WEBVTT, "SRT": SRT}
CAPS = {
    "grammarScore": 25,
    "vocabularyScore": 20,
    "fluencyScore": 20,
    "pronunciationScore": 15,
    "comprehensionScore": 20,
}


@dataclass
class RecordingsServer:
    """A server of the session's app with other settings (its media under `storage`), its
    HTTP client, and the worker running jobs meanwhile with the same settings."""

    url: str
    http: httpx.AsyncClient
    gql: GraphQLClient
    settings: Settings
    storage: FilesystemStorage
    services: Any
    worker: jobs.Worker

    @contextlib.asynccontextmanager
    async def jobs_paused(self) -> AsyncIterator[None]:
        """No job runs meanwhile: they wait for the worker, which starts again after."""
        await self.worker.stop()
        try:
            yield
        finally:
            self.worker = await jobs.start_worker(self.settings, self.services)


@contextlib.asynccontextmanager
async def recordings_server(
    app: Starlette, storage_dir: Path, **changes: Any
) -> AsyncIterator[RecordingsServer]:
    """Serve the app with media in `storage_dir`, uploads up to `UPLOAD_LIMIT` and `changes`
    (e.g. a transcription engine); the session's own worker is replaced meanwhile by one
    with these settings, so the recordings' jobs see the same storage and engine."""
    settings = dataclasses.replace(
        app.state.settings,
        storage_dir=str(storage_dir),
        max_upload_bytes=UPLOAD_LIMIT,
        **changes,
    )
    variant = create_app(settings)
    services = variant.state.services
    await app.state.jobs_worker.stop()
    try:
        worker = await jobs.start_worker(settings, services)
        try:
            async with (
                serve(variant, lifespan="off") as url,
                httpx.AsyncClient(base_url=url, timeout=30) as http,
            ):
                storage = FilesystemStorage(storage_dir)
                running = RecordingsServer(
                    url, http, GraphQLClient(http), settings, storage, services, worker
                )
                try:
                    yield running
                finally:
                    worker = running.worker  # restarted by `jobs_paused`
        finally:
            await worker.stop()
    finally:
        app.state.jobs_worker = await jobs.start_worker(app.state.settings, app.state.services)


async def call(gql: GraphQLClient, op: str, token: str | None, /, **variables: Any) -> Any:
    """The value of the only root field of one of the operations (`node`, `me`, a payload)."""
    assert RECORDING_OPS is not None, "recordings.graphql is absent"
    data = await gql(RECORDING_OPS, variables, token=token, operation_name=op)
    return next(iter(data.values()))


async def upload(
    http: httpx.AsyncClient,
    token: str | None,
    content: bytes,
    *,
    filename: str = "conversation.wav",
    content_type: str = "audio/wav",
    **variables: Any,
) -> httpx.Response:
    """`CreateRecording` as a multipart request (the GraphQL multipart request spec) with
    `content` as its `file`."""
    assert RECORDING_OPS is not None, "recordings.graphql is absent"
    operations = {
        "query": RECORDING_OPS,
        "operationName": "CreateRecording",
        "variables": {**variables, "file": None},
    }
    return await http.post(
        "/graphql",
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})},
        files={"0": (filename, content, content_type)},
        headers={"Authorization": f"Bearer {token}"} if token else {},
    )


async def created(http: httpx.AsyncClient, token: str, content: bytes, **variables: Any) -> Any:
    """The recording an upload created (its payload must have no errors)."""
    response = await upload(http, token, content, **variables)
    assert response.status_code == 200, response.text
    payload = response.json()["data"]["createRecording"]
    assert payload["errors"] == [], payload
    return payload["recording"]


async def until_status(
    recording_id: Any, *statuses: RecordingStatus, within: float = 30.0
) -> Recording:
    """The recording once it is in one of `statuses` (and, for UPLOADED, says why)."""
    async with asyncio.timeout(within):
        while True:
            row = await Recording.get(id=recording_id)
            waiting = row.status is RecordingStatus.UPLOADED and row.failure_reason is None
            if row.status in statuses and not waiting:
                return row
            await asyncio.sleep(0.05)


LINES = (
    ("Teacher", "What did you do at the weekend?"),
    ("Ana", "I goed to the market with my sister."),
)


async def stored_recording(
    owner: User,
    *,
    segments: int = 4,
    classroom: Classroom | None = None,
    teacher: User | None = None,
    **fields: Any,
) -> Recording:
    """An EVALUATED recording written directly: `segments` segments (the teacher's and
    Ana's lines in turn, 3 s each), a correction of each of Ana's, two words, the AI's
    evaluation and, with `teacher`, theirs."""
    row = await Recording.create(
        user_id=owner.id,
        uploaded_by_id=owner.id,
        title=fields.pop("title", "At the market"),
        language=fields.pop("language", "en"),
        classroom_id=classroom.id if classroom else None,
        status=RecordingStatus.EVALUATED,
        learner_speaker="Ana",
        **fields,
    )
    rows = [
        RecordingSegment(
            recording_id=row.id,
            position=n,
            speaker=LINES[n % 2][0],
            start_ms=n * 3000,
            end_ms=n * 3000 + 2500,
            text=LINES[n % 2][1],
            is_learner=n % 2 == 1,
        )
        for n in range(segments)
    ]
    await RecordingSegment.bulk_create(rows)
    await SegmentCorrection.bulk_create(
        [
            SegmentCorrection(
                segment_id=s.id,
                original="goed",
                corrected="went",
                explanation="The past of go is went.",
                type="grammar",
                severity="medium",
                start=2,
                end=6,
            )
            for s in rows
            if s.is_learner
        ]
    )
    for word, count in (("go", 3), ("market", 2)):
        await RecordingWord.create(
            recording_id=row.id, word=word, count=count, zipf=6.0, frequency_band="common"
        )
    for evaluator, by in ((Evaluator.AI, None), (Evaluator.TEACHER, teacher)):
        if evaluator is Evaluator.TEACHER and by is None:
            continue
        await Evaluation.create(
            recording_id=row.id,
            evaluator=evaluator,
            evaluated_by_id=by.id if by else None,
            overall_score=60,
            grammar_score=15,
            vocabulary_score=12,
            fluency_score=12,
            pronunciation_score=9,
            comprehension_score=12,
            cefr_level="B2",
            recommendations=["Review your grammar corrections."],
        )
    return row
