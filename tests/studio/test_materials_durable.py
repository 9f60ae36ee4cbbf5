"""Processing a material is a durable job (core/jobs.py): it survives the server process
that accepted the material being killed, whether the job was still waiting or running (its
worker dies mid-generation and the job is recovered as stalled), and its effects happen
once: one set of chunks, assets and cards. A job run again after it committed writes
nothing; a failing engine is retried and only the last attempt fails the material."""

from __future__ import annotations

import asyncio
import os
import signal
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from tortoise import connections

from engine.ids import decode_global_id
from models.studio import (
    ContentChunk,
    GeneratedAsset,
    MaterialStatus,
    ReviewCard,
    StudyMaterial,
)
from resolvers.studio.jobs import RETRY_LATER, process_material, process_material_job
from services.generator.base import Generation, GeneratorError, Source
from services.generator.local import LocalGenerator
from services.generator.text import MAX_TEXT_CHARS
from tests.factories.identity import signed_in
from tests.factories.studio import (
    COFFEE,
    MATERIAL_OPS,
    WATER,
    call,
    material,
    processed_material,
    until_processed,
)
from tests.graphql_client import GraphQLClient
from tests.job_workers import only_other_processes_run_jobs
from tests.ws_conversation_client import app_process

pytestmark = pytest.mark.skipif(MATERIAL_OPS is None, reason="studio.graphql is absent")
FAST_RECOVERY = {"JOB_HEARTBEAT_SECONDS": "0.2", "JOB_STALLED_SECONDS": "1"}
CARD_TYPES = ("flashcard", "cloze", "quiz_question")
# Long enough (near the limit) that generating it takes a while: time to kill its worker.
LONG_TEXT = ((WATER + "\n\n" + COFFEE + "\n\n") * 200)[: MAX_TEXT_CHARS - 1000]


async def _job_running(material_id: Any) -> bool:
    rows = await connections.get("default").execute_query_dict(
        "SELECT 1 FROM procrastinate_jobs WHERE task_name = $1 AND status = 'doing' "
        "AND args->>'material_id' = $2",
        [process_material_job.name, str(material_id)],
    )
    return bool(rows)


async def _stored(material_id: Any) -> tuple[int, list[str], int]:
    """The material's chunks, its assets' source keys, and its cards."""
    chunks = await ContentChunk.filter(material_id=material_id).count()
    assets = await GeneratedAsset.filter(material_id=material_id).values_list(
        "source_key", flat=True
    )
    cards = await ReviewCard.filter(asset__material_id=material_id).count()
    return chunks, sorted(str(key) for key in assets), cards


def _expected(material_id: Any, made: Generation) -> tuple[int, list[str], int]:
    keys = sorted({f"material:{material_id}:{a.fingerprint}" for a in made.assets})
    cards = len({a.fingerprint for a in made.assets if a.type.value in CARD_TYPES})
    return len(made.chunks), keys, cards


@pytest.mark.parametrize("running", [False, True], ids=["waiting", "running"])
async def test_processing_survives_the_accepting_process_being_killed(
    app: Starlette, server: str, database_url: str, running: bool
) -> None:
    _, token = await signed_in()
    text = LONG_TEXT if running else WATER
    async with only_other_processes_run_jobs(app):
        accepting = app_process(
            database_url, **FAST_RECOVERY, JOBS_IN_SERVER="1" if running else "0"
        )
        async with accepting as (url, pid):
            async with httpx.AsyncClient(base_url=url, timeout=30) as http:
                created = await call(
                    GraphQLClient(http), "CreateStudyMaterial", token, title="Long", text=text,
                    language="en",
                )  # fmt: skip
            assert created["errors"] == []
            material_id = decode_global_id(created["material"]["id"])
            if running:  # killed while its worker is generating
                async with asyncio.timeout(20):
                    while True:
                        if await _job_running(material_id):
                            break
                        await asyncio.sleep(0.02)
            os.kill(pid, signal.SIGKILL)
        row = await StudyMaterial.get(id=material_id)
        assert row.status is MaterialStatus.PROCESSING  # nothing was written
        assert await _stored(material_id) == (0, [], 0)

        async with app_process(database_url, **FAST_RECOVERY):
            row = await until_processed(material_id, within=60)
    assert (row.status, row.failure_reason) == (MaterialStatus.READY, None)
    made = await LocalGenerator().generate(Source(text=text, language="en"))
    assert await _stored(material_id) == _expected(material_id, made)
    assert row.word_count == made.word_count


async def test_a_job_run_again_after_it_committed_writes_nothing(server: str) -> None:
    user, _ = await signed_in()
    row, status = await processed_material(user)
    assert status is MaterialStatus.READY
    stored = await _stored(row.id)
    processed_at = (await StudyMaterial.get(id=row.id)).processed_at
    assert await process_material(LocalGenerator(), row.id) is None  # e.g. after a crash
    assert await _stored(row.id) == stored
    assert (await StudyMaterial.get(id=row.id)).processed_at == processed_at


class Failing(LocalGenerator):
    async def generate(self, source: Source) -> Generation:
        raise GeneratorError("the engine is away")


async def test_a_failing_engine_is_retried_and_only_the_last_attempt_fails_the_material(
    server: str,
) -> None:
    user, _ = await signed_in()
    row = await material(user, status=MaterialStatus.PROCESSING)
    with pytest.raises(GeneratorError):
        await process_material(Failing(), row.id, final=False)
    assert (await StudyMaterial.get(id=row.id)).status is MaterialStatus.PROCESSING
    assert await process_material(Failing(), row.id, final=True) is MaterialStatus.FAILED
    failed = await StudyMaterial.get(id=row.id)
    assert (failed.status, failed.failure_reason) == (MaterialStatus.FAILED, RETRY_LATER)
    assert await _stored(row.id) == (0, [], 0)
