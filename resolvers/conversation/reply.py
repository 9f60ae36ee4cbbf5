"""Storing conversation messages and producing the teacher's reply as a job.

`sendMessage` stores the learner's message and, in the same transaction, a
`conversation.reply` job (core/jobs.py), so a reply is never lost to a worker dying after
the answer. The job streams the reply's chunks as `chunk` events (with the id the reply
will have), then stores it and announces it as a `message` event. A failed attempt is
retried (its chunks start again); when the last one fails, the learner's message stays, a
system message says the reply failed, and the session remains usable.

Once: the reply's id derives from the learner's message, so a job that runs twice (a
worker killed after storing the reply) finds the reply there and does nothing.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from datetime import timedelta
from typing import Any, cast

from procrastinate import JobContext
from tortoise import connections
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from core import jobs
from core.errors import AppError, ErrorCode
from core.events import emit
from core.pubsub import publish
from models.catalog import ConversationScenario
from models.conversation import (
    ConversationMessage,
    ConversationSession,
    Correction,
    Sender,
    TeacherProfile,
)
from resolvers.conversation import queries
from resolvers.conversation.events import CorrectionMade, CorrectionsMade
from services.tutor.base import HISTORY_TURNS, Persona, ScenarioBrief, Turn, TutorEngine, TutorError
from services.tutor.rules import Finding

log = logging.getLogger("lingograph.conversation")

CHUNK_EVENT_CHARS = 1000  # keeps a chunk event well under the 8000-byte NOTIFY limit
REPLY_FAILED = "The teacher could not reply just now. Your message was saved; please try again."
REPLY_ATTEMPTS = 3  # a failed attempt is retried after 1 s, then 2 s
UNANSWERED_LOOKBACK = timedelta(days=1)  # older unanswered messages are left alone
_REPLY_IDS = uuid.UUID("6f1c8e2a-0d4b-5c57-9a43-2b8d1e7f0c11")


def reply_id_for(message_id: Any) -> uuid.UUID:
    """The id of the reply to the learner's message `message_id` (the same on every attempt)."""
    return uuid.uuid5(_REPLY_IDS, str(message_id))


def topic(session_id: Any) -> str:
    return f"conversation:{session_id}"


async def _announce(session_id: Any, event: dict[str, Any]) -> None:
    # Events are best effort: the data is already committed and can be re-read, so a
    # failed NOTIFY must not turn a successful mutation into an error.
    try:
        await publish(topic(session_id), event)
    except Exception:
        log.exception("could not publish %s event of conversation %s", event["type"], session_id)


async def publish_message(session_id: Any, message_id: Any) -> None:
    await _announce(session_id, {"type": "message", "id": str(message_id)})


async def publish_status(session_id: Any) -> None:
    await _announce(session_id, {"type": "status", "id": str(session_id)})


async def store_message(
    session_id: Any,
    sender: Sender,
    content: str,
    *,
    findings: Sequence[Finding] = (),
    suggestions: list[str] | None = None,
    metadata: dict[str, Any] | None = None,
    message_id: uuid.UUID | None = None,
    vocabulary: dict[str, int] | None = None,
) -> ConversationMessage:
    """Append a message (with its corrections and vocabulary) to a session, atomically.

    The session's counter gives the message its sequence; learner messages are refused
    once the session is closed (checked in the same statement, so no race).
    """
    next_sequence = (
        queries.NEXT_SEQUENCE_IF_OPEN if sender == Sender.USER else queries.NEXT_SEQUENCE
    )
    async with in_transaction() as conn:
        rows = await conn.execute_query_dict(next_sequence, [session_id])
        if not rows:
            raise AppError.of(ErrorCode.SESSION_CLOSED, "This conversation has ended.", "sessionId")
        message = await ConversationMessage.create(
            id=message_id or uuid.uuid4(),
            session_id=session_id,
            sequence=rows[0]["message_count"],
            sender=sender,
            content=content,
            suggestions=suggestions or [],
            metadata=metadata or {},
            using_db=conn,
        )
        if findings:
            await Correction.bulk_create(
                [
                    Correction(
                        message_id=message.id,
                        position=i,
                        original=f.original,
                        corrected=f.corrected,
                        explanation=f.explanation,
                        type=f.type,
                        severity=f.severity,
                        rule=f.rule,
                        start=f.start,
                        end=f.end,
                    )
                    for i, f in enumerate(findings)
                ],
                using_db=conn,
            )
            # Higher domains react in this transaction (the studio makes review cards).
            owner = await (
                ConversationSession.filter(id=session_id)
                .using_db(conn)
                .first()
                .values_list("user_id", flat=True)
            )
            await emit(
                CorrectionsMade(
                    user_id=cast(uuid.UUID, owner),
                    session_id=uuid.UUID(str(session_id)),
                    message_id=message.id,
                    text=content,
                    corrections=tuple(
                        CorrectionMade(
                            f.original,
                            f.corrected,
                            f.explanation,
                            f.type,
                            f.severity,
                            f.start,
                            f.end,
                        )
                        for f in findings
                    ),
                ),
                conn,
            )
        if vocabulary:
            words = sorted(vocabulary)
            await conn.execute_query(
                queries.ADD_VOCABULARY, [session_id, words, [vocabulary[w] for w in words]]
            )
    return message


