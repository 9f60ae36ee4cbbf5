"""The learner's activity log (`activity_events`), written by subscribers of the learning
events in the transaction that caused them."""

from __future__ import annotations

from typing import Any

from core import events
from models.learning import ActivityEvent, ActivityKind
from resolvers.learning.events import AnswerSubmitted, LessonCompleted, LessonStarted


async def record_lesson_started(event: LessonStarted, conn: Any) -> None:
    await ActivityEvent.create(
        user_id=event.user_id,
        kind=ActivityKind.LESSON_STARTED,
        lesson_id=event.lesson_id,
        data={},
        using_db=conn,
    )


async def record_answer(event: AnswerSubmitted, conn: Any) -> None:
    await ActivityEvent.create(
        user_id=event.user_id,
        kind=ActivityKind.ANSWER_SUBMITTED,
        lesson_id=event.lesson_id,
        exercise_id=event.exercise_id,
        data={"correct": event.correct},
        using_db=conn,
    )


async def record_lesson_completed(event: LessonCompleted, conn: Any) -> None:
    await ActivityEvent.create(
        user_id=event.user_id,
        kind=ActivityKind.LESSON_COMPLETED,
        lesson_id=event.lesson_id,
        data={"score": event.score, "xp": event.xp},
        using_db=conn,
    )


def register_subscribers() -> None:
    events.subscribe(LessonStarted, record_lesson_started)
    events.subscribe(AnswerSubmitted, record_answer)
    events.subscribe(LessonCompleted, record_lesson_completed)
