"""Conversation use cases: teachers and preferences, sessions, messages, evaluation.

Only a session's owner may read it, send to it, or subscribe to it; anyone else is told it
was not found. Messages are limited to MAX_MESSAGE_CHARS characters, and a learner may send
at most RATE_MAX_MESSAGES messages per RATE_WINDOW_SECONDS seconds to one session.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise import connections
from tortoise.transactions import in_transaction

from core.errors import AppError, ErrorCode, not_found
from core.events import emit
from core.pagination import KeysetQuery, Page, PageArgs, fetch_page
from loaders.base import Loaders, select_allowed, select_visible
from models.catalog import ConversationScenario
from models.conversation import (
    CLOSED_STATUSES,
    ConversationMessage,
    ConversationSession,
    Evaluation,
    Sender,
    SessionStatus,
    TeacherPreference,
    TeacherProfile,
)
from models.identity import User
from resolvers.catalog.policy import can_see_in
from resolvers.conversation import policy, queries
from resolvers.conversation.events import ConversationEnded
from resolvers.conversation.reply import (
    publish_message,
    publish_status,
    schedule_reply,
    store_message,
)
from resolvers.learning import check_achievements
from services.tutor.base import TutorEngine
from services.tutor.scoring import SessionStats, evaluate, vocabulary

MAX_MESSAGE_CHARS = 2000
RATE_WINDOW_SECONDS = 10
RATE_MAX_MESSAGES = 8


async def list_teachers(viewer: User | None) -> list[TeacherProfile]:
    """The teachers the viewer may see (policy.teachers), by name."""
    rows = await select_allowed(TeacherProfile, policy.teachers(viewer))
    return sorted(rows, key=lambda t: (t.name, str(t.id)))


async def choose_teacher(
    viewer: User, teacher_id: Any, customizations: Any | None
) -> TeacherPreference:
    teacher = await TeacherProfile.get_or_none(id=teacher_id)
    if not policy.can_use_teacher(viewer, teacher):
        raise not_found("Teacher", "teacherId")
    if customizations is not None and not isinstance(customizations, dict):
        raise AppError.of(ErrorCode.INVALID, "Customizations must be an object.", "customizations")
    async with in_transaction() as conn:
        # One active teacher per user: deactivate the others first.
        await (
            TeacherPreference.filter(user_id=viewer.id, is_active=True)
            .exclude(teacher_id=teacher_id)
            .using_db(conn)
            .update(is_active=False)
        )
        preference = (
            await TeacherPreference.filter(user_id=viewer.id, teacher_id=teacher_id)
            .using_db(conn)
            .select_for_update()
            .first()
        )
        if preference is None:
            preference = await TeacherPreference.create(
                user_id=viewer.id,
                teacher_id=teacher_id,
                is_active=True,
                customizations=customizations or {},
                using_db=conn,
            )
        else:
            preference.is_active = True
            if customizations is not None:
                preference.customizations = customizations
            await preference.save(using_db=conn)
    return preference


async def _default_teacher(viewer: User) -> tuple[TeacherProfile | None, dict[str, Any]]:
    preference = await TeacherPreference.filter(user_id=viewer.id, is_active=True).first()
    if preference is not None:
        teacher = await TeacherProfile.get_or_none(id=preference.teacher_id)
        if policy.can_use_teacher(viewer, teacher):
            return teacher, preference.customizations or {}
    teacher = await TeacherProfile.filter(is_system=True, is_active=True).order_by("name").first()
    return teacher, {}


async def _can_practise(
    loaders: Loaders, viewer: User, scenario: ConversationScenario | None
) -> bool:
    """An active scenario, free-standing or of a lesson the viewer can see."""
    if scenario is None or not scenario.is_active:
        return False
    lesson_id = scenario.lesson_id
    return lesson_id is None or await can_see_in(loaders, viewer, "lesson", lesson_id)


async def start_conversation(
    viewer: User, loaders: Loaders, scenario_id: Any | None, teacher_id: Any | None
) -> ConversationSession:
    if teacher_id is not None:
        teacher = await TeacherProfile.get_or_none(id=teacher_id)
        if teacher is None or not policy.can_use_teacher(viewer, teacher):
            raise not_found("Teacher", "teacherId")
        preference = await TeacherPreference.get_or_none(user_id=viewer.id, teacher_id=teacher_id)
        config = preference.customizations if preference is not None else {}
    else:
        teacher, config = await _default_teacher(viewer)
        if teacher is None:
            raise not_found("Teacher", "teacherId")
    if scenario_id is not None:
        scenario = await ConversationScenario.get_or_none(id=scenario_id)
        if not await _can_practise(loaders, viewer, scenario):
            raise not_found("Scenario", "scenarioId")
    session = await ConversationSession.create(
        user_id=viewer.id,
        teacher_id=teacher.id,
        scenario_id=scenario_id,
        started_at=datetime.now(UTC),
        config=config or {},
    )
    return session


async def _session(session_id: Any) -> ConversationSession | None:
    return await ConversationSession.get_or_none(id=session_id) if session_id else None


async def owned_session(viewer: User | None, session_id: Any, field: str = "sessionId") -> Any:
    """The viewer's own session, to act in, or NOT_FOUND (also for other users' sessions)."""
    session = await _session(session_id)
    if session is None or viewer is None or session.user_id != viewer.id:
        raise not_found("Conversation", field)
    return session


async def visible_session(viewer: User | None, session_id: Any, field: str = "sessionId") -> Any:
    """A session the viewer may see (`policy.sessions`: its learner, an admin, readers other
    domains grant), or NOT_FOUND."""
    if not session_id:
        raise not_found("Conversation", field)
    found = await select_visible(ConversationSession, [session_id], policy.sessions(viewer))
    session = found.get(session_id)
    if session is None:
        raise not_found("Conversation", field)
    return session


async def _open_session(viewer: User, session_id: Any) -> ConversationSession:
    """The viewer's own session, SESSION_CLOSED once it has ended."""
    session = await owned_session(viewer, session_id)
    if session.status in CLOSED_STATUSES:
        raise AppError.of(ErrorCode.SESSION_CLOSED, "This conversation has ended.", "sessionId")
    return session


