"""The admin console: listing accounts, setting a user's role, deactivating and reactivating.

- Admins only. Nobody signed in: UNAUTHENTICATED; a teacher or a student: FORBIDDEN (as
  payload errors on the mutations; the `users` query field answers null with the error).
- `users_page`: every account that is not deleted, newest first (`created_at`, then `id`),
  keyset-paginated. `search` (trimmed, at most `SEARCH_MAX` characters) matches a
  case-insensitive substring of the email, display name or username: ILIKE with `%`, `_`
  and `\\` escaped, so the text is matched literally. `role` and `is_active` match exactly.
- `set_user_role` and `set_user_active`: an unknown (or deleted) user is NOT_FOUND on
  `userId`. An admin cannot demote or deactivate themselves (FORBIDDEN on `userId`): it
  takes another active admin. The actor's and the target's rows are locked (in id order)
  and the actor must still be an active admin then (else FORBIDDEN), so the last active
  admin can never be demoted or deactivated: whoever does it is another active admin, and
  two admins demoting each other at once serialise (the second is no longer an admin).
- Setting what is already set changes nothing and emits nothing. Every change emits
  `UserAdministered` in its transaction (`events.audit`, the audit seam's one call site),
  with the changed field's old and new value.
- Deactivating revokes every token of the user at once and, on commit, ends their live
  WebSocket connections in every process (`auth.revoke_all_tokens`); their log-in then
  answers ACCOUNT_DISABLED. Reactivating lets them log in again; revoked tokens stay revoked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from tortoise.transactions import in_transaction

from core.errors import AppError, ErrorCode, not_found
from core.pagination import KeysetQuery, Page, PageArgs, fetch_page
from core.rows import columns
from models.identity import Role, User
from resolvers.identity import events
from resolvers.identity.auth import revoke_all_tokens
from resolvers.identity.policy import is_admin, require_viewer

SEARCH_MAX = 200
ONLY_ADMINS = "Only admins may do this."
NOT_YOURSELF = "You cannot demote or deactivate yourself; another admin must."


@dataclass(frozen=True)
class UserFilter:
    search: str | None = None
    role: Role | None = None
    is_active: bool | None = None


def require_admin(viewer: User | None) -> User:
    """The viewer, who must be an admin (UNAUTHENTICATED, else FORBIDDEN)."""
    user = require_viewer(viewer)
    if not is_admin(user):
        raise AppError.of(ErrorCode.FORBIDDEN, ONLY_ADMINS, None)
    return user


def escape_like(text: str) -> str:
    """`text` as a LIKE pattern matching itself literally (backslash is the escape)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def users_query(flt: UserFilter) -> KeysetQuery:
    """Accounts matching `flt`, newest first (see the module's docstring)."""
    query = KeysetQuery(model=User, order=["t.created_at", "t.id"], descending=True)
    query.select = columns(User)
    query.filter("t.deleted_at IS NULL")
    search = (flt.search or "").strip()
    if search:
        if len(search) > SEARCH_MAX:
            raise AppError.of(ErrorCode.TOO_LONG, f"At most {SEARCH_MAX} characters.", "search")
        pattern = query.param(f"%{escape_like(search)}%")
        matches = [
            f"t.{column} ILIKE {pattern} ESCAPE '\\'"
            for column in ("email", "display_name", "username")
        ]
        query.filter(f"({' OR '.join(matches)})")
    if flt.role is not None:
        query.filter(f"t.role = {query.param(Role(flt.role).value)}")
    if flt.is_active is not None:
        query.filter(f"t.is_active = {query.param(flt.is_active)}")
    return query


async def users_page(viewer: User | None, *, flt: UserFilter, args: PageArgs) -> Page[User]:
    """One page of the accounts matching `flt`, for an admin."""
    require_admin(viewer)
    return await fetch_page(users_query(flt), args)


def refusal(actor: User | None, target: User, *, removes_admin: bool) -> str | None:
    """Why `actor` (their row as locked now; None: gone) may not make this change to
    `target`, or None. `removes_admin`: the change takes a role other than admin, or
    deactivates, so it would remove an admin were the target one (the actor is)."""
    if actor is None or not is_admin(actor) or not actor.is_usable:  # changed meanwhile
        return ONLY_ADMINS
    if removes_admin and target.id == actor.id:
        return NOT_YOURSELF
    return None


async def _locked(actor: User, user_id: UUID) -> tuple[User | None, User]:
    """In a transaction: the actor's and the target's rows as they are now, both locked
    (in id order: one order for every caller, so no deadlock)."""
    rows = await User.filter(id__in={actor.id, user_id}).order_by("id").select_for_update()
    by_id = {row.id: row for row in rows}
    target = by_id.get(user_id)
    if target is None or target.deleted_at is not None:
        raise not_found("User", "userId")
    return by_id.get(actor.id), target


def _check(actor: User | None, target: User, removes_admin: bool) -> None:
    reason = refusal(actor, target, removes_admin=removes_admin)
    if reason is not None:
        field = None if reason == ONLY_ADMINS else "userId"
        raise AppError.of(ErrorCode.FORBIDDEN, reason, field)


async def _change(
    actor: User, target: User, action: str, changes: dict[str, Any], conn: Any
) -> None:
    """Write `changes` to the target's row and emit the audit event, old and new values."""
    old = {name: _plain(getattr(target, name)) for name in changes}
    for name, value in changes.items():
        setattr(target, name, value)
    await target.save(update_fields=[*changes, "updated_at"])
    new = {name: _plain(value) for name, value in changes.items()}
    await events.audit(conn, actor.id, action, target.id, old, new)


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Role) else value


async def set_user_role(viewer: User | None, user_id: UUID, role: Role) -> User:
    """Give `user_id` the role `role` (see the module's docstring)."""
    actor = require_admin(viewer)
    role = Role(role)
    async with in_transaction() as conn:
        now_actor, target = await _locked(actor, user_id)
        _check(now_actor, target, removes_admin=role != Role.ADMIN)
        if Role(target.role) == role:
            return target
        await _change(actor, target, events.SET_USER_ROLE, {"role": role}, conn)
    return target


async def set_user_active(viewer: User | None, user_id: UUID, is_active: bool) -> User:
    """Reactivate `user_id`, or deactivate them: every token revoked, their WebSocket
    connections closed everywhere, log-in refused (see the module's docstring)."""
    actor = require_admin(viewer)
    async with in_transaction() as conn:
        now_actor, target = await _locked(actor, user_id)
        _check(now_actor, target, removes_admin=not is_active)
        if target.is_active == is_active:
            return target
        await _change(actor, target, events.SET_USER_ACTIVE, {"is_active": is_active}, conn)
        if not is_active:
            await revoke_all_tokens(target.id, datetime.now(UTC), conn)
    return target
