"""The admin console through the API (../shared/operations/accounts.graphql: `Users`,
`SetUserRole`, `SetUserActive`): listing with each filter and keyset pages; refusals in the
DESIGN shapes; role changes; deactivation revoking every token, refusing log-in and closing
the user's live subscriptions in this process and in another one (also when its event was
missed); reactivation; what an admin may not do to themselves; unknown users; the audit event."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from graphql import print_ast
from tortoise import connections
from tortoise.backends.base.client import TransactionalDBClient
from websockets.exceptions import ConnectionClosed

from app.websocket import watched_sessions
from core import events as core_events
from core import pubsub as pubsub_module
from core.pubsub import APPLICATION_NAME, get_pubsub
from engine.ids import global_id
from models.identity import AuthToken, Role, User
from resolvers.conversation.reply import publish_status, topic
from resolvers.identity.admin import NOT_YOURSELF, ONLY_ADMINS
from resolvers.identity.events import UserAdministered
from tests.factories.classroom import in_scope_document
from tests.factories.conversation import session_for
from tests.factories.identity import (
    DEFAULT_PASSWORD,
    NOT_SIGNED_IN,
    TOKEN_REJECTED,
    create_user,
    log_in,
    signed_in,
    token_for,
    token_refused,
    viewer,
)
from tests.graphql_client import GraphQLClient, operation
from tests.ws_conversation_client import LEGACY_WS, TRANSPORT_WS, WsClient, app_process

ROOT = Path(__file__).resolve().parents[2]
ACCOUNT_FILES = [
    ROOT / "tests" / "operations" / "accounts.graphql",
    ROOT.parent / "shared" / "operations" / "accounts.graphql",
]
ACCOUNTS = next(path for path in ACCOUNT_FILES if path.is_file())
OPS = print_ast(in_scope_document(ACCOUNTS.read_text(), ("Users", "SetUserRole", "SetUserActive")))
LIVE_OPS = operation("conversation.graphql")
PROTOCOLS = [TRANSPORT_WS, LEGACY_WS]
FORBIDDEN = [{"field": None, "message": ONLY_ADMINS, "code": "FORBIDDEN"}]
SELF = [{"field": "userId", "message": NOT_YOURSELF, "code": "FORBIDDEN"}]
DISABLED = [
    {"field": "email", "message": "This account is deactivated.", "code": "ACCOUNT_DISABLED"}
]

_audited: list[tuple[UserAdministered, bool]] = []


async def _record(event: UserAdministered, conn: Any) -> None:
    _audited.append((event, isinstance(conn, TransactionalDBClient)))


@pytest.fixture
def audited() -> list[tuple[UserAdministered, bool]]:
    """The `UserAdministered` events emitted from now on, each with whether it came inside
    a transaction (the in-process server emits them in this process)."""
    core_events.subscribe(UserAdministered, _record)
    _audited.clear()
    return _audited


async def users(gql: GraphQLClient, token: str | None, **variables: Any) -> dict[str, Any]:
    return await gql.raw(OPS, variables, token=token, operation_name="Users")


async def listed(gql: GraphQLClient, token: str, **variables: Any) -> list[str]:
    result = await users(gql, token, **variables)
    assert "errors" not in result, result
    return [edge["node"]["id"] for edge in result["data"]["users"]["edges"]]


async def set_role(gql: GraphQLClient, token: str | None, user: Any, role: str) -> Any:
    variables = {"userId": global_id("User", user.id), "role": role}
    return (await gql(OPS, variables, token, "SetUserRole"))["setUserRole"]


async def set_active(gql: GraphQLClient, token: str | None, user: Any, active: bool) -> Any:
    variables = {"userId": global_id("User", user.id), "isActive": active}
    return (await gql(OPS, variables, token, "SetUserActive"))["setUserActive"]


def gid(user: User) -> str:
    return global_id("User", user.id)


async def test_an_admin_lists_users_by_text_role_and_activity_in_keyset_pages(
    gql: GraphQLClient,
) -> None:
    _, admin = await signed_in(Role.ADMIN)
    tag = uuid.uuid4().hex[:8]
    people = [
        await create_user(email=f"alice.{tag}@example.com"),  # by email
        await create_user(display_name=f"Bob {tag.upper()}", role=Role.TEACHER),  # any case
        await create_user(username=f"carol_{tag}", is_active=False),  # by username
        await create_user(username=f"carolx{tag}"),
        await create_user(display_name=f"{tag} 100% sure"),
        await create_user(display_name=f"{tag} 1000 sure"),
    ]
    await create_user(display_name=f"Gone {tag}", deleted_at=datetime.now(UTC))  # never listed
    alice, bob, carol, _carolx, percent, _plain = people  # the last: wildcards' bait
    rows = await User.filter(id__in=[p.id for p in people]).order_by("-created_at", "-id")
    newest_first = [gid(row) for row in rows]

    assert await listed(gql, admin, search=f"  {tag} ") == newest_first
    assert await listed(gql, admin, search=tag, role="TEACHER") == [gid(bob)]
    assert await listed(gql, admin, search=tag, isActive=False) == [gid(carol)]
    active_students = await listed(gql, admin, search=tag, role="STUDENT", isActive=True)
    assert active_students == [i for i in newest_first if i not in (gid(bob), gid(carol))]
    # LIKE's wildcards and its escape character are matched literally.
    assert await listed(gql, admin, search=f"{tag} 100%") == [gid(percent)]
    assert await listed(gql, admin, search=f"carol_{tag}") == [gid(carol)]
    assert await listed(gql, admin, search=f"{tag}\\") == []
    assert await listed(gql, admin, search=f"ALICE.{tag}") == [gid(alice)]

    pages, after = [], None
    while True:
        result = await users(gql, admin, search=tag, first=4, after=after)
        connection = result["data"]["users"]
        assert connection["totalCount"] == 6
        pages.append([edge["node"]["id"] for edge in connection["edges"]])
        if not connection["pageInfo"]["hasNextPage"]:
            break
        after = connection["pageInfo"]["endCursor"]
    assert pages == [newest_first[:4], newest_first[4:]]

    [carol_node] = [
        e["node"]
        for e in (await users(gql, admin, search=f"carol_{tag}"))["data"]["users"]["edges"]
    ]
    assert carol_node["email"] == carol.email and carol_node["role"] == "STUDENT"
    assert (carol_node["isActive"], carol_node["emailVerified"]) == (False, False)
    assert carol_node["lastLoginAt"] is None and carol_node["createdAt"]

    too_long = await users(gql, admin, search="x" * 201)
    assert too_long["data"] == {"users": None}
    assert too_long["errors"][0]["extensions"] == {"code": "TOO_LONG", "field": "search"}


async def test_teachers_students_and_anonymous_callers_are_refused(gql: GraphQLClient) -> None:
    _, teacher = await signed_in(Role.TEACHER)
    _, student = await signed_in()
    target = await create_user()
    refused = [
        (None, "You must be signed in.", "UNAUTHENTICATED", NOT_SIGNED_IN),
        (teacher, ONLY_ADMINS, "FORBIDDEN", FORBIDDEN),
        (student, ONLY_ADMINS, "FORBIDDEN", FORBIDDEN),
    ]
    for token, message, code, payload_errors in refused:
        result = await users(gql, token)
        assert result["data"] == {"users": None}
        assert [(e["message"], e["path"], e["extensions"]) for e in result["errors"]] == [
            (message, ["users"], {"code": code, "field": None})
        ]
        assert await set_role(gql, token, target, "ADMIN") == {
            "user": None,
            "errors": payload_errors,
        }
        assert await set_active(gql, token, target, False) == {
            "user": None,
            "errors": payload_errors,
        }
    await target.refresh_from_db()
    assert (target.role, target.is_active) == (Role.STUDENT, True)


async def test_an_admin_changes_a_role_with_one_audit_event(
    gql: GraphQLClient, audited: list[tuple[UserAdministered, bool]]
) -> None:
    admin_user, admin = await signed_in(Role.ADMIN)
    user, token = await signed_in()
    changed = await set_role(gql, admin, user, "TEACHER")
    assert changed == {"user": {"id": gid(user), "role": "TEACHER"}, "errors": []}
    assert (await viewer(gql, token))["role"] == "TEACHER"
    assert await set_role(gql, admin, user, "TEACHER") == changed  # already: nothing happens
    assert audited == [
        (
            UserAdministered(
                admin_user.id, "set_user_role", user.id, {"role": "student"}, {"role": "teacher"}
            ),
            True,
        )
    ]


async def test_unknown_users_are_not_found(gql: GraphQLClient) -> None:
    _, admin = await signed_in(Role.ADMIN)
    gone = await create_user(deleted_at=datetime.now(UTC))
    nobody = User(id=uuid.uuid4())
    missing = [{"field": "userId", "message": "User not found.", "code": "NOT_FOUND"}]
    not_found = {"user": None, "errors": missing}
    for target in (nobody, gone):
        assert await set_role(gql, admin, target, "TEACHER") == not_found
        assert await set_active(gql, admin, target, False) == not_found
    malformed = {"userId": "not-an-id", "isActive": False}
    assert (await gql(OPS, malformed, admin, "SetUserActive"))["setUserActive"] == not_found


async def test_an_admin_cannot_demote_or_deactivate_themselves(gql: GraphQLClient) -> None:
    """Demoting or deactivating an admin takes another active admin: the last one (here,
    whoever acts alone on themselves) cannot be."""
    me, admin = await signed_in(Role.ADMIN)
    for role in ("TEACHER", "STUDENT"):
        assert await set_role(gql, admin, me, role) == {"user": None, "errors": SELF}
    assert await set_active(gql, admin, me, False) == {"user": None, "errors": SELF}
    # Confirming what is already so is harmless.
    assert (await set_role(gql, admin, me, "ADMIN"))["errors"] == []
    assert (await set_active(gql, admin, me, True))["errors"] == []
    await me.refresh_from_db()
    assert (me.role, me.is_active) == (Role.ADMIN, True)
    assert (await viewer(gql, admin))["role"] == "ADMIN"


@pytest.mark.parametrize("change", ["demote", "deactivate"])
async def test_two_admins_removing_each_other_at_once_leave_one_admin(
    gql: GraphQLClient, change: str
) -> None:
    first, first_token = await signed_in(Role.ADMIN)
    second, second_token = await signed_in(Role.ADMIN)

    async def remove(token: str, target: User) -> str:
        """Returns "done", or how the loser was refused: FORBIDDEN in the payload (no longer an
        admin when it ran), or its token rejected outright (deactivated before it ran)."""
        variables: dict[str, Any] = {"userId": gid(target)}
        if change == "demote":
            op, variables["role"] = "SetUserRole", "STUDENT"
        else:
            op, variables["isActive"] = "SetUserActive", False
        result = await gql.raw(OPS, variables, token=token, operation_name=op)
        if result == TOKEN_REJECTED:
            return "rejected"
        errors = next(iter(result["data"].values()))["errors"]
        return "done" if not errors else "forbidden" if errors == FORBIDDEN else str(errors)

    outcomes = await asyncio.gather(remove(first_token, second), remove(second_token, first))
    assert sorted(outcomes) in (["done", "forbidden"], ["done", "rejected"])
    rows = await User.filter(id__in=[first.id, second.id])
    assert sum(r.role == Role.ADMIN and r.is_active for r in rows) == 1


async def test_deactivation_revokes_every_token_and_refuses_log_in_until_reactivated(
    gql: GraphQLClient, audited: list[tuple[UserAdministered, bool]]
) -> None:
    admin_user, admin = await signed_in(Role.ADMIN)
    user = await create_user()
    phone, laptop = await token_for(user), await token_for(user)
    assert await set_active(gql, admin, user, False) == {
        "user": {"id": gid(user), "isActive": False},
        "errors": [],
    }
    assert await token_refused(gql, phone) and await token_refused(gql, laptop)
    assert await AuthToken.filter(user_id=user.id, revoked_at=None).count() == 0
    assert (await log_in(gql, user.email, DEFAULT_PASSWORD))["errors"] == DISABLED
    assert await listed(gql, admin, search=user.email, isActive=False) == [gid(user)]
    assert (await set_active(gql, admin, user, False))["errors"] == []  # already: no event

    assert (await set_active(gql, admin, user, True))["user"] == {"id": gid(user), "isActive": True}
    signed = await log_in(gql, user.email, DEFAULT_PASSWORD)
    assert signed["errors"] == [] and (await viewer(gql, signed["token"]))["email"] == user.email
    assert await token_refused(gql, phone)  # revoked tokens stay revoked
    assert [(e.action, e.entity_id, e.old, e.new, tx) for e, tx in audited] == [
        ("set_user_active", user.id, {"is_active": True}, {"is_active": False}, True),
        ("set_user_active", user.id, {"is_active": False}, {"is_active": True}, True),
    ]
    assert {e.actor_id for e, _ in audited} == {admin_user.id}


async def _live(server: str, protocol: str) -> tuple[User, Any, WsClient]:
    """A learner with a conversation subscription open on `server`."""
    user, token = await signed_in()
    session = await session_for(user)
    client = await WsClient.connect(server, protocol, token)
    assert (await client.ack())["type"] == "connection_ack"
    sid = global_id("ConversationSession", session.id)
    await client.subscribe("1", LIVE_OPS, {"sessionId": sid}, "ConversationEvents")
    return user, session, client


async def _closed_with(client: WsClient) -> int | None:
    with pytest.raises(ConnectionClosed) as closed:
        while True:
            await client.receive(timeout=10)
    return closed.value.rcvd.code if closed.value.rcvd else None


async def _still_serves(client: WsClient, user: User) -> None:
    await client.subscribe("2", "{ me { email } }", {})
    assert await client.next_payload() == ("next", {"data": {"me": {"email": user.email}}})


@contextlib.asynccontextmanager
async def _in_process(server: str, database_url: str, protocol: str) -> AsyncIterator[Any]:
    user, session, client = await _live(server, protocol)
    try:
        pubsub = get_pubsub(database_url)
        async with asyncio.timeout(10):
            await pubsub.wait_for(lambda p: p.delivering_to(topic(session.id)))
            for _ in range(500):  # the watch listens once its pub/sub subscription is in
                if watched_sessions(user.id):
                    break
                await asyncio.sleep(0.02)
        assert watched_sessions(user.id) == 1
        yield user, client
    finally:
        await client.close()


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_deactivation_closes_the_users_live_subscriptions(
    server: str, database_url: str, gql: GraphQLClient, protocol: str
) -> None:
    _, admin = await signed_in(Role.ADMIN)
    async with (
        _in_process(server, database_url, protocol) as (user, client),
        _in_process(server, database_url, protocol) as (bystander, other),
    ):
        assert (await set_active(gql, admin, user, False))["errors"] == []
        assert await _closed_with(client) == 4403
        await _still_serves(other, bystander)
        assert watched_sessions(user.id) == 0


async def test_a_deactivation_whose_event_was_missed_still_closes_the_socket(
    server: str, database_url: str, gql: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The NOTIFY is sent while this process's listener is down: once it listens again, every
    connection's token is checked (pub/sub's resync)."""
    _, admin = await signed_in(Role.ADMIN)
    async with _in_process(server, database_url, TRANSPORT_WS) as (user, client):
        pubsub = get_pubsub(database_url)
        generation, pid = pubsub.generation, pubsub.backend_pid
        monkeypatch.setattr(pubsub_module, "RETRY_SECONDS", (0.5,))
        await connections.get("default").execute_query("SELECT pg_terminate_backend($1)", [pid])
        async with asyncio.timeout(5):
            await pubsub.wait_for(lambda p: not p.listening)
        assert (await set_active(gql, admin, user, False))["errors"] == []
        assert not pubsub.listening  # the event reached nobody
        async with asyncio.timeout(10):
            await pubsub.wait_for(lambda p: p.generation > generation and p.listening)
        assert await _closed_with(client) == 4403


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def second_server(database_url: str, server: str) -> AsyncIterator[tuple[str, int]]:
    """Another uvicorn process serving the same database."""
    async with app_process(database_url) as running:
        yield running


