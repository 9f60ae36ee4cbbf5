"""core/events: subscribers run in registration order, once each, inside the emitter's
transaction; the learning domain's activity log is written through it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from tortoise.transactions import in_transaction

from core import events
from engine.ids import global_id
from models.learning import ActivityEvent, ActivityKind
from resolvers.learning.activity import record_lesson_started
from resolvers.learning.events import LessonStarted
from tests.factories.catalog import course_tree
from tests.factories.identity import signed_in
from tests.factories.learning_play import run, start
from tests.graphql_client import GraphQLClient


@dataclass(frozen=True)
class Pinged:
    text: str


async def test_subscribers_run_in_order_and_once(server: str) -> None:
    heard: list[str] = []

    async def first(event: Pinged, conn: Any) -> None:
        heard.append(f"first {event.text}")

    async def second(event: Pinged, conn: Any) -> None:
        heard.append(f"second {event.text}")

    events.subscribe(Pinged, first)
    events.subscribe(Pinged, second)
    events.subscribe(Pinged, first)  # no second registration
    async with in_transaction() as conn:
        await events.emit(Pinged("hello"), conn)
    assert heard == ["first hello", "second hello"]
    assert events.subscribers(Pinged) == [first, second]


async def test_what_subscribers_write_rolls_back_with_the_transaction(server: str) -> None:
    user, _ = await signed_in()
    tree = await course_tree(lessons=1, exercises=0)
    lesson_id = tree.lessons[0].id
    assert record_lesson_started in events.subscribers(LessonStarted)
    with pytest.raises(RuntimeError):
        async with in_transaction() as conn:
            await events.emit(LessonStarted(user.id, lesson_id), conn)
            assert await ActivityEvent.filter(user_id=user.id).using_db(conn).count() == 1
            raise RuntimeError("the change fails")
    assert await ActivityEvent.filter(user_id=user.id).count() == 0


async def test_starting_a_lesson_logs_the_activity(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    tree = await course_tree(lessons=1, exercises=0)
    await run(gql, "Enroll", token, courseId=global_id("Course", tree.course.id))
    assert (await start(gql, token, tree.lessons[0]))["errors"] == []
    # Enrolling logs its own row (resolvers/insight/activity.py).
    started = ActivityEvent.filter(user_id=user.id, kind=ActivityKind.LESSON_STARTED)
    rows = await started.values("kind", "lesson_id", "data")
    assert rows == [
        {"kind": ActivityKind.LESSON_STARTED, "lesson_id": tree.lessons[0].id, "data": {}}
    ]
