"""Identity operations: sign-up, sign-in, tokens, profile, passwords."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, cast

import strawberry

from engine.compiler.specs import SQL, RootOne
from engine.context import AppInfo
from engine.mutations import Payload, payload_mutation
from engine.permissions import SIGNED_IN
from loaders.identity import LearningProfileByUserIdLoader
from models import identity as m
from models.identity import LearningProfile
from resolvers.identity import auth as use_cases
from resolvers.identity import recovery
from schema.identity.types import CefrLevel

if TYPE_CHECKING:
    from schema.graph import User

UserRef = Annotated["User", strawberry.lazy("schema.graph")]


def as_user(row: m.User) -> User:
    """A user row as the composed `User` type, which is returned as the row itself: what
    `engine.relations.as_type(User, row)` does, with `User` known to the type checker only
    (schema.graph imports this module)."""
    return cast("User", row)


@strawberry.input
class SignUpInput:
    email: str
    password: str = strawberry.field(description="10 to 256 characters.")
    display_name: str
    timezone: str | None = strawberry.field(
        default=None, description="IANA time zone name; UTC when omitted."
    )


@strawberry.input
class LogInInput:
    email: str
    password: str


@strawberry.input
class LogOutInput:
    all_devices: bool | None = strawberry.field(
        default=False, description="End every session of the account, not only this one."
    )


@strawberry.input(description="Only the fields sent change; null clears the nullable ones.")
class UpdateProfileInput:
    display_name: str | None = strawberry.UNSET
    username: str | None = strawberry.UNSET
    timezone: str | None = strawberry.field(
        default=strawberry.UNSET, description="IANA time zone name, e.g. Europe/Berlin."
    )
    native_language: str | None = strawberry.UNSET
    daily_xp_goal: int | None = strawberry.field(
        default=strawberry.UNSET, description="10, 20, 30 or 50."
    )
    avatar_url: str | None = strawberry.UNSET
    target_language: str | None = strawberry.UNSET
    proficiency_level: CefrLevel | None = strawberry.UNSET
    learning_goals: list[str] | None = strawberry.UNSET
    weekly_goal_hours: float | None = strawberry.UNSET
    preferred_lesson_minutes: int | None = strawberry.UNSET


@strawberry.input
class ChangePasswordInput:
    current_password: str
    new_password: str


@strawberry.input
class RequestPasswordResetInput:
    email: str


@strawberry.input
class ResetPasswordInput:
    token: str
    new_password: str


@strawberry.input
class VerifyEmailInput:
    token: str


@strawberry.type
class SignUpPayload(Payload):
    token: str | None = strawberry.field(default=None, description="Bearer token.")
    user: UserRef | None = None


@strawberry.type
class LogInPayload(Payload):
    token: str | None = strawberry.field(default=None, description="Bearer token.")
    user: UserRef | None = None


@strawberry.type
class OkPayload(Payload):
    ok: bool = False


@strawberry.type
class LogOutPayload(OkPayload):
    pass


@strawberry.type
class ChangePasswordPayload(OkPayload):
    pass


@strawberry.type
class RequestPasswordResetPayload(OkPayload):
    pass


@strawberry.type
class ResetPasswordPayload(OkPayload):
    pass


@strawberry.type
class UpdateProfilePayload(Payload):
    user: UserRef | None = None


@strawberry.type
class VerifyEmailPayload(Payload):
    user: UserRef | None = None


def _user_agent(info: AppInfo) -> str | None:
    request = info.context.request
    return request.headers.get("user-agent") if request is not None else None


def _prime_profile(info: AppInfo, profile: LearningProfile | None) -> None:
    """Hand a learning profile the use case already holds to the loader (no second read)."""
    if profile is not None:  # clear first: prime() keeps a value already cached
        loader = info.context.loaders.get(LearningProfileByUserIdLoader)
        loader.clear(profile.user_id).prime(profile.user_id, profile)


def _viewer_row(viewer: Any, arguments: dict, alias: str, param: Any) -> str | None:
    """`me` for the read compiler (engine/compiler): the viewer's own row, null when anonymous."""
    return None if viewer is None else f"{alias}.id = {param(viewer.id)}"


