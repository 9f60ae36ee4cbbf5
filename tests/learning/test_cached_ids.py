"""Every object type a frontend caches has an `id` (Apollo's InMemoryCache normalises by it).

Entities implement `Node`: their id is a global id of the row's primary key, `node(id:)`
gives them back to whoever may see them (owner, and admins where the domain lets admins see
the owner's data) and null to anybody else. Value-like types stay without id.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime

from graphql import GraphQLObjectType, assert_object_type

from core.settings import get_settings
from core.sqlcount import StatementLog
from engine.execution_plans import LeafPlan, build_plan
from engine.ids import global_id
from models.assessment import Certificate
from models.conversation import (
    ConversationMessage,
    Correction,
    Evaluation,
    SessionStatus,
    TeacherPreference,
)
from models.identity import CefrLevel, LearningProfile, Role
from models.learning import (
    Achievement,
    ProgressStatus,
    UserAchievement,
    lesson_progress_id,
)
from schema.root import build_schema
from tests.factories.catalog import course_tree
from tests.factories.conversation import session_for, teacher
from tests.factories.identity import signed_in
from tests.factories.learning import enrollment, progress_rows
from tests.graphql_client import GraphQLClient

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
WHEN_TEXT = "2026-01-02T03:04:05+00:00"

VALUE_TYPES = {
    "PageInfo",
    "UserError",
    "Money",
    "Stats",
    "DayActivity",
    "ConversationMetrics",
    "VocabularyEntry",
    "ReplyChunk",
    "MessageAdded",
    "SessionStatusChanged",
    "ClassroomPerformance",
    "SubmissionReceived",
    "MemberJoined",
    "CourseRevenue",
    "MonthRevenue",
    "AssetCounts",
    "StudyMaterialEvent",
    "ReviewStats",
    "ProgressSummary",
    "WeekXp",
    "CourseAnalytics",
    "LessonFunnelStep",
    "PlatformStats",
    "RoleCount",
    "RecordingWord",
    "RecordingEvent",
    "Query",
    "Mutation",
    "Subscription",
}
VALUE_NAME = re.compile(r"(Payload|Connection|Edge)$")

CACHED = (
    "LessonProgress",
    "Certificate",
    "Evaluation",
    "Correction",
    "UserAchievement",
    "TeacherPreference",
    "LearningProfile",
    "Recording",
    "RecordingSegment",
    "SegmentCorrection",
)


def _object_types() -> dict[str, GraphQLObjectType]:
    schema = build_schema(get_settings())._schema
    return {
        name: t
        for name, t in schema.type_map.items()
        if isinstance(t, GraphQLObjectType) and not name.startswith("__")
    }


def test_only_value_types_lack_an_id() -> None:
    types = _object_types()
    without_id = {name for name, t in types.items() if "id" not in t.fields}
    assert {name for name in without_id if not VALUE_NAME.search(name)} == VALUE_TYPES
    assert {name for name in without_id if VALUE_NAME.search(name)} == {
        name for name in types if VALUE_NAME.search(name)
    }


def test_cached_types_are_nodes_with_planned_ids() -> None:
    schema = build_schema(get_settings())._schema
    for name in CACHED:
        object_type = assert_object_type(schema.type_map[name])
        assert [i.name for i in object_type.interfaces] == ["Node"], name
        assert str(object_type.fields["id"].type) == "ID!", name
        # The fast executor answers the id in place, as for every other Node type.
        assert isinstance(build_plan(schema, object_type, "id"), LeafPlan), name


NODE = "query($id: ID!) { node(id: $id) { __typename ... on %s { %s } } }"


async def _node(gql: GraphQLClient, type_name: str, fields: str, node_id: str, token: str) -> dict:
    return (await gql(NODE % (type_name, fields), {"id": node_id}, token=token))["node"]


async def _visible_to(
    gql: GraphQLClient,
    type_name: str,
    fields: str,
    expected: dict,
    owner: str,
) -> None:
    """`node(id:)` gives `expected` to the owner and to an admin (admins see all),
    null to another learner; `nodes(ids:)` answers the same."""
    _, stranger = await signed_in()
    _, admin = await signed_in(role=Role.ADMIN)
    node_id = expected["id"]
    assert await _node(gql, type_name, fields, node_id, owner) == {
        "__typename": type_name,
        **expected,
    }
    assert await _node(gql, type_name, fields, node_id, stranger) is None
    by_admin = await _node(gql, type_name, fields, node_id, admin)
    assert by_admin == {"__typename": type_name, **expected}  # admins see all
    nodes = f"query($ids: [ID!]!) {{ nodes(ids: $ids) {{ ... on {type_name} {{ id }} }} }}"
    assert await gql(nodes, {"ids": [node_id]}, token=owner) == {"nodes": [{"id": node_id}]}
    assert await gql(nodes, {"ids": [node_id]}, token=stranger) == {"nodes": [None]}


async def test_lesson_progress_has_an_id_and_is_a_node(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    tree = await course_tree(units=1, lessons=2, exercises=0)
    taken = await enrollment(user, tree.course)
    rows = await progress_rows(taken, tree.lessons, score=90)
    query = """{ me { enrollments { edges { node { lessonProgress { edges { node {
      id status bestScore lesson { id } } } } } } } } }"""
    data = await gql(query, token=token)
    progress = data["me"]["enrollments"]["edges"][0]["node"]["lessonProgress"]["edges"]
    expected = [
        {
            "id": global_id("LessonProgress", row.id),
            "status": "COMPLETED",
            "bestScore": 90,
            "lesson": {"id": global_id("Lesson", row.lesson_id)},
        }
        for row in rows
    ]
    assert [edge["node"] for edge in progress] == expected
    fields = "id status bestScore lesson { id }"
    await _visible_to(gql, "LessonProgress", fields, expected[0], token)


async def test_viewer_progress_has_the_stored_rows_id(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    tree = await course_tree(units=1, lessons=2, exercises=0)
    taken = await enrollment(user, tree.course)
    [row] = await progress_rows(taken, tree.lessons[:1], status=ProgressStatus.COMPLETED)
    query = """query($slug: String!) { course(slug: $slug) { sections { units { lessons {
      viewerProgress { id status } } } } } }"""
    result = await gql.raw(query, {"slug": tree.course.slug}, token=token)
    lessons = result["data"]["course"]["sections"][0]["units"][0]["lessons"]
    assert lessons[0]["viewerProgress"] == {
        "id": global_id("LessonProgress", row.id),
        "status": "COMPLETED",
    }
    # The second lesson has no stored progress yet: its id is the one its row will get.
    unstarted_id = global_id("LessonProgress", lesson_progress_id(user.id, tree.lessons[1].id))
    assert lessons[1]["viewerProgress"] == {"id": unstarted_id, "status": "AVAILABLE"}
    assert "errors" not in result
    assert await _node(gql, "LessonProgress", "status", unstarted_id, token) is None
    start = "mutation($id: ID!) { startLesson(input: {lessonId: $id}) { lessonProgress { id } } }"
    lesson_gid = global_id("Lesson", tree.lessons[1].id)
    started = await gql(start, {"id": lesson_gid}, token=token)
    assert started["startLesson"]["lessonProgress"] == {"id": unstarted_id}
    assert await _node(gql, "LessonProgress", "status", unstarted_id, token) == {
        "__typename": "LessonProgress",
        "status": "IN_PROGRESS",
    }


async def test_certificate_has_an_id_and_is_a_node(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    tree = await course_tree(units=1, lessons=1, exercises=0)
    taken = await enrollment(user, tree.course)
    number = f"LG-{uuid.uuid4().hex[:12].upper()}"
    certificate = await Certificate.create(
        user=user, course=tree.course, enrollment=taken, number=number, issued_at=WHEN
    )
    query = "{ me { enrollments { edges { node { certificate { id number issuedAt } } } } } }"
    data = await gql(query, token=token)
    expected = {
        "id": global_id("Certificate", certificate.id),
        "number": number,
        "issuedAt": WHEN_TEXT,
    }
    assert data["me"]["enrollments"]["edges"] == [{"node": {"certificate": expected}}]
    fields = "id number issuedAt"
    await _visible_to(gql, "Certificate", fields, expected, token)


async def test_user_achievement_has_an_id_and_is_a_node(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    achievement = await Achievement.filter(is_active=True).order_by("code").first()
    assert achievement is not None  # the default achievements come with the migrations
    earned = await UserAchievement.create(user=user, achievement=achievement, earned_at=WHEN)
    data = await gql("{ me { achievements { id earnedAt achievement { code } } } }", token=token)
    expected = {
        "id": global_id("UserAchievement", earned.id),
        "earnedAt": WHEN_TEXT,
        "achievement": {"code": achievement.code},
    }
    assert data == {"me": {"achievements": [expected]}}
    fields = "id earnedAt achievement { code }"
    await _visible_to(gql, "UserAchievement", fields, expected, token)


async def test_learning_profile_has_its_own_id_and_is_a_node(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    profile = await LearningProfile.create(
        user=user, target_language="es", proficiency_level=CefrLevel.B1, learning_goals=["travel"]
    )
    data = await gql(
        "{ me { learningProfile { id targetLanguage proficiencyLevel learningGoals } } }",
        token=token,
    )
    expected = {
        "id": global_id("LearningProfile", profile.id),  # the row's own key, not the user's
        "targetLanguage": "es",
        "proficiencyLevel": "B1",
        "learningGoals": ["travel"],
    }
    assert data == {"me": {"learningProfile": expected}}
    fields = "id targetLanguage proficiencyLevel learningGoals"
    await _visible_to(gql, "LearningProfile", fields, expected, token)


async def test_teacher_preference_has_an_id_and_is_a_node(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    persona = await teacher()
    preference = await TeacherPreference.create(
        user=user, teacher=persona, is_active=True, customizations={"speed": "slow"}
    )
    query = """query($id: ID!) { node(id: $id) { ... on TeacherProfile {
      viewerPreference { id isActive customizations } } } }"""
    data = await gql(query, {"id": global_id("TeacherProfile", persona.id)}, token=token)
    expected = {
        "id": global_id("TeacherPreference", preference.id),
        "isActive": True,
        "customizations": {"speed": "slow"},
    }
    assert data == {"node": {"viewerPreference": expected}}
    # Conversation data is the owner's alone (as sessions and messages are).
    fields = "id isActive customizations"
    await _visible_to(gql, "TeacherPreference", fields, expected, token)


async def test_evaluation_of_a_completed_session_has_an_id_and_is_a_node(
    gql: GraphQLClient,
) -> None:
    user, token = await signed_in()
    session = await session_for(user, messages=2, status=SessionStatus.COMPLETED)
    evaluation = await Evaluation.create(
        session=session,
        overall_score=70,
        grammar_score=20,
        vocabulary_score=15,
        fluency_score=15,
        pronunciation_score=10,
        comprehension_score=10,
        cefr_level="B1",
        strengths=["Clear answers"],
        improvements=["Past tense"],
    )
    query = """{ me { conversationSessions { edges { node {
      status evaluation { id overallScore cefrLevel strengths } } } } } }"""
    data = await gql(query, token=token)
    expected = {
        "id": global_id("Evaluation", evaluation.id),
        "overallScore": 70,
        "cefrLevel": "B1",
        "strengths": ["Clear answers"],
    }
    assert data["me"]["conversationSessions"]["edges"] == [
        {"node": {"status": "COMPLETED", "evaluation": expected}}
    ]
    fields = "id overallScore cefrLevel strengths"
    await _visible_to(gql, "Evaluation", fields, expected, token)


async def test_corrections_of_a_message_have_ids_and_are_nodes(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    session = await session_for(user, messages=1, corrections_each=2)
    message = await ConversationMessage.get(session_id=session.id)
    rows = await Correction.filter(message_id=message.id).order_by("position")
    query = """query($id: ID!) { node(id: $id) { ... on ConversationMessage {
      corrections { id original corrected start end } } } }"""
    data = await gql(query, {"id": global_id("ConversationMessage", message.id)}, token=token)
    expected = [
        {
            "id": global_id("Correction", row.id),
            "original": "goed",
            "corrected": "went",
            "start": 2,
            "end": 6,
        }
        for row in rows
    ]
    assert len(expected) == 2
    assert data == {"node": {"corrections": expected}}
    fields = "id original corrected start end"
    await _visible_to(gql, "Correction", fields, expected[1], token)


async def test_unknown_or_mistyped_ids_read_as_null(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    session = await session_for(user, messages=1, corrections_each=1)
    message = await ConversationMessage.get(session_id=session.id)
    correction = await Correction.get(message_id=message.id)
    query = "query($ids: [ID!]!) { nodes(ids: $ids) { __typename } }"
    ids = [
        *(global_id(name, uuid.uuid4()) for name in CACHED),
        global_id("Evaluation", correction.id),  # a correction's key under another type
    ]
    assert await gql(query, {"ids": ids}, token=token) == {"nodes": [None] * len(ids)}


NESTED = """{ me { enrollments { edges { node { certificate { %(id)s number }
  lessonProgress { edges { node { %(id)s status } } } } } }
  achievements { %(id)s earnedAt }
  conversationSessions { edges { node { evaluation { %(id)s overallScore }
    messages { edges { node { corrections { %(id)s start } } } } } } } } }"""


async def _nested_count(gql: GraphQLClient, sql: StatementLog, token: str, ids: bool) -> int:
    query = NESTED % {"id": "id" if ids else ""}
    await gql(query, token=token)  # the token's last-use stamp is written once
    sql.clear()
    await gql(query, token=token)
    return sql.count


async def test_ids_add_no_statements_to_nested_reads(gql: GraphQLClient, sql: StatementLog) -> None:
    counts = {}
    for size in (1, 6):
        user, token = await signed_in()
        for _ in range(size):
            tree = await course_tree(units=1, lessons=size, exercises=0)
            taken = await enrollment(user, tree.course)
            await progress_rows(taken, tree.lessons)
            await session_for(user, messages=size, corrections_each=2)
        counts[size] = (
            await _nested_count(gql, sql, token, ids=False),
            await _nested_count(gql, sql, token, ids=True),
        )
    # token, enrollments page, certificates, progress pages, achievements, sessions page,
    # evaluations, messages pages, corrections: with or without ids, whatever the sizes
    assert counts == {1: (9, 9), 6: (9, 9)}, counts
