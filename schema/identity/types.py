"""Identity types: the account's own fields of `User`, the learning profile, the enums."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any, cast
from uuid import UUID

import strawberry
from strawberry import relay
from strawberry.types import Info

from core.access import NOBODY
from engine.compiler.specs import SQL, Expr, ToOne
from engine.context import AppInfo
from engine.node import node_source
from engine.relations import model_type, related
from loaders.base import select_visible
from loaders.identity import (
    LearningProfileByUserIdLoader,
)
from models import identity as m
from resolvers.identity import policy

# The models' enums are the GraphQL enums: `strawberry.enum` registers the class itself (and
# returns it), so each name here is a plain alias of the model's enum for the type checker.
Role = m.Role
SubscriptionTier = m.SubscriptionTier
CefrLevel = m.CefrLevel
strawberry.enum(Role, name="Role")
strawberry.enum(SubscriptionTier, name="SubscriptionTier")
strawberry.enum(CefrLevel, name="CefrLevel")


def _user(self: object) -> m.User:
    """`self` in the resolvers of `UserFields`: the `User` row itself, which the composed
    `User` type is returned as (`model_type`, schema/graph.py)."""
    return cast(m.User, self)


@strawberry.type
@model_type(m.LearningProfile)
@node_source(m.LearningProfile, policy.learning_profiles)
class LearningProfile(relay.Node):
    id: relay.NodeID[str]
    target_language: str | None
    proficiency_level: CefrLevel
    learning_goals: list[str]
    weekly_goal_hours: float
    preferred_lesson_minutes: int


def _users_or_profiles(cls: type[Any]) -> type[Any]:
    """`node(id:)`/`nodes(ids:)` of a user (DESIGN.md, People): the `User` to themselves and
    admins (`policy.users`), their `PublicProfile` to whoever else may see it
    (`policy.public_profiles`), null to others. One statement: the rows the wider rule lets
    through, each told apart by `can_see_private`, the same rule as `users` for a loaded
    row. (`node_source` answers one type only.)"""

    async def resolve_nodes(
        _cls: type, *, info: AppInfo, node_ids: Iterable[Any], required: bool = False
    ) -> list[m.User | PublicProfile | None]:
        viewer = info.context.viewer
        ids = [UUID(str(node_id)) for node_id in node_ids]
        found = await select_visible(m.User, ids, policy.public_profiles(viewer))

        def answer(row: m.User | None) -> m.User | PublicProfile | None:
            if row is None or policy.can_see_private(viewer, row.id):
                return row
            return PublicProfile.of(row)

        return [answer(found.get(node_id)) for node_id in ids]

    cls.resolve_nodes = classmethod(resolve_nodes)
    return cls


@strawberry.type
@_users_or_profiles
class UserFields(relay.Node):
    """Identity's fields of `User` (composed in schema/graph.py): the viewer's own account."""

    id: relay.NodeID[str]
    email: str
    username: str | None
    display_name: str
    role: Role
    timezone: str
    native_language: str | None
    daily_xp_goal: int
    avatar_url: str | None
    created_at: datetime

    @strawberry.field(
        description="The tier now: granted outright, or PREMIUM while a paid plan runs.",
        metadata={
            SQL: Expr(policy.tier_sql("{t}.subscription_tier", "{t}.premium_until", "{now}"))
        },
    )
    def subscription_tier(self) -> SubscriptionTier:
        return SubscriptionTier(policy.subscription_tier(_user(self)))

    @strawberry.field(metadata={SQL: Expr("({t}.email_verified_at IS NOT NULL)")})
    def email_verified(self) -> bool:
        return _user(self).email_verified_at is not None

    learning_profile: LearningProfile | None = related(
        LearningProfileByUserIdLoader, "id", metadata={SQL: ToOne("id", target="user_id")}
    )


@strawberry.type(
    description="Another person as others may see them: their name and avatar, nothing "
    "private. Its `id` is the person's `User` id: `node(id:)` of it answers the `User` to "
    "themselves and admins, this profile to those who share a classroom with them, null to "
    "others."
)
@node_source(m.User, lambda viewer: NOBODY)  # its ids name `User`s: never found as itself
class PublicProfile(relay.Node):
    id: relay.NodeID[str]
    display_name: str
    avatar_url: str | None

    @classmethod
    def of(cls, user: m.User) -> PublicProfile:
        return cls(id=str(user.id), display_name=user.display_name, avatar_url=user.avatar_url)

    @classmethod
    def resolve_typename(cls, root: object, info: Info) -> str:
        return "User"  # the same global id as the person's `User`
