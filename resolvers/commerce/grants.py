"""What commerce grants in the lower domains' access rules (core.access `GrantPoint`):

- learning's PURCHASED: the priced courses the viewer bought (a COMPLETED purchase), which
  they may enrol in;
- learning's REVOKED: those whose purchase was refunded and not bought again: the enrollment
  and its history stay, its lessons do not start (PAYMENT_REQUIRED).

Imported by the package (resolvers/commerce/__init__.py), so any use of commerce registers
them once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.access import Param, Rule
from models.commerce import Transaction, TransactionKind, TransactionStatus
from resolvers.learning.policy import PURCHASED, REVOKED

if TYPE_CHECKING:
    from models.identity import User

TRANSACTIONS = Transaction._meta.db_table
_PURCHASE = TransactionKind.COURSE_PURCHASE.value


def _purchase(viewer: User, status: TransactionStatus, alias: str, param: Param) -> str:
    """A purchase of the course (`alias`) by the viewer, in `status`."""
    t = f"tx_{status.value}_{alias}"
    return (
        f'EXISTS (SELECT 1 FROM "{TRANSACTIONS}" {t} WHERE {t}.course_id = {alias}.id '
        f"AND {t}.user_id = {param(viewer.id)} AND {t}.kind = '{_PURCHASE}' "
        f"AND {t}.status = '{status.value}')"
    )


def purchased(viewer: User) -> Rule:
    return Rule(lambda alias, param: _purchase(viewer, TransactionStatus.COMPLETED, alias, param))


def revoked(viewer: User) -> Rule:
    return Rule(
        lambda alias, param: (
            f"{_purchase(viewer, TransactionStatus.REFUNDED, alias, param)} AND NOT "
            f"{_purchase(viewer, TransactionStatus.COMPLETED, alias, param)}"
        )
    )


PURCHASED.add(purchased)
REVOKED.add(revoked)
