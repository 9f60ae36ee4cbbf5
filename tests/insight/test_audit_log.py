"""The audit log through the API: each audited privileged mutation writes exactly one entry,
in its transaction, with the changed fields' old and new values (`setUserRole`,
`updateClassroom`, `gradeSubmission`, `refundTransaction`); a refused one (FORBIDDEN, or a
teacher's NOT_FOUND) writes one failed entry and validation errors none; the client's IP
honours TRUSTED_PROXIES; `auditLog` (../shared/operations/accounts.graphql) filters and
pages for admins and refuses everyone else."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import httpx
import pytest
from graphql import print_ast
from starlette.applications import Starlette

from core.ids import global_id
from models.classroom import Classroom
from models.identity import Role, User
from models.insight import AuditEntry
from tests.factories.classroom import (
    assignment,
    class_work,
    classroom,
    in_scope_document,
    member,
    submission,
)
from tests.factories.commerce import checkout_ok, press, priced_course, row_of, run
from tests.factories.identity import create_user, signed_in
from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.usefixtures("server")  # its lifespan opens the ORM

ROOT = Path(__file__).resolve().parents[2]
ACCOUNT_FILES = [
    ROOT / "tests" / "operations" / "accounts.graphql",
    ROOT.parent / "shared" / "operations" / "accounts.graphql",
]
ACCOUNTS = next(path for path in ACCOUNT_FILES if path.is_file())
AUDIT_LOG = print_ast(in_scope_document(ACCOUNTS.read_text(), ("AuditLog",)))

SET_ROLE = """mutation($userId: ID!, $role: Role!) {
  setUserRole(input: {userId: $userId, role: $role}) { errors { field message code } } }"""
UPDATE_CLASSROOM = """mutation($id: ID!, $name: String, $capacity: Int) {
  updateClassroom(input: {id: $id, name: $name, capacity: $capacity}) {
    errors { field message code } } }"""
GRADE = """mutation($submissionId: ID!, $score: Float!, $feedback: String) {
  gradeSubmission(input: {submissionId: $submissionId, score: $score, feedback: $feedback}) {
    errors { field message code } } }"""


async def entries(actor: User) -> list[AuditEntry]:
    return await AuditEntry.filter(actor_id=actor.id).order_by("created_at", "id")


async def audit_log(gql: GraphQLClient, token: str | None, **variables: Any) -> dict[str, Any]:
    return await gql.raw(AUDIT_LOG, variables, token, "AuditLog")


async def test_set_user_role_writes_one_entry_with_old_and_new_role(gql: GraphQLClient) -> None:
    admin, token = await signed_in(Role.ADMIN)
    target = await create_user()
    data = await gql(SET_ROLE, {"userId": global_id("User", target.id), "role": "TEACHER"}, token)
    assert data["setUserRole"]["errors"] == []
    [entry] = await entries(admin)
    assert (entry.action, entry.entity_type, entry.entity_id) == (
        "set_user_role",
        "user",
        str(target.id),
    )
    assert (entry.old_values, entry.new_values) == ({"role": "student"}, {"role": "teacher"})
    assert entry.success and entry.actor_role == "admin" and entry.error_code is None
    assert entry.ip_address == "127.0.0.1" and entry.request_id
    assert entry.user_agent and "python-httpx" in entry.user_agent


async def test_update_classroom_and_grade_submission_write_their_changes(
    gql: GraphQLClient,
) -> None:
    teacher, token = await signed_in(Role.TEACHER)
    room = await classroom(teacher, capacity=30, name="Before")
    answer = await gql(
        UPDATE_CLASSROOM, {"id": global_id("Classroom", room.id), "name": " After "}, token
    )
    assert answer["updateClassroom"]["errors"] == []
    work = await class_work(teacher)
    student = await create_user()
    await member(work.room, student)
    task = await assignment(work.room, lesson=work.lesson)
    handed_in = await submission(task, student)
    graded = await gql(
        GRADE,
        {"submissionId": global_id("Submission", handed_in.id), "score": 85, "feedback": "Good"},
        token,
    )
    assert graded["gradeSubmission"]["errors"] == []
    update, grade = await entries(teacher)
    assert (update.action, update.entity_type, update.entity_id) == (
        "update_classroom",
        "classroom",
        str(room.id),
    )
    assert (update.old_values, update.new_values) == ({"name": "Before"}, {"name": "After"})
    assert (grade.action, grade.entity_id) == ("grade_submission", str(handed_in.id))
    assert grade.old_values == {"score": None, "feedback": None, "status": "submitted"}
    assert grade.new_values == {"score": 85, "feedback": "Good", "status": "graded"}


async def test_refund_transaction_writes_one_entry_with_its_reason(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    _, learner = await signed_in()
    tree = await priced_course(lessons=1)
    payload = await checkout_ok(gql, learner, course=tree.course)
    assert (await press(http, payload["checkoutUrl"], "pay")).status_code == 303
    admin, token = await signed_in(Role.ADMIN)
    gid = payload["transaction"]["id"]
    data = await run(gql, "RefundTransaction", token, transactionId=gid, reason="asked")
    assert data["refundTransaction"]["errors"] == []
    [entry] = await entries(admin)
    row = await row_of(gid)
    assert (entry.action, entry.entity_type, entry.entity_id) == (
        "refund_transaction",
        "transaction",
        str(row.id),
    )
    assert (entry.old_values, entry.new_values, entry.success) == ({}, {"reason": "asked"}, True)


async def test_refusals_write_one_failed_entry_and_validation_errors_none(
    gql: GraphQLClient,
) -> None:
    student, student_token = await signed_in()
    target = await create_user()
    refused = await gql(
        SET_ROLE, {"userId": global_id("User", target.id), "role": "ADMIN"}, student_token
    )
    assert refused["setUserRole"]["errors"][0]["code"] == "FORBIDDEN"
    [forbidden] = await entries(student)
    assert (forbidden.action, forbidden.success, forbidden.error_code) == (
        "set_user_role",
        False,
        "FORBIDDEN",
    )
    assert forbidden.actor_role == "student" and forbidden.error_message

    other = await class_work()
    pupil = await create_user()
    await member(other.room, pupil)
    theirs = await submission(await assignment(other.room, lesson=other.lesson), pupil)
    teacher, token = await signed_in(Role.TEACHER)
    answer = await gql(
        GRADE, {"submissionId": global_id("Submission", theirs.id), "score": 50}, token
    )
    assert answer["gradeSubmission"]["errors"][0]["code"] == "NOT_FOUND"
    [not_found] = await entries(teacher)
    assert (not_found.action, not_found.success, not_found.error_code) == (
        "grade_submission",
        False,
        "NOT_FOUND",
    )
    assert await Classroom.filter(id=other.room.id).exists()

    own = await classroom(teacher)
    invalid = await gql(
        UPDATE_CLASSROOM, {"id": global_id("Classroom", own.id), "capacity": -1}, token
    )
    assert invalid["updateClassroom"]["errors"][0]["code"] != "FORBIDDEN"
    assert len(await entries(teacher)) == 1  # the validation error wrote nothing


async def test_the_ip_address_honours_trusted_proxies(
    app: Starlette, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Straight to the app (uvicorn's own proxy-header handling left out): a forwarded
    address counts only when the peer is a trusted proxy."""
    admin, token = await signed_in(Role.ADMIN)
    target = await create_user()
    view = next(route for route in app.routes if getattr(route, "path", "") == "/graphql")
    graphql_app = view.endpoint  # type: ignore[attr-defined]
    forwarded = {"Authorization": f"Bearer {token}", "X-Forwarded-For": "203.0.113.7"}
    transport = httpx.ASGITransport(app=app, client=("10.0.0.2", 4711))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        for proxies, role in (([], "TEACHER"), (["10.0.0.0/8"], "STUDENT")):
            chosen = dataclasses.replace(graphql_app.settings, trusted_proxies=proxies)
            monkeypatch.setattr(graphql_app, "settings", chosen)
            variables = {"userId": global_id("User", target.id), "role": role}
            body = {"query": SET_ROLE, "variables": variables}
            response = await client.post("/graphql", json=body, headers=forwarded)
            assert response.json()["data"]["setUserRole"]["errors"] == []
    untrusted, trusted = await entries(admin)
    assert (untrusted.ip_address, trusted.ip_address) == ("10.0.0.2", "203.0.113.7")


