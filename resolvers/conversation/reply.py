"""Storing conversation messages and producing the teacher's reply in the background.

The reply is produced after `sendMessage` has returned: its chunks are published as
`chunk` events (with the id the reply message will have), then the stored reply as a
`message` event. When the engine fails, the learner's message stays, a system message says
the reply failed, and the session remains usable.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from typing import Any

from tortoise.transactions import in_transaction

from core.background import spawn
from core.errors import AppError, ErrorCode
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
from services.tutor.base import HISTORY_TURNS, Persona, ScenarioBrief, Turn, TutorEngine, TutorError
from services.tutor.rules import Finding

log = logging.getLogger("lingograph.conversation")

CHUNK_EVENT_CHARS = 1000  # keeps a chunk event well under the 8000-byte NOTIFY limit
REPLY_FAILED = "The teacher could not reply just now. Your message was saved; please try again."


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
    engine: TutorEngine, session_id: Any, message_id: Any
) -> ConversationMessage:
    """Stream the teacher's reply to `message_id`'s subscribers, then store and announce it."""
    reply_id = uuid.uuid4()
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
    except Exception as error:
        # Any failure (engine, network, a bug) must leave the session usable.
        if isinstance(error, TutorError):
            log.warning("tutor reply to %s failed: %s", message_id, error)
        else:
            log.exception("tutor reply to %s failed", message_id)
        meta["error"] = str(error) if isinstance(error, TutorError) else "internal error"
        reply = await store_message(session_id, Sender.SYSTEM, REPLY_FAILED, metadata=meta)
    await publish_message(session_id, reply.id)
    return reply


def schedule_reply(engine: TutorEngine, session: ConversationSession, message_id: Any) -> None:
    """Produce the reply in the background; the mutation does not wait for it."""
    spawn(produce_reply(engine, session.id, message_id), name=f"reply-to-{message_id}")
