"""Classrooms and their memberships: creating and editing a classroom, its join code,
joining and leaving, and the teacher setting a member's status.

- Teachers and admins create classrooms (learners: FORBIDDEN); the classroom's teacher and
  admins edit it, regenerate its code and set its members' statuses. A classroom the viewer
  does not read is NOT_FOUND; one they read but do not run (a member) is FORBIDDEN.
- Capacity (rules/classroom/membership.py) counts ACTIVE members and cannot be set below
  their number (INVALID on `capacity`). Everything that counts active members holds the
  classroom's row lock (`queries.LOCK_CLASSROOM`) while it decides, so two students taking
  the last seat at once serialise: the second gets CAPACITY_REACHED.
- Join codes (rules/classroom/join_codes.py) are drawn with `secrets.choice`; the rare
  collision with another active classroom's code is drawn again. Regenerating replaces the
  code: the old one stops working at once. A classroom made active again whose old code
  meanwhile belongs to another active classroom gets a new one.
- Joining by code follows `join_decision`: a wrong, stale or inactive classroom's code is
  NOT_FOUND on `joinCode`; a full classroom CAPACITY_REACHED on `joinCode`; joining twice
  returns the same membership; a SUSPENDED member is FORBIDDEN; INACTIVE or COMPLETED ones
  become ACTIVE again (one row per student and classroom: the history stays).
- Leaving sets INACTIVE (`status_after_leaving`) and keeps the row.
- Every change a teacher or admin makes emits `ClassroomChanged` in its transaction: the
  audit seam's one call site (`events.audit`). A (re)join is announced to the classroom's
  live subscribers (`MemberJoined`).
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from core.errors import AppError, ErrorCode, Validator, not_found
from loaders.base import select_visible
from models.catalog import Language
from models.classroom import ClassMembership, Classroom, MembershipStatus
from models.identity import CefrLevel
from resolvers.classroom import events, policy, queries
from resolvers.identity.policy import is_staff, require_viewer
from rules.classroom.join_codes import new_join_code, normalize_join_code
from rules.classroom.membership import (
    DEFAULT_CAPACITY,
    JoinDecision,
    check_capacity_change,
    has_room,
    join_decision,
    status_after_leaving,
    times_after,
)

if TYPE_CHECKING:
    from models.identity import User

T = TypeVar("T")

NAME_MAX = 200
DESCRIPTION_MAX = 2000
CODE_DRAWS = 5  # collisions among 31^8 codes: a second draw is already rare
JOIN_CODE_INDEX = "classrooms_active_join_code"

NOT_STAFF = "Only teachers and admins create classrooms."
NOT_RUNNER = "Only the classroom's teacher and admins may do this."
FULL = "The classroom is full."
SUSPENDED = "You are suspended from this classroom; ask its teacher."
NO_CODE = "No classroom with this join code."

UPDATABLE = frozenset({"name", "description", "level", "capacity", "is_active"})


def _now() -> datetime:
    return datetime.now(UTC)


def _draw() -> str:
    return new_join_code(secrets.choice)


async def _audit(
    conn: BaseDBAsyncClient,
    actor: User,
    action: str,
    row: Any,
    changes: dict[str, Any] | None = None,
) -> None:
    """The audit event; `changes` (the new values) are compared with `row` as it was."""
    entity = "classroom" if isinstance(row, Classroom) else "class_membership"
    changes = changes or {}
    old = {name: getattr(row, name) for name in changes}
    await events.audit(conn, actor.id, action, entity, row.id, old, changes)


async def _with_fresh_code(write: Callable[[str], Awaitable[T]]) -> T:
    """`write(code)` with a newly drawn code, drawn again while it collides with an active
    classroom's (the partial unique index says so; `write` runs in its own transaction)."""
    for attempt in range(CODE_DRAWS):
        try:
            return await write(_draw())
        except IntegrityError as error:
            if JOIN_CODE_INDEX not in str(error) or attempt == CODE_DRAWS - 1:
                raise
    raise AssertionError("unreachable")


async def _active_members(conn: BaseDBAsyncClient, classroom_id: UUID) -> int:
    rows = await conn.execute_query_dict(queries.ACTIVE_MEMBERS, [classroom_id])
    return int(rows[0]["n"])


# --- checking ---------------------------------------------------------------------------


def _check_texts(v: Validator, name: str | None, description: str | None) -> None:
    v.text("name", name, NAME_MAX, required="Give the classroom a name.")
    v.text("description", description, DESCRIPTION_MAX)


def _check_capacity(v: Validator, capacity: int, active_members: int = 0) -> None:
    problem = check_capacity_change(capacity, active_members)
    if problem is not None:
        v.add(problem.field, problem.code, problem.message)