@strawberry.type
class Query:
    @strawberry.field(
        description="The signed-in user, or null.", metadata={SQL: RootOne(_viewer_row)}
    )
    def me(self, info: AppInfo) -> UserRef | None:
        viewer = info.context.viewer
        return None if viewer is None else as_user(viewer)


@strawberry.type
class Mutation:
    @payload_mutation(description="Create an account; mails a verification token.")
    async def sign_up(self, info: AppInfo, input: SignUpInput) -> SignUpPayload:
        signed_in = await use_cases.sign_up(
            email=input.email,
            password=input.password,
            display_name=input.display_name,
            timezone=input.timezone,
            settings=info.context.settings,
            user_agent=_user_agent(info),
            client_address=info.context.client_address,
        )
        _prime_profile(info, signed_in.profile)
        return SignUpPayload(token=signed_in.token, user=as_user(signed_in.user))

    @payload_mutation(description="Exchange email and password for a bearer token.")
    async def log_in(self, info: AppInfo, input: LogInInput) -> LogInPayload:
        signed_in = await use_cases.log_in(
            email=input.email,
            password=input.password,
            settings=info.context.settings,
            user_agent=_user_agent(info),
            client_address=info.context.client_address,
        )
        return LogInPayload(token=signed_in.token, user=as_user(signed_in.user))

    @payload_mutation(
        permission=SIGNED_IN, description="End this session, or every session of the account."
    )
    async def log_out(self, info: AppInfo, input: LogOutInput) -> LogOutPayload:
        await use_cases.log_out(
            viewer=info.context.user, token=info.context.token, all_devices=bool(input.all_devices)
        )
        return LogOutPayload(ok=True)

    @payload_mutation(permission=SIGNED_IN)
    async def update_profile(
        self, info: AppInfo, input: UpdateProfileInput
    ) -> UpdateProfilePayload:
        changes = {k: v for k, v in vars(input).items() if v is not strawberry.UNSET}
        update = await use_cases.update_profile(viewer=info.context.user, changes=changes)
        _prime_profile(info, update.profile)
        return UpdateProfilePayload(user=as_user(update.user))

    @payload_mutation(
        permission=SIGNED_IN,
        description="Needs the current password; ends the account's other sessions.",
    )
    async def change_password(
        self, info: AppInfo, input: ChangePasswordInput
    ) -> ChangePasswordPayload:
        await recovery.change_password(
            viewer=info.context.user,
            token=info.context.token,
            current_password=input.current_password,
            new_password=input.new_password,
        )
        return ChangePasswordPayload(ok=True)

    @payload_mutation(
        description="Mails a reset token if the email has an account; answers ok either way."
    )
    async def request_password_reset(
        self, info: AppInfo, input: RequestPasswordResetInput
    ) -> RequestPasswordResetPayload:
        await recovery.request_password_reset(
            email=input.email,
            settings=info.context.settings,
            client_address=info.context.client_address,
        )
        return RequestPasswordResetPayload(ok=True)

    @payload_mutation(description="Set a new password with a mailed token; ends all sessions.")
    async def reset_password(
        self, info: AppInfo, input: ResetPasswordInput
    ) -> ResetPasswordPayload:
        await recovery.reset_password(token=input.token, new_password=input.new_password)
        return ResetPasswordPayload(ok=True)

    @payload_mutation(description="Confirm the email with the token mailed at sign-up.")
    async def verify_email(self, info: AppInfo, input: VerifyEmailInput) -> VerifyEmailPayload:
        user = await recovery.verify_email(token=input.token)
        return VerifyEmailPayload(user=as_user(user))
