"""The foundation: health, the viewer, node lookups."""

from __future__ import annotations

import httpx
from tortoise import connections

from core.db import PooledConnection
from core.sqlcount import StatementLog
from engine.ids import global_id
from tests.factories.identity import signed_in
from tests.graphql_client import GraphQLClient


async def test_healthz_answers_when_database_answers(http: httpx.AsyncClient) -> None:
    response = await http.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_me_is_null_without_token(gql: GraphQLClient) -> None:
    assert await gql("{ me { id } }") == {"me": None}


async def test_me_with_bearer_token(gql: GraphQLClient) -> None:
    user, token = await signed_in(display_name="Ana")
    data = await gql("{ me { id displayName emailVerified } }", token=token)
    assert data == {
        "me": {"id": global_id("User", user.id), "displayName": "Ana", "emailVerified": False}
    }


async def test_node_reads_own_user_and_hides_others(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    other, _ = await signed_in()
    query = "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on User { displayName } } }"
    ids = [global_id("User", user.id), global_id("User", other.id), "not-an-id"]
    data = await gql(query, {"ids": ids}, token=token)
    assert data["nodes"] == [{"id": ids[0], "displayName": user.display_name}, None, None]


async def test_sql_counter_counts_statements(gql: GraphQLClient, sql: StatementLog) -> None:
    _, token = await signed_in()
    await gql("{ me { id } }", token=token)  # first use records last_used_at
    sql.clear()
    await gql("{ me { id learningProfile { targetLanguage } } }", token=token)
    # the read compiler's one statement, the token's check included (engine/compiler)
    assert sql.count == 1, sql
    sql.clear()
    await gql("{ me { id dailyActivity(days: 2) { xp } } }", token=token)
    # a field the compiler leaves to the executor: authenticate (token joined with its
    # user), then the daily activity loader
    assert sql.count == 2, sql


async def test_pool_connections_skip_the_reset_round_trip(gql: GraphQLClient) -> None:
    # core.db.PooledConnection: released connections go back to the pool without asyncpg's
    # reset statement, which doubled the statements PostgreSQL ran for a read.
    pool = connections.get("default")._pool
    async with pool.acquire() as connection:
        assert isinstance(connection._con, PooledConnection)
        assert connection.get_reset_query() == ""
        assert await connection.fetchval("SELECT 1") == 1
