"""Conversation: AI teachers, sessions, messages with corrections, evaluations, live events."""

from engine.domain import Domain
from schema.conversation.operations import TYPES, Mutation, Query, Subscription, UserFields
from schema.conversation.types import ConversationSessionFields

DOMAIN = Domain(
    "conversation",
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    types=TYPES,
    operations=("conversation.graphql",),
    job_modules=["resolvers.conversation.reply"],
)

__all__ = ["DOMAIN", "ConversationSessionFields", "UserFields"]