async def test_the_audit_log_filters_and_pages_for_admins_only(gql: GraphQLClient) -> None:
    admin, token = await signed_in(Role.ADMIN)
    targets = [await create_user() for _ in range(3)]
    for target in targets:
        variables = {"userId": global_id("User", target.id), "role": "TEACHER"}
        assert (await gql(SET_ROLE, variables, token))["setUserRole"]["errors"] == []
    actor = global_id("User", admin.id)
    first = (await audit_log(gql, token, actorId=actor, first=2))["data"]["auditLog"]
    assert first["totalCount"] == 3 and first["pageInfo"]["hasNextPage"]
    newest = first["edges"][0]["node"]
    assert newest["entityId"] == str(targets[2].id) and newest["action"] == "set_user_role"
    assert newest["actor"] == {"id": actor, "displayName": admin.display_name}
    assert newest["oldValues"] == {"role": "student"} and newest["success"] is True
    after = first["pageInfo"]["endCursor"]
    rest = (await audit_log(gql, token, actorId=actor, first=2, after=after))["data"]
    assert [e["node"]["entityId"] for e in rest["auditLog"]["edges"]] == [str(targets[0].id)]
    by_entity = await audit_log(
        gql, token, entityType="user", entityId=global_id("User", targets[1].id)
    )
    assert [e["node"]["entityId"] for e in by_entity["data"]["auditLog"]["edges"]] == [
        str(targets[1].id)
    ]
    since = newest["occurredAt"]
    later = await audit_log(gql, token, actorId=actor, since=since, action="set_user_role")
    assert later["data"]["auditLog"]["totalCount"] == 1
    none = await audit_log(gql, token, actorId=actor, success=False)
    assert none["data"]["auditLog"]["totalCount"] == 0

    for role in (Role.TEACHER, Role.STUDENT):
        _, other = await signed_in(role)
        answer = await audit_log(gql, other)
        assert answer["data"]["auditLog"] is None
        assert answer["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    anonymous = await audit_log(gql, None)
    assert anonymous["data"]["auditLog"] is None
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
