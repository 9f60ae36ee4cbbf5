"""The learner's rights over their data: `exportMyData`, `me.dataExports` (the `UserFields`
mixin, composed into `User` in schema/graph.py) and `deleteAccount`. The rules are the use
cases' (resolvers/insight/privacy_export.py, privacy_deletion.py, resolvers/identity/exports.py).

`dataExports` lists the viewer's own exports only (empty on anyone else's `User`); each read
signs a fresh download link valid 15 minutes, for READY exports."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import cast

import strawberry

from engine.context import AppInfo
from engine.ids import global_id
from engine.mutations import Payload, payload_mutation
from engine.permissions import SIGNED_IN
from models import identity as m
from resolvers.identity import download_path, exports_of
from resolvers.insight import privacy_deletion, privacy_export
from services.storage import build_storage

ExportStatus = m.ExportStatus
strawberry.enum(ExportStatus, name="DataExportStatus")


@strawberry.type(description="An export of everything the platform holds about you.")
class DataExport:
    id: strawberry.ID
    status: ExportStatus
    download_url: str | None = strawberry.field(
        description="A READY export's link, signed on each read and valid 15 minutes; it "
        "works without a token."
    )
    expires_at: datetime | None = strawberry.field(
        description="When the file is removed (7 days after it was ready)."
    )
    size_bytes: int | None
    created_at: datetime
    failure_reason: str | None

    @classmethod
    def of(cls, row: m.DataExport, info: AppInfo, now: datetime) -> DataExport:
        return cls(
            id=strawberry.ID(global_id("DataExport", row.id)),
            status=row.status,
            download_url=download_path(row, info.context.settings, now),
            expires_at=row.expires_at,
            size_bytes=row.size_bytes,
            created_at=row.created_at,
            failure_reason=row.failure_reason,
        )


@strawberry.type
class UserFields:
    """Insight's fields of `User`: the viewer's own data exports."""

    @strawberry.field(description="Your data exports, newest first (yours only).")
    async def data_exports(self, info: AppInfo) -> list[DataExport]:
        user = cast(m.User, self)
        viewer = info.context.user
        if viewer is None or viewer.id != user.id:
            return []
        now = datetime.now(UTC)
        return [DataExport.of(row, info, now) for row in await exports_of(user)]


@strawberry.input
class ExportMyDataInput:
    include_media: bool = strawberry.field(
        default=False, description="Also include your recordings' files (base64)."
    )


@strawberry.input
class DeleteAccountInput:
    password: str | None = strawberry.field(default=None, description="Your password.")
    provider: m.IdentityProvider | None = strawberry.field(
        default=None, description="Without a password: the provider you confirm with."
    )
    id_token: str | None = strawberry.field(
        default=None, description="Its ID token for your account, issued at most 5 minutes ago."
    )


@strawberry.type
class ExportMyDataPayload(Payload):
    export: DataExport | None = None


@strawberry.type
class DeleteAccountPayload(Payload):
    ok: bool = False


@strawberry.type
class Mutation:
    @payload_mutation(
        permission=SIGNED_IN,
        description="Prepare, in the background, a JSON document with all your data; it "
        "appears in `me.dataExports` (PENDING, then READY with its link).",
    )
    async def export_my_data(self, info: AppInfo, input: ExportMyDataInput) -> ExportMyDataPayload:
        viewer = info.context.user
        assert viewer is not None
        row = await privacy_export.request_export(viewer, include_media=input.include_media)
        return ExportMyDataPayload(export=DataExport.of(row, info, datetime.now(UTC)))

    @payload_mutation(
        permission=SIGNED_IN,
        description="Delete your account: personal data is removed, what others rely on is "
        "anonymised (see the README's 'Your data'). Confirm with your password, or a fresh "
        "provider sign-in for an account without one.",
    )
    async def delete_account(
        self, info: AppInfo, input: DeleteAccountInput
    ) -> DeleteAccountPayload:
        context = info.context
        assert context.user is not None
        await privacy_deletion.delete_account(
            context.user,
            password=input.password,
            provider=input.provider,
            id_token=input.id_token,
            verifier=context.services.identity_providers,
            leeway_seconds=context.settings.oidc_leeway_seconds,
            storage=build_storage(context.settings),
            now=datetime.now(UTC),
        )
        return DeleteAccountPayload(ok=True)


PRIVACY_TYPES: list[type] = [DataExport]

__all__ = ["PRIVACY_TYPES", "DataExport", "Mutation", "UserFields"]