def _duration_seconds(session: ConversationSession, now: datetime) -> int:
    return max(0, int((now - session.started_at).total_seconds()))


async def messages_after(session_id: Any, sequence: int) -> list[ConversationMessage]:
    """A session's messages after `sequence`, in order: what a subscriber may have missed."""
    return await ConversationMessage.filter(session_id=session_id, sequence__gt=sequence).order_by(
        "sequence"
    )


def _validate_content(content: str) -> str:
    text = content.strip()
    if not text:
        raise AppError.of(ErrorCode.INVALID, "Write a message first.", "content")
    if len(text) > MAX_MESSAGE_CHARS:
        raise AppError.of(
            ErrorCode.TOO_LONG,
            f"Messages are limited to {MAX_MESSAGE_CHARS} characters.",
            "content",
        )
    return text


async def _check_rate(session_id: Any, now: datetime) -> None:
    recent = await ConversationMessage.filter(
        session_id=session_id,
        sender=Sender.USER,
        created_at__gt=now - timedelta(seconds=RATE_WINDOW_SECONDS),
    ).count()
    if recent >= RATE_MAX_MESSAGES:
        raise AppError.of(
            ErrorCode.RATE_LIMITED,
            f"Slow down: at most {RATE_MAX_MESSAGES} messages per {RATE_WINDOW_SECONDS} seconds.",
            "content",
        )


async def send_message(
    viewer: User, tutor: TutorEngine, session_id: Any, content: str
) -> ConversationMessage:
    """Store and correct the learner's message; the teacher's reply is a job (reply.py)."""
    text = _validate_content(content)
    session = await _open_session(viewer, session_id)
    await _check_rate(session.id, datetime.now(UTC))
    findings = tutor.correct(text)
    async with in_transaction():
        message = await store_message(
            session.id,
            Sender.USER,
            text,
            findings=findings,
            metadata={"correctedText": _corrected(text, findings)} if findings else {},
            vocabulary=dict(vocabulary(text)),
        )
        if session.status == SessionStatus.PAUSED:
            await ConversationSession.filter(id=session.id).update(status=SessionStatus.ACTIVE)
            await publish_status(session.id)
        # Events and the reply job all take effect at commit, in this order: subscribers see
        # the learner's message before anything of the reply.
        await publish_message(session.id, message.id)
        await schedule_reply(session.id, message.id)
    return message


def _corrected(text: str, findings: list[Any]) -> str:
    from services.tutor.rules import apply

    return apply(text, findings)


