"""The accounts part of the executors' comparison world (test_executors_agree.py): the learner
has a linked Google account and a pending data export; an admin reads the accounts and the
audit log (one entry about the learner)."""

from __future__ import annotations

from typing import Any

from models.identity import DataExport, IdentityProvider, OAuthAccount, Role, User
from models.insight import AuditEntry
from tests.factories.identity import signed_in

# Accounts queries run as an admin; the others as the learner.
AS_ADMIN = {"Users", "AuditLog"}


async def accounts_variables(learner: User) -> tuple[str, dict[str, list[dict[str, Any]]]]:
    """Builds the accounts data; the admin's token and the accounts queries' variable sets."""
    admin, token = await signed_in(role=Role.ADMIN)
    await OAuthAccount.create(
        user_id=learner.id,
        provider=IdentityProvider.GOOGLE,
        subject=f"google-{learner.id}",
        email=learner.email,
    )
    # PENDING: its link (signed per read, expiring) would differ between the two runs.
    await DataExport.create(user_id=learner.id)
    await AuditEntry.create(
        actor_id=admin.id,
        actor_role="admin",
        action="set_user_role",
        entity_type="user",
        entity_id=str(learner.id),
        old_values={"role": "student"},
        new_values={"role": "student"},
    )
    return token, {
        "MyLinkedAccounts": [{}],
        "MyDataExports": [{}],
        "Users": [{"search": learner.email}, {"role": "ADMIN", "first": 1}],
        "AuditLog": [{"action": "set_user_role"}, {"first": 1}],
    }
