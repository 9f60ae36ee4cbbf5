"""The one permissions module: declare these on fields and mutations.

Failing a permission is a GraphQL error whose `extensions.code` says why. Ownership of
private objects is not a permission: such objects are filtered by the use cases and read as
"not found" (core.access).
"""

from __future__ import annotations

from typing import Any

from strawberry.permission import BasePermission

from engine.context import AppInfo
from resolvers.identity.policy import is_admin, is_staff


class IsAuthenticated(BasePermission):
    message = "You must be signed in."
    error_extensions = {"code": "UNAUTHENTICATED"}

    def has_permission(self, source: Any, info: AppInfo, **kwargs: Any) -> bool:
        return info.context.viewer is not None


class IsStaff(BasePermission):
    """Teachers and admins (content authoring)."""

    message = "Only teachers and admins may do this."
    error_extensions = {"code": "FORBIDDEN"}

    def has_permission(self, source: Any, info: AppInfo, **kwargs: Any) -> bool:
        return is_staff(info.context.viewer)


class IsAdmin(BasePermission):
    message = "Only admins may do this."
    error_extensions = {"code": "FORBIDDEN"}

    def has_permission(self, source: Any, info: AppInfo, **kwargs: Any) -> bool:
        return is_admin(info.context.viewer)
