"""Export and deletion of one's own data (../shared/operations/accounts.graphql): the export's
JSON sections for a learner with data in several domains, its signed link (works without a
token, tampered or expired refused, names one export only), the 7-day purge; deletion
(confirmation, what is gone, what is anonymised, signing up again with the same email, a
teacher's class view of the deleted student's graded submission, the last admin's refusal);
and the registry walk: every foreign key to `User` is exported or handled by deletion."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
import pytest_asyncio
from starlette.applications import Starlette
from tortoise import Tortoise
from tortoise.fields.relational import ForeignKeyFieldInstance, OneToOneFieldInstance

from core.ids import global_id
from models.commerce import Transaction, TransactionKind, TransactionStatus
from models.identity import DataExport, ExportStatus, LearningProfile, Role, User
from models.studio import StudyMaterial
from resolvers.identity.exports import purge_expired_exports
from resolvers.insight.privacy import HANDLING, SECTION_NAMES, SECTIONS
from tests.factories.classroom import assignment, class_work, done_session, member, submission
from tests.factories.identity import DEFAULT_PASSWORD, create_user, signed_in, token_for
from tests.factories.recordings import RecordingsServer, recordings_server

EXPORT = """mutation($includeMedia: Boolean) { exportMyData(input: {includeMedia: $includeMedia}) {
  export { id status downloadUrl } errors { code } } }"""
EXPORTS = "{ me { dataExports { id status downloadUrl expiresAt sizeBytes createdAt } } }"
DELETE = """mutation($password: String) { deleteAccount(input: {password: $password}) {
  ok errors { field code } } }"""
SIGN_UP = """mutation($email: String!, $password: String!) { signUp(input: {email: $email,
  password: $password, displayName: "Again"}) { token errors { code } } }"""
SUBMISSION = """query($id: ID!) { node(id: $id) { ... on Submission { score
  student { displayName } } } }"""


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def env(
    app: Starlette, server: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[RecordingsServer]:
    async with recordings_server(app, tmp_path_factory.mktemp("exports")) as running:
        yield running


async def test_every_foreign_key_to_user_is_exported_or_handled_by_deletion(server: str) -> None:
    """The server's lifespan opened the ORM: its registry lists every model."""
    handled = {(h.model, h.field) for h in HANDLING}
    missing = []
    for model in Tortoise.apps["models"].values():
        for name, fk in model._meta.fields_map.items():
            is_key = isinstance(fk, ForeignKeyFieldInstance | OneToOneFieldInstance)
            if is_key and fk.related_model is User and (model, name) not in handled:
                missing.append(f"{model.__name__}.{name}")
    assert missing == [], f"add these to resolvers/insight/privacy.py HANDLING: {missing}"
    for h in HANDLING:
        assert h.export is None or h.export in SECTION_NAMES, h
        assert h.export is not None or h.why, f"{h.model.__name__}.{h.field}: say why"
        section = next((s for s in SECTIONS if s.name == h.export), None)
        assert section is None or section.model is h.model, h


async def _ready_export(env: RecordingsServer, token: str) -> dict[str, Any]:
    data = await env.gql(EXPORT, {}, token)
    assert data["exportMyData"]["errors"] == []
    assert data["exportMyData"]["export"]["status"] == "PENDING"
    for _ in range(200):
        [export, *_] = (await env.gql(EXPORTS, {}, token))["me"]["dataExports"]
        if export["status"] != "PENDING":
            return export
        await asyncio.sleep(0.05)
    raise AssertionError("the export stayed PENDING")


async def test_export_has_every_section_and_a_link_that_works_without_a_token(
    env: RecordingsServer,
) -> None:
    work = await class_work()
    student, token = await signed_in()
    await member(work.room, student)
    session = await done_session(student, work.scenario)
    task = await assignment(work.room, scenario_row=work.scenario)
    await submission(task, student, session=session, score=88)
    await StudyMaterial.create(user_id=student.id, title="Notes", text="Hola mundo")
    await Transaction.create(
        kind=TransactionKind.COURSE_PURCHASE,
        user_id=student.id,
        course_id=work.tree.course.id,
        amount=Decimal("9.99"),
        currency="USD",
        status=TransactionStatus.COMPLETED,
        provider="local",
    )
    export = await _ready_export(env, token)
    assert export["status"] == "READY" and export["sizeBytes"] > 0 and export["expiresAt"]
    served = await env.http.get(export["downloadUrl"])  # no token
    assert served.status_code == 200 and served.headers["content-type"].startswith(
        "application/json"
    )
    document = json.loads(served.content)
    sections = document["sections"]
    assert set(sections) == SECTION_NAMES and document["userId"] == str(student.id)
    assert sections["account"][0]["email"] == student.email
    assert "password_hash" not in sections["account"][0]
    assert len(sections["conversations"]) == 1 and len(sections["conversation_messages"]) == 2
    assert len(sections["evaluations"]) == 1 and len(sections["class_memberships"]) == 1
    assert sections["submissions"][0]["score"] == 88
    assert sections["study_materials"][0]["text"] == "Hola mundo"
    assert sections["transactions"][0]["amount"] == "9.99"
    assert len(served.content) == export["sizeBytes"]
    # Each read signs a fresh link; another user sees none of these exports.
    _, other_token = await signed_in()
    assert (await env.gql(EXPORTS, {}, other_token))["me"]["dataExports"] == []


