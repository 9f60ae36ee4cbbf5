"""Commerce: buying paid courses and the premium plan, provider webhooks, refunds, revenue."""

from engine.domain import Domain
from schema.commerce.operations import Mutation
from schema.commerce.types import COMMERCE_TYPES

DOMAIN = Domain(
    "commerce",
    mutation=Mutation,
    types=COMMERCE_TYPES,
    job_modules=["resolvers.commerce.webhooks"],
    operations=("commerce.graphql",),
)

__all__ = ["DOMAIN"]
