"""Identity mail is a job queued with the request (core/jobs.py): the server process that
answered a sign-up or a reset request may die right after answering, before any worker took
the job; another process sends each mail, once."""

from __future__ import annotations

import asyncio
import os
import signal
import uuid

import httpx
from starlette.applications import Starlette

from core import jobs
from models.identity import OutboxMessage
from tests.factories.identity import create_user
from tests.graphql_client import GraphQLClient, operation
from tests.job_workers import only_other_processes_run_jobs
from tests.ws_conversation_client import app_process

OPS = operation("identity.graphql")


async def test_sign_up_and_reset_mail_survive_the_answering_process(
    app: Starlette, server: str, database_url: str
) -> None:
    tag = uuid.uuid4().hex[:8]
    newcomer, forgetful = f"new-{tag}@example.com", f"forgetful-{tag}@example.com"
    await create_user(email=forgetful)
    async with only_other_processes_run_jobs(app):
        async with app_process(database_url, JOBS_IN_SERVER="0") as (url, pid):
            async with httpx.AsyncClient(base_url=url, timeout=30) as http:
                gql = GraphQLClient(http)
                signed_up = await gql(
                    OPS,
                    {"email": newcomer, "password": "a fine password", "displayName": "New"},
                    operation_name="SignUp",
                )
                assert signed_up["signUp"]["errors"] == []
                reset = await gql(OPS, {"email": forgetful}, operation_name="RequestPasswordReset")
                assert reset["requestPasswordReset"] == {"ok": True, "errors": []}
            os.kill(pid, signal.SIGKILL)
        assert not await OutboxMessage.filter(to__in=[newcomer, forgetful]).exists()

        async with app_process(database_url), asyncio.timeout(30):
            await jobs.wait_until_idle(within=30)
    mail = await OutboxMessage.filter(to__in=[newcomer, forgetful]).values_list("to", "subject")
    assert sorted(mail) == [
        (forgetful, "Reset your lingograph password"),
        (newcomer, "Confirm your lingograph email"),
    ]