async def classroom_to_run(user: User, classroom_id: Any, field: str) -> Classroom:
    """The classroom, if the viewer reads it (else NOT_FOUND) and runs it (else FORBIDDEN)."""
    found = await select_visible(Classroom, [classroom_id], policy.classrooms(user))
    classroom = found.get(classroom_id)
    if classroom is None:
        raise not_found("Classroom", field)
    if not policy.runs(user, classroom.teacher_id):
        raise AppError.of(ErrorCode.FORBIDDEN, NOT_RUNNER)
    return classroom


# --- classrooms -------------------------------------------------------------------------


async def create_classroom(
    viewer: User | None,
    *,
    name: str,
    description: str | None = None,
    language: str,
    level: Any,
    capacity: int | None = None,
) -> Classroom:
    """A new active classroom taught by the viewer (a teacher or admin), with a join code.
    `language` is a language's code (NOT_FOUND on `language`); `capacity` None: 30."""
    user = require_viewer(viewer)
    if not is_staff(user):
        raise AppError.of(ErrorCode.FORBIDDEN, NOT_STAFF)
    seats = DEFAULT_CAPACITY if capacity is None else capacity
    v = Validator()
    _check_texts(v, name, description)
    _check_capacity(v, seats)
    found = await Language.get_or_none(code=language.strip())
    if found is None:
        v.add("language", ErrorCode.NOT_FOUND, f"No language with code {language!r}.")
    v.raise_if_any()
    assert found is not None

    async def write(code: str) -> Classroom:
        async with in_transaction() as conn:
            classroom = await Classroom.create(
                teacher_id=user.id,
                name=name.strip(),
                description=(description or "").strip(),
                language_id=found.id,
                level=CefrLevel(level),
                capacity=seats,
                join_code=code,
                join_code_created_at=_now(),
                using_db=conn,
            )
            await _audit(conn, user, "create_classroom", classroom)
            return classroom

    return await _with_fresh_code(write)


async def update_classroom(
    viewer: User | None, classroom_id: Any, *, changes: Mapping[str, Any]
) -> Classroom:
    """The classroom with `changes` applied (name, description, level, capacity, is_active;
    None: left as it is)."""
    unknown = set(changes) - UPDATABLE
    if unknown:
        raise TypeError(f"update_classroom cannot change {sorted(unknown)}")
    user = require_viewer(viewer)
    classroom = await classroom_to_run(user, classroom_id, "id")
    given = {k: v for k, v in changes.items() if v is not None}
    v = Validator()
    _check_texts(v, given.get("name"), given.get("description"))
    if "capacity" in given:
        _check_capacity(v, given["capacity"])  # the range now; the members under the lock
    v.raise_if_any()
    for key in ("name", "description"):
        if key in given:
            given[key] = given[key].strip()
    if "level" in given:
        given["level"] = CefrLevel(given["level"])
    async with in_transaction() as conn:
        await conn.execute_query(queries.LOCK_CLASSROOM, [classroom.id])
        classroom = await Classroom.get(id=classroom.id, using_db=conn)  # as locked
        if "capacity" in given:
            problem = check_capacity_change(
                given["capacity"], await _active_members(conn, classroom.id)
            )
            if problem is not None:
                raise AppError(problem)
        reopened = given.get("is_active") and not classroom.is_active
        if reopened and classroom.join_code is not None:
            _, taken = await conn.execute_query(
                queries.CODE_TAKEN, [classroom.join_code, classroom.id]
            )
            if taken:  # its old code went to another active classroom meanwhile
                given["join_code"], given["join_code_created_at"] = _draw(), _now()
        await Classroom.filter(id=classroom.id).using_db(conn).update(**given, updated_at=_now())
        await _audit(conn, user, "update_classroom", classroom, given)
    return await Classroom.get(id=classroom.id)


async def regenerate_join_code(viewer: User | None, classroom_id: Any) -> Classroom:
    """A new join code for the classroom: the old one stops working at once."""
    user = require_viewer(viewer)
    classroom = await classroom_to_run(user, classroom_id, "classroomId")

    async def write(code: str) -> None:
        async with in_transaction() as conn:
            await (
                Classroom.filter(id=classroom.id)
                .using_db(conn)
                .update(join_code=code, join_code_created_at=_now(), updated_at=_now())
            )
            await _audit(conn, user, "regenerate_join_code", classroom)

    await _with_fresh_code(write)
    return await Classroom.get(id=classroom.id)


# --- memberships ------------------------------------------------------------------------


