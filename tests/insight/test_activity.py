"""The learner's activity log (resolvers/insight/activity.py): each thing a learner does
writes exactly one `ActivityEvent` of its kind for them, in the transaction that did it; a
refused action writes none."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import httpx
import pytest

from core.ids import global_id
from models.conversation import SessionStatus
from models.learning import ActivityEvent, ActivityKind
from resolvers.conversation.sessions import set_status
from tests.factories import assessment as quizzes
from tests.factories.catalog import course_tree
from tests.factories.commerce import checkout_ok, press, priced_course, row_of
from tests.factories.conversation import session_for
from tests.factories.identity import DEFAULT_PASSWORD, create_user, log_in, signed_in, token_for
from tests.factories.learning_play import perfect
from tests.factories.learning_play import run as play
from tests.graphql_client import GraphQLClient, operation

pytestmark = pytest.mark.usefixtures("server")  # its lifespan opens the ORM

CONVERSATION = operation("conversation.graphql")
ASSESSMENT = operation("assessment.graphql")


async def rows(user_id: UUID, kind: ActivityKind | None = None) -> list[dict[str, Any]]:
    query = ActivityEvent.filter(user_id=user_id)
    if kind is not None:
        query = query.filter(kind=kind)
    return await query.order_by("created_at").values("kind", "lesson_id", "data")


async def test_a_password_log_in_is_one_row_and_a_wrong_password_none(
    gql: GraphQLClient,
) -> None:
    user = await create_user()
    refused = await log_in(gql, user.email, "not the password")
    assert refused["token"] is None and refused["errors"]
    assert await rows(user.id) == []
    signed = await log_in(gql, user.email, DEFAULT_PASSWORD)
    assert signed["errors"] == [] and signed["token"]
    assert await rows(user.id) == [
        {"kind": ActivityKind.SIGNED_IN, "lesson_id": None, "data": {"method": "password"}}
    ]


async def test_enrolling_is_one_row_once_and_a_priced_course_none(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    tree = await course_tree(lessons=1, exercises=0)
    course_id = global_id("Course", tree.course.id)
    for _ in range(2):  # enrolling again returns the same enrollment: no new row
        assert (await play(gql, "Enroll", token, courseId=course_id))["enroll"]["errors"] == []
    assert await rows(user.id) == [
        {
            "kind": ActivityKind.ENROLLED,
            "lesson_id": None,
            "data": {"course_id": str(tree.course.id)},
        }
    ]
    priced = await priced_course(lessons=1)
    refused = await play(gql, "Enroll", token, courseId=global_id("Course", priced.course.id))
    assert refused["enroll"]["errors"][0]["code"] == "PAYMENT_REQUIRED"
    assert len(await rows(user.id)) == 1


async def test_a_completed_lesson_is_one_row(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    tree = await course_tree(lessons=1, exercises=1)
    await play(gql, "Enroll", token, courseId=global_id("Course", tree.course.id))
    lesson = tree.lessons[0]
    assert (await perfect(gql, token, tree, lesson))["errors"] == []
    [completed] = await rows(user.id, ActivityKind.LESSON_COMPLETED)
    assert completed["lesson_id"] == lesson.id


async def test_ending_a_conversation_is_one_row_and_ending_it_again_none(
    gql: GraphQLClient,
) -> None:
    user, token = await signed_in()
    session = await session_for(user, messages=2)
    sid = global_id("ConversationSession", session.id)
    for expected in ([], [{"code": "SESSION_CLOSED"}]):
        data = await gql(
            CONVERSATION, {"sessionId": sid}, token=token, operation_name="EndConversation"
        )
        assert [{"code": e["code"]} for e in data["endConversation"]["errors"]] == expected
    assert await rows(user.id) == [
        {
            "kind": ActivityKind.CONVERSATION_ENDED,
            "lesson_id": None,
            "data": {"session_id": str(session.id), "status": "completed"},
        }
    ]


async def test_abandoning_a_conversation_is_one_row(gql: GraphQLClient) -> None:
    user, _ = await signed_in()
    session = await session_for(user)
    await set_status(user, session.id, SessionStatus.ABANDONED)
    with pytest.raises(Exception):  # noqa: B017 - an abandoned session cannot be abandoned
        await set_status(user, session.id, SessionStatus.ABANDONED)
    assert [row["data"] for row in await rows(user.id)] == [
        {"session_id": str(session.id), "status": "abandoned"}
    ]


async def test_submitting_a_quiz_is_one_row_and_submitting_again_none(
    gql: GraphQLClient,
) -> None:
    setting = await quizzes.setting()
    user, token = setting.learner, await token_for(setting.learner)
    quiz = await quizzes.quiz(setting.course)
    quiz_id = global_id("Quiz", quiz.id)
    started = await gql(
        ASSESSMENT, {"quizId": quiz_id}, token=token, operation_name="StartQuizAttempt"
    )
    attempt_id = started["startQuizAttempt"]["attempt"]["id"]
    variables = {"attemptId": attempt_id, "answers": []}
    first = await gql(ASSESSMENT, variables, token=token, operation_name="SubmitQuizAttempt")
    assert first["submitQuizAttempt"]["errors"] == []
    again = await gql(ASSESSMENT, variables, token=token, operation_name="SubmitQuizAttempt")
    assert again["submitQuizAttempt"]["errors"][0]["code"] == "ALREADY_SUBMITTED"
    [row] = await rows(user.id)
    assert row["kind"] == ActivityKind.QUIZ_SUBMITTED
    assert row["data"]["quiz_id"] == str(quiz.id) and row["data"]["score"] == 0


async def test_a_completed_purchase_is_one_row_and_a_declined_one_none(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    user, token = await signed_in()
    declined_course = await priced_course(lessons=1)
    declined = await checkout_ok(gql, token, course=declined_course.course)
    assert (await press(http, declined["checkoutUrl"], "decline")).status_code == 303
    assert await rows(user.id, ActivityKind.PURCHASE_COMPLETED) == []

    tree = await priced_course(lessons=1)
    payload = await checkout_ok(gql, token, course=tree.course)
    assert (await press(http, payload["checkoutUrl"], "pay")).status_code == 303
    transaction = await row_of(payload["transaction"]["id"])
    assert await rows(user.id, ActivityKind.PURCHASE_COMPLETED) == [
        {
            "kind": ActivityKind.PURCHASE_COMPLETED,
            "lesson_id": None,
            "data": {"transaction_id": str(transaction.id), "kind": "course_purchase"},
        }
    ]
    # The purchase enrolled them: that is its own row.
    assert len(await rows(user.id, ActivityKind.ENROLLED)) == 1