async def _session_stats(session: ConversationSession) -> SessionStats:
    import json

    conn = connections.get("default")
    row = (await conn.execute_query_dict(queries.SESSION_STATS, [session.id]))[0]
    corrections = row["corrections"]
    if isinstance(corrections, str):
        corrections = json.loads(corrections)
    key_phrases_used = 0
    if session.scenario_id is not None:
        scenario = await ConversationScenario.get_or_none(id=session.scenario_id)
        said = str(row["learner_text"]).lower()
        phrases = scenario.key_phrases if scenario is not None else []
        key_phrases_used = sum(1 for p in phrases or [] if p.rstrip(". ").lower() in said)
    return SessionStats(
        user_messages=int(row["n"]),
        total_words=int(row["words"]),
        distinct_words=int(row["distinct_words"]),
        corrections=[(kind, severity) for kind, severity in corrections],
        key_phrases_used=key_phrases_used,
    )


async def end_conversation(viewer: User, session_id: Any) -> ConversationSession:
    """Complete the session, record its duration, and store its evaluation."""
    session = await _open_session(viewer, session_id)
    result = evaluate(await _session_stats(session))
    now = datetime.now(UTC)
    async with in_transaction() as conn:
        updated = (
            await ConversationSession.filter(id=session.id, status__not_in=list(CLOSED_STATUSES))
            .using_db(conn)
            .update(
                status=SessionStatus.COMPLETED,
                completed_at=now,
                duration_seconds=_duration_seconds(session, now),
            )
        )
        if not updated:
            raise AppError.of(ErrorCode.SESSION_CLOSED, "This conversation has ended.", "sessionId")
        await Evaluation.create(
            session_id=session.id,
            overall_score=result.overall,
            grammar_score=result.grammar,
            vocabulary_score=result.vocabulary,
            fluency_score=result.fluency,
            pronunciation_score=result.pronunciation,
            comprehension_score=result.comprehension,
            cefr_level=result.cefr_level,
            strengths=result.strengths,
            improvements=result.improvements,
            using_db=conn,
        )
        # Conversation achievements are earned with the completion, in its transaction.
        await check_achievements(viewer, now)
        await emit(ConversationEnded(viewer.id, session.id, SessionStatus.COMPLETED.value), conn)
    await publish_status(session.id)
    return await ConversationSession.get(id=session.id)


_TRANSITIONS = {
    SessionStatus.PAUSED: (SessionStatus.ACTIVE,),
    SessionStatus.ACTIVE: (SessionStatus.PAUSED,),
    SessionStatus.ABANDONED: (SessionStatus.ACTIVE, SessionStatus.PAUSED),
}


async def set_status(viewer: User, session_id: Any, status: SessionStatus) -> ConversationSession:
    """Pause, resume or abandon a session (completing goes through end_conversation)."""
    session = await _open_session(viewer, session_id)
    if session.status not in _TRANSITIONS.get(status, ()):
        raise AppError.of(
            ErrorCode.INVALID,
            f"A {session.status.value} conversation cannot become {status.value}.",
        )
    now = datetime.now(UTC)
    changes: dict[str, Any] = {"status": status}
    if status == SessionStatus.ABANDONED:
        changes["completed_at"] = now
        changes["duration_seconds"] = _duration_seconds(session, now)
    async with in_transaction() as conn:
        updated = (
            await ConversationSession.filter(id=session.id, status=session.status)
            .using_db(conn)
            .update(**changes)
        )
        if updated and status == SessionStatus.ABANDONED:
            await emit(ConversationEnded(viewer.id, session.id, status.value), conn)
    await publish_status(session.id)
    return await ConversationSession.get(id=session.id)


def visible_sessions_query(viewer: User | None) -> KeysetQuery:
    """The sessions the viewer may see (policy.sessions), newest first."""
    query = KeysetQuery(ConversationSession, order=["t.started_at", "t.id"], descending=True)
    return query.filter(policy.sessions(viewer).sql("t", query.param))


def sessions_query(viewer: User | None, owner_id: Any) -> KeysetQuery:
    """`owner_id`'s sessions as far as the viewer may see them."""
    query = visible_sessions_query(viewer)
    return query.filter(f"t.user_id = {query.param(owner_id)}")


async def list_sessions(viewer: User | None, owner_id: Any, args: PageArgs) -> Page[Any]:
    return await fetch_page(sessions_query(viewer, owner_id), args)
