"""Conversation loaders: teachers, preferences, sessions, messages (paged per session),
corrections by message, evaluations, and per-session metrics computed in SQL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from core.pagination import KeysetQuery
from core.rows import fetch_records
from loaders.base import (
    CountByKeyLoader,
    ModelByIdLoader,
    ModelsByKeyLoader,
    PageByParentLoader,
    RecordLoader,
)
from models.conversation import (
    ConversationMessage,
    ConversationSession,
    Correction,
    Evaluation,
    TeacherPreference,
    TeacherProfile,
    VocabularyUse,
)

MESSAGES = ConversationMessage._meta.db_table
CORRECTIONS = Correction._meta.db_table
VOCABULARY_USES = VocabularyUse._meta.db_table


class TeacherByIdLoader(ModelByIdLoader):
    model = TeacherProfile


class SessionByIdLoader(ModelByIdLoader):
    model = ConversationSession


class MessageByIdLoader(ModelByIdLoader):
    model = ConversationMessage


class CorrectionsByMessageIdLoader(ModelsByKeyLoader):
    model = Correction
    key_field = "message_id"
    order_by = ("position", "start", "id")


class EvaluationBySessionIdLoader(RecordLoader):
    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        return {e.session_id: e for e in await Evaluation.filter(session_id__in=list(keys))}


class PreferenceByUserTeacherLoader(RecordLoader):
    """A user's preference for a teacher; keys are `(user_id, teacher_id)`."""

    async def fetch(self, keys: Sequence[tuple[Any, Any]]) -> dict[Any, Any]:
        users = list({user for user, _ in keys})
        teachers = list({teacher for _, teacher in keys})
        rows = await TeacherPreference.filter(user_id__in=users, teacher_id__in=teachers)
        return {(row.user_id, row.teacher_id): row for row in rows}


class MessageCountBySessionLoader(CountByKeyLoader):
    table = MESSAGES
    key_column = "t.session_id"


class MessagesBySessionLoader(PageByParentLoader):
    """A page of a session's messages in conversation order."""

    parent_column = "t.session_id"
    count_loader = MessageCountBySessionLoader

    def query(self) -> KeysetQuery:
        return KeysetQuery(ConversationMessage, order=["t.sequence", "t.id"])


@dataclass(frozen=True)
class SessionMetrics:
    total_messages: int = 0
    user_messages: int = 0
    ai_messages: int = 0
    correction_count: int = 0
    vocabulary_used: int = 0


_METRICS_SQL = f"""
WITH ids AS (SELECT DISTINCT unnest($1::uuid[]) AS id),
msg AS (
    SELECT session_id, count(*) AS total,
           count(*) FILTER (WHERE sender = 'user') AS from_user,
           count(*) FILTER (WHERE sender = 'ai') AS from_ai
    FROM "{MESSAGES}" WHERE session_id = ANY($1::uuid[]) GROUP BY session_id),
cor AS (
    SELECT m.session_id, count(*) AS n FROM "{CORRECTIONS}" c
    JOIN "{MESSAGES}" m ON m.id = c.message_id
    WHERE m.session_id = ANY($1::uuid[]) GROUP BY m.session_id),
voc AS (
    SELECT session_id, count(*) AS n FROM "{VOCABULARY_USES}"
    WHERE session_id = ANY($1::uuid[]) GROUP BY session_id)
SELECT ids.id, coalesce(msg.total, 0) AS total, coalesce(msg.from_user, 0) AS from_user,
       coalesce(msg.from_ai, 0) AS from_ai, coalesce(cor.n, 0) AS corrections,
       coalesce(voc.n, 0) AS words
FROM ids
LEFT JOIN msg ON msg.session_id = ids.id
LEFT JOIN cor ON cor.session_id = ids.id
LEFT JOIN voc ON voc.session_id = ids.id
"""


class MetricsBySessionIdLoader(RecordLoader):
    """Messages by sender, corrections and distinct vocabulary, for many sessions at once."""

    missing = SessionMetrics()

    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        rows = await fetch_records(_METRICS_SQL, [list(keys)])
        return {
            row["id"]: SessionMetrics(
                total_messages=int(row["total"]),
                user_messages=int(row["from_user"]),
                ai_messages=int(row["from_ai"]),
                correction_count=int(row["corrections"]),
                vocabulary_used=int(row["words"]),
            )
            for row in rows
        }
