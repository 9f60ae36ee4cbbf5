"""Commerce in the graph: `Transaction` and `PremiumSubscription` (both private: the learner's
own, every one for an admin; another user's reads as not found).

Amounts are `Money` (a decimal string and its currency, never a float). Statuses are those
in force now: a PENDING checkout past its 30 minutes reads FAILED, a subscription past its
period reads EXPIRED (or CANCELED when it was to end there): computed on read, no timer.
"""

from __future__ import annotations

import datetime as dt
from datetime import UTC, datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated, cast

import strawberry
from strawberry import relay

from engine.node import node_source
from engine.relations import model_type, related
from loaders.catalog import CourseByIdLoader
from models import commerce as m
from resolvers.commerce import policy
from rules.commerce import premium
from rules.commerce import transactions as transaction_rules
from schema.catalog.types import Money

if TYPE_CHECKING:
    from schema.graph import Course

CourseRef = Annotated["Course", strawberry.lazy("schema.graph")]

# The models' enums are the GraphQL enums.
TransactionKind = m.TransactionKind
TransactionStatus = m.TransactionStatus
SubscriptionPlan = m.SubscriptionPlan
strawberry.enum(TransactionKind, name="TransactionKind")
strawberry.enum(TransactionStatus, name="TransactionStatus")
strawberry.enum(SubscriptionPlan, name="SubscriptionPlan")


@strawberry.enum(description="A premium subscription's state now.")
class PremiumStatus(Enum):
    ACTIVE = "active"  # premium until `currentPeriodEnd` (renewing unless cancelAtPeriodEnd)
    CANCELED = "canceled"  # ended: refunded, or cancelled and its period over
    EXPIRED = "expired"  # its period ended without a renewal


def _now() -> datetime:
    return datetime.now(UTC)


@strawberry.type(
    description="Money taken for a course or the premium plan. Its status follows the "
    "payment provider's signed webhooks, never the frontend's word."
)
@model_type(m.Transaction)
@node_source(m.Transaction, policy.transactions)
class Transaction(relay.Node):
    id: relay.NodeID[str]
    kind: TransactionKind
    plan: SubscriptionPlan | None = strawberry.field(description="A SUBSCRIPTION's plan.")
    provider: str
    provider_transaction_id: str | None
    created_at: dt.datetime
    completed_at: dt.datetime | None
    refunded_at: dt.datetime | None

    @strawberry.field(description="Now: a PENDING checkout past its 30 minutes reads FAILED.")
    def status(self) -> TransactionStatus:
        row = cast(m.Transaction, self)
        return TransactionStatus(
            transaction_rules.effective_status(row.status, row.created_at, _now())
        )

    @strawberry.field
    def amount(self) -> Money:
        row = cast(m.Transaction, self)
        return Money(amount=row.amount, currency=row.currency)

    course: CourseRef | None = related(
        CourseByIdLoader, "course_id", description="A COURSE_PURCHASE's course."
    )


@strawberry.type(
    description="The learner's premium plan: premium (unlimited hearts) until the period "
    "ends; renewals extend it, cancelling keeps it to the period's end."
)
@model_type(m.PremiumSubscription)
@node_source(m.PremiumSubscription, policy.subscriptions)
class PremiumSubscription(relay.Node):
    id: relay.NodeID[str]
    plan: SubscriptionPlan
    current_period_end: dt.datetime
    cancel_at_period_end: bool
    canceled_at: dt.datetime | None

    @strawberry.field
    def status(self) -> PremiumStatus:
        row = cast(m.PremiumSubscription, self)
        state = premium.SubscriptionState(
            plan=row.plan.value,
            status=row.status.value,
            current_period_end=row.current_period_end,
            cancel_at_period_end=row.cancel_at_period_end,
        )
        return PremiumStatus(premium.effective_status(state, _now()))


COMMERCE_TYPES: list[type] = [Transaction, PremiumSubscription]
