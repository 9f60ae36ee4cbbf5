"""The recordings tests' stand-in servers, one per module: an S3-compatible store and an
OpenAI-compatible transcription endpoint."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest_asyncio

from tests.recordings.s3_stand_in import S3StandIn, s3_app
from tests.recordings.transcriber_stand_in import TranscriberStandIn, transcriber_app
from tests.servers import serve


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def s3_stand_in() -> AsyncIterator[S3StandIn]:
    state = S3StandIn()
    async with serve(s3_app(state)) as base_url:
        state.url = base_url
        yield state


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def transcriber_stand_in() -> AsyncIterator[TranscriberStandIn]:
    state = TranscriberStandIn()
    # force_exit: a "slow" answer may still be sleeping when the module ends.
    async with serve(transcriber_app(state), force_exit=True) as base_url:
        state.url = f"{base_url}/v1"
        yield state
