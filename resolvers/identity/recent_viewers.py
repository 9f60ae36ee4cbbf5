"""Viewers recently authenticated, by their token's hash: what lets the read compiler check
the bearer token in the statement that answers the query (no statement of its own).

The compiler renders the query for the remembered viewer (their id and role decide the
access rules) and puts `still_authenticates_sql` in the statement: the token is still live
(unexpired, unrevoked), it is the same user with the same role, active and not deleted, and
it was used within `LAST_USED_RESOLUTION` (so the throttled `last_used_at` write of
`authenticate` still happens). When the check fails the statement answers nothing and the
request takes the usual way (authenticate, which refuses a bad token or refreshes the
entry, then the query). The memory is per process and bounded; nothing is trusted from it
without the check.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from core.security import hash_token
from models.identity import AuthToken, User

if TYPE_CHECKING:
    from collections.abc import Callable

MAX_REMEMBERED = 10_000
AUTH_TOKENS = AuthToken._meta.db_table
USERS = User._meta.db_table

_recent: OrderedDict[str, tuple[User, AuthToken]] = OrderedDict()


def remember(raw_token: str, user: User, token: AuthToken) -> None:
    digest = hash_token(raw_token)
    _recent[digest] = (user, token)
    _recent.move_to_end(digest)
    while len(_recent) > MAX_REMEMBERED:
        _recent.popitem(last=False)


def recent_viewer(raw_token: str) -> tuple[str, User] | None:
    """(the token's hash, the viewer it authenticated last time), or None."""
    digest = hash_token(raw_token)
    found = _recent.get(digest)
    return None if found is None else (digest, found[0])


def still_authenticates_sql(
    digest: str, viewer: User, param: Callable[[Any], str], now: Any, resolution: timedelta
) -> str:
    """SQL: the token with this hash still authenticates this viewer, as they were."""
    return (
        f'EXISTS (SELECT 1 FROM "{AUTH_TOKENS}" at JOIN "{USERS}" au ON au.id = at.user_id '
        f"WHERE at.token_hash = {param(digest)} AND at.revoked_at IS NULL "
        f"AND at.expires_at > {now} "
        f"AND at.last_used_at >= ({now})::timestamptz - ({param(resolution)})::interval "
        f"AND au.id = {param(viewer.id)} AND au.role = {param(str(viewer.role.value))} "
        "AND au.is_active AND au.deleted_at IS NULL)"
    )
