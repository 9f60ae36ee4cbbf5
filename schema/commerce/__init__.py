"""Commerce: buying paid courses and the premium plan, provider webhooks, refunds, revenue."""

from engine.domain import Domain
from schema.commerce.types import COMMERCE_TYPES

DOMAIN = Domain("commerce", types=COMMERCE_TYPES)

__all__ = ["DOMAIN"]
