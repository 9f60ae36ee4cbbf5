"""Sign-in with an identity provider and linked accounts: `signInWithProvider`,
`linkProvider`, `unlinkProvider`, and `User.linkedAccounts`/`User.hasPassword` (the
`UserFields` mixin, composed into identity's own in schema/identity/__init__.py). The rules
are the use cases' (resolvers/identity/providers.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import cast

import strawberry
from strawberry import relay

from engine.context import AppInfo
from engine.ids import NodeRef, global_id, node_id
from engine.mutations import Payload, payload_mutation
from engine.node import node_source
from engine.permissions import SIGNED_IN
from engine.relations import as_type, model_type, related
from loaders.base import ModelsByKeyLoader
from loaders.identity import LearningProfileByUserIdLoader
from models import identity as m
from resolvers.identity import policy
from resolvers.identity import providers as use_cases
from schema.identity.operations import UserRef, _user_agent, as_user

# The model's enum is the GraphQL enum (as with `Role`, schema/identity/types.py).
IdentityProvider = m.IdentityProvider
strawberry.enum(IdentityProvider, name="IdentityProvider")


@strawberry.type(
    description="An identity provider's account linked to yours: signing in with it signs you in."
)
@model_type(m.OAuthAccount)
@node_source(m.OAuthAccount, policy.private_rows)
class LinkedAccount(relay.Node):
    id: relay.NodeID[str]
    provider: IdentityProvider
    email: str | None = strawberry.field(
        description="The email the provider named when the account was linked."
    )
    last_used_at: datetime | None = strawberry.field(
        description="The last sign-in with this account."
    )

    @strawberry.field(description="When the account was linked.")
    def linked_at(self) -> datetime:
        return cast(m.OAuthAccount, self).created_at


class LinkedAccountsByUserIdLoader(ModelsByKeyLoader):
    """A user's linked accounts, oldest first."""

    model = m.OAuthAccount
    key_field = "user_id"
    order_by = ("created_at", "id")


@strawberry.type
class UserFields:
    """Identity's sign-in fields of `User` (the viewer's own account; admins')."""

    linked_accounts: list[LinkedAccount] = related(
        LinkedAccountsByUserIdLoader, "id", description="Accounts one may sign in with."
    )

    @strawberry.field(description="Whether the account can log in with a password.")
    def has_password(self) -> bool:
        return cast(m.User, self).password_hash is not None


@strawberry.input
class SignInWithProviderInput:
    provider: IdentityProvider
    id_token: str = strawberry.field(description="The provider's OpenID Connect ID token.")
    nonce: str | None = strawberry.field(
        default=None, description="The nonce the sign-in request sent; the token must carry it."
    )
    timezone: str | None = strawberry.field(
        default=None, description="A new account's IANA time zone name; UTC when omitted."
    )


@strawberry.input
class LinkProviderInput:
    provider: IdentityProvider
    id_token: str = strawberry.field(description="The provider's OpenID Connect ID token.")
    nonce: str | None = strawberry.field(
        default=None, description="The nonce the sign-in request sent; the token must carry it."
    )


@strawberry.input
class UnlinkProviderInput:
    account_id: NodeRef = node_id("LinkedAccount")


@strawberry.type
class SignInWithProviderPayload(Payload):
    token: str | None = strawberry.field(default=None, description="Bearer token.")
    created: bool = strawberry.field(
        default=False, description="True when this sign-in created the account."
    )
    user: UserRef | None = None


@strawberry.type
class LinkProviderPayload(Payload):
    account: LinkedAccount | None = None


@strawberry.type
class UnlinkProviderPayload(Payload):
    deleted_id: strawberry.ID | None = None


@strawberry.type
class Mutation:
    @payload_mutation(
        description="Exchange an identity provider's ID token for a bearer token; the first "
        "sign-in creates the account, or links one whose email both sides have verified."
    )
    async def sign_in_with_provider(
        self, info: AppInfo, input: SignInWithProviderInput
    ) -> SignInWithProviderPayload:
        context = info.context
        signed_in = await use_cases.sign_in_with_provider(
            provider=input.provider,
            id_token=input.id_token,
            nonce=input.nonce,
            timezone=input.timezone,
            settings=context.settings,
            verifier=context.services.identity_providers,
            user_agent=_user_agent(info),
            client_address=context.client_address,
            now=datetime.now(UTC),
        )
        if signed_in.profile is not None:  # a new account's: no second read
            loader = context.loaders.get(LearningProfileByUserIdLoader)
            loader.clear(signed_in.user.id).prime(signed_in.user.id, signed_in.profile)
        return SignInWithProviderPayload(
            token=signed_in.token, created=signed_in.created, user=as_user(signed_in.user)
        )

    @payload_mutation(
        permission=SIGNED_IN, description="Link an identity provider's account to yours."
    )
    async def link_provider(self, info: AppInfo, input: LinkProviderInput) -> LinkProviderPayload:
        account = await use_cases.link_provider(
            viewer=info.context.user,
            provider=input.provider,
            id_token=input.id_token,
            nonce=input.nonce,
            verifier=info.context.services.identity_providers,
            now=datetime.now(UTC),
        )
        return LinkProviderPayload(account=as_type(LinkedAccount, account))

    @payload_mutation(
        permission=SIGNED_IN,
        description="Unlink one of your accounts; the last way to sign in cannot be removed.",
    )
    async def unlink_provider(
        self, info: AppInfo, input: UnlinkProviderInput
    ) -> UnlinkProviderPayload:
        deleted = await use_cases.unlink_provider(
            viewer=info.context.user, account_id=input.account_id
        )
        return UnlinkProviderPayload(deleted_id=strawberry.ID(global_id("LinkedAccount", deleted)))


PROVIDER_TYPES: list[type] = [LinkedAccount]

__all__ = ["PROVIDER_TYPES", "Mutation", "UserFields"]
