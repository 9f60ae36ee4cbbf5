"""The fast executor (engine/execution.py) and graphql-core's stock one (`FAST_EXECUTOR=0`)
answer every frontend operation (tests/operations/*.graphql) alike.

Queries run on both schemas against the same data: a signed-in learner enrolled in two
course trees with progress, a streak, daily activity, achievements, a teacher preference and
conversations with messages, corrections and an evaluation. Mutations and the subscription
change data, so each executor plays the same script for a fresh learner of its own (the
course, teachers and scenario are shared); their answers are compared with the ids, tokens,
e-mail addresses and instants that necessarily differ replaced by placeholders.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import strawberry
from graphql import OperationDefinitionNode, OperationType, parse

from core.jobs import wait_until_idle
from core.pubsub import get_pubsub
from core.settings import Settings
from engine.context import Context
from engine.ids import global_id
from models.assessment import AttemptStatus, Certificate, Quiz
from models.catalog import (
    ConversationScenario,
    Exercise,
    Lesson,
    LessonPrerequisite,
    MediaAsset,
    MediaKind,
)
from models.conversation import (
    ConversationSession,
    Evaluation,
    SessionStatus,
    TeacherPreference,
    TeacherProfile,
)
from models.identity import CefrLevel, LearningProfile, Role
from models.learning import (
    Achievement,
    DailyActivity,
    ProgressStatus,
    UserAchievement,
    UserStreak,
)
from resolvers.assessment import attempts
from resolvers.conversation.reply import topic
from resolvers.identity.auth import authenticate
from schema.root import build_schema
from services import build_services
from tests.engine.executors_accounts import AS_ADMIN as ACCOUNTS_AS_ADMIN
from tests.engine.executors_accounts import accounts_variables
from tests.engine.executors_classroom import AS_TEACHER, classroom_variables
from tests.engine.executors_commerce import AS_AUTHOR as COMMERCE_AS_AUTHOR
from tests.engine.executors_commerce import commerce_variables
from tests.engine.executors_insight import AS_ADMIN as INSIGHT_AS_ADMIN
from tests.engine.executors_insight import AS_AUTHOR as INSIGHT_AS_AUTHOR
from tests.engine.executors_insight import insight_variables
from tests.engine.executors_recordings import AS_TEACHER as RECORDINGS_AS_TEACHER
from tests.engine.executors_recordings import recordings_variables
from tests.engine.executors_studio import studio_variables
from tests.factories.assessment import answers, quiz
from tests.factories.catalog import CourseTree, course_tree
from tests.factories.conversation import scenario, session_for, teacher
from tests.factories.identity import DEFAULT_PASSWORD, mailed_token, signed_in
from tests.factories.learning import answer_for, enrollment, progress_rows
from tests.graphql_client import OPERATIONS

FILES = sorted(OPERATIONS.glob("*.graphql"))


def _operations() -> dict[str, tuple[OperationType, str]]:
    """Every named operation: its type and the text of its file (fragments included)."""
    found: dict[str, tuple[OperationType, str]] = {}
    for path in FILES:
        text = path.read_text()
        for definition in parse(text).definitions:
            if isinstance(definition, OperationDefinitionNode):
                assert definition.name is not None, f"an anonymous operation in {path.name}"
                assert definition.name.value not in found, f"{definition.name.value} twice"
                found[definition.name.value] = (definition.operation, text)
    return found


OPERATION_TEXTS = _operations()
QUERIES = sorted(n for n, (kind, _) in OPERATION_TEXTS.items() if kind == OperationType.QUERY)

# Played, in this order, by each executor for its own fresh learner (see `_play`).
MUTATIONS = [
    "SignUp",
    "VerifyEmail",
    "LogIn",
    "UpdateProfile",
    "ChangePassword",
    "Enroll",
    "StartLesson",
    "SubmitAnswer",
    "CompleteLesson",
    "ChooseTeacher",
    "StartConversation",
    "SendMessage",
    "EndConversation",
    "LogOut",
    "RequestPasswordReset",
    "ResetPassword",
]
SUBSCRIPTIONS = ["ConversationEvents"]  # subscribed to around SendMessage in `_play`
# Operation name -> why it is not compared.
EXCLUDED: dict[str, str] = (
    {
        name: "an author's and a learner's flow; tests/assessment/test_assessment_api.py plays it"
        for name in (
            "CreateQuiz",
            "UpdateQuiz",
            "StartQuizAttempt",
            "SubmitQuizAttempt",
            "GradeQuizAnswer",
        )
    }
    | {
        name: "a class's flow; tests/classroom/test_classroom_work_api.py plays it"
        for name in (
            "CreateClassroom",
            "UpdateClassroom",
            "RegenerateJoinCode",
            "JoinClassroom",
            "LeaveClassroom",
            "SetMembershipStatus",
            "CreateAssignment",
            "SubmitAssignment",
            "GradeSubmission",
        )
    }
    | {"ClassroomEvents": "tests/classroom/test_classroom_events.py subscribes across processes"}
    | {
        name: "a purchase's flow with signed webhooks; tests/commerce/test_*_http.py play it"
        for name in ("StartCheckout", "CancelSubscription", "RefundTransaction")
    }
    | {
        name: "a learner's studio flow; tests/studio/ plays it"
        for name in (
            "CreateStudyMaterial",
            "UpdateStudyMaterial",
            "DeleteStudyMaterial",
            "RegenerateAssets",
            "StartStudySession",
            "RecordInteraction",
            "EndStudySession",
            "RateAsset",
            "StudyMaterialEvents",
        )
    }
    | {
        name: "accounts' flows with provider tokens, admins and deletion; tests/identity and "
        "tests/insight play them"
        for name in (
            "SignInWithProvider",
            "LinkProvider",
            "UnlinkProvider",
            "SetUserRole",
            "SetUserActive",
            "ExportMyData",
            "DeleteAccount",
        )
    }
    | {
        name: "uploads, processing jobs and a teacher's evaluation; tests/recordings/ play them"
        for name in (
            "CreateRecording",
            "AddRecordingTranscript",
            "EvaluateRecording",
            "DeleteRecording",
            "SubmitRecording",
            "RecordingEvents",
        )
    }
)


@pytest.fixture(scope="module")
def schemas(app_settings: Settings) -> dict[bool, strawberry.Schema]:
    """The schema per executor: fast (the default) and stock (`FAST_EXECUTOR=0`)."""
    return {
        fast: build_schema(dataclasses.replace(app_settings, fast_executor=fast))
        for fast in (True, False)
    }


def test_every_operation_is_compared() -> None:
    assert set(OPERATION_TEXTS) == {*QUERIES, *MUTATIONS, *SUBSCRIPTIONS, *EXCLUDED}, (
        "an operation in tests/operations is neither compared here nor listed in EXCLUDED"
    )


async def _context(settings: Settings, token: str | None) -> Context:
    """The request context the app would build for `Authorization: Bearer <token>`."""
    context = Context(
        settings=settings, request_id="executors-agree", services=build_services(settings)
    )
    if token is not None:
        authenticated = await authenticate(f"Bearer {token}")
        assert authenticated is not None, "the token no longer authenticates"
        context.viewer, context.token = authenticated
    return context


def _answer(result: Any) -> dict[str, Any]:
    errors = sorted(
        (error.formatted for error in result.errors or []), key=lambda e: str(e.get("path"))
    )
    return {"data": result.data, "errors": errors}


async def _execute(
    schema: strawberry.Schema,
    settings: Settings,
    name: str,
    variables: dict[str, Any],
    token: str | None,
) -> dict[str, Any]:
    result = await schema.execute(
        OPERATION_TEXTS[name][1],
        variable_values=variables,
        context_value=await _context(settings, token),
        operation_name=name,
    )
    return _answer(result)


# --- queries: the same data for both executors -------------------------------------------


@dataclass
class World:
    token: str
    tree: CourseTree
    lesson: Lesson  # the one with everything: prerequisites, scenarios, media, hints
    session: ConversationSession  # completed, with messages, corrections and an evaluation
    search: str
    quiz: Quiz  # with an essay: the learner's submitted attempt awaits review
    author_token: str  # the course's author: QuizAttemptsToReview is theirs
    certificate: Certificate
    classroom: dict[str, list[dict[str, Any]]]  # the classroom queries' variables
    commerce: dict[str, list[dict[str, Any]]]  # the commerce queries' variables
    studio: dict[str, list[dict[str, Any]]]  # the studio queries' variables
    admin_token: str  # an admin: the accounts console and audit log are theirs
    accounts: dict[str, list[dict[str, Any]]]  # the accounts queries' variables
    recordings: dict[str, list[dict[str, Any]]]  # the recordings queries' variables


async def _world() -> World:
    author, author_token = await signed_in(role=Role.TEACHER)
    word = f"agree{uuid.uuid4().hex[:8]}"
    tree = await course_tree(
        sections=2,
        units=2,
        lessons=2,
        exercises=3,
        author=author,
        title=f"Spanish {word}",
        description=f"Everything about {word}.",
        featured=True,
    )
    other = await course_tree(units=1, lessons=3, exercises=1, author=author)
    lesson = tree.lessons[1]
    await Lesson.filter(id=lesson.id).update(
        grammar_focus="Present tense", description="Greetings, at length."
    )
    await LessonPrerequisite.create(lesson_id=lesson.id, prerequisite_id=tree.lessons[0].id)
    media = await MediaAsset.create(
        kind=MediaKind.AUDIO, url="https://cdn.example/hola.mp3", mime_type="audio/mpeg"
    )
    exercises = tree.exercises_of(lesson)
    await Exercise.filter(id=exercises[0].id).update(media_id=media.id, hint="Say it aloud.")
    lesson_scenario = await scenario(lesson_id=lesson.id, difficulty=2)
    await scenario(lesson_id=lesson.id, name=f"Market {word}")

    user, token = await signed_in(timezone="Europe/Madrid", native_language="en")
    await LearningProfile.create(
        user=user,
        target_language="es",
        proficiency_level=CefrLevel.A2,
        learning_goals=["travel", "work"],
        weekly_goal_hours=2.5,
        preferred_lesson_minutes=15,
    )
    taken = await enrollment(user, tree.course, total_xp=45, hearts=3)
    await progress_rows(taken, tree.lessons[:2], score=90)
    await progress_rows(taken, tree.lessons[2:3], status=ProgressStatus.NEEDS_REVIEW, score=40)
    await progress_rows(taken, tree.lessons[3:4], status=ProgressStatus.IN_PROGRESS)
    later = await enrollment(user, other.course)
    await progress_rows(later, other.lessons[:1])
    await UserStreak.filter(user_id=user.id).update(
        current=3, longest=5, total_xp=45, last_active_at=datetime.now(UTC)
    )
    today = datetime.now(ZoneInfo("Europe/Madrid")).date()
    await DailyActivity.bulk_create(
        [
            DailyActivity(
                id=uuid.uuid4(),
                user_id=user.id,
                date=today - timedelta(days=d),
                xp=xp,
                goal_met=xp >= 20,
                lessons_completed=d + 1,
            )
            for d, xp in ((0, 25), (1, 10), (3, 40))
        ]
    )
    for achievement in await Achievement.all().order_by("code").limit(2):
        await UserAchievement.create(
            user=user, achievement=achievement, earned_at=datetime.now(UTC)
        )

    first, second = await teacher(0), await teacher(1)
    await TeacherPreference.create(
        user=user, teacher=first, is_active=True, customizations={"pace": "slow"}
    )
    session = await session_for(
        user,
        first,
        lesson_scenario,
        messages=6,
        corrections_each=2,
        status=SessionStatus.COMPLETED,
    )
    await ConversationSession.filter(id=session.id).update(
        completed_at=datetime.now(UTC), duration_seconds=300
    )
    await Evaluation.create(
        session=session,
        overall_score=71,
        grammar_score=18,
        vocabulary_score=15,
        fluency_score=14,
        pronunciation_score=10,
        comprehension_score=14,
        cefr_level="B1",
        strengths=["Clear greetings"],
        improvements=["Irregular past"],
    )
    await session_for(user, second, None, messages=2)
    quiz_row = await quiz(tree.course, essay=1)
    attempt = await attempts.start_attempt(user, quiz_row.id)
    submitted = await attempts.submit_attempt(user, attempt.id, await answers(quiz_row))
    assert submitted.status == AttemptStatus.PENDING_REVIEW, submitted.status
    certificate = await Certificate.create(
        user=user,
        course=other.course,
        enrollment=later,
        number=f"LG-2026-{uuid.uuid4().hex[:10].upper()}",
        issued_at=datetime.now(UTC),
    )
    admin_token, accounts = await accounts_variables(user)
    return World(
        token=token,
        tree=tree,
        lesson=lesson,
        session=session,
        search=word,
        quiz=quiz_row,
        author_token=author_token,
        certificate=certificate,
        classroom=await classroom_variables(author, user, tree, session, quiz_row),
        commerce=await commerce_variables(author, user),
        studio=await studio_variables(user),
        recordings=await recordings_variables(author, user),
        admin_token=admin_token,
        accounts=accounts,
    )


# Queries run as the course's author (who also teaches the class), not the learner.
AS_AUTHOR = {
    "QuizAttemptsToReview",
    *AS_TEACHER,
    *COMMERCE_AS_AUTHOR,
    *RECORDINGS_AS_TEACHER,
}


def _query_variables(world: World) -> dict[str, list[dict[str, Any]]]:
    """Variable sets per query operation (each one run on both executors)."""
    session_id = global_id("ConversationSession", world.session.id)
    quiz_id = global_id("Quiz", world.quiz.id)
    return {
        "Languages": [{}],
        "Courses": [{}, {"first": 5, "filter": {"search": world.search}}],
        "CourseTree": [{"slug": world.tree.course.slug}],
        "Lesson": [{"id": global_id("Lesson", world.lesson.id)}],
        "Me": [{}],
        "MyLearning": [{}, {"first": 1, "progressFirst": 2}],
        "MyAchievements": [{}],
        "DailyActivity": [{"days": 7}],
        "TeacherProfiles": [{}],
        "ConversationHistory": [{}, {"first": 1}],
        "ConversationDetail": [{"id": session_id}, {"id": session_id, "first": 2}],
        "CourseQuizzes": [{"slug": world.tree.course.slug}],
        "Quiz": [{"id": quiz_id}],
        "QuizAttemptsToReview": [{"quizId": quiz_id}],
        "MyQuizAttempts": [{}, {"first": 1}],
        "MyCertificates": [{}],
        "VerifyCertificate": [{"number": world.certificate.number}],
        **world.classroom,
        **world.commerce,
        **world.studio,
        **world.recordings,
        **world.accounts,
        **insight_variables(world.tree),
    }


def _items(value: Any) -> int:
    """List items and non-null scalars: an answer that is all nulls and empty lists is 0."""
    if isinstance(value, dict):
        return sum(_items(item) for item in value.values())
    if isinstance(value, list):
        return len(value) + sum(_items(item) for item in value)
    return 0 if value is None else 1


async def test_every_query_answers_alike_on_both_executors(
    server: str, schemas: dict[bool, strawberry.Schema], app_settings: Settings
) -> None:
    world = await _world()
    variables = _query_variables(world)
    assert sorted(variables) == QUERIES, "every query operation needs its variables here"
    for name in QUERIES:
        for values in variables[name]:
            token = world.author_token if name in AS_AUTHOR else world.token
            token = world.author_token if name in INSIGHT_AS_AUTHOR else token
            token = world.admin_token if name in {*ACCOUNTS_AS_ADMIN, *INSIGHT_AS_ADMIN} else token
            fast = await _execute(schemas[True], app_settings, name, values, token)
            stock = await _execute(schemas[False], app_settings, name, values, token)
            assert fast["errors"] == [], (name, values, fast["errors"])
            assert fast == stock, (name, values)
            assert _items(fast["data"]) > 0, (name, values, fast)  # real answers, not nulls


# --- mutations and the subscription: the same script for a fresh learner per executor -----

NEW_PASSWORD = "a brand new passphrase"
# Values that differ between two runs of the same script, whatever the executor.
_NAMED = {"id", "token", "messageId", "number"}  # named by first appearance: equal ids stay equal
_VARYING = {"email": "<email>", "durationSeconds": "<seconds>"}


def _canonical(value: Any, names: dict[Any, str], key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _canonical(v, names, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_canonical(item, names, key) for item in value]
    if value is None:
        return None
    if key in _NAMED:
        return names.setdefault(value, f"<{key} {len(names) + 1}>")
    if key.endswith("At"):
        return "<instant>"
    return _VARYING.get(key, value)


@dataclass
class Shared:
    tree: CourseTree
    teacher: TeacherProfile
    scenario: ConversationScenario


class Script:
    """One executor's run of the script: every answer, in order."""

    def __init__(self, schema: strawberry.Schema, settings: Settings) -> None:
        self.schema, self.settings = schema, settings
        self.answers: list[tuple[str, Any]] = []

    async def run(self, name: str, bearer: str | None, /, **variables: Any) -> dict[str, Any]:
        """The operation's payload (its one root field), which must hold no error."""
        answer = await _execute(self.schema, self.settings, name, variables, bearer)
        assert answer["errors"] == [], (name, answer["errors"])
        (payload,) = answer["data"].values()
        assert payload.get("errors", []) == [], (name, payload["errors"])
        self.answers.append((name, answer["data"]))
        return payload

    async def events_around_message(self, token: str, session_id: str, content: str) -> None:
        """Subscribes to the session, sends the message, records the events to the reply."""
        context = await _context(self.settings, token)
        stream = await self.schema.subscribe(
            OPERATION_TEXTS["ConversationEvents"][1],
            variable_values={"sessionId": session_id},
            context_value=context,
            operation_name="ConversationEvents",
        )
        events: list[Any] = []

        async def until_reply() -> None:
            async for result in stream:
                answer = _answer(result)
                assert answer["errors"] == [], answer["errors"]
                event = answer["data"]["conversationEvents"]
                events.append(event)
                if event["__typename"] == "MessageAdded" and event["message"]["sender"] != "USER":
                    return

        listening = asyncio.create_task(until_reply())
        try:
            assert context.viewer is not None and self.settings.database_url is not None
            session = await ConversationSession.get(user_id=context.viewer.id)
            pubsub = get_pubsub(self.settings.database_url)
            async with asyncio.timeout(10):
                await pubsub.wait_for(lambda p: p.delivering_to(topic(session.id)))
            await self.run("SendMessage", token, sessionId=session_id, content=content)
            async with asyncio.timeout(20):
                await listening
        finally:
            listening.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await listening  # the generator must stop running before it is closed
            await stream.aclose()
        # The learner's message and the first reply chunk travel on different connections,
        # so either may arrive first: compare them in a canonical order (chunks kept in order).
        events.sort(key=_event_rank)
        assert [e["__typename"] for e in events[:2]] == ["MessageAdded", "ReplyChunk"], events
        self.answers.append(("ConversationEvents", events))


