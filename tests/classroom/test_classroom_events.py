"""The `classroomEvents` subscription over real WebSockets: the teacher sees `MemberJoined` and
`SubmissionReceived` caused through another server process (Python client, both subprotocols,
and the JavaScript `graphql-ws` npm client); who may subscribe (teacher and admins; a member is
FORBIDDEN, anyone else NOT_FOUND, anonymous UNAUTHENTICATED); and what is not sent: another
classroom's events, refused submissions and joins, changes that roll back."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import pytest_asyncio
from tortoise.transactions import in_transaction

from core.pubsub import get_pubsub
from engine.ids import global_id
from models.classroom import Assignment, Classroom
from models.identity import Role, User
from resolvers.classroom import events
from tests.factories.classroom import (
    assignment,
    class_work,
    classroom,
    done_attempt,
    done_lesson,
    in_scope_operations,
    member,
)
from tests.factories.identity import signed_in, token_for
from tests.graphql_client import GraphQLClient
from tests.node_tools import run_js_client, ws_client_skip_reason
from tests.ws_conversation_client import LEGACY_WS, TRANSPORT_WS, WsClient, app_process

OPS = in_scope_operations()
pytestmark = pytest.mark.skipif(OPS is None, reason="classroom.graphql is absent")
PROTOCOLS = [TRANSPORT_WS, LEGACY_WS]
NODE_SKIP_REASON = ws_client_skip_reason()
needs_node = pytest.mark.skipif(NODE_SKIP_REASON is not None, reason=NODE_SKIP_REASON or "")

FORBIDDEN = {
    "message": "Only the classroom's teacher and admins may do this.",
    "extensions": {"code": "FORBIDDEN", "field": None},
}
NOT_FOUND = {
    "message": "Classroom not found.",
    "extensions": {"code": "NOT_FOUND", "field": "classroomId"},
}


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def second_server(database_url: str, server: str) -> AsyncIterator[str]:
    """Another uvicorn process serving the same database: the joins and submissions go there."""
    async with app_process(database_url) as (url, _pid):
        yield url


@pytest_asyncio.fixture
async def other(second_server: str) -> AsyncIterator[GraphQLClient]:
    async with httpx.AsyncClient(base_url=second_server, timeout=30) as client:
        yield GraphQLClient(client)


async def call(gql: GraphQLClient, op: str, token: str | None, /, **variables: Any) -> Any:
    """The payload of one classroom operation (the value of its only root field)."""
    assert OPS is not None
    data = await gql(OPS, variables, token=token, operation_name=op)
    return next(iter(data.values()))


def _variables(room: Classroom) -> dict[str, Any]:
    return {"classroomId": global_id("Classroom", room.id)}


async def _subscribe(server: str, protocol: str, token: str | None, room: Classroom) -> WsClient:
    assert OPS is not None
    client = await WsClient.connect(server, protocol, token)
    assert (await client.ack())["type"] == "connection_ack"
    await client.subscribe("1", OPS, _variables(room), "ClassroomEvents")
    return client


async def _registered(database_url: str, room: Classroom) -> None:
    """Until this process's pub/sub delivers the classroom's events to a subscriber."""
    pubsub = get_pubsub(database_url)
    async with asyncio.timeout(10):
        await pubsub.wait_for(lambda p: p.delivering_to(events.topic(room.id)))


@contextlib.asynccontextmanager
async def _watching(
    server: str, database_url: str, token: str, room: Classroom, protocol: str = TRANSPORT_WS
) -> AsyncIterator[WsClient]:
    """A subscription to the classroom's events on the test process's server, registered."""
    client = await _subscribe(server, protocol, token, room)
    try:
        await _registered(database_url, room)
        yield client
    finally:
        await client.close()


async def _event(client: WsClient) -> dict[str, Any]:
    kind, payload = await client.next_payload()
    assert kind == "next" and "errors" not in payload, (kind, payload)
    return payload["data"]["classroomEvents"]


async def _nothing_more(client: WsClient) -> None:
    with pytest.raises(TimeoutError):
        await client.next_payload(timeout=0.5)


def joined_event(membership_id: str, student: User) -> dict[str, Any]:
    return {
        "__typename": "MemberJoined",
        "membership": {"id": membership_id, "student": {"displayName": student.display_name}},
    }


def submission_event(
    submission_id: str, status: str, student: User, task: Assignment
) -> dict[str, Any]:
    return {
        "__typename": "SubmissionReceived",
        "submission": {
            "id": submission_id,
            "status": status,
            "student": {"displayName": student.display_name},
            "assignment": {"id": global_id("Assignment", task.id), "title": task.title},
        },
    }


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_the_teacher_sees_joins_and_submissions_made_through_another_process(
    server: str, database_url: str, gql: GraphQLClient, other: GraphQLClient, protocol: str
) -> None:
    teacher, teacher_token = await signed_in(Role.TEACHER, display_name="Ms Rivera")
    work = await class_work(teacher)
    task = await assignment(work.room, lesson=work.lesson, title="Lesson one, read aloud")
    student, token = await signed_in(display_name="Ana Lima")
    await done_lesson(student, work)
    task_id = global_id("Assignment", task.id)

    async with _watching(server, database_url, teacher_token, work.room, protocol) as client:
        joined = await call(other, "JoinClassroom", token, joinCode=work.room.join_code)
        assert joined["errors"] == []
        assert await _event(client) == joined_event(joined["membership"]["id"], student)

        sent = await call(other, "SubmitAssignment", token, assignmentId=task_id)
        assert sent["errors"] == []
        submission_id = sent["submission"]["id"]
        assert await _event(client) == submission_event(submission_id, "SUBMITTED", student, task)

        # Returned (here: grading is not an event), resubmitted there: each event is loaded
        # fresh, with the status of the moment.
        returned = await call(
            gql, "GradeSubmission", teacher_token, submissionId=submission_id, score=40.0,
            status="RETURNED",
        )  # fmt: skip
        assert returned["errors"] == []
        again = await call(other, "SubmitAssignment", token, assignmentId=task_id)
        assert again["submission"]["id"] == submission_id
        assert await _event(client) == submission_event(submission_id, "RESUBMITTED", student, task)
        await _nothing_more(client)


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_an_admin_may_follow_any_classroom(
    server: str, database_url: str, other: GraphQLClient, protocol: str
) -> None:
    _, admin_token = await signed_in(Role.ADMIN)
    room = await classroom()
    student, token = await signed_in(display_name="Bo Chen")
    async with _watching(server, database_url, admin_token, room, protocol) as client:
        joined = await call(other, "JoinClassroom", token, joinCode=room.join_code)
        assert await _event(client) == joined_event(joined["membership"]["id"], student)


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_only_those_who_run_the_classroom_may_subscribe(server: str, protocol: str) -> None:
    room = await classroom()
    student, student_token = await signed_in()
    await member(room, student)
    other_teacher, other_teacher_token = await signed_in(Role.TEACHER)
    await classroom(other_teacher)  # runs a classroom, not this one
    _, outsider_token = await signed_in()
    cases = [(student_token, FORBIDDEN), (other_teacher_token, NOT_FOUND)]
    cases.append((outsider_token, NOT_FOUND))
    for token, error in cases:
        client = await _subscribe(server, protocol, token, room)
        try:
            assert await client.next_payload() == ("next", {"data": None, "errors": [error]})
            assert (await client.next_payload())[0] == "complete"
        finally:
            await client.close()


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_subscribing_without_a_viewer_is_refused(server: str, protocol: str) -> None:
    client = await _subscribe(server, protocol, None, await classroom())
    try:
        kind, payload = await client.next_payload()
        assert kind == "error"
        errors = payload if isinstance(payload, list) else [payload]
        assert [(e["message"], e["extensions"]["code"]) for e in errors] == [
            ("You must be signed in.", "UNAUTHENTICATED")
        ]
    finally:
        await client.close()


async def test_what_does_not_commit_or_is_elsewhere_is_not_sent(
    server: str, database_url: str, gql: GraphQLClient, other: GraphQLClient
) -> None:
    teacher, teacher_token = await signed_in(Role.TEACHER)
    work = await class_work(teacher)
    task = await assignment(work.room, lesson=work.lesson)
    student, token = await signed_in()
    membership = await member(work.room, student)  # the lesson is not done
    elsewhere = await classroom()
    newcomer, newcomer_token = await signed_in(display_name="Cy Okafor")

    async with _watching(server, database_url, teacher_token, work.room) as client:
        # A refused submission: nothing was written, nothing is announced.
        refused = await call(
            other, "SubmitAssignment", token, assignmentId=global_id("Assignment", task.id)
        )
        assert [(e["field"], e["code"]) for e in refused["errors"]] == [
            ("assignmentId", "NOT_STARTED")
        ]
        # Joining again: the same membership, no new member.
        again = await call(other, "JoinClassroom", token, joinCode=work.room.join_code)
        assert again["membership"]["id"] == global_id("ClassMembership", membership.id)
        # A change that rolls back takes its announcement with it.
        with contextlib.suppress(RuntimeError):
            async with in_transaction() as conn:
                await events.announce(conn, work.room.id, events.MEMBER_JOINED, membership.id)
                raise RuntimeError("rolled back")
        # Another classroom's events go to that classroom's subscribers only.
        assert (await call(other, "JoinClassroom", token, joinCode=elsewhere.join_code))[
            "errors"
        ] == []
        # What reaches the teacher first is the next join that commits in their classroom.
        joined = await call(gql, "JoinClassroom", newcomer_token, joinCode=work.room.join_code)
        assert await _event(client) == joined_event(joined["membership"]["id"], newcomer)
        await _nothing_more(client)


def _caused_once_subscribed(database_url: str, room: Classroom, cause: Any) -> Any:
    """A run_js_client trigger: `cause()` once the Node client's subscription is registered
    here, unless the client has already exited (its summary then says why)."""

    async def trigger(process: asyncio.subprocess.Process) -> None:
        pubsub = get_pubsub(database_url)
        subscribed = asyncio.ensure_future(
            pubsub.wait_for(lambda p: p.delivering_to(events.topic(room.id)))
        )
        exited = asyncio.ensure_future(process.wait())
        await asyncio.wait({subscribed, exited}, return_when=asyncio.FIRST_COMPLETED)
        if exited.done():
            subscribed.cancel()
            return
        exited.cancel()
        await cause()

    return trigger


async def _run_npm_client(
    server: str, token: str, room: Classroom, count: int, trigger: Any = None
) -> dict[str, Any]:
    assert OPS is not None
    return await run_js_client(
        "subscription",
        server,
        trigger,
        GRAPHQL_TOKEN=token,
        SUBSCRIPTION=OPS,
        OPERATION_NAME="ClassroomEvents",
        VARIABLES=json.dumps(_variables(room)),
        EVENTS=str(count),
    )


@needs_node
async def test_the_graphql_ws_npm_client_receives_events_caused_through_another_process(
    server: str, database_url: str, other: GraphQLClient
) -> None:
    teacher, teacher_token = await signed_in(Role.TEACHER)
    work = await class_work(teacher)
    task = await assignment(work.room, quiz_row=work.quiz, title="Quiz one")
    student, token = await signed_in(display_name="Dana Ruiz")
    await done_attempt(student, work.quiz)
    caused: dict[str, Any] = {}

    async def join_and_submit() -> None:
        caused["joined"] = await call(other, "JoinClassroom", token, joinCode=work.room.join_code)
        caused["sent"] = await call(
            other, "SubmitAssignment", token, assignmentId=global_id("Assignment", task.id)
        )

    trigger = _caused_once_subscribed(database_url, work.room, join_and_submit)
    summary = await _run_npm_client(server, teacher_token, work.room, 2, trigger)
    assert summary["errors"] == []
    assert summary["protocol"] == "graphql-transport-ws"
    assert caused["joined"]["errors"] == caused["sent"]["errors"] == []
    membership_id = caused["joined"]["membership"]["id"]
    submission_id = caused["sent"]["submission"]["id"]
    assert summary["events"] == [
        {"data": {"classroomEvents": joined_event(membership_id, student)}},
        {"data": {"classroomEvents": submission_event(submission_id, "SUBMITTED", student, task)}},
    ]
    frames = summary["frames"]
    assert frames["binary"] == 0
    assert frames["types"] == ["connection_ack", "next", "next"]
    assert summary["close"] == {"code": 1000, "reason": "Normal Closure"}


@needs_node
async def test_the_graphql_ws_npm_client_of_a_student_is_refused(server: str) -> None:
    room = await classroom()
    student = (await member(room)).student_id
    token = await token_for(await User.get(id=student))
    summary = await _run_npm_client(server, token, room, 1)
    assert summary["errors"] == []
    assert summary["events"] == [{"data": None, "errors": [FORBIDDEN]}]
    assert summary["frames"]["types"] == ["connection_ack", "next", "complete"]
