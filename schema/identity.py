"""Identity types and operations."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import strawberry
from strawberry import relay

from core.access import can_see_private
from loaders.identity import LearningProfileByUserIdLoader, UserByIdLoader
from models import identity as m
from schema.common import AppInfo, model_type

Role = strawberry.enum(m.Role, name="Role")
SubscriptionTier = strawberry.enum(m.SubscriptionTier, name="SubscriptionTier")
CefrLevel = strawberry.enum(m.CefrLevel, name="CefrLevel")


def _user_field_mixins() -> tuple[type, ...]:
    """Fields other domains add to `User` (e.g. enrollments), as `UserFields` mixins."""
    mixins = []
    for domain in ("learning", "conversation", "classroom"):
        if importlib.util.find_spec(f"schema.{domain}") is not None:
            module = importlib.import_module(f"schema.{domain}")
            if hasattr(module, "UserFields"):
                mixins.append(module.UserFields)
    return tuple(mixins)


@strawberry.type
@model_type(m.LearningProfile)
class LearningProfile:
    target_language: str | None
    proficiency_level: CefrLevel  # type: ignore[valid-type]
    learning_goals: list[str]
    weekly_goal_hours: float
    preferred_lesson_minutes: int


@strawberry.type
@model_type(m.User)
class User(*_user_field_mixins(), relay.Node):  # type: ignore[misc]
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

    @strawberry.field
    async def learning_profile(self, info: AppInfo) -> LearningProfile | None:
        return await info.context.loaders.get(LearningProfileByUserIdLoader).load(self.id)

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: AppInfo, node_ids: Iterable[str], required: bool = False
    ) -> list[Any]:
        users = await info.context.loaders.get(UserByIdLoader).load_many(list(node_ids))
        viewer = info.context.viewer
        return [u if u is not None and can_see_private(viewer, u.id) else None for u in users]


@strawberry.type
class Query:
    @strawberry.field(description="The signed-in user, or null.")
    def me(self, info: AppInfo) -> User | None:
        return info.context.viewer
