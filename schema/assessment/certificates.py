"""Certificates in the graph: `Certificate`, the holder's list, the enrollment's and the
completion's certificate, and the public verification by number."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any, cast

import strawberry
from strawberry import relay

from engine.compiler.specs import SQL, Expr, RootOne, ToOne
from engine.context import AppInfo
from engine.node import node_source
from engine.relations import as_type, model_type, related, when_loaded
from loaders.assessment import CertificateByEnrollmentLoader, CertificatesByUserLoader
from loaders.catalog import CourseByIdLoader
from loaders.identity import UserByIdLoader
from models import assessment as m
from models.identity import User as UserRow
from resolvers.assessment import certificates as use_cases
from resolvers.assessment import policy
from resolvers.catalog import policy as catalog_policy
from resolvers.catalog.policy import can_see
from resolvers.identity.policy import can_see_private
from rules.assessment.certificates import normalize_certificate_number

if TYPE_CHECKING:
    from schema.graph import Course

CourseRef = Annotated["Course", strawberry.lazy("schema.graph")]


def _certificate(self: object) -> m.Certificate:
    return cast(m.Certificate, self)


# The read compiler's terms (engine/compiler) for fields computed below.
_HOLDER_NAME = Expr(
    f'coalesce((SELECT u.display_name FROM "{UserRow._meta.db_table}" u '
    "WHERE u.id = {t}.user_id), '')"
)


def _by_number(viewer: Any, arguments: dict, alias: str, param: Any) -> str | None:
    cleaned = normalize_certificate_number(arguments["number"])
    if not cleaned or len(cleaned) > 32:
        return None
    return f"{alias}.number = {param(cleaned)}"


@strawberry.type(
    description="A certificate of completion. Anyone may verify one by its number "
    "(`certificate(number:)`); `node(id:)` finds it for its holder only."
)
@model_type(m.Certificate)
@node_source(m.Certificate, policy.certificates)
class Certificate(relay.Node):
    id: relay.NodeID[str]
    number: str
    issued_at: dt.datetime
    expires_at: dt.datetime | None

    @strawberry.field(
        description="The course certified, when the viewer may see it (a verifier learns its "
        "title, nothing the catalog does not show them).",
        metadata={SQL: ToOne("course_id", rule=catalog_policy.courses)},
    )
    def course(self, info: AppInfo) -> CourseRef | None:
        loaded = info.context.loaders.get(CourseByIdLoader).get_or_load(
            _certificate(self).course_id
        )
        viewer = info.context.viewer
        return when_loaded(lambda course: course if can_see(viewer, course) else None, loaded)

    @strawberry.field(
        description="The holder's display name, as printed on the certificate.",
        metadata={SQL: _HOLDER_NAME},
    )
    def holder_name(self, info: AppInfo) -> str:
        holder = info.context.loaders.get(UserByIdLoader).get_or_load(_certificate(self).user_id)
        return when_loaded(lambda user: user.display_name if user else "", holder)

    @strawberry.field(
        description="A link to the certificate as a PDF; signed, it works for an hour."
    )
    def pdf_url(self, info: AppInfo) -> str:
        path = use_cases.pdf_path(
            _certificate(self), info.context.settings, dt.datetime.now(dt.UTC)
        )
        request = info.context.request
        base = str(request.base_url).rstrip("/") if request is not None else ""
        return base + path

    @strawberry.field(
        description="Whether it is in force: issued and not expired.",
        metadata={SQL: Expr("({t}.expires_at IS NULL OR {t}.expires_at > now())")},
    )
    def valid(self) -> bool:
        expires = _certificate(self).expires_at
        return expires is None or expires > dt.datetime.now(dt.UTC)


@strawberry.type
class UserFields:
    @strawberry.field(description="Certificates earned, in the order they were issued (own).")
    async def certificates(self, info: AppInfo) -> list[Certificate]:
        user_id = cast(Any, self).id
        if not can_see_private(info.context.viewer, user_id):
            return []
        return await info.context.loaders.get(CertificatesByUserLoader).load(user_id)


@strawberry.type
class EnrollmentFields:
    certificate: Certificate | None = related(
        CertificateByEnrollmentLoader,
        "id",
        description="The certificate, once every lesson is completed and every quiz passed.",
    )


@strawberry.type
class CompleteLessonPayloadFields:
    @strawberry.field(description="The certificate this completion earned, if it did.")
    async def certificate(self, info: AppInfo) -> Certificate | None:
        payload = cast(Any, self)
        if payload.course_id is None:
            return None
        row = await m.Certificate.get_or_none(user_id=payload.user_id, course_id=payload.course_id)
        if row is None or row.issued_at != payload.completed_at:
            return None  # none, or earned by an earlier completion
        return as_type(Certificate, row)


@strawberry.type
class Query:
    @strawberry.field(
        description="Verify a certificate by its number (public): who holds it, for which "
        "course, when it was issued, whether it is valid. Null for an unknown number.",
        metadata={SQL: RootOne(_by_number)},
    )
    async def certificate(self, number: str) -> Certificate | None:
        row = await use_cases.by_number(number)
        return None if row is None else as_type(Certificate, row)
