"""Studio's access rules: everything in the studio is private to its learner.

- A material, its chunks, its assets, the learner's study sessions and review cards are
  read by their owner and by admins (identity's `private_rows`: "an admin sees all");
  everyone else reads them as not found (`node` gives null, changes NOT_FOUND).
- Changing a material (update, delete, regenerate) is its owner's alone: an admin, who
  reads it, is FORBIDDEN (`can_change`); anybody else gets NOT_FOUND.
- A soft-deleted material (`deleted_at` set) disappears everywhere, for its owner and
  admins too: the material, its chunks, its assets, the sessions over it and the cards of
  its assets. A mistake card's asset has no material and is only the learner's.
- `live_cards` are the cards that may come up for review: those of ACTIVE assets (not of
  assets a regeneration archived, whose cards are kept for their history) that are visible.

Each rule is SQL over the row's alias (core/access.py), so `node`, lists and nested
fields apply the same one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.access import Param, Rule, related_row
from models.studio import AssetStatus
from resolvers.identity.policy import private_rows
from resolvers.studio.queries import ASSETS, MATERIALS, SESSIONS

if TYPE_CHECKING:
    from models.identity import User

ACTIVE = AssetStatus.ACTIVE.value


def _all(*rules: Rule) -> Rule:
    return Rule(lambda alias, param: " AND ".join(r.sql(alias, param) for r in rules))


def _not_deleted(alias: str, param: Param) -> str:
    return f"{alias}.deleted_at IS NULL"


NOT_DELETED = Rule(_not_deleted)


def _material_kept(column: str, prefix: str) -> Rule:
    """Rows whose `column` names no material, or a material not deleted."""

    def condition(alias: str, param: Param) -> str:
        m = f"{prefix}_{alias}"
        return (
            f'{alias}.{column} IS NULL OR EXISTS (SELECT 1 FROM "{MATERIALS}" {m} '
            f"WHERE {m}.id = {alias}.{column} AND {m}.deleted_at IS NULL)"
        )

    return Rule(condition)


def materials(viewer: User | None) -> Rule:
    """Materials the viewer reads: their own (an admin: anyone's), not deleted."""
    return _all(private_rows(viewer), NOT_DELETED)


def chunks(viewer: User | None) -> Rule:
    """Chunks of the materials the viewer reads."""

    def condition(alias: str, param: Param) -> str:
        m = f"cm_{alias}"
        readable = materials(viewer).sql(m, param)
        return (
            f'EXISTS (SELECT 1 FROM "{MATERIALS}" {m} WHERE {m}.id = {alias}.material_id '
            f"AND {readable})"
        )

    return Rule(condition)


def assets(viewer: User | None) -> Rule:
    """Assets the viewer reads: their own (an admin: anyone's), unless their material was
    deleted. Archived ones too (their cards' history names them)."""
    return _all(private_rows(viewer), _material_kept("material_id", "am"))


def sessions(viewer: User | None) -> Rule:
    """Study sessions the viewer reads: their own (an admin: anyone's), unless over a
    deleted material."""
    return _all(private_rows(viewer), _material_kept("material_id", "sm"))


def interactions(viewer: User | None) -> Rule:
    """What was done in a session: through the session (`sessions`)."""
    return related_row(SESSIONS, "session_id", sessions(viewer), alias="is")


def _asset_row(viewer: User | None, prefix: str, *, active_only: bool) -> Rule:
    """Rows whose `asset_id` is an asset the viewer reads (an ACTIVE one when asked)."""

    def condition(alias: str, param: Param) -> str:
        a = f"{prefix}_{alias}"
        readable = assets(viewer).sql(a, param)
        active = f" AND {a}.status = '{ACTIVE}'" if active_only else ""
        return (
            f'EXISTS (SELECT 1 FROM "{ASSETS}" {a} WHERE {a}.id = {alias}.asset_id '
            f"AND {readable}{active})"
        )

    return Rule(condition)


def cards(viewer: User | None) -> Rule:
    """Review cards the viewer reads: their own (an admin: anyone's), of assets they read."""
    return _all(private_rows(viewer), _asset_row(viewer, "ca", active_only=False))


def live_cards(viewer: User | None) -> Rule:
    """The viewer's cards that may be due: of ACTIVE assets they read (see the module)."""
    return _all(private_rows(viewer), _asset_row(viewer, "lc", active_only=True))


def can_change(viewer: User | None, owner_id: Any) -> bool:
    """Changes to a material are its owner's alone (see the module's docstring)."""
    return viewer is not None and viewer.id == owner_id
