"""Bearer tokens: stored hashed, expiring, revocable; log-out of one or every device."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta

import httpx
import websockets
from websockets.typing import Subprotocol

from models.identity import AuthToken, User
from tests.factories.identity import (
    DEFAULT_PASSWORD,
    NOT_SIGNED_IN,
    TOKEN_REJECTED,
    create_user,
    me,
    signed_in,
    token_for,
    token_refused,
    viewer,
)
from tests.graphql_client import GraphQLClient, operation

OPS = operation("identity.graphql")


async def log_out(gql: GraphQLClient, token: str, all_devices: bool | None = None) -> dict:
    variables = {} if all_devices is None else {"allDevices": all_devices}
    data = await gql(OPS, variables, token=token, operation_name="LogOut")
    return data["logOut"]


async def test_only_the_sha256_of_a_token_is_stored(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    user = await create_user(email="digest@example.com")
    response = await http.post(
        "/graphql",
        json={
            "query": OPS,
            "operationName": "LogIn",
            "variables": {"email": "digest@example.com", "password": DEFAULT_PASSWORD},
        },
        headers={"User-Agent": "lingograph-tests/1.0"},
    )
    token = response.json()["data"]["logIn"]["token"]
    rows = await AuthToken.filter(user_id=user.id)
    assert len(rows) == 1
    assert rows[0].token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in {rows[0].token_hash, rows[0].user_agent}
    assert rows[0].user_agent == "lingograph-tests/1.0"
    lifetime = rows[0].expires_at - datetime.now(UTC)
    assert timedelta(days=29) < lifetime <= timedelta(days=30)


async def test_using_a_token_records_when_it_was_last_used(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    assert (await AuthToken.get(user_id=user.id)).last_used_at is None
    assert (await viewer(gql, token))["email"] == user.email
    last_used = (await AuthToken.get(user_id=user.id)).last_used_at
    assert last_used is not None and datetime.now(UTC) - last_used < timedelta(minutes=1)


async def test_expired_token_is_refused(gql: GraphQLClient) -> None:
    user = await create_user()
    expired = await token_for(user, days=-1)
    assert await token_refused(gql, expired)


async def test_revoked_token_is_refused(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    await AuthToken.filter(user_id=user.id).update(revoked_at=datetime.now(UTC))
    assert await token_refused(gql, token)


async def test_tokens_of_deactivated_or_deleted_users_are_refused(gql: GraphQLClient) -> None:
    disabled, disabled_token = await signed_in()
    deleted, deleted_token = await signed_in()
    assert await me(gql, disabled_token) is not None
    await User.filter(id=disabled.id).update(is_active=False)
    await User.filter(id=deleted.id).update(deleted_at=datetime.now(UTC))
    assert await token_refused(gql, disabled_token)
    assert await token_refused(gql, deleted_token)


async def test_authorization_without_a_bearer_token_reads_as_anonymous(
    http: httpx.AsyncClient,
) -> None:
    _, token = await signed_in()
    # GraphiQL's untouched header is "Bearer " (no token): anonymous, like no header at all.
    for header in (token, f"Basic {token}", "Bearer"):
        response = await http.post(
            "/graphql", json={"query": "{ me { id } }"}, headers={"Authorization": header}
        )
        assert response.json() == {"data": {"me": None}}


async def test_a_bad_token_is_a_top_level_unauthenticated_error_over_http(
    http: httpx.AsyncClient,
) -> None:
    """One rule (README, "Authentication"): nothing runs, status 200 under application/json
    so Apollo and urql hand the error over, 401 under application/graphql-response+json."""
    user = await create_user()
    expired = await token_for(user, days=-1)
    body = {"query": "mutation { logOut(input: {}) { ok } }"}
    for token in ("not-a-token", expired):
        auth = {"Authorization": f"Bearer {token}"}
        legacy = await http.post("/graphql", json=body, headers=auth)
        assert (legacy.status_code, legacy.json()) == (200, TOKEN_REJECTED)
        assert legacy.headers["www-authenticate"] == 'Bearer error="invalid_token"'
        strict = await http.post(
            "/graphql", json=body, headers={**auth, "Accept": "application/graphql-response+json"}
        )
        assert (strict.status_code, strict.json()) == (401, TOKEN_REJECTED)
        by_get = await http.get("/graphql", params={"query": "{ me { id } }"}, headers=auth)
        assert (by_get.status_code, by_get.json()) == (200, TOKEN_REJECTED)


async def test_a_bad_token_in_the_websocket_handshake_header_closes_the_socket(
    server: str,
) -> None:
    url = server.replace("http://", "ws://") + "/graphql"
    headers = {"Authorization": "Bearer not-a-token"}
    async with websockets.connect(
        url, subprotocols=[Subprotocol("graphql-transport-ws")], additional_headers=headers
    ) as socket:
        await socket.send(json.dumps({"type": "connection_init", "payload": {}}))
        try:
            await socket.recv()
        except websockets.ConnectionClosed as closed:
            assert closed.rcvd is not None and closed.rcvd.code == 4403
        else:
            raise AssertionError("the socket stayed open")


async def test_log_out_ends_only_the_current_session(gql: GraphQLClient) -> None:
    user = await create_user()
    phone, laptop = await token_for(user), await token_for(user)
    assert await log_out(gql, phone) == {"ok": True, "errors": []}
    assert await token_refused(gql, phone)
    assert (await viewer(gql, laptop))["email"] == user.email
    explicit = await log_out(gql, laptop, all_devices=False)
    assert explicit == {"ok": True, "errors": []}
    assert await token_refused(gql, laptop)


async def test_log_out_of_all_devices_ends_every_session(gql: GraphQLClient) -> None:
    user = await create_user()
    other_user, other_token = await signed_in()
    tokens = [await token_for(user) for _ in range(3)]
    assert await log_out(gql, tokens[0], all_devices=True) == {"ok": True, "errors": []}
    for token in tokens:
        assert await token_refused(gql, token)
    assert await AuthToken.filter(user_id=user.id, revoked_at=None).count() == 0
    assert (await viewer(gql, other_token))["email"] == other_user.email


async def test_log_out_needs_a_valid_token(gql: GraphQLClient) -> None:
    user = await create_user()
    result = await gql.raw(OPS, {}, operation_name="LogOut")
    assert result == {"data": {"logOut": {"ok": False, "errors": NOT_SIGNED_IN}}}
    expired = await token_for(user, days=-1)
    assert await gql.raw(OPS, {}, token=expired, operation_name="LogOut") == TOKEN_REJECTED


async def _ws_me(server: str, token: str) -> dict:
    """`me` over graphql-transport-ws with the token in connection_init."""
    url = server.replace("http://", "ws://") + "/graphql"
    async with websockets.connect(
        url, subprotocols=[Subprotocol("graphql-transport-ws")]
    ) as socket:
        init = {"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}}
        await socket.send(json.dumps(init))
        try:
            assert json.loads(await socket.recv())["type"] == "connection_ack"
        except websockets.ConnectionClosed as closed:
            return {"closed": closed.rcvd.code if closed.rcvd else None}
        query = {"query": "{ me { email } }"}
        await socket.send(json.dumps({"id": "1", "type": "subscribe", "payload": query}))
        return json.loads(await socket.recv())


async def test_tokens_authenticate_websocket_connections(server: str) -> None:
    user, token = await signed_in()
    assert await _ws_me(server, token) == {
        "id": "1",
        "type": "next",
        "payload": {"data": {"me": {"email": user.email}}},
    }
    expired = await token_for(user, days=-1)
    assert await _ws_me(server, expired) == {"closed": 4403}
