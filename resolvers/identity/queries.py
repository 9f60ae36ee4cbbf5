"""The identity use cases' hand-written SQL, in one place; table names come from the models."""

from __future__ import annotations

from core.rows import columns
from models.identity import AuthToken, User

AUTH_TOKENS = AuthToken._meta.db_table
USERS = User._meta.db_table


def live_token_with_user() -> str:
    """$1 token hash, $2 now: the unexpired, unrevoked token with its user, labelled `t.`
    and `u.` (core.rows.unlabel). Built when called: foreign-key columns exist only once
    Tortoise is initialised."""
    return (
        f"SELECT {columns(AuthToken, 't', labelled=True)}, {columns(User, 'u', labelled=True)} "
        f'FROM "{AUTH_TOKENS}" t JOIN "{USERS}" u ON u.id = t.user_id '
        "WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > $2 LIMIT 1"
    )
