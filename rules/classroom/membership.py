"""Membership: capacity, joining by code, leaving, and the times a membership records.

- Capacity counts ACTIVE members only (as `memberCount` does): it lies between
  `MIN_CAPACITY` (1) and `MAX_CAPACITY` (500), 30 by default, and cannot be set below the
  current number of active members (`INVALID` on `capacity`).
- Joining by code, by the student's current membership (one row per student and classroom):
  none: a new ACTIVE membership, if there is room; ACTIVE: the same membership, unchanged
  (joining twice is harmless, even in a full classroom); INACTIVE (left, or set aside by the
  teacher) and COMPLETED (a finished course): the row becomes ACTIVE again, if there is room;
  SUSPENDED: refused (`FORBIDDEN`): only the teacher lifts a suspension.
- Leaving turns an ACTIVE membership INACTIVE and keeps the row (the history stays). Leaving
  never changes a SUSPENDED or COMPLETED one: a suspended student could otherwise leave and
  come back by code.
- The teacher (and admins) may set any status (`setMembershipStatus`).
- Times: `joined_at` is the latest (re)join; `left_at` is when the membership last stopped
  being ACTIVE, and is none while it is ACTIVE.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from core.errors import ErrorCode, FieldError

ACTIVE = "active"
INACTIVE = "inactive"
SUSPENDED = "suspended"
COMPLETED = "completed"
MEMBERSHIP_STATUSES = (ACTIVE, INACTIVE, SUSPENDED, COMPLETED)

DEFAULT_CAPACITY = 30
MIN_CAPACITY = 1
MAX_CAPACITY = 500


def _value(status: object) -> str:
    return str(getattr(status, "value", status))


# --- capacity --------------------------------------------------------------------------


def has_room(active_members: int, capacity: int) -> bool:
    """Room for one more active member."""
    return active_members < capacity


def check_capacity_change(new_capacity: int, active_members: int = 0) -> FieldError | None:
    """Why a classroom cannot have this capacity (with this many active members), or None.
    At creation there are no members yet."""
    if not MIN_CAPACITY <= new_capacity <= MAX_CAPACITY:
        return FieldError(
            ErrorCode.INVALID,
            f"Capacity is between {MIN_CAPACITY} and {MAX_CAPACITY}.",
            "capacity",
        )
    if new_capacity < active_members:
        return FieldError(
            ErrorCode.INVALID,
            f"The classroom has {active_members} active members: capacity cannot be lower.",
            "capacity",
        )
    return None


# --- joining and leaving ---------------------------------------------------------------


class JoinDecision(str, Enum):
    JOIN = "join"  # no membership yet: create an ACTIVE one
    ALREADY_MEMBER = "already_member"  # ACTIVE: return it unchanged
    REJOIN = "rejoin"  # INACTIVE or COMPLETED: make it ACTIVE again
    REFUSED = "refused"  # SUSPENDED: FORBIDDEN

    @property
    def needs_room(self) -> bool:
        """Whether this join adds an active member (so the capacity must allow it)."""
        return self in (JoinDecision.JOIN, JoinDecision.REJOIN)


def join_decision(current_status: object | None) -> JoinDecision:
    """What joining by code does, given the student's membership status (None: none yet)."""
    if current_status is None:
        return JoinDecision.JOIN
    status = _value(current_status)
    if status == ACTIVE:
        return JoinDecision.ALREADY_MEMBER
    if status == SUSPENDED:
        return JoinDecision.REFUSED
    return JoinDecision.REJOIN


def status_after_leaving(current_status: object) -> str:
    """ACTIVE becomes INACTIVE; every other status stays."""
    status = _value(current_status)
    return INACTIVE if status == ACTIVE else status


@dataclass(frozen=True)
class MembershipTimes:
    joined_at: datetime
    left_at: datetime | None


def times_after(
    current_status: object | None,
    new_status: object,
    *,
    joined_at: datetime | None,
    left_at: datetime | None,
    now: datetime,
) -> MembershipTimes:
    """The membership's times after a change of status (`current_status` None: a new row)."""
    was_active = current_status is not None and _value(current_status) == ACTIVE
    is_active = _value(new_status) == ACTIVE
    if current_status is None or joined_at is None:
        return MembershipTimes(now, None if is_active else now)
    if is_active and not was_active:
        return MembershipTimes(now, None)  # (re)joined
    if was_active and not is_active:
        return MembershipTimes(joined_at, now)  # left
    return MembershipTimes(joined_at, left_at)
