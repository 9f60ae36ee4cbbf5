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

    @classmethod
    def query(cls) -> KeysetQuery:
        return KeysetQuery(ConversationMessage, order=["t.sequence", "t.id"])


@dataclass(frozen=True)
class SessionMetrics:
    total_messages: int = 0
    user_messages: int = 0
    ai_messages: int = 0
    correction_count: int = 0
    vocabulary_used: int = 0


# Each figure of a session (`{session}`: its id), as SQL: the loader below reads them for many
# sessions at once, the read compiler (engine/compiler) inside its statement.
METRICS_SQL: dict[str, str] = {
    "total_messages": f'(SELECT count(*) FROM "{MESSAGES}" m WHERE m.session_id = {{session}})',
    "user_messages": (
        f'(SELECT count(*) FROM "{MESSAGES}" m WHERE m.session_id = {{session}} '
        "AND m.sender = 'user')"
    ),
    "ai_messages": (
        f'(SELECT count(*) FROM "{MESSAGES}" m WHERE m.session_id = {{session}} '
        "AND m.sender = 'ai')"
    ),
    "correction_count": (
        f'(SELECT count(*) FROM "{CORRECTIONS}" c JOIN "{MESSAGES}" m ON m.id = c.message_id '
        "WHERE m.session_id = {session})"
    ),
    "vocabulary_used": (
        f'(SELECT count(*) FROM "{VOCABULARY_USES}" v WHERE v.session_id = {{session}})'
    ),
}
_METRICS_SQL = (
    "SELECT ids.id, "
    + ", ".join(f"{sql.format(session='ids.id')} AS {name}" for name, sql in METRICS_SQL.items())
    + " FROM (SELECT DISTINCT unnest($1::uuid[]) AS id) ids"
)


class MetricsBySessionIdLoader(RecordLoader):
    """Messages by sender, corrections and distinct vocabulary, for many sessions at once."""

    missing = SessionMetrics()

    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        rows = await fetch_records(_METRICS_SQL, [list(keys)])
        return {
            row["id"]: SessionMetrics(**{name: int(row[name]) for name in METRICS_SQL})
            for row in rows
        }
