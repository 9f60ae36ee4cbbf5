"""The subscription tier a user has now, computed on read.

- A tier granted outright (`subscription_tier` PREMIUM or ENTERPRISE: admins, deals) holds
  until it is changed.
- Otherwise the user is PREMIUM while a paid plan's period runs (`premium_until` in the
  future; the instant itself is past), and FREE before and after.
"""

from __future__ import annotations

from datetime import datetime

FREE = "free"
PREMIUM = "premium"


def _value(tier: object) -> str:
    return str(getattr(tier, "value", tier))


def tier_now(granted: object, premium_until: datetime | None, now: datetime) -> str:
    """The tier in force at `now` (see the module's docstring)."""
    granted_tier = _value(granted)
    if granted_tier != FREE:
        return granted_tier
    if premium_until is not None and now < premium_until:
        return PREMIUM
    return FREE
