"""Identity: users, learning profiles, OAuth accounts and used ID tokens, bearer tokens,
verification tokens."""

from __future__ import annotations

from enum import Enum
from typing import Any
from uuid import UUID

from tortoise import fields

from models.base import Entity, MutableEntity


class Role(str, Enum):
    STUDENT = "student"
    TEACHER = "teacher"
    ADMIN = "admin"


class SubscriptionTier(str, Enum):
    FREE = "free"
    PREMIUM = "premium"
    ENTERPRISE = "enterprise"


class CefrLevel(str, Enum):
    A1 = "A1"
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"
    C1 = "C1"
    C2 = "C2"


class VerificationPurpose(str, Enum):
    EMAIL_VERIFICATION = "email_verification"
    PASSWORD_RESET = "password_reset"


DAILY_XP_GOALS = (10, 20, 30, 50)


class User(MutableEntity):
    # Stored normalized (lower-cased); a unique index makes it case-insensitive.
    email = fields.CharField(max_length=320, unique=True)
    username = fields.CharField(max_length=40, unique=True, null=True)
    display_name = fields.CharField(max_length=100)
    password_hash = fields.CharField(max_length=255, null=True)  # null: OAuth-only account
    role = fields.CharEnumField(Role, max_length=16, default=Role.STUDENT)
    avatar_url = fields.CharField(max_length=1000, null=True)
    timezone = fields.CharField(max_length=64, default="UTC")
    native_language = fields.CharField(max_length=16, null=True)
    daily_xp_goal = fields.SmallIntField(default=20)
    # The tier granted outright (admins, enterprise deals); a paid plan does not write it.
    subscription_tier = fields.CharEnumField(
        SubscriptionTier, max_length=16, default=SubscriptionTier.FREE
    )
    # Premium paid up to this instant (commerce sets it from the plan's period; a refund ends
    # it): the tier is computed on read (rules/identity/tiers.py), so nothing expires it.
    premium_until = fields.DatetimeField(null=True)
    email_verified_at = fields.DatetimeField(null=True)
    last_login_at = fields.DatetimeField(null=True)
    is_active = fields.BooleanField(default=True)
    deleted_at = fields.DatetimeField(null=True)

    class Meta:
        table = "users"

    @property
    def is_usable(self) -> bool:
        return self.is_active and self.deleted_at is None


class LearningProfile(MutableEntity):
    user: fields.OneToOneRelation[User] = fields.OneToOneField(
        "models.User", related_name="learning_profile", on_delete=fields.CASCADE
    )
    user_id: UUID
    target_language = fields.CharField(max_length=16, null=True)
    proficiency_level = fields.CharEnumField(CefrLevel, max_length=2, default=CefrLevel.A1)
    learning_goals: fields.JSONField[list[str]] = fields.JSONField(default=list)
    preferences: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    weekly_goal_hours = fields.FloatField(default=3.0)
    preferred_lesson_minutes = fields.SmallIntField(default=10)

    class Meta:
        table = "learning_profiles"


class IdentityProvider(str, Enum):
    """The OpenID Connect providers one may sign in with (services/identity_providers)."""

    GOOGLE = "google"
    APPLE = "apple"
    MICROSOFT = "microsoft"


class OAuthAccount(MutableEntity):
    """A provider's account linked to a user: signing in with an ID token of
    (`provider`, `subject`) signs `user` in (resolvers/identity/providers.py). Nothing of the
    provider's tokens is kept; `email` is the one the provider named when it was linked."""

    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="oauth_accounts", on_delete=fields.CASCADE
    )
    user_id: UUID
    provider = fields.CharEnumField(IdentityProvider, max_length=32)
    subject = fields.CharField(max_length=255)  # the token's `sub`: the provider's user id
    email = fields.CharField(max_length=320, null=True)
    last_used_at = fields.DatetimeField(null=True)  # the last sign-in with it

    class Meta:
        table = "oauth_accounts"
        unique_together = (("provider", "subject"),)


class UsedIdToken(Entity):
    """An ID token already used (to sign in or to link), remembered until it could no longer
    pass verification, so that a replay is refused. `token_id` is the SHA-256 (hex) of
    what names the token (`VerifiedIdentity.token_id`: its `jti`, else its nonce, else the
    token's own digest); `expires_at` is the token's expiry plus the verifier's leeway. The
    hourly maintenance job deletes expired rows."""

    provider = fields.CharEnumField(IdentityProvider, max_length=32)
    token_id = fields.CharField(max_length=64)
    expires_at = fields.DatetimeField()

    class Meta:
        table = "used_id_tokens"
        unique_together = (("provider", "token_id"),)


class AuthToken(Entity):
    """An opaque bearer token; only the SHA-256 of the token is stored."""

    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="auth_tokens", on_delete=fields.CASCADE
    )
    user_id: UUID
    token_hash = fields.CharField(max_length=64, unique=True)
    expires_at = fields.DatetimeField()
    last_used_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)
    user_agent = fields.CharField(max_length=255, null=True)

    class Meta:
        table = "auth_tokens"


class VerificationToken(Entity):
    """Email verification and password reset: hashed, expiring, single use."""

    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="verification_tokens", on_delete=fields.CASCADE
    )
    user_id: UUID
    purpose = fields.CharEnumField(VerificationPurpose, max_length=32)
    token_hash = fields.CharField(max_length=64, unique=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "verification_tokens"


class OutboxMessage(Entity):
    """Mail recorded by the development mailer instead of being sent."""

    to = fields.CharField(max_length=320)
    subject = fields.CharField(max_length=255)
    body = fields.TextField()

    class Meta:
        table = "outbox_messages"


class ExportStatus(str, Enum):
    PENDING = "pending"  # queued or being written
    READY = "ready"  # the file is in storage under `file_key`
    FAILED = "failed"  # `failure_reason` says why; ask again
    EXPIRED = "expired"  # past `expires_at`: the file was removed


class DataExport(Entity):
    """One export of everything the platform holds about `user` (`exportMyData`): a JSON
    document written by a job (resolvers/insight/privacy_export.py) to storage under
    `file_key`. READY exports are kept until `expires_at` (7 days after `ready_at`); the hourly
    maintenance job then removes the file and marks the row EXPIRED. The download link is
    signed afresh on each read (resolvers/identity/exports.py)."""

    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="data_exports", on_delete=fields.CASCADE
    )
    user_id: UUID
    status = fields.CharEnumField(ExportStatus, max_length=16, default=ExportStatus.PENDING)
    include_media = fields.BooleanField(default=False)
    file_key = fields.CharField(max_length=300, null=True)
    size_bytes = fields.BigIntField(null=True)
    ready_at = fields.DatetimeField(null=True)
    expires_at = fields.DatetimeField(null=True)
    failure_reason = fields.TextField(null=True)

    class Meta:
        table = "data_exports"
        indexes = (("user", "created_at"), ("status", "expires_at"))
