"""Identity types: the account's own fields of `User`, the learning profile, the enums."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

import strawberry
from strawberry import relay

from engine.context import AppInfo
from engine.relations import model_type, related
from loaders.identity import (
    LearningProfileByIdLoader,
    LearningProfileByUserIdLoader,
    UserByIdLoader,
)
from models import identity as m
from resolvers.identity.policy import can_see_private

Role = strawberry.enum(m.Role, name="Role")
SubscriptionTier = strawberry.enum(m.SubscriptionTier, name="SubscriptionTier")
CefrLevel = strawberry.enum(m.CefrLevel, name="CefrLevel")


@strawberry.type
@model_type(m.LearningProfile)
class LearningProfile(relay.Node):
    id: relay.NodeID[str]
    target_language: str | None
    proficiency_level: CefrLevel  # type: ignore[valid-type]
    learning_goals: list[str]
    weekly_goal_hours: float
    preferred_lesson_minutes: int

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: AppInfo, node_ids: Iterable[str], required: bool = False
    ) -> list[Any]:
        loader = info.context.loaders.get(LearningProfileByIdLoader)
        rows = await loader.load_many(list(node_ids))
        viewer = info.context.viewer
        return [r if r is not None and can_see_private(viewer, r.user_id) else None for r in rows]


@strawberry.type
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

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: AppInfo, node_ids: Iterable[str], required: bool = False
    ) -> list[Any]:
        users = await info.context.loaders.get(UserByIdLoader).load_many(list(node_ids))
        viewer = info.context.viewer
        return [u if u is not None and can_see_private(viewer, u.id) else None for u in users]
