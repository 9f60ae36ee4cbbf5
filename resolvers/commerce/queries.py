"""The commerce use cases' hand-written SQL, in one place; table names come from the models.

Locks are always taken in the same order, so two use cases never wait on each other in a
cycle: the learner's `users` row, then a transaction, then the premium subscription.
"""

from __future__ import annotations

from models.commerce import PaymentEvent, PremiumSubscription, Transaction
from models.identity import User

USERS = User._meta.db_table
TRANSACTIONS = Transaction._meta.db_table
EVENTS = PaymentEvent._meta.db_table
SUBSCRIPTIONS = PremiumSubscription._meta.db_table

# $1 user: lock the learner's row. Starting a checkout and completing a payment hold it while
# they decide, so two clicks at once make one pending checkout, and two payments of the
# same course completing at once see each other (the second is the duplicate).
LOCK_USER = f'SELECT id FROM "{USERS}" WHERE id = $1 FOR UPDATE'

# $1 transaction: lock it while an event or a refund request decides on its status.
LOCK_TRANSACTION = f'SELECT id FROM "{TRANSACTIONS}" WHERE id = $1 FOR UPDATE'

# $1 subscription: lock it while a payment, a renewal or a cancellation changes it.
LOCK_SUBSCRIPTION = f'SELECT id FROM "{SUBSCRIPTIONS}" WHERE id = $1 FOR UPDATE'

# $1 id, $2 provider, $3 event id, $4 type, $5 payload (JSON text), $6 transaction or null,
# $7 received at: the event, once. A repeat (or a concurrent duplicate, which waits for the
# first's commit on the unique index) inserts nothing and returns no row.
INSERT_EVENT = f"""
INSERT INTO "{EVENTS}"
    (id, created_at, provider, event_id, type, payload, transaction_id, received_at,
     outcome, reason)
VALUES ($1, $7, $2, $3, $4, $5::jsonb, $6, $7, '', '')
ON CONFLICT (provider, event_id) DO NOTHING
RETURNING id
"""

# $1 event, $2 outcome, $3 reason, $4 processed at, $5 transaction or null.
RECORD_OUTCOME = f"""
UPDATE "{EVENTS}" SET outcome = $2, reason = $3, processed_at = $4,
    transaction_id = COALESCE($5, transaction_id)
WHERE id = $1
"""

# $1 user, $2 course, $3 a transaction to leave out (or null): the statuses of the learner's
# purchases of the course.
PURCHASE_STATUSES = f"""
SELECT status FROM "{TRANSACTIONS}"
WHERE user_id = $1 AND course_id = $2 AND kind = 'course_purchase'
  AND ($3::uuid IS NULL OR id <> $3::uuid)
"""

# $1 user, $2 premium_until (or null): what a paid plan granted, as of now.
SET_PREMIUM_UNTIL = f'UPDATE "{USERS}" SET premium_until = $2, updated_at = now() WHERE id = $1'
