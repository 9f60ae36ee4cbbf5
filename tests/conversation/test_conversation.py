"""Conversation practice over HTTP: teachers, sessions, corrected messages, replies,
evaluation, history, ownership, limits, and statement counts of nested reads."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core.jobs import wait_until_idle
from core.sqlcount import StatementLog
from engine.ids import global_id
from models.conversation import ConversationMessage, Sender, SessionStatus
from resolvers.conversation.sessions import MAX_MESSAGE_CHARS, RATE_MAX_MESSAGES
from tests.factories.catalog import course_tree
from tests.factories.conversation import scenario, session_for, teacher
from tests.factories.identity import signed_in
from tests.graphql_client import GraphQLClient, operation

OPS = operation("conversation.graphql")


async def _call(gql: GraphQLClient, name: str, variables: dict, token: str) -> dict:
    return await gql(OPS, variables, token=token, operation_name=name)


async def _start(gql: GraphQLClient, token: str, **variables: object) -> dict:
    data = await _call(gql, "StartConversation", dict(variables), token)
    assert data["startConversation"]["errors"] == []
    return data["startConversation"]["session"]


async def _send(gql: GraphQLClient, token: str, session_id: str, content: str) -> dict:
    data = await _call(gql, "SendMessage", {"sessionId": session_id, "content": content}, token)
    return data["sendMessage"]


async def test_teacher_profiles_and_choosing_one_keeps_a_single_active(gql: GraphQLClient) -> None:
    _, token = await signed_in()
    first, second = await teacher(0), await teacher(1)
    data = await _call(gql, "TeacherProfiles", {}, token)
    listed = {t["id"]: t for t in data["teacherProfiles"]}
    first_id, second_id = (
        global_id("TeacherProfile", first.id),
        global_id("TeacherProfile", second.id),
    )
    assert listed[first_id]["personality"]["catchPhrases"] == first.personality["catchPhrases"]
    assert listed[first_id]["teachingStyle"]["formality"] == "formal"
    assert listed[first_id]["viewerPreference"] is None

    chosen = await _call(
        gql, "ChooseTeacher", {"teacherId": first_id, "customizations": {"speed": 0.8}}, token
    )
    assert chosen["chooseTeacher"] == {
        "preference": {"isActive": True, "teacher": {"id": first_id, "name": first.name}},
        "errors": [],
    }
    await _call(gql, "ChooseTeacher", {"teacherId": second_id}, token)
    listed = {
        t["id"]: t for t in (await _call(gql, "TeacherProfiles", {}, token))["teacherProfiles"]
    }
    assert listed[first_id]["viewerPreference"] == {
        "isActive": False,
        "customizations": {"speed": 0.8},
    }
    assert listed[second_id]["viewerPreference"] == {"isActive": True, "customizations": {}}


async def test_choose_unknown_teacher_is_not_found(gql: GraphQLClient) -> None:
    _, token = await signed_in()
    data = await _call(gql, "ChooseTeacher", {"teacherId": global_id("TeacherProfile", "x")}, token)
    assert data["chooseTeacher"] == {
        "preference": None,
        "errors": [
            {"field": "teacherId", "message": "TeacherProfile not found.", "code": "NOT_FOUND"}
        ],
    }


async def test_start_conversation_uses_the_active_teacher_and_the_scenario(
    gql: GraphQLClient,
) -> None:
    _, token = await signed_in()
    chosen, practice = await teacher(2), await scenario()
    await _call(gql, "ChooseTeacher", {"teacherId": global_id("TeacherProfile", chosen.id)}, token)
    session = await _start(gql, token, scenarioId=global_id("ConversationScenario", practice.id))
    assert session["status"] == "ACTIVE"
    assert session["teacher"] == {"id": global_id("TeacherProfile", chosen.id), "name": chosen.name}
    assert session["scenario"] == {
        "id": global_id("ConversationScenario", practice.id),
        "name": practice.name,
    }


async def test_send_message_returns_it_corrected_and_the_reply_follows(gql: GraphQLClient) -> None:
    _, token = await signed_in()
    t, practice = await teacher(0), await scenario()
    session = await _start(
        gql,
        token,
        teacherId=global_id("TeacherProfile", t.id),
        scenarioId=global_id("ConversationScenario", practice.id),
    )
    sent = await _send(
        gql, token, session["id"], "  I am interesting in this job and i goed here.  "
    )
    assert sent["errors"] == []
    message = sent["message"]
    assert message["sender"] == "USER"
    assert message["content"] == "I am interesting in this job and i goed here."
    assert message["corrections"] == [
        {
            "original": "interesting",
            "corrected": "interested",
            "explanation": "Use 'interested' for how you feel; 'interesting' describes what "
            "causes the feeling.",
            "type": "GRAMMAR",
            "severity": "MEDIUM",
            "start": 5,
            "end": 16,
        },
        {
            "original": "i",
            "corrected": "I",
            "explanation": "The pronoun 'I' is always a capital letter.",
            "type": "SPELLING",
            "severity": "LOW",
            "start": 33,
            "end": 34,
        },
        {
            "original": "goed",
            "corrected": "went",
            "explanation": "This verb is irregular: its past form is 'went', not 'goed'.",
            "type": "GRAMMAR",
            "severity": "MEDIUM",
            "start": 35,
            "end": 39,
        },
    ]
    await wait_until_idle()
    detail = await _call(gql, "ConversationDetail", {"id": session["id"]}, token)
    messages = [e["node"] for e in detail["node"]["messages"]["edges"]]
    assert [m["sender"] for m in messages] == ["USER", "AI"]
    reply = messages[1]
    assert reply["content"].startswith(
        "Excellent work! A correction: “interesting” → “interested”."
    )
    assert "Let's stay in the scenario" in reply["content"]
    assert reply["suggestions"] == [
        "Try again: “I am interested in this job and I went here.”",
        "Use a key phrase of this scenario: “I have experience in”",
    ]
    assert detail["node"]["metrics"] == {
        "totalMessages": 2,
        "userMessages": 1,
        "aiMessages": 1,
        "correctionCount": 3,
        "vocabularyUsed": 3,  # interesting, job, goed
    }


async def test_message_validation_empty_and_too_long(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    sid = global_id("ConversationSession", (await session_for(user)).id)
    assert (await _send(gql, token, sid, "   "))["errors"] == [
        {"field": "content", "message": "Write a message first.", "code": "INVALID"}
    ]
    assert (await _send(gql, token, sid, "a" * (MAX_MESSAGE_CHARS + 1)))["errors"] == [
        {
            "field": "content",
            "message": f"Messages are limited to {MAX_MESSAGE_CHARS} characters.",
            "code": "TOO_LONG",
        }
    ]
    assert (await _send(gql, token, sid, "a" * MAX_MESSAGE_CHARS))["errors"] == []
    await wait_until_idle()


async def test_messages_to_closed_sessions_are_refused(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    for status in (SessionStatus.COMPLETED, SessionStatus.ABANDONED):
        sid = global_id("ConversationSession", (await session_for(user, status=status)).id)
        assert await _send(gql, token, sid, "Hello there.") == {
            "message": None,
            "errors": [
                {
                    "field": "sessionId",
                    "message": "This conversation has ended.",
                    "code": "SESSION_CLOSED",
                }
            ],
        }


async def test_sending_too_fast_is_throttled(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    session = await session_for(user)
    sid = global_id("ConversationSession", session.id)
    for i in range(RATE_MAX_MESSAGES):
        assert (await _send(gql, token, sid, f"Message number {i}."))["errors"] == []
    refused = await _send(gql, token, sid, "One more.")
    assert refused["errors"] == [
        {
            "field": "content",
            "message": "Slow down: at most 8 messages per 10 seconds.",
            "code": "RATE_LIMITED",
        }
    ]
    await wait_until_idle()
    # Messages older than the window do not count.
    await ConversationMessage.filter(session_id=session.id).update(
        created_at=datetime.now(UTC) - timedelta(seconds=11)
    )
    assert (await _send(gql, token, sid, "Back again."))["errors"] == []
    await wait_until_idle()


async def test_other_users_sessions_read_as_not_found(gql: GraphQLClient) -> None:
    owner, _ = await signed_in()
    _, intruder = await signed_in()
    session = await session_for(owner, messages=2)
    sid = global_id("ConversationSession", session.id)
    detail = await _call(gql, "ConversationDetail", {"id": sid}, intruder)
    assert detail == {"node": None}
    not_found = [{"field": "sessionId", "message": "Conversation not found.", "code": "NOT_FOUND"}]
    assert (await _send(gql, intruder, sid, "Hi"))["errors"] == not_found
    ended = await _call(gql, "EndConversation", {"sessionId": sid}, intruder)
    assert ended["endConversation"] == {"session": None, "errors": not_found}
    history = await _call(gql, "ConversationHistory", {}, intruder)
    assert history["me"]["conversationSessions"]["totalCount"] == 0
    assert await ConversationMessage.filter(session_id=session.id).count() == 2


async def test_end_conversation_completes_and_evaluates(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    session = await session_for(user, started_at=datetime.now(UTC) - timedelta(minutes=7))
    sid = global_id("ConversationSession", session.id)
    await _send(gql, token, sid, "Yesterday I goed to a interview for a marketing position.")
    await _send(gql, token, sid, "I have experience in digital campaigns and teamwork.")
    await wait_until_idle()
    data = await _call(gql, "EndConversation", {"sessionId": sid}, token)
    ended = data["endConversation"]
    assert ended["errors"] == []
    result = ended["session"]
    assert result["status"] == "COMPLETED"
    assert 7 * 60 <= result["durationSeconds"] < 8 * 60
    assert result["messageCount"] == 4
    e = result["evaluation"]
    caps = {
        "grammarScore": 25,
        "vocabularyScore": 20,
        "fluencyScore": 20,
        "pronunciationScore": 15,
        "comprehensionScore": 20,
    }
    assert all(0 <= e[k] <= cap for k, cap in caps.items())
    assert e["overallScore"] == sum(e[k] for k in caps)
    # Two grammar errors of medium/low weight in two messages cost grammar points.
    assert e["grammarScore"] < 25
    assert e["cefrLevel"] in {"A1", "A2", "B1", "B2", "C1", "C2"}
    assert e["strengths"] and isinstance(e["improvements"], list)
    again = await _call(gql, "EndConversation", {"sessionId": sid}, token)
    assert again["endConversation"]["errors"][0]["code"] == "SESSION_CLOSED"
    earned = await gql("{ me { achievements { achievement { code } } } }", token=token)
    codes = sorted(a["achievement"]["code"] for a in earned["me"]["achievements"])
    # The conversation's 50 reward XP in turn earns the 50-XP achievement.
    assert codes == ["first_conversation", "xp_collector"]
    refused = await _send(gql, token, sid, "Hello?")
    assert refused["errors"][0]["code"] == "SESSION_CLOSED"


async def test_conversation_history_pages_newest_first(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    now = datetime.now(UTC)
    sessions = [
        await session_for(user, started_at=now - timedelta(hours=i), messages=i) for i in range(3)
    ]
    first = await _call(gql, "ConversationHistory", {"first": 2}, token)
    page = first["me"]["conversationSessions"]
    assert page["totalCount"] == 3
    assert page["pageInfo"]["hasNextPage"] is True
    ids = [e["node"]["id"] for e in page["edges"]]
    assert ids == [global_id("ConversationSession", s.id) for s in sessions[:2]]
    assert page["edges"][1]["node"]["messageCount"] == 1
    rest = await _call(
        gql, "ConversationHistory", {"first": 2, "after": page["pageInfo"]["endCursor"]}, token
    )
    assert [e["node"]["id"] for e in rest["me"]["conversationSessions"]["edges"]] == [
        global_id("ConversationSession", sessions[2].id)
    ]


async def _detail_statements(
    gql: GraphQLClient, sql: StatementLog, token: str, sid: str
) -> tuple[int, dict]:
    await _call(gql, "ConversationDetail", {"id": sid}, token)  # token's last-use write
    sql.clear()
    data = await _call(gql, "ConversationDetail", {"id": sid}, token)
    return sql.count, data


async def test_conversation_detail_statement_count_is_independent_of_sizes(
    gql: GraphQLClient, sql: StatementLog
) -> None:
    user, token = await signed_in()
    tree = await course_tree(lessons=1, exercises=0)
    practice = await scenario(lesson=tree.lessons[0])
    small = await session_for(user, scenario_row=practice, messages=10, corrections_each=0)
    large = await session_for(user, scenario_row=practice, messages=200, corrections_each=3)
    small_count, small_data = await _detail_statements(
        gql, sql, token, global_id("ConversationSession", small.id)
    )
    large_count, large_data = await _detail_statements(
        gql, sql, token, global_id("ConversationSession", large.id)
    )
    assert len(small_data["node"]["messages"]["edges"]) == 10
    large_edges = large_data["node"]["messages"]["edges"]
    assert len(large_edges) == 100
    assert large_data["node"]["messages"]["pageInfo"]["hasNextPage"] is True
    assert [len(e["node"]["corrections"]) for e in large_edges[:2]] == [3, 0]
    assert large_data["node"]["metrics"] == {
        "totalMessages": 200,
        "userMessages": 100,
        "aiMessages": 100,
        "correctionCount": 300,
        "vocabularyUsed": 0,
    }
    assert large_data["node"]["scenario"]["lesson"] == {
        "id": global_id("Lesson", tree.lessons[0].id),
        "title": tree.lessons[0].title,
    }
    assert small_count == large_count, (small_count, large_count)
    # the read compiler's one statement (engine/compiler): the bearer token's check, the
    # session, teacher, scenario and its lesson, metrics, messages page and corrections
    assert small_count == 1, sql


async def test_sender_enum_and_sequence_order(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    session = await session_for(user, messages=3)
    data = await _call(
        gql, "ConversationDetail", {"id": global_id("ConversationSession", session.id)}, token
    )
    senders = [e["node"]["sender"] for e in data["node"]["messages"]["edges"]]
    assert senders == [Sender.USER.name, Sender.AI.name, Sender.USER.name]


SESSIONS_WITH_MESSAGES = """
query {
  me {
    conversationSessions(first: 20) {
      edges { node {
        id teacher { name } evaluation { overallScore }
        metrics { totalMessages correctionCount }
        messages(first: 50) { totalCount edges { node { content corrections { start end } } } }
      } }
    }
  }
}
"""


async def _history_statements(
    gql: GraphQLClient, sql: StatementLog, sessions: int, messages: int
) -> int:
    user, token = await signed_in()
    for _ in range(sessions):
        await session_for(user, messages=messages, corrections_each=2)
    await gql(SESSIONS_WITH_MESSAGES, token=token)  # token's last-use write
    sql.clear()
    data = await gql(SESSIONS_WITH_MESSAGES, token=token)
    edges = data["me"]["conversationSessions"]["edges"]
    assert len(edges) == sessions
    assert all(e["node"]["messages"]["totalCount"] == messages for e in edges)
    return sql.count


async def test_messages_of_a_page_of_sessions_load_in_batches(
    gql: GraphQLClient, sql: StatementLog
) -> None:
    few = await _history_statements(gql, sql, sessions=2, messages=3)
    many = await _history_statements(gql, sql, sessions=8, messages=30)
    assert few == many, (few, many)
    # the read compiler's one statement: the token's check, the sessions page with their
    # teachers, evaluations and metrics, each session's messages page and corrections
    assert many == 1, sql


async def test_demo_teachers_have_distinct_personas() -> None:
    from demo.conversation import load as load_demo_data
    from models.conversation import TeacherProfile

    await load_demo_data()
    await load_demo_data()  # idempotent
    demo = await TeacherProfile.filter(
        name__in=["Professor Hamilton", "Coach Maya", "Dr. Okafor"], is_system=True
    )
    assert len(demo) == 3
    for key in ("personality", "voice", "teaching_style"):
        assert len({repr(getattr(t, key)) for t in demo}) == 3
    assert len({t.teaching_style["formality"] for t in demo}) == 3


async def test_message_nodes_are_visible_to_the_owner_only(gql: GraphQLClient) -> None:
    owner, token = await signed_in()
    _, intruder = await signed_in()
    session = await session_for(owner, messages=1, corrections_each=1)
    message = await ConversationMessage.get(session_id=session.id)
    query = "query($id: ID!) { node(id: $id) { ... on ConversationMessage { content } } }"
    variables = {"id": global_id("ConversationMessage", message.id)}
    assert await gql(query, variables, token=token) == {"node": {"content": message.content}}
    assert await gql(query, variables, token=intruder) == {"node": None}


async def test_pause_resume_and_abandon(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    sid = global_id("ConversationSession", (await session_for(user)).id)
    mutation = """
    mutation($sid: ID!) {
      %s(input: { sessionId: $sid }) { session { status } errors { code } }
    }"""
    for name, expected in (("pauseConversation", "PAUSED"), ("resumeConversation", "ACTIVE")):
        data = await gql(mutation % name, {"sid": sid}, token=token)
        assert data[name] == {"session": {"status": expected}, "errors": []}
    data = await gql(mutation % "abandonConversation", {"sid": sid}, token=token)
    assert data["abandonConversation"] == {"session": {"status": "ABANDONED"}, "errors": []}
    data = await gql(mutation % "resumeConversation", {"sid": sid}, token=token)
    assert data["resumeConversation"] == {"session": None, "errors": [{"code": "SESSION_CLOSED"}]}