async def join_classroom(viewer: User | None, join_code: str) -> ClassMembership:
    """The viewer's membership of the active classroom this code opens (see the module's
    docstring for the refusals)."""
    user = require_viewer(viewer)
    code = normalize_join_code(join_code)
    if code is None:
        raise not_found("Classroom", "joinCode")
    async with in_transaction() as conn:
        rows = await conn.execute_query_dict(queries.LOCK_CLASSROOM_BY_CODE, [code])
        if not rows:
            raise AppError.of(ErrorCode.NOT_FOUND, NO_CODE, "joinCode")
        classroom_id = rows[0]["id"]
        classroom = await Classroom.get(id=classroom_id, using_db=conn)
        if classroom.teacher_id == user.id:
            raise AppError.of(ErrorCode.INVALID, "You teach this classroom.", "joinCode")
        membership = (
            await ClassMembership.filter(classroom_id=classroom_id, student_id=user.id)
            .using_db(conn)
            .first()
        )
        current = membership.status if membership is not None else None
        decision = join_decision(current)
        if decision is JoinDecision.REFUSED:
            raise AppError.of(ErrorCode.FORBIDDEN, SUSPENDED, "joinCode")
        if membership is not None and decision is JoinDecision.ALREADY_MEMBER:
            return membership
        if decision.needs_room and not has_room(
            await _active_members(conn, classroom_id), classroom.capacity
        ):
            raise AppError.of(ErrorCode.CAPACITY_REACHED, FULL, "joinCode")
        now = _now()
        if membership is None:
            times = times_after(
                None, MembershipStatus.ACTIVE, joined_at=None, left_at=None, now=now
            )
            membership = await ClassMembership.create(
                classroom_id=classroom_id,
                student_id=user.id,
                status=MembershipStatus.ACTIVE,
                joined_at=times.joined_at,
                left_at=times.left_at,
                using_db=conn,
            )
        else:
            await _set_status(conn, membership, MembershipStatus.ACTIVE, now)
        await events.announce(conn, classroom_id, events.MEMBER_JOINED, membership.id)
        return membership


async def leave_classroom(viewer: User | None, classroom_id: Any) -> ClassMembership:
    """The viewer's membership, INACTIVE if it was ACTIVE (SUSPENDED and COMPLETED ones stay
    as they are); NOT_FOUND on `classroomId` without one."""
    user = require_viewer(viewer)
    async with in_transaction() as conn:
        await conn.execute_query(queries.LOCK_CLASSROOM, [classroom_id])
        membership = (
            await ClassMembership.filter(classroom_id=classroom_id, student_id=user.id)
            .using_db(conn)
            .first()
        )
        if membership is None:
            raise not_found("Classroom", "classroomId")
        new_status = MembershipStatus(status_after_leaving(membership.status))
        if new_status != membership.status:
            await _set_status(conn, membership, new_status, _now())
        return membership


async def set_membership_status(
    viewer: User | None, membership_id: Any, status: Any
) -> ClassMembership:
    """Any status, set by the classroom's teacher or an admin. Making a member ACTIVE again
    needs room (CAPACITY_REACHED on `status`)."""
    user = require_viewer(viewer)
    found = await select_visible(ClassMembership, [membership_id], policy.memberships(user))
    membership = found.get(membership_id)
    if membership is None:
        raise not_found("Membership", "membershipId")
    classroom = await Classroom.get(id=membership.classroom_id)
    if not policy.runs(user, classroom.teacher_id):
        raise AppError.of(ErrorCode.FORBIDDEN, NOT_RUNNER)
    new_status = MembershipStatus(status)
    async with in_transaction() as conn:
        await conn.execute_query(queries.LOCK_CLASSROOM, [classroom.id])
        classroom = await Classroom.get(id=classroom.id, using_db=conn)  # as locked
        membership = await ClassMembership.get(id=membership.id, using_db=conn)
        if new_status == membership.status:
            return membership
        if new_status == MembershipStatus.ACTIVE and not has_room(
            await _active_members(conn, classroom.id), classroom.capacity
        ):
            raise AppError.of(ErrorCode.CAPACITY_REACHED, FULL, "status")
        await _set_status(conn, membership, new_status, _now())
        await _audit(conn, user, "set_membership_status", membership)
    return membership


async def _set_status(
    conn: BaseDBAsyncClient, membership: ClassMembership, status: MembershipStatus, now: datetime
) -> None:
    """Store a new status with the times it implies (`times_after`); `membership` follows."""
    times = times_after(
        membership.status,
        status,
        joined_at=membership.joined_at,
        left_at=membership.left_at,
        now=now,
    )
    await (
        ClassMembership.filter(id=membership.id)
        .using_db(conn)
        .update(status=status, joined_at=times.joined_at, left_at=times.left_at, updated_at=now)
    )
    membership.status = status
    membership.joined_at, membership.left_at = times.joined_at, times.left_at
    membership.updated_at = now
