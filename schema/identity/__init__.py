"""Identity: accounts, sign-in, tokens, profile, recovery."""

from engine.domain import Domain
from schema.identity.operations import Mutation, Query
from schema.identity.types import UserFields

DOMAIN = Domain(
    "identity",
    query=Query,
    mutation=Mutation,
    operations="identity.graphql",
    job_modules=["resolvers.identity.mail"],
)

__all__ = ["DOMAIN", "UserFields"]
