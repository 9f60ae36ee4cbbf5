"""The teacher's reply is a job (core/jobs.py): it survives the server process that accepted
the learner's message being killed, whether the job was still waiting (no worker had taken
it) or running (its worker dies mid-reply and the job is recovered as stalled), and it
arrives exactly once."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from core import jobs
from engine.ids import global_id
from models.conversation import ConversationMessage, Sender
from resolvers.conversation.reply import (
    REPLY_FAILED,
    produce_reply,
    reply_id_for,
    store_message,
)
from services.tutor.base import TutorError
from services.tutor.local import LocalEngine
from tests.factories.conversation import session_for, teacher
from tests.factories.identity import signed_in
from tests.graphql_client import GraphQLClient, operation
from tests.job_workers import only_other_processes_run_jobs
from tests.tutor_stand_in import PIECES, StandIn
from tests.ws_conversation_client import app_process

OPS = operation("conversation.graphql")
FAST_RECOVERY = {"JOB_HEARTBEAT_SECONDS": "0.2", "JOB_STALLED_SECONDS": "1"}


def _tutor_env(stand_in: StandIn) -> dict[str, str]:
    return {
        "TUTOR_ENGINE": "remote",
        "TUTOR_BASE_URL": stand_in.url,
        "TUTOR_MODEL": "stand-in",
        "TUTOR_TIMEOUT_SECONDS": "10",
        **FAST_RECOVERY,
    }


def _asked(stand_in: StandIn, said: str) -> list[dict]:
    """The tutor requests answering `said` (others' leftovers may be answered meanwhile)."""
    return [r for r in stand_in.requests if r["body"]["messages"][-1]["content"] == said]


async def _replies(message_id: str) -> list[ConversationMessage]:
    return await ConversationMessage.filter(metadata__contains={"inReplyTo": message_id})


@pytest.mark.parametrize("running", [False, True], ids=["waiting", "running"])
async def test_reply_survives_the_accepting_process_being_killed(
    app: Starlette, server: str, database_url: str, stand_in: StandIn, running: bool
) -> None:
    user, token = await signed_in()
    session = await session_for(user, await teacher(0))
    said = f"Hello from a process about to die ({'running' if running else 'waiting'})."
    stand_in.mode, stand_in.delay = "ok", 1.5
    stand_in.requests.clear()
    env = _tutor_env(stand_in)
    async with only_other_processes_run_jobs(app):
        accepting = app_process(database_url, **env, JOBS_IN_SERVER="1" if running else "0")
        async with accepting as (url, pid):
            async with httpx.AsyncClient(base_url=url, timeout=30) as http:
                sent = await GraphQLClient(http)(
                    OPS,
                    {"sessionId": global_id("ConversationSession", session.id), "content": said},
                    token,
                    "SendMessage",
                )
            assert sent["sendMessage"]["errors"] == []
            if running:  # killed while its worker is asking the tutor
                async with asyncio.timeout(10):
                    while True:
                        if _asked(stand_in, said):
                            break
                        await asyncio.sleep(0.02)
            os.kill(pid, signal.SIGKILL)
        stored = await ConversationMessage.filter(session_id=session.id).order_by("sequence")
        assert [(m.sender, m.content) for m in stored] == [(Sender.USER, said)]

        async with app_process(database_url, **env), asyncio.timeout(30):
            await jobs.wait_until_idle(within=30)
    [message] = await ConversationMessage.filter(session_id=session.id, sender=Sender.USER)
    replies = await _replies(str(message.id))
    assert [(r.id, r.sender, r.content) for r in replies] == [
        (reply_id_for(message.id), Sender.AI, "".join(PIECES))
    ]
    # Killed mid-reply, the tutor was asked again by the process that recovered the job.
    assert len(_asked(stand_in, said)) == (2 if running else 1)


async def test_a_reply_job_run_twice_replies_once(server: str) -> None:
    user, _ = await signed_in()
    session = await session_for(user, await teacher(0))
    message = await store_message(session.id, Sender.USER, "I goed to school.")
    first = await produce_reply(LocalEngine(), session.id, message.id)
    again = await produce_reply(LocalEngine(), session.id, message.id)  # e.g. after a crash
    assert again.id == first.id == reply_id_for(message.id)
    replies = await _replies(str(message.id))
    assert [(r.id, r.sender) for r in replies] == [(first.id, Sender.AI)]


async def test_a_failed_attempt_is_retried_and_only_the_last_tells_the_learner(
    server: str,
) -> None:
    class Failing(LocalEngine):
        async def stream_reply(self, turn: Any) -> AsyncIterator[str]:
            raise TutorError("the tutor took too long to reply")
            yield ""  # an async generator

    user, _ = await signed_in()
    session = await session_for(user, await teacher(0))
    message = await store_message(session.id, Sender.USER, "Hello?")
    with pytest.raises(TutorError):
        await produce_reply(Failing(), session.id, message.id, final=False)
    assert await _replies(str(message.id)) == []  # a retry will come
    notice = await produce_reply(Failing(), session.id, message.id, final=True)
    assert (notice.sender, notice.content) == (Sender.SYSTEM, REPLY_FAILED)
    recovered = await produce_reply(LocalEngine(), session.id, message.id)
    assert recovered.id == notice.id  # the reply slot is taken: no second answer
