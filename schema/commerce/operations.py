"""Commerce's mutations: starting a checkout, cancelling the premium plan, an admin's refund.
Each is a thin layer over the use cases in resolvers/commerce/.

The payment provider is the process's (`info.context.services.payments`, PAYMENT_PROVIDER);
links the provider sends the learner along (its pay page, the way back) start at
`APP_URL`, else at the address this request came to.
"""

from __future__ import annotations

from typing import Any

import strawberry

from engine.context import AppInfo
from engine.ids import NodeRef, node_id
from engine.mutations import Payload, payload_mutation
from engine.permissions import SIGNED_IN
from engine.relations import as_type
from resolvers.commerce import checkout, refunds, subscriptions
from resolvers.commerce.pricing import configured_plans
from schema.commerce.types import PremiumSubscription, SubscriptionPlan, Transaction

RETURN_PATH = "/payments/return"  # app/payments.py: where the learner lands after paying


@strawberry.input(description="Exactly one of courseId and plan.")
class StartCheckoutInput:
    course_id: NodeRef | None = node_id("Course", default=None)
    plan: SubscriptionPlan | None = None


@strawberry.input
class CancelSubscriptionInput:
    reason: str | None = strawberry.field(default=None, description="At most 1000 characters.")


@strawberry.input
class RefundTransactionInput:
    transaction_id: NodeRef = node_id("Transaction")
    reason: str | None = strawberry.field(default=None, description="At most 1000 characters.")


@strawberry.type
class StartCheckoutPayload(Payload):
    transaction: Transaction | None = None
    checkout_url: str | None = strawberry.field(
        default=None, description="Where to send the learner to pay."
    )


@strawberry.type
class CancelSubscriptionPayload(Payload):
    subscription: PremiumSubscription | None = None


@strawberry.type
class RefundTransactionPayload(Payload):
    transaction: Transaction | None = None


def app_url(info: AppInfo) -> str:
    """The public base URL: APP_URL, else this request's own."""
    configured = info.context.settings.app_url
    if configured:
        return configured.rstrip("/")
    request: Any = info.context.request
    return str(request.base_url).rstrip("/")


@strawberry.type
class Mutation:
    @payload_mutation(
        permission=SIGNED_IN,
        description="Start paying for a course or the premium plan: a PENDING transaction and "
        "its checkoutUrl. A free course is INVALID and an owned one CONFLICT (on courseId); "
        "a checkout of the same thing still pending is returned.",
    )
    async def start_checkout(
        self, info: AppInfo, input: StartCheckoutInput
    ) -> StartCheckoutPayload:
        base = app_url(info)
        result = await checkout.start_checkout(
            info.context.viewer,
            info.context.services.payments,
            course_id=input.course_id,
            plan=input.plan,
            plans=configured_plans(info.context.settings),
            app_url=base,
            return_url=base + RETURN_PATH,
        )
        return StartCheckoutPayload(
            transaction=as_type(Transaction, result.transaction),
            checkout_url=result.checkout_url,
        )

    @payload_mutation(
        permission=SIGNED_IN,
        description="Cancel the premium plan at the end of its period (premium until then); "
        "NOT_FOUND when none is in force.",
    )
    async def cancel_subscription(
        self, info: AppInfo, input: CancelSubscriptionInput
    ) -> CancelSubscriptionPayload:
        row = await subscriptions.cancel_subscription(info.context.viewer, input.reason)
        return CancelSubscriptionPayload(subscription=as_type(PremiumSubscription, row))

    @payload_mutation(
        permission=SIGNED_IN,
        description="Refund a completed transaction through the payment provider (admins): it "
        "reads REFUNDED once the provider confirms.",
    )
    async def refund_transaction(
        self, info: AppInfo, input: RefundTransactionInput
    ) -> RefundTransactionPayload:
        row = await refunds.refund_transaction(
            info.context.viewer,
            info.context.services.payments,
            input.transaction_id,
            input.reason,
        )
        return RefundTransactionPayload(transaction=as_type(Transaction, row))