async def test_tampered_expired_and_others_links_are_refused(env: RecordingsServer) -> None:
    _, token = await signed_in()
    export = await _ready_export(env, token)
    url: str = export["downloadUrl"]
    path, query = url.split("?")
    other = await DataExport.create(user_id=(await create_user()).id)
    forged = path.rsplit("/", 1)[0] + f"/{other.id}?" + query  # another export, same signature
    assert (await env.http.get(forged)).status_code == 403
    assert (await env.http.get(url.replace("signature=", "signature=0"))).status_code == 403
    expired = query.split("&")
    past = int(datetime.now(UTC).timestamp()) - 10
    assert (await env.http.get(f"{path}?expires={past}&{expired[1]}")).status_code == 403
    # Past its 7 days, the export reads EXPIRED once purged, its file gone, its link refused.
    row = await DataExport.get(id=url.split("/")[-1].split("?")[0])
    await DataExport.filter(id=row.id).update(expires_at=datetime.now(UTC) - timedelta(hours=1))
    assert (await env.http.get(url)).status_code == 404
    assert await purge_expired_exports(env.storage, datetime.now(UTC)) >= 1
    row = await DataExport.get(id=row.id)
    assert row.status is ExportStatus.EXPIRED and not await env.storage.exists(
        f"exports/{row.id}/export.json"
    )
    [listed] = (await env.gql(EXPORTS, {}, token))["me"]["dataExports"]
    assert listed["status"] == "EXPIRED" and listed["downloadUrl"] is None


async def test_deleting_an_account_removes_anonymises_and_frees_the_email(
    env: RecordingsServer,
) -> None:
    await signed_in(Role.ADMIN)  # someone to take over
    work = await class_work()
    student, token = await signed_in()
    email = student.email
    await member(work.room, student)
    session = await done_session(student, work.scenario)
    task = await assignment(work.room, scenario_row=work.scenario)
    work_row = await submission(task, student, session=session, score=75)
    await StudyMaterial.create(user_id=student.id, title="Notes", text="private")
    sale = await Transaction.create(
        kind=TransactionKind.COURSE_PURCHASE,
        user_id=student.id,
        course_id=work.tree.course.id,
        amount=Decimal("5.00"),
        currency="USD",
        status=TransactionStatus.COMPLETED,
        provider="local",
        metadata={"email": email},
    )
    wrong = await env.gql(DELETE, {"password": "not it"}, token)
    assert wrong["deleteAccount"]["errors"] == [
        {"field": "password", "code": "INVALID_CREDENTIALS"}
    ]
    done = await env.gql(DELETE, {"password": DEFAULT_PASSWORD}, token)
    assert done["deleteAccount"] == {"ok": True, "errors": []}
    gone = await User.get(id=student.id)
    assert gone.deleted_at is not None and gone.email.startswith("deleted-")
    assert gone.password_hash is None and gone.display_name == "Deleted student"
    assert not await LearningProfile.exists(user_id=student.id)
    assert not await StudyMaterial.exists(user_id=student.id)
    sale = await Transaction.get(id=sale.id)
    assert sale.amount == Decimal("5.00") and sale.metadata == {}
    # The token no longer works; the email signs up again.
    refused = await env.gql.raw(EXPORTS, {}, token)
    assert refused.get("data") is None and refused["errors"]
    again = await env.gql(SIGN_UP, {"email": email, "password": DEFAULT_PASSWORD})
    assert again["signUp"]["errors"] == [] and again["signUp"]["token"]
    # The teacher still sees the grade, with the deleted student.
    teacher_token = await token_for(work.teacher)
    node = await env.gql(SUBMISSION, {"id": global_id("Submission", work_row.id)}, teacher_token)
    assert node["node"] == {"score": 75.0, "student": {"displayName": "Deleted student"}}


async def test_the_last_active_admin_cannot_delete_themselves(env: RecordingsServer) -> None:
    others = await User.filter(role=Role.ADMIN).values_list("id", flat=True)
    await User.filter(id__in=others).update(role=Role.STUDENT)
    admin, token = await signed_in(Role.ADMIN)
    try:
        data = await env.gql(DELETE, {"password": DEFAULT_PASSWORD}, token)
    finally:
        await User.filter(id__in=others).update(role=Role.ADMIN)
    assert data["deleteAccount"]["errors"] == [{"field": None, "code": "FORBIDDEN"}]
    assert (await User.get(id=admin.id)).deleted_at is None