def _event_rank(event: dict[str, Any]) -> int:
    if event["__typename"] == "ReplyChunk":
        return 1
    is_reply = event["__typename"] == "MessageAdded" and event["message"]["sender"] != "USER"
    return 2 if is_reply else 0


async def _play(script: Script, shared: Shared) -> list[tuple[str, Any]]:
    email = f"agree-{uuid.uuid4().hex[:12]}@example.com"
    signed_up = await script.run(
        "SignUp",
        None,
        email=email,
        password=DEFAULT_PASSWORD,
        displayName="Agnes Agree",
        timezone="Europe/Madrid",
    )
    assert signed_up["token"]
    await script.run("VerifyEmail", None, token=await mailed_token(email, "Confirm"))
    token = (await script.run("LogIn", None, email=email, password=DEFAULT_PASSWORD))["token"]
    await script.run(
        "UpdateProfile",
        token,
        input={
            "displayName": "Agnes",
            "dailyXpGoal": 30,
            "targetLanguage": "es",
            "proficiencyLevel": "A2",
            "learningGoals": ["travel"],
            "weeklyGoalHours": 3.5,
        },
    )
    await script.run(
        "ChangePassword", token, currentPassword=DEFAULT_PASSWORD, newPassword=NEW_PASSWORD
    )

    await script.run("Enroll", token, courseId=global_id("Course", shared.tree.course.id))
    lesson = shared.tree.lessons[0]
    lesson_id = global_id("Lesson", lesson.id)
    await script.run("StartLesson", token, lessonId=lesson_id)
    for i, exercise in enumerate(shared.tree.exercises_of(lesson)):
        exercise_id = global_id("Exercise", exercise.id)
        if i == 0:  # one wrong answer first: a heart lost, an explanation
            await script.run(
                "SubmitAnswer", token, lessonId=lesson_id, exerciseId=exercise_id, answer="nope"
            )
        await script.run(
            "SubmitAnswer",
            token,
            lessonId=lesson_id,
            exerciseId=exercise_id,
            answer=await answer_for(exercise),
            timeSpentMs=1500,
            hintsUsed=0,
        )
    await script.run("CompleteLesson", token, lessonId=lesson_id)

    teacher_id = global_id("TeacherProfile", shared.teacher.id)
    await script.run("ChooseTeacher", token, teacherId=teacher_id, customizations={"pace": "slow"})
    started = await script.run(
        "StartConversation",
        token,
        scenarioId=global_id("ConversationScenario", shared.scenario.id),
        teacherId=teacher_id,
    )
    session_id = started["session"]["id"]
    await script.events_around_message(
        token, session_id, "Yesterday I goed to the interview and I was very boring."
    )
    await script.run("EndConversation", token, sessionId=session_id)
    await script.run("LogOut", token, allDevices=True)

    await script.run("RequestPasswordReset", None, email=email)
    reset = await mailed_token(email, "Reset")
    await script.run("ResetPassword", None, token=reset, newPassword="yet another passphrase")
    await wait_until_idle()  # mail and events written after the answers
    return script.answers


async def test_every_mutation_and_the_subscription_answer_alike_on_both_executors(
    server: str, schemas: dict[bool, strawberry.Schema], app_settings: Settings
) -> None:
    author, _ = await signed_in(role=Role.TEACHER)
    shared = Shared(
        tree=await course_tree(units=2, lessons=2, exercises=3, author=author),
        teacher=await teacher(2),
        scenario=await scenario(),
    )
    fast = await _play(Script(schemas[True], app_settings), shared)
    stock = await _play(Script(schemas[False], app_settings), shared)
    played = {name for name, _ in fast}
    assert played == {*MUTATIONS, *SUBSCRIPTIONS}, played
    fast_names: dict[Any, str] = {}
    stock_names: dict[Any, str] = {}
    for (name, fast_answer), (stock_name, stock_answer) in zip(fast, stock, strict=True):
        assert name == stock_name
        assert _canonical(fast_answer, fast_names) == _canonical(stock_answer, stock_names), name
