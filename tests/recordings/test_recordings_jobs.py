"""The processing job takes effect once: run again at any point — after it finished, after a
worker died between its two writes, after one died mid-transcription — it carries on from
the recording's status and leaves the same rows (one set of segments, one AI evaluation).
And the job is queued in the transaction that creates the recording."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from starlette.applications import Starlette
from tortoise import connections

from engine.ids import decode_global_id
from models.conversation import Evaluation, Evaluator
from models.recordings import (
    Recording,
    RecordingSegment,
    RecordingStatus,
    RecordingWord,
    SegmentCorrection,
    TranscriptFormat,
)
from resolvers.recordings.engines import Engines
from resolvers.recordings.jobs import process_recording, process_recording_job
from services.storage import FilesystemStorage
from services.tutor.local import LocalEngine
from tests.factories.identity import signed_in
from tests.factories.recordings import PLAIN, RECORDING_OPS, call, until_status
from tests.graphql_client import GraphQLClient
from tests.job_workers import only_other_processes_run_jobs


@pytest.fixture
def engines(tmp_path: Path) -> Engines:
    return Engines(FilesystemStorage(tmp_path), None, LocalEngine())


async def _waiting() -> Recording:
    """A recording with a transcript, PROCESSING, whose job is not queued: run by hand."""
    owner, _ = await signed_in()
    return await Recording.create(
        user_id=owner.id,
        title="By hand",
        language="en",
        status=RecordingStatus.PROCESSING,
        transcript=PLAIN,
        transcript_format=TranscriptFormat.PLAIN,
    )


async def _rows(recording_id: Any) -> tuple[list[Any], int, int, list[Any]]:
    segments = await RecordingSegment.filter(recording_id=recording_id).order_by("position")
    ids = [s.id for s in segments]
    corrections = await SegmentCorrection.filter(segment_id__in=ids).count()
    words = await RecordingWord.filter(recording_id=recording_id).count()
    evaluations = await Evaluation.filter(recording_id=recording_id).values_list(
        "evaluator", flat=True
    )
    return ids, corrections, words, list(evaluations)


async def test_a_run_after_the_job_finished_changes_nothing(server: str, engines: Engines) -> None:
    row = await _waiting()
    assert await process_recording(engines, row.id) is RecordingStatus.EVALUATED
    first = await _rows(row.id)
    assert len(first[0]) == 4 and first[1] == 3 and first[2] > 0
    assert first[3] == [Evaluator.AI]
    assert await process_recording(engines, row.id) is None
    assert await _rows(row.id) == first


async def test_a_worker_dying_between_the_writes_is_made_good(
    server: str, engines: Engines
) -> None:
    row = await _waiting()
    await process_recording(engines, row.id)
    segments = await _rows(row.id)
    # As if the worker had died after storing the segments, before the evaluation.
    await Evaluation.filter(recording_id=row.id).delete()
    await RecordingWord.filter(recording_id=row.id).delete()
    await Recording.filter(id=row.id).update(status=RecordingStatus.TRANSCRIBED)
    assert await process_recording(engines, row.id) is RecordingStatus.EVALUATED
    assert await _rows(row.id) == segments  # the same segments (ids), one evaluation again


async def test_a_worker_dying_mid_transcription_is_made_good(server: str, engines: Engines) -> None:
    row = await _waiting()
    await process_recording(engines, row.id)
    # As if a run died while transcribing again: PROCESSING with the old rows still there.
    await Recording.filter(id=row.id).update(status=RecordingStatus.PROCESSING)
    old = await _rows(row.id)
    assert await process_recording(engines, row.id) is RecordingStatus.EVALUATED
    new = await _rows(row.id)
    assert len(new[0]) == 4 and not set(new[0]) & set(old[0])  # replaced, not added to
    assert new[1:] == old[1:]


@pytest.mark.skipif(RECORDING_OPS is None, reason="recordings.graphql is absent")
async def test_the_job_is_queued_with_the_recording(
    app: Starlette, server: str, gql: GraphQLClient
) -> None:
    _, token = await signed_in()
    async with only_other_processes_run_jobs(app):  # none here: the job waits
        payload = await call(
            gql, "CreateRecording", token, title="Queued", language="en", transcript=PLAIN
        )
        recording_id = decode_global_id(payload["recording"]["id"])
        rows = await connections.get("default").execute_query_dict(
            "SELECT queueing_lock, status FROM procrastinate_jobs WHERE task_name = $1 "
            "AND args->>'recording_id' = $2",
            [process_recording_job.name, str(recording_id)],
        )
        assert [(r["queueing_lock"], r["status"]) for r in rows] == [
            (f"recording:{recording_id}", "todo")
        ]
    await until_status(recording_id, RecordingStatus.EVALUATED)
