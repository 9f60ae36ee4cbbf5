"""Conversation types: teachers, preferences, sessions, messages, corrections, evaluations,
metrics, and the subscription's events. Catalog types are referenced lazily."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, cast

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from core.pagination import PageArgs
from engine.compiler.specs import SQL, Embedded, Expr, PageOf, RowFrom, ToOne
from engine.connections import Connection, to_connection
from engine.context import AppInfo
from engine.node import node_source
from engine.relations import model_type, related, when_loaded
from loaders.catalog import ScenarioByIdLoader
from loaders.conversation import (
    METRICS_SQL,
    CorrectionsByMessageIdLoader,
    EvaluationBySessionIdLoader,
    MessagesBySessionLoader,
    MetricsBySessionIdLoader,
    PreferenceByUserTeacherLoader,
    TeacherByIdLoader,
)
from loaders.identity import UserByIdLoader
from models import conversation as m
from resolvers.conversation import policy
from schema.identity.types import PublicProfile

if TYPE_CHECKING:
    from schema.graph import ConversationSession

if TYPE_CHECKING:
    from schema.catalog.types import ConversationScenario

# GraphQL enums: `strawberry.enum` registers the models' classes themselves (and returns
# them), so these names are plain aliases of the models' enums for the type checker.
SessionStatus = m.SessionStatus
MessageSender = m.Sender
CorrectionType = m.CorrectionType
CorrectionSeverity = m.Severity
Evaluator = m.Evaluator
strawberry.enum(SessionStatus, name="ConversationStatus")
strawberry.enum(MessageSender, name="MessageSender")
strawberry.enum(CorrectionType, name="CorrectionType")
strawberry.enum(CorrectionSeverity, name="CorrectionSeverity")
strawberry.enum(Evaluator, name="Evaluator")


def _viewer_preference(viewer: Any, teacher: str, row: str, param: Any, now: str) -> str | None:
    """`viewerPreference` for the read compiler: the viewer's row for this teacher."""
    if viewer is None:
        return None
    return (
        f'(SELECT * FROM "{PREFERENCES}" p WHERE p.user_id = {param(viewer.id)} '
        f"AND p.teacher_id = {teacher}.id) {row}"
    )


PREFERENCES = m.TeacherPreference._meta.db_table


@strawberry.type(description="An AI teacher persona.")
@model_type(m.TeacherProfile)
@node_source(m.TeacherProfile, policy.teachers)
class TeacherProfile(relay.Node):
    id: relay.NodeID[str]
    name: str
    description: str
    personality: JSON
    voice: JSON
    teaching_style: JSON
    focus: JSON
    is_system: bool

    @strawberry.field(
        description="The viewer's settings for this teacher, if any.",
        metadata={SQL: RowFrom(_viewer_preference)},
    )
    async def viewer_preference(self, info: AppInfo) -> TeacherPreference | None:
        viewer = info.context.viewer
        if viewer is None:
            return None
        loader = info.context.loaders.get(PreferenceByUserTeacherLoader)
        return await loader.load((viewer.id, self.id))


@strawberry.type(description="A learner's settings for a teacher; one is active per learner.")
@model_type(m.TeacherPreference)
@node_source(m.TeacherPreference, policy.teacher_preferences)
class TeacherPreference(relay.Node):
    id: relay.NodeID[str]
    is_active: bool
    customizations: JSON
    updated_at: datetime

    teacher: TeacherProfile = related(TeacherByIdLoader, "teacher_id")


@strawberry.type(description="A correction of a learner's message, with its character span.")
@model_type(m.Correction)
@node_source(m.Correction, policy.corrections)
class Correction(relay.Node):
    id: relay.NodeID[str]
    original: str
    corrected: str
    explanation: str
    type: CorrectionType
    severity: CorrectionSeverity
    rule: str = strawberry.field(description="The error family that found it.")
    start: int = strawberry.field(description="Offset of the first character (0-based).")
    end: int = strawberry.field(description="Offset after the last character (exclusive).")


@strawberry.type
@model_type(m.ConversationMessage)
@node_source(m.ConversationMessage, policy.in_visible_session)
class ConversationMessage(relay.Node):
    id: relay.NodeID[str]
    sender: MessageSender
    content: str
    sequence: int
    suggestions: list[str]
    metadata: JSON
    created_at: datetime

    corrections: list[Correction] = related(CorrectionsByMessageIdLoader, "id")


