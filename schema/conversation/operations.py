"""Conversation practice: teachers, sessions, messages with corrections, the live event
subscription, and `User.conversationSessions` (the `UserFields` mixin)."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from dataclasses import dataclass, field
from typing import Any, cast
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from core.pagination import Page
from core.pubsub import RESYNC
from engine.compiler.specs import SQL, PageOf, RootList
from engine.connections import Connection, page_args, to_connection
from engine.context import AppInfo
from engine.ids import NodeRef, decode_global_id, global_id, node_id
from engine.mutations import Payload, payload_mutation
from engine.permissions import SIGNED_IN, IsAuthenticated
from engine.relations import as_type, as_types
from loaders.conversation import MessageByIdLoader, SessionByIdLoader
from models.conversation import SessionStatus as SessionStatusModel
from models.identity import User as UserRow
from resolvers.conversation import policy
from resolvers.conversation import sessions as use_cases
from resolvers.conversation.reply import topic
from resolvers.identity.policy import can_see_private, users
from schema.conversation.types import (
    CONVERSATION_TYPES,
    ConversationEvent,
    ConversationMessage,
    ConversationSessionRef,
    MessageAdded,
    ReplyChunk,
    SessionStatusChanged,
    TeacherPreference,
    TeacherProfile,
    as_session,
)

__all__ = ["TYPES", "Mutation", "Query", "Subscription", "UserFields"]


def _user(self: object) -> UserRow:
    """`self` in the resolvers of `UserFields`: the row of the composed `User` type
    (schema/graph.py), which is returned as the row itself (`model_type`)."""
    return cast(UserRow, self)


@strawberry.type
class UserFields:
    """Fields the conversation domain adds to `User`."""

    @strawberry.field(
        description="The user's conversations, newest first (the user and admins only).",
        metadata={
            SQL: PageOf(
                query=use_cases.visible_sessions_query,
                parent_column="t.user_id",
                where=lambda viewer, user, param: users(viewer).sql(user, param),
            )
        },
    )
    async def conversation_sessions(
        self,
        info: AppInfo,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ConversationSessionRef]:
        viewer = info.context.viewer
        args = page_args(first, after, last, before)
        user_id = _user(self).id
        if not can_see_private(viewer, user_id):
            return to_connection(Page.empty())
        page = await use_cases.list_sessions(viewer, user_id, args)
        return to_connection(page)


# `list_teachers` for the read compiler (engine/compiler): the same rule, in its order
# (Python's: by code point, hence the C collation).
_TEACHERS = RootList(
    lambda viewer, t, param: policy.teachers(viewer).sql(t, param),
    order=('{t}.name COLLATE "C"', "id"),
)


@strawberry.type
class Query:
    @strawberry.field(
        description="AI teachers to practise with (system and your own).",
        metadata={SQL: _TEACHERS},
    )
    async def teacher_profiles(self, info: AppInfo) -> list[TeacherProfile]:
        return as_types(TeacherProfile, await use_cases.list_teachers(info.context.viewer))


@strawberry.input
class ChooseTeacherInput:
    teacher_id: NodeRef = node_id("TeacherProfile")
    customizations: JSON | None = None


@strawberry.input
class StartConversationInput:
    scenario_id: NodeRef | None = node_id("ConversationScenario", default=None)
    teacher_id: NodeRef | None = node_id(
        "TeacherProfile",
        default=None,
        description="Defaults to the active teacher, else the first system one.",
    )


@strawberry.input
class SendMessageInput:
    session_id: NodeRef = node_id("ConversationSession")
    content: str = strawberry.field(description="1 to 2000 characters.")


@strawberry.input
class EndConversationInput:
    session_id: NodeRef = node_id("ConversationSession")


@strawberry.input
class ConversationSessionInput:
    session_id: NodeRef = node_id("ConversationSession")


@strawberry.type
class ChooseTeacherPayload(Payload):
    preference: TeacherPreference | None = None


@strawberry.type
class StartConversationPayload(Payload):
    session: ConversationSessionRef | None = None


@strawberry.type
class SendMessagePayload(Payload):
    message: ConversationMessage | None = None


@strawberry.type
class EndConversationPayload(Payload):
    session: ConversationSessionRef | None = None


@strawberry.type
class ConversationStatusPayload(Payload):
    session: ConversationSessionRef | None = None


@strawberry.type
class Mutation:
    @payload_mutation(permission=SIGNED_IN)
    async def choose_teacher(
        self, info: AppInfo, input: ChooseTeacherInput
    ) -> ChooseTeacherPayload:
        preference = await use_cases.choose_teacher(
            info.context.user, input.teacher_id, input.customizations
        )
        return ChooseTeacherPayload(preference=as_type(TeacherPreference, preference))

    @payload_mutation(permission=SIGNED_IN)
    async def start_conversation(
        self, info: AppInfo, input: StartConversationInput
    ) -> StartConversationPayload:
        session = await use_cases.start_conversation(
            info.context.user, info.context.loaders, input.scenario_id, input.teacher_id
        )
        return StartConversationPayload(session=as_session(session))

    @payload_mutation(
        permission=SIGNED_IN,
        description="Store and correct a message; the reply arrives on conversationEvents.",
    )
    async def send_message(self, info: AppInfo, input: SendMessageInput) -> SendMessagePayload:
        message = await use_cases.send_message(
            info.context.user, info.context.services.tutor, input.session_id, input.content
        )
        return SendMessagePayload(message=as_type(ConversationMessage, message))

    @payload_mutation(permission=SIGNED_IN)
    async def end_conversation(
        self, info: AppInfo, input: EndConversationInput
    ) -> EndConversationPayload:
        session = await use_cases.end_conversation(info.context.user, input.session_id)
        return EndConversationPayload(session=as_session(session))

    @payload_mutation(permission=SIGNED_IN)
    async def pause_conversation(
        self, info: AppInfo, input: ConversationSessionInput
    ) -> ConversationStatusPayload:
        return await _set_status(info, input.session_id, SessionStatusModel.PAUSED)

    @payload_mutation(permission=SIGNED_IN)
    async def resume_conversation(
        self, info: AppInfo, input: ConversationSessionInput
    ) -> ConversationStatusPayload:
        return await _set_status(info, input.session_id, SessionStatusModel.ACTIVE)

    @payload_mutation(permission=SIGNED_IN)
    async def abandon_conversation(
        self, info: AppInfo, input: ConversationSessionInput
    ) -> ConversationStatusPayload:
        return await _set_status(info, input.session_id, SessionStatusModel.ABANDONED)


async def _set_status(
    info: AppInfo, session_id: UUID, status: SessionStatusModel
) -> ConversationStatusPayload:
    session = await use_cases.set_status(info.context.user, session_id, status)
    return ConversationStatusPayload(session=as_session(session))


async def _to_event(info: AppInfo, event: dict[str, Any]) -> Any:
    """The GraphQL event for a pub/sub payload, loaded fresh (no per-connection cache)."""
    loaders = info.context.fresh_loaders()
    kind = event.get("type")
    if kind == "chunk":
        return ReplyChunk(
            message_id=strawberry.ID(global_id("ConversationMessage", event["messageId"])),
            text=str(event.get("text", "")),
        )
    if kind == "message":
        message = await loaders.get(MessageByIdLoader).load(UUID(event["id"]))
        return MessageAdded(message=message) if message is not None else None
    if kind == "status":
        session = await loaders.get(SessionByIdLoader).load(UUID(event["id"]))
        return SessionStatusChanged(session=session) if session is not None else None
    return None


@dataclass
class _Sent:
    """What one subscriber has been sent, so a catch-up repeats nothing."""

    after: int  # the session's last message sequence when the subscription began
    status: Any
    sequences: set[int] = field(default_factory=set)

    def first_time(self, output: Any) -> bool:
        if isinstance(output, MessageAdded):
            sequence = output.message.sequence
            if sequence in self.sequences:
                return False
            self.sequences.add(sequence)
        elif isinstance(output, SessionStatusChanged):
            self.status = output.session.status
        return True


async def _catch_up(info: AppInfo, session_id: Any, sent: _Sent) -> list[Any]:
    """After the event listener reconnected: the messages and status change it missed."""
    loaders = info.context.fresh_loaders()
    missed: list[Any] = [
        MessageAdded(message=as_type(ConversationMessage, message))
        for message in await use_cases.messages_after(session_id, sent.after)
        if message.sequence not in sent.sequences
    ]
    session = await loaders.get(SessionByIdLoader).load(session_id)
    if session is not None and session.status != sent.status:
        missed.append(SessionStatusChanged(session=session))
    return missed


@strawberry.type
class Subscription:
    @strawberry.subscription(
        permission_classes=[IsAuthenticated],
        description="Live events of one of your conversations: chunks, messages, status.",
    )
    async def conversation_events(
        self, info: AppInfo, session_id: strawberry.ID
    ) -> AsyncGenerator[ConversationEvent, None]:
        session_uuid = decode_global_id(session_id, "ConversationSession")
        session = await use_cases.visible_session(info.context.viewer, session_uuid)
        sent = _Sent(after=session.message_count, status=session.status)
        pubsub = info.context.services.pubsub()
        async with pubsub.subscribe(topic(session.id)) as queue:
            while True:
                event = await queue.get()
                if event.get("type") == RESYNC:
                    outputs = await _catch_up(info, session.id, sent)
                else:
                    outputs = [await _to_event(info, event)]
                for output in outputs:
                    if output is not None and sent.first_time(output):
                        yield output


TYPES: list[type] = [*CONVERSATION_TYPES]