async def build_turn(session: ConversationSession, message: ConversationMessage) -> Turn:
    teacher = await TeacherProfile.get(id=session.teacher_id)
    scenario = None
    if session.scenario_id is not None:
        scenario = await ConversationScenario.get_or_none(id=session.scenario_id)
    earlier = (
        await ConversationMessage.filter(session_id=session.id, sequence__lt=message.sequence)
        .order_by("-sequence")
        .limit(HISTORY_TURNS)
    )
    corrections = await Correction.filter(message_id=message.id).order_by("position")
    turn_number = (
        1
        + await ConversationMessage.filter(
            session_id=session.id, sender=Sender.USER, sequence__lt=message.sequence
        ).count()
    )
    return Turn(
        persona=Persona(
            name=teacher.name,
            description=teacher.description,
            personality=teacher.personality or {},
            teaching_style=teacher.teaching_style or {},
            voice=teacher.voice or {},
            focus=teacher.focus or {},
            customizations=session.config or {},
        ),
        scenario=ScenarioBrief(
            name=scenario.name,
            context=scenario.context,
            role_play_instructions=scenario.role_play_instructions,
            key_phrases=list(scenario.key_phrases or []),
        )
        if scenario is not None
        else None,
        message=message.content,
        corrections=[
            Finding(
                c.rule, c.original, c.corrected, c.explanation, c.type, c.severity, c.start, c.end
            )
            for c in corrections
        ],
        history=[(m.sender.value, m.content) for m in reversed(earlier)],
        turn_number=turn_number,
    )


async def produce_reply(
    engine: TutorEngine, session_id: Any, message_id: Any, *, final: bool = True
) -> ConversationMessage:
    """Stream the teacher's reply to `message_id`'s subscribers, then store and announce it.

    A failure raises unless `final` (the job retries); the final failure stores the system
    message instead. Run again after succeeding, it returns the stored reply."""
    reply_id = reply_id_for(message_id)
    existing = await ConversationMessage.get_or_none(id=reply_id)
    if existing is not None:
        return existing
    meta: dict[str, Any] = {"engine": engine.name, "inReplyTo": str(message_id)}
    try:
        session = await ConversationSession.get(id=session_id)
        message = await ConversationMessage.get(id=message_id)
        turn = await build_turn(session, message)
        pieces: list[str] = []
        async for piece in engine.stream_reply(turn):
            pieces.append(piece)
            for start in range(0, len(piece), CHUNK_EVENT_CHARS):
                await publish(
                    topic(session_id),
                    {
                        "type": "chunk",
                        "messageId": str(reply_id),
                        "text": piece[start : start + CHUNK_EVENT_CHARS],
                    },
                )
        text = "".join(pieces).strip()
        if not text:
            raise TutorError("the tutor sent an empty reply")
        reply = await store_message(
            session_id,
            Sender.AI,
            text,
            suggestions=engine.suggestions(turn),
            metadata=meta,
            message_id=reply_id,
        )
    except IntegrityError:
        # Stored meanwhile by another run of this job.
        return await ConversationMessage.get(id=reply_id)
    except Exception as error:
        # Any failure (engine, network, database, a bug) must leave the session usable.
        if isinstance(error, TutorError):
            log.warning("tutor reply to %s failed: %s", message_id, error)
        else:
            log.exception("tutor reply to %s failed", message_id)
        if not final:
            raise
        meta["error"] = str(error) if isinstance(error, TutorError) else "internal error"
        reply = await store_message(
            session_id, Sender.SYSTEM, REPLY_FAILED, metadata=meta, message_id=reply_id
        )
    await publish_message(session_id, reply.id)
    return reply


@jobs.task("conversation.reply", attempts=REPLY_ATTEMPTS, backoff="linear")
async def reply_job(context: JobContext, session_id: str, message_id: str) -> None:
    await produce_reply(
        jobs.services_of(context).tutor,
        session_id,
        message_id,
        final=jobs.is_last_attempt(context, REPLY_ATTEMPTS),
    )


@jobs.on_worker_start
async def schedule_missing_replies() -> int:
    """Nothing left behind: a recent learner message with no reply and no reply job (e.g. from
    before the queue existed) gets its job when a worker starts; how many."""
    rows = await connections.get("default").execute_query_dict(
        queries.UNANSWERED_MESSAGES, [UNANSWERED_LOOKBACK, reply_job.name]
    )
    for row in rows:
        await schedule_reply(row["session_id"], row["id"])
    if rows:
        log.warning("%d learner messages had no reply; their replies are queued", len(rows))
    return len(rows)


async def schedule_reply(session_id: Any, message_id: Any) -> None:
    """Enqueue the reply to `message_id` in the caller's transaction (it runs after commit)."""
    await jobs.defer(
        reply_job,
        queueing_lock=f"reply:{message_id}",
        session_id=str(session_id),
        message_id=str(message_id),
    )