@strawberry.type(
    description="The score of a completed conversation, or one of a recording's evaluations "
    "(the AI's, a teacher's): overall = sum of parts."
)
@model_type(m.Evaluation)
@node_source(m.Evaluation, policy.evaluations)
class Evaluation(relay.Node):
    id: relay.NodeID[str]
    overall_score: int
    grammar_score: int = strawberry.field(description="0 to 25")
    vocabulary_score: int = strawberry.field(description="0 to 20")
    fluency_score: int = strawberry.field(description="0 to 20")
    pronunciation_score: int = strawberry.field(description="0 to 15 (estimated from spelling)")
    comprehension_score: int = strawberry.field(description="0 to 20")
    cefr_level: str
    strengths: list[str]
    improvements: list[str]
    recommendations: list[str] = strawberry.field(description="Concrete next steps.")
    evaluator: Evaluator
    created_at: datetime

    @strawberry.field(description="The teacher who evaluated; null for the AI.")
    def evaluated_by(self, info: AppInfo) -> PublicProfile | None:
        teacher_id = cast(m.Evaluation, self).evaluated_by_id
        if teacher_id is None:
            return None
        user = info.context.loaders.get(UserByIdLoader).get_or_load(teacher_id)
        return cast(
            PublicProfile | None,
            when_loaded(lambda row: PublicProfile.of(row) if row else None, user),
        )


@strawberry.type(description="Counts over a conversation, computed in SQL.")
class ConversationMetrics:
    total_messages: int
    user_messages: int
    ai_messages: int
    correction_count: int
    vocabulary_used: int = strawberry.field(description="Distinct content words the learner used.")


# `ConversationSession` is composed in schema/graph.py, where other domains add their fields.
ConversationSessionRef = Annotated["ConversationSession", strawberry.lazy("schema.graph")]


def as_session(row: m.ConversationSession) -> ConversationSession:
    """A session row as the composed `ConversationSession` type, which is returned as the row
    itself: what `engine.relations.as_type(ConversationSession, row)` does, with the type
    known to the type checker only (schema.graph imports this module)."""
    return cast("ConversationSession", row)


# The session's figures in SQL for the read compiler (engine/compiler): the loader's own.
_METRICS = {
    SQL: Embedded({name: Expr(sql.format(session="{t}.id")) for name, sql in METRICS_SQL.items()})
}


def _session(self: object) -> m.ConversationSession:
    """`self` in the resolvers of `ConversationSessionFields`: the row itself (`model_type`)."""
    return cast(m.ConversationSession, self)


@strawberry.type
@node_source(m.ConversationSession, policy.sessions)
class ConversationSessionFields(relay.Node):
    """The conversation domain's fields of `ConversationSession`."""

    id: relay.NodeID[str]
    status: SessionStatus
    started_at: datetime
    completed_at: datetime | None
    duration_seconds: int
    message_count: int

    teacher: TeacherProfile = related(TeacherByIdLoader, "teacher_id")

    @strawberry.field(metadata={SQL: ToOne("scenario_id")})
    async def scenario(
        self, info: AppInfo
    ) -> Annotated["ConversationScenario", strawberry.lazy("schema.catalog.types")] | None:  # noqa: UP037
        scenario_id = _session(self).scenario_id
        if scenario_id is None:
            return None
        return await info.context.loaders.get(ScenarioByIdLoader).load(scenario_id)

    evaluation: Evaluation | None = related(
        EvaluationBySessionIdLoader, "id", metadata={SQL: ToOne("id", target="session_id")}
    )

    metrics: ConversationMetrics = related(MetricsBySessionIdLoader, "id", metadata=_METRICS)

    @strawberry.field(
        description="The messages in conversation order.",
        metadata={SQL: PageOf(MessagesBySessionLoader)},
    )
    async def messages(
        self,
        info: AppInfo,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ConversationMessage]:
        args = PageArgs(first=first, after=after, last=last, before=before)
        page = await info.context.loaders.get(MessagesBySessionLoader).load((self.id, args))
        return to_connection(page)


@strawberry.type(
    description="A message was stored: the learner's, the teacher's reply, or a notice."
)
class MessageAdded:
    message: ConversationMessage


@strawberry.type(description="The next piece of the teacher's reply while it is produced.")
class ReplyChunk:
    message_id: strawberry.ID = strawberry.field(description="The id the reply will have.")
    text: str


@strawberry.type
class SessionStatusChanged:
    session: ConversationSessionRef


ConversationEvent = Annotated[
    MessageAdded | ReplyChunk | SessionStatusChanged, strawberry.union("ConversationEvent")
]

CONVERSATION_TYPES: list[type] = [
    TeacherProfile,
    TeacherPreference,
    ConversationMessage,
    Correction,
    Evaluation,
    ConversationMetrics,
    MessageAdded,
    ReplyChunk,
    SessionStatusChanged,
]
