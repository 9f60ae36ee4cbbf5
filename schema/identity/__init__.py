"""Identity: accounts, sign-in (with a password or an identity provider), linked accounts,
tokens, profile, recovery, the admin console."""

import strawberry
from strawberry.tools import merge_types

from engine.domain import Domain
from schema.identity import admin, operations, providers, types


@strawberry.type
class UserFields(admin.AccountStatusFields, providers.UserFields, types.UserFields):
    """Identity's fields of `User`, composed in schema/graph.py: the account's own
    (schema/identity/types.py, the `Node`, hence last), its sign-in ways
    (schema/identity/providers.py) and its status (schema/identity/admin.py)."""


DOMAIN = Domain(
    "identity",
    query=merge_types("IdentityQuery", (operations.Query, admin.Query)),
    mutation=merge_types(
        "IdentityMutation", (operations.Mutation, providers.Mutation, admin.Mutation)
    ),
    types=providers.PROVIDER_TYPES,
    operations=("identity.graphql",),
    job_modules=["resolvers.identity.mail"],
)

__all__ = ["DOMAIN", "UserFields"]
