"""An admin refunding a transaction through the payment provider.

- Admins only: a transaction the viewer cannot read is NOT_FOUND on `transactionId` (as
  another user's always is); one they read but may not refund (their own, as a learner) is
  FORBIDDEN. The reason is optional text (at most 1000 characters).
- Only a COMPLETED transaction (as it reads now) is refunded, in full: anything else is
  INVALID on `transactionId`, and so is one paid through another provider than the one
  configured (it cannot be asked).
- The provider is asked (`refund`) with the transaction's row locked; its refusal or
  absence is UNAVAILABLE on `transactionId`, and nothing is recorded. The transaction stays
  COMPLETED until the provider's `payment.refunded` webhook arrives and completes it (with
  its effects: the course's access or the premium period goes). The local provider hands
  that webhook back: it is queued, in this transaction, as a job that delivers it
  (resolvers/commerce/webhooks.py `queue_refund`); Stripe sends its own.
- The request is noted in the transaction's metadata (who, when, why) and audited
  (`events.audit`, `refund_transaction`) in the same transaction.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from tortoise.transactions import in_transaction

from core.errors import AppError, ErrorCode, Validator, not_found
from core.ids import global_id
from loaders.base import select_visible
from models.commerce import Transaction
from resolvers.commerce import events, policy, queries
from resolvers.commerce.webhooks import queue_refund
from resolvers.identity.policy import is_admin, require_viewer
from rules.commerce.transactions import COMPLETED, effective_status
from services.payments.base import PaymentProvider, ProviderError

if TYPE_CHECKING:
    from models.identity import User

REASON_MAX = 1000
FIELD = "transactionId"


async def _refundable(user: User, transaction_id: Any, reason: str | None) -> None:
    """Refuse what the viewer may not refund (see the module's rules)."""
    visible = await select_visible(Transaction, [transaction_id], policy.transactions(user))
    if transaction_id not in visible:
        raise not_found("Transaction", FIELD)
    if not is_admin(user):
        raise AppError.of(ErrorCode.FORBIDDEN, "Only admins refund payments.", None)
    check = Validator()
    check.text("reason", reason, REASON_MAX)
    check.raise_if_any()


async def refund_transaction(
    viewer: User | None, provider: PaymentProvider, transaction_id: Any, reason: str | None
) -> Transaction:
    """Ask the provider to refund a completed transaction (admins; see the module's rules).
    Answers the transaction as it is: COMPLETED until the provider's webhook refunds it."""
    user = require_viewer(viewer)
    await _refundable(user, transaction_id, reason)
    now = datetime.now(UTC)
    note = reason.strip() if reason and reason.strip() else None
    async with in_transaction() as conn:
        await conn.execute_query(queries.LOCK_TRANSACTION, [transaction_id])
        transaction = await Transaction.get(id=transaction_id, using_db=conn)
        if effective_status(transaction.status, transaction.created_at, now) != COMPLETED:
            raise AppError.of(ErrorCode.INVALID, "Only a completed payment is refunded.", FIELD)
        if transaction.provider != provider.name or not transaction.provider_transaction_id:
            raise AppError.of(
                ErrorCode.INVALID,
                f"This payment went through {transaction.provider}, which is not in use.",
                FIELD,
            )
        try:
            delivery = await provider.refund(
                provider_transaction_id=transaction.provider_transaction_id,
                amount=transaction.amount,
                currency=transaction.currency,
                transaction_id=global_id("Transaction", transaction.id),
            )
        except ProviderError as error:
            raise AppError.of(
                ErrorCode.UNAVAILABLE, f"The payment provider did not refund: {error}", FIELD
            ) from error
        transaction.metadata = {
            **transaction.metadata,
            "refund_requested_at": now.isoformat(),
            "refund_requested_by": global_id("User", user.id),
            "refund_reason": note,
        }
        await transaction.save(using_db=conn, update_fields=["metadata", "updated_at"])
        await events.audit(
            conn, user.id, events.REFUND_REQUESTED, "transaction", transaction.id, note
        )
        if delivery is not None:
            await queue_refund(transaction.id, delivery)
    return transaction
