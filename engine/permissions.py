"""Who may call a field, declared on the field.

Mutations declare a `Permission` on `payload_mutation` (engine/mutations.py); failing it is a
payload error, the same on every mutation: `UNAUTHENTICATED` (field null) when nobody is
signed in, `FORBIDDEN` when the viewer may not. Query fields that need a viewer declare
`IsAuthenticated`: a GraphQL error with the code in `extensions`. Ownership of private
objects is not a permission: each domain's policy reports such objects as not found.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from strawberry.permission import BasePermission

from core.errors import NOT_SIGNED_IN, AppError, ErrorCode, not_signed_in
from engine.context import AppInfo


@dataclass(frozen=True)
class Permission:
    """A signed-in viewer for whom `allows` holds (any signed-in viewer without one)."""

    allows: Callable[[Any], bool] | None = None
    message: str = "You may not do this."

    def check(self, viewer: Any) -> None:
        if viewer is None:
            raise not_signed_in()
        if self.allows is not None and not self.allows(viewer):
            raise AppError.of(ErrorCode.FORBIDDEN, self.message, None)


SIGNED_IN = Permission()


class IsAuthenticated(BasePermission):
    """For query fields: a GraphQL error coded UNAUTHENTICATED when nobody is signed in."""

    message = NOT_SIGNED_IN
    error_extensions = {"code": "UNAUTHENTICATED"}

    def has_permission(self, source: Any, info: AppInfo, **kwargs: Any) -> bool:
        return info.context.viewer is not None