async def _listening(pid: int) -> None:
    db = connections.get("default")
    async with asyncio.timeout(15):
        while True:
            rows = await db.execute_query_dict(
                "SELECT count(*) AS n FROM pg_stat_activity "
                "WHERE application_name = $1 AND query LIKE 'LISTEN %'",
                [f"{APPLICATION_NAME}-{pid}"],
            )
            if rows[0]["n"]:
                return
            await asyncio.sleep(0.05)


async def _first_event(client: WsClient, session_id: Any) -> tuple[str, Any]:
    """The subscription's first event: the process LISTENs before the subscription itself
    has registered (its first subscriber may be another), so a status is published until
    one arrives (a status event may come twice: harmless)."""
    for _ in range(40):
        await publish_status(session_id)
        try:
            return await client.next_payload(timeout=0.25)
        except TimeoutError:
            continue
    raise AssertionError("the subscription never received an event")


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_deactivation_closes_subscriptions_held_by_another_process(
    second_server: tuple[str, int], gql: GraphQLClient, protocol: str
) -> None:
    url, pid = second_server
    _, admin = await signed_in(Role.ADMIN)
    user, session, client = await _live(url, protocol)
    try:
        await _listening(pid)
        kind, payload = await _first_event(client, session.id)  # the subscription is live
        assert kind == "next"
        assert payload["data"]["conversationEvents"]["__typename"] == "SessionStatusChanged"
        assert (await set_active(gql, admin, user, False))["errors"] == []  # handled here
        assert await _closed_with(client) == 4403
    finally:
        await client.close()
