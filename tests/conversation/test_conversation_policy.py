"""Conversation's access rule: a learner's sessions, messages, corrections and evaluations are
theirs and every admin's (DESIGN.md: admins see all); other learners get null."""

from __future__ import annotations

from engine.ids import global_id
from models.identity import Role
from tests.factories.conversation import session_for, teacher
from tests.factories.identity import signed_in
from tests.graphql_client import GraphQLClient

SESSION = """query($id: ID!) { node(id: $id) { ... on ConversationSession {
  id messages { edges { node { id content corrections { original } } } } } } }"""
SESSIONS_OF = """query($id: ID!) { node(id: $id) { ... on User {
  conversationSessions { totalCount edges { node { id } } } } } }"""


async def test_admins_see_a_learners_conversation_others_do_not(gql: GraphQLClient) -> None:
    learner, token = await signed_in()
    _, admin = await signed_in(role=Role.ADMIN)
    _, stranger = await signed_in()
    session = await session_for(learner, await teacher(), messages=2, corrections_each=1)
    session_id = global_id("ConversationSession", session.id)
    own = (await gql(SESSION, {"id": session_id}, token=token))["node"]
    assert own["id"] == session_id and len(own["messages"]["edges"]) == 2
    assert (await gql(SESSION, {"id": session_id}, token=admin))["node"] == own
    assert (await gql(SESSION, {"id": session_id}, token=stranger))["node"] is None

    user_id = global_id("User", learner.id)
    by_admin = (await gql(SESSIONS_OF, {"id": user_id}, token=admin))["node"]
    assert by_admin == {
        "conversationSessions": {"totalCount": 1, "edges": [{"node": {"id": session_id}}]}
    }
    assert (await gql(SESSIONS_OF, {"id": user_id}, token=stranger))["node"] is None
