"""A signed-in viewer's compiled query checks the bearer token in its own statement
(resolvers/identity/recent_viewers.py): one statement per request, and nothing the check
lets through that authenticating would refuse: a revoked token, a deactivated account, a
changed role, a token not used within the last-use resolution (which authenticating then
records)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx

from core.sqlcount import StatementLog
from models.identity import AuthToken, Role, User
from tests.factories.catalog import course_tree
from tests.factories.identity import signed_in
from tests.graphql_client import GraphQLClient

ME = "query Me { me { id role displayName } }"
COURSE = "query Course($slug: String!) { course(slug: $slug) { slug } }"


async def test_a_remembered_viewer_costs_one_statement(
    gql: GraphQLClient, sql: StatementLog
) -> None:
    user, token = await signed_in()
    await gql(ME, token=token)  # authenticates: the viewer is remembered
    sql.clear()
    data = await gql(ME, token=token)
    assert data["me"]["displayName"] == user.display_name
    assert sql.count == 1, sql


async def test_a_revoked_token_is_refused_though_remembered(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    user, token = await signed_in()
    await gql(ME, token=token)
    await AuthToken.filter(user_id=user.id).update(revoked_at=datetime.now(UTC))
    response = await http.post(
        "/graphql", json={"query": ME}, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_a_deactivated_account_is_refused_though_remembered(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    user, token = await signed_in()
    await gql(ME, token=token)
    await User.filter(id=user.id).update(is_active=False)
    response = await http.post(
        "/graphql", json={"query": ME}, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_a_changed_role_takes_effect_at_once(gql: GraphQLClient) -> None:
    author, _ = await signed_in(role=Role.TEACHER)
    draft = await course_tree(author=author, published=False)
    user, token = await signed_in()
    assert await gql(COURSE, {"slug": draft.course.slug}, token=token) == {"course": None}
    await User.filter(id=user.id).update(role=Role.ADMIN)
    data = await gql(COURSE, {"slug": draft.course.slug}, token=token)
    assert data == {"course": {"slug": draft.course.slug}}
    assert (await gql(ME, token=token))["me"]["role"] == "ADMIN"


async def test_a_token_unused_for_a_while_is_authenticated_and_its_use_recorded(
    gql: GraphQLClient, sql: StatementLog
) -> None:
    user, token = await signed_in()
    await gql(ME, token=token)
    earlier = datetime.now(UTC) - timedelta(minutes=5)
    await AuthToken.filter(user_id=user.id).update(last_used_at=earlier)
    sql.clear()
    assert (await gql(ME, token=token))["me"]["role"] == "STUDENT"
    assert sql.count > 1  # the check failed: authenticated, and the last use written
    stored = await AuthToken.get(user_id=user.id)
    assert stored.last_used_at is not None and stored.last_used_at > earlier
