"""Commerce: money taken for a paid course or the premium plan (`Transaction`), the payment
provider's events that move it (`PaymentEvent`), and a learner's premium plan
(`PremiumSubscription`).

Amounts are `numeric(10,2)` read as `Decimal`, never floats (rules/commerce/money.py). The
rules of the statuses live in rules/commerce/; the database holds what they decided:
- a transaction's stored status only moves by a provider's event (a PENDING one past its 30
  minutes reads FAILED, computed on read, never written);
- each provider event id is stored once (`unique (provider, event_id)`): the lock that makes
  a repeated or concurrent delivery take effect exactly once;
- a learner has at most one premium subscription row, renewed and extended in place.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any
from uuid import UUID

from tortoise import fields

from models.base import Entity, MutableEntity

if TYPE_CHECKING:
    from models.catalog import Course
    from models.identity import User


class TransactionKind(str, Enum):
    COURSE_PURCHASE = "course_purchase"
    SUBSCRIPTION = "subscription"  # a premium plan's first payment or a renewal


class TransactionStatus(str, Enum):
    PENDING = "pending"
    COMPLETED = "completed"
    FAILED = "failed"
    REFUNDED = "refunded"


class SubscriptionPlan(str, Enum):
    PREMIUM_MONTHLY = "premium_monthly"
    PREMIUM_YEARLY = "premium_yearly"


class SubscriptionStatus(str, Enum):
    ACTIVE = "active"
    CANCELED = "canceled"  # ended early (a refund); EXPIRED is computed from the period


class PremiumSubscription(MutableEntity):
    # One per learner: renewals and a new plan after a lapse reuse it.
    user: fields.OneToOneRelation[User] = fields.OneToOneField(
        "models.User", related_name="premium_subscription", on_delete=fields.CASCADE
    )
    user_id: UUID
    plan = fields.CharEnumField(SubscriptionPlan, max_length=16)
    status = fields.CharEnumField(SubscriptionStatus, max_length=16)
    current_period_start = fields.DatetimeField()
    current_period_end = fields.DatetimeField()  # premium until then (exclusive)
    cancel_at_period_end = fields.BooleanField(default=False)
    canceled_at = fields.DatetimeField(null=True)
    cancel_reason = fields.TextField(null=True)
    provider = fields.CharField(max_length=32)
    provider_subscription_id = fields.CharField(max_length=255, null=True)

    class Meta:
        table = "premium_subscriptions"


class Transaction(MutableEntity):
    kind = fields.CharEnumField(TransactionKind, max_length=16)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="transactions", on_delete=fields.CASCADE
    )
    user_id: UUID
    # A COURSE_PURCHASE's course; money records outlive nothing they name, so a course with
    # sales cannot be deleted (RESTRICT).
    course: fields.ForeignKeyNullableRelation[Course] = fields.ForeignKeyField(
        "models.Course", related_name="transactions", null=True, on_delete=fields.RESTRICT
    )
    course_id: UUID | None
    # A SUBSCRIPTION payment's plan, and the subscription it started or renewed (set when
    # the payment completes).
    plan = fields.CharEnumField(SubscriptionPlan, max_length=16, null=True)
    subscription: fields.ForeignKeyNullableRelation[PremiumSubscription] = fields.ForeignKeyField(
        "models.PremiumSubscription",
        related_name="transactions",
        null=True,
        on_delete=fields.SET_NULL,
    )
    subscription_id: UUID | None
    amount = fields.DecimalField(max_digits=10, decimal_places=2)
    currency = fields.CharField(max_length=3)
    status = fields.CharEnumField(
        TransactionStatus, max_length=16, default=TransactionStatus.PENDING
    )
    provider = fields.CharField(max_length=32)
    # The provider's id of the payment (a checkout session, a charge): unique per provider.
    provider_transaction_id = fields.CharField(max_length=255, null=True)
    metadata: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    completed_at = fields.DatetimeField(null=True)
    failed_at = fields.DatetimeField(null=True)
    refunded_at = fields.DatetimeField(null=True)

    class Meta:
        table = "transactions"
        unique_together = (("provider", "provider_transaction_id"),)
        # A learner's payment history, newest first; a course's sales by status.
        indexes = (("user", "created_at"), ("course", "status"))


class PaymentEvent(Entity):
    """A provider's webhook event, stored before it is processed, in the same transaction as
    its effects: its id's uniqueness makes it take effect once."""

    provider = fields.CharField(max_length=32)
    event_id = fields.CharField(max_length=255)
    type = fields.CharField(max_length=64)
    payload: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    transaction: fields.ForeignKeyNullableRelation[Transaction] = fields.ForeignKeyField(
        "models.Transaction", related_name="events", null=True, on_delete=fields.SET_NULL
    )
    transaction_id: UUID | None
    received_at = fields.DatetimeField()
    processed_at = fields.DatetimeField(null=True)
    outcome = fields.CharField(max_length=16)  # applied, ignored
    reason = fields.TextField(default="")  # why it was ignored

    class Meta:
        table = "payment_events"
        unique_together = (("provider", "event_id"),)
