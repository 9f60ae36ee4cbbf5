"""The admin console (resolvers/identity/admin.py): `users`, `setUserRole`, `setUserActive`,
and the account-status fields of `User` the console shows.

Admins only. The mutations refuse others in the payload (UNAUTHENTICATED or FORBIDDEN, as
every mutation does); `users` is nullable and answers null with the same error, its code in
`extensions`.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from core.pagination import PageArgs
from engine.connections import Connection, to_connection
from engine.context import AppInfo
from engine.ids import NodeRef, node_id
from engine.inputs import check_input_text
from engine.mutations import Payload, payload_mutation
from engine.permissions import Permission
from resolvers.identity import admin as use_cases
from resolvers.identity.policy import is_admin
from schema.identity.operations import as_user
from schema.identity.types import Role

if TYPE_CHECKING:
    from schema.graph import User

UserRef = Annotated["User", strawberry.lazy("schema.graph")]

ADMINS = Permission(is_admin, use_cases.ONLY_ADMINS)


@strawberry.type
class AccountStatusFields:
    """Identity's account-status fields of `User` (composed in schema/identity/__init__.py):
    what the admin console shows of each account; the user sees their own."""

    is_active: bool = strawberry.field(
        description="False once an admin deactivated the account: it cannot sign in."
    )
    last_login_at: datetime | None = strawberry.field(
        description="When the account last signed in."
    )


@strawberry.input(description="Accounts to list; every condition given must hold.")
class UserFilter:
    search: str | None = strawberry.field(
        default=None,
        description="Part of the email, display name or username, matched literally and "
        "case-insensitively (at most 200 characters).",
    )
    role: Role | None = None
    is_active: bool | None = None


@strawberry.input
class SetUserRoleInput:
    user_id: NodeRef = node_id("User")
    role: Role


@strawberry.input
class SetUserActiveInput:
    user_id: NodeRef = node_id("User")
    is_active: bool = strawberry.field(
        description="False deactivates: every token is revoked, live subscriptions are "
        "closed and log-in answers ACCOUNT_DISABLED."
    )


@strawberry.type
class SetUserRolePayload(Payload):
    user: UserRef | None = None


@strawberry.type
class SetUserActivePayload(Payload):
    user: UserRef | None = None


@strawberry.type
class Query:
    @strawberry.field(
        description="Admins only (others: null with an UNAUTHENTICATED or FORBIDDEN error): "
        "every account that is not deleted, newest first."
    )
    async def users(
        self,
        info: AppInfo,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        filter: UserFilter | None = None,
    ) -> Connection[UserRef] | None:
        use_cases.require_admin(info.context.viewer)  # before anything about the input
        flt = filter or UserFilter()
        check_input_text(flt)
        page = await use_cases.users_page(
            info.context.viewer,
            flt=use_cases.UserFilter(search=flt.search, role=flt.role, is_active=flt.is_active),
            args=PageArgs(first=first, after=after, last=last, before=before),
        )
        return to_connection(page)


@strawberry.type
class Mutation:
    @payload_mutation(
        permission=ADMINS,
        description="Admins only. An admin cannot demote themselves, nor anyone the last "
        "active admin.",
    )
    async def set_user_role(self, info: AppInfo, input: SetUserRoleInput) -> SetUserRolePayload:
        user = await use_cases.set_user_role(info.context.viewer, input.user_id, input.role)
        return SetUserRolePayload(user=as_user(user))

    @payload_mutation(
        permission=ADMINS,
        description="Admins only. Deactivating revokes every token of the user, closes "
        "their live subscriptions and refuses their log-in (ACCOUNT_DISABLED); an admin "
        "cannot deactivate themselves, nor anyone the last active admin.",
    )
    async def set_user_active(
        self, info: AppInfo, input: SetUserActiveInput
    ) -> SetUserActivePayload:
        user = await use_cases.set_user_active(info.context.viewer, input.user_id, input.is_active)
        return SetUserActivePayload(user=as_user(user))
