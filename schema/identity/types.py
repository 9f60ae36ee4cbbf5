"""Identity types: the account's own fields of `User`, the learning profile, the enums."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry import relay

from engine.node import node_source
from engine.relations import model_type, related
from loaders.identity import (
    LearningProfileByUserIdLoader,
)
from models import identity as m
from resolvers.identity import policy

Role = strawberry.enum(m.Role, name="Role")
SubscriptionTier = strawberry.enum(m.SubscriptionTier, name="SubscriptionTier")
CefrLevel = strawberry.enum(m.CefrLevel, name="CefrLevel")


@strawberry.type
@model_type(m.LearningProfile)
@node_source(m.LearningProfile, policy.learning_profiles)
class LearningProfile(relay.Node):
    id: relay.NodeID[str]
    target_language: str | None
    proficiency_level: CefrLevel  # type: ignore[valid-type]
    learning_goals: list[str]
    weekly_goal_hours: float
    preferred_lesson_minutes: int


@strawberry.type
@node_source(m.User, policy.users)
class UserFields(relay.Node):
    """Identity's fields of `User` (composed in schema/graph.py): the viewer's own account."""

    id: relay.NodeID[str]
    email: str
    username: str | None
    display_name: str
    role: Role  # type: ignore[valid-type]
    timezone: str
    native_language: str | None
    daily_xp_goal: int
    subscription_tier: SubscriptionTier  # type: ignore[valid-type]
    avatar_url: str | None
    created_at: datetime

    @strawberry.field
    def email_verified(self) -> bool:
        return self.email_verified_at is not None  # type: ignore[attr-defined]

    learning_profile: LearningProfile | None = related(LearningProfileByUserIdLoader, "id")
