"""`me.progressSummary` and `me.activity` (schema/insight/progress.py, loaders/insight.py):
hand-computed figures on a small fixed data set, local weeks, who may read, summaries and
pagination, and a constant statement count."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from tortoise import connections

from core.ids import global_id
from core.sqlcount import StatementLog
from loaders.base import Loaders
from loaders.insight import WeeklyXpByUserLoader
from models.assessment import AttemptStatus, QuizAttempt
from models.conversation import ConversationSession, Evaluation, SessionStatus
from models.identity import Role, User
from models.learning import (
    ActivityEvent,
    ActivityKind,
    DailyActivity,
    ExerciseAttempt,
    LessonProgress,
    ProgressStatus,
    UserStreak,
    lesson_progress_id,
)
from models.studio import StudyMode, StudySession
from resolvers.insight.progress import may_read, week_start
from tests.factories import assessment as quizzes
from tests.factories.catalog import course_tree
from tests.factories.conversation import scenario, session_for
from tests.factories.identity import create_user, signed_in, token_for
from tests.factories.learning import enrollment
from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.usefixtures("server")

SUMMARY = """query MyProgressSummary { me { id progressSummary {
  totalXp currentStreak lessonsCompleted lessonsInProgress averageLessonScore studyMinutes
  conversationsCompleted averageConversationScore estimatedLevel quizzesPassed lastActiveAt
  weeklyXp(weeks: 8) { weekStart xp } } } }"""
ACTIVITY = """query MyActivity($first: Int = 30, $after: String) { me { id
  activity(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { node { id kind occurredAt summary } } } } }"""
NODE = """query ($id: ID!) { node(id: $id) { ... on User { progressSummary { totalXp }
  activity { totalCount } } } }"""
NOW = datetime.now(UTC)


async def _set_created(table: str, row_id: Any, when: datetime) -> None:
    conn = connections.get("default")
    await conn.execute_query(f'UPDATE "{table}" SET created_at = $1 WHERE id = $2', [when, row_id])


async def busy_learner() -> tuple[User, Any]:
    """Everything the summary counts, with hand-computed figures (see `test_every_figure`)."""
    user = await create_user(timezone="Pacific/Auckland")
    tree = await course_tree(sections=2, units=1, lessons=2, exercises=1)
    for section, level in zip(tree.sections, ("A2", "B1"), strict=True):
        section.cefr_level = level
        await section.save()
    enr = await enrollment(user, tree.course)
    done = NOW - timedelta(days=2)
    for lesson, status, score, completed in (
        (tree.lessons[0], ProgressStatus.COMPLETED, 90, done),
        (tree.lessons[1], ProgressStatus.COMPLETED, 70, done),
        (tree.lessons[2], ProgressStatus.IN_PROGRESS, None, None),
    ):
        await LessonProgress.create(
            id=lesson_progress_id(user.id, lesson.id),
            user_id=user.id,
            lesson_id=lesson.id,
            enrollment_id=enr.id,
            status=status,
            best_score=score,
            first_completed_at=completed,
        )
    progress = await LessonProgress.get(user_id=user.id, lesson_id=tree.lessons[0].id)
    for ms in (90_000, 30_500):  # 120.5 s
        await ExerciseAttempt.create(
            user_id=user.id,
            exercise_id=tree.exercises[0].id,
            lesson_id=tree.lessons[0].id,
            progress_id=progress.id,
            lesson_attempt=1,
            answer="x",
            is_correct=True,
            time_spent_ms=ms,
        )
    # Six completed conversations of 100 s each (oldest first), evaluated 50..100; one
    # abandoned of 300 s. The last five levels: A1 B2 B2 C1 A2 -> median B2.
    for i, level in enumerate(("C2", "A1", "B2", "B2", "C1", "A2")):
        session = await session_for(user, status=SessionStatus.COMPLETED)
        await ConversationSession.filter(id=session.id).update(duration_seconds=100)
        evaluation = await Evaluation.create(
            session_id=session.id,
            overall_score=50 + 10 * i,
            grammar_score=0,
            vocabulary_score=0,
            fluency_score=0,
            pronunciation_score=0,
            comprehension_score=0,
            cefr_level=level,
        )
        await _set_created("evaluations", evaluation.id, NOW - timedelta(hours=10 - i))
    abandoned = await session_for(user, status=SessionStatus.ABANDONED)
    await ConversationSession.filter(id=abandoned.id).update(duration_seconds=300)
    start = NOW - timedelta(hours=1)
    await StudySession.create(
        user_id=user.id,
        mode=StudyMode.REVIEW,
        started_at=start,
        ended_at=start + timedelta(seconds=330),
    )
    await StudySession.create(user_id=user.id, mode=StudyMode.STUDY, started_at=start)  # open
    # Quizzes: two passes of one, one of another, a failed third -> 2.
    for passed in ((True, True), (True,), (False,)):
        quiz = await quizzes.quiz(tree.course)
        for n, ok in enumerate(passed, start=1):
            await QuizAttempt.create(
                quiz_id=quiz.id,
                user_id=user.id,
                attempt_number=n,
                started_at=start,
                status=AttemptStatus.GRADED,
                score=80.0 if ok else 20.0,
                passed=ok,
            )
    local_today = NOW.astimezone(ZoneInfo("Pacific/Auckland")).date()
    await UserStreak.filter(user_id=user.id).update(
        total_xp=120,
        current=3,
        longest=5,
        last_active_local_date=local_today,
        last_active_at=NOW - timedelta(hours=3),
    )
    event = await ActivityEvent.create(user_id=user.id, kind=ActivityKind.SIGNED_IN, data={})
    monday = week_start(NOW, "Pacific/Auckland")
    for day, xp in ((0, 10), (-1, 20), (-7, 5), (-8, 7), (-56, 100)):
        await DailyActivity.create(user_id=user.id, date=monday + timedelta(days=day), xp=xp)
    return user, event


async def test_every_figure(gql: GraphQLClient) -> None:
    user, event = await busy_learner()
    data = await gql(SUMMARY, token=await token_for(user))
    summary = data["me"]["progressSummary"]
    weekly = summary.pop("weeklyXp")
    assert datetime.fromisoformat(summary.pop("lastActiveAt")) == event.created_at
    assert summary == {
        "totalXp": 120,
        "currentStreak": 3,
        "lessonsCompleted": 2,
        "lessonsInProgress": 1,
        "averageLessonScore": 80.0,
        # 120.5 s answers + 6 x 100 s + 300 s conversations + 330 s study = 1350.5 s
        "studyMinutes": 22,
        "conversationsCompleted": 6,
        "averageConversationScore": 75.0,
        "estimatedLevel": "B2",
        "quizzesPassed": 2,
    }
    monday = week_start(NOW, "Pacific/Auckland")
    expected = [0] * 5 + [7, 25, 10]  # Sunday rows count in the week before their Monday
    assert weekly == [
        {"weekStart": (monday - timedelta(weeks=7 - i)).isoformat(), "xp": xp}
        for i, xp in enumerate(expected)
    ]


async def test_no_data_is_zero_or_null_and_a_completed_section_gives_the_level(
    gql: GraphQLClient,
) -> None:
    user, token = await signed_in(timezone="America/Los_Angeles")
    summary = (await gql(SUMMARY, token=token))["me"]["progressSummary"]
    monday = week_start(datetime.now(UTC), "America/Los_Angeles")
    assert summary.pop("weeklyXp") == [
        {"weekStart": (monday - timedelta(weeks=7 - i)).isoformat(), "xp": 0} for i in range(8)
    ]
    assert summary == {
        "totalXp": 0,
        "currentStreak": 0,
        "lessonsCompleted": 0,
        "lessonsInProgress": 0,
        "averageLessonScore": None,
        "studyMinutes": 0,
        "conversationsCompleted": 0,
        "averageConversationScore": None,
        "estimatedLevel": None,
        "quizzesPassed": 0,
        "lastActiveAt": None,
    }
    tree = await course_tree(sections=2, units=1, lessons=1, exercises=0)
    for section, level in zip(tree.sections, ("B1", "C1"), strict=True):
        section.cefr_level = level
        await section.save()
    enr = await enrollment(user, tree.course)
    await LessonProgress.create(
        id=lesson_progress_id(user.id, tree.lessons[0].id),
        user_id=user.id,
        lesson_id=tree.lessons[0].id,
        enrollment_id=enr.id,
        status=ProgressStatus.COMPLETED,
        best_score=100,
        first_completed_at=NOW,
    )
    summary = (await gql(SUMMARY, token=token))["me"]["progressSummary"]
    assert summary["estimatedLevel"] == "B1"  # C1's section is not completed


def test_the_current_week_is_local_across_a_sunday_monday_boundary() -> None:
    instant = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)  # Mon 09:00 Auckland, Sun 12:00 LA
    assert week_start(instant, "Pacific/Auckland") == date(2026, 3, 2)
    assert week_start(instant, "America/Los_Angeles") == date(2026, 2, 23)


async def test_weekly_xp_sums_local_days_into_monday_weeks() -> None:
    auckland = await create_user(timezone="Pacific/Auckland")
    angeles = await create_user(timezone="America/Los_Angeles")
    for user in (auckland, angeles):
        await DailyActivity.create(user_id=user.id, date=date(2026, 3, 1), xp=20)  # Sunday
        await DailyActivity.create(user_id=user.id, date=date(2026, 3, 2), xp=10)  # Monday
    loader = WeeklyXpByUserLoader(loaders=Loaders())
    keys = [(auckland.id, date(2026, 3, 2), 2), (angeles.id, date(2026, 2, 23), 2)]
    found = await loader.fetch(keys)
    assert found[keys[0]] == [(date(2026, 2, 23), 20), (date(2026, 3, 2), 10)]
    assert found[keys[1]] == [(date(2026, 2, 16), 0), (date(2026, 2, 23), 20)]


async def test_weeks_out_of_range_are_invalid(gql: GraphQLClient) -> None:
    _, token = await signed_in()
    for weeks in (0, 53):
        query = f"{{ me {{ progressSummary {{ weeklyXp(weeks: {weeks}) {{ xp }} }} }} }}"
        result = await gql.raw(query, token=token)
        assert result["errors"][0]["extensions"]["code"] == "INVALID"


async def test_only_the_learner_and_admins_read_them(gql: GraphQLClient) -> None:
    learner, _ = await signed_in()
    await UserStreak.create(user=learner, total_xp=42)
    await ActivityEvent.create(user_id=learner.id, kind=ActivityKind.SIGNED_IN, data={})
    node = {"id": global_id("User", learner.id)}
    _, admin = await signed_in(Role.ADMIN)
    read = (await gql(NODE, node, token=admin))["node"]
    assert read == {"progressSummary": {"totalXp": 42}, "activity": {"totalCount": 1}}
    _, other = await signed_in()
    assert (await gql(NODE, node, token=other))["node"] in (
        None,
        {"progressSummary": None, "activity": None},
    )
    assert (await gql(SUMMARY))["me"] is None  # anonymous
    # The field itself refuses another viewer, whatever let them reach the User.
    assert may_read(await create_user(), learner.id) is False


async def test_activity_summaries_newest_first_and_pages(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    tree = await course_tree(lessons=1, exercises=0, title="Spanish for travel")
    tree.lessons[0].title = "Greetings"
    await tree.lessons[0].save()
    quiz = await quizzes.quiz(tree.course, title="Checkpoint 1")
    talk = await session_for(user, scenario_row=await scenario(name="Weekly check-in"))
    entries: list[tuple[ActivityKind, Any, dict[str, Any], str]] = [
        (ActivityKind.SIGNED_IN, None, {"method": "google"}, "Signed in with Google"),
        (
            ActivityKind.ENROLLED,
            None,
            {"course_id": str(tree.course.id)},
            "Enrolled in the course “Spanish for travel”",
        ),
        (ActivityKind.LESSON_STARTED, tree.lessons[0].id, {}, "Started the lesson “Greetings”"),
        (
            ActivityKind.ANSWER_SUBMITTED,
            tree.lessons[0].id,
            {"correct": False},
            "Answered an exercise in “Greetings” incorrectly",
        ),
        (
            ActivityKind.LESSON_COMPLETED,
            tree.lessons[0].id,
            {"score": 90, "xp": 10},
            "Completed the lesson “Greetings” with 90%",
        ),
        (
            ActivityKind.CONVERSATION_ENDED,
            None,
            {"session_id": str(talk.id), "status": "completed"},
            "Completed a conversation “Weekly check-in”",
        ),
        (
            ActivityKind.QUIZ_SUBMITTED,
            None,
            {"quiz_id": str(quiz.id), "score": 85.5},
            "Submitted the quiz “Checkpoint 1”: 86%",
        ),
        (
            ActivityKind.PURCHASE_COMPLETED,
            None,
            {"kind": "subscription"},
            "Paid for a Premium subscription",
        ),
    ]
    for i, (kind, lesson_id, data, _) in enumerate(entries):
        row = await ActivityEvent.create(user_id=user.id, kind=kind, lesson_id=lesson_id, data=data)
        await _set_created("activity_events", row.id, NOW - timedelta(minutes=len(entries) - i))
    seen: list[dict[str, Any]] = []
    after = None
    for _ in range(3):
        page = (await gql(ACTIVITY, {"first": 3, "after": after}, token=token))["me"]["activity"]
        assert page["totalCount"] == len(entries)
        seen += [edge["node"] for edge in page["edges"]]
        after = page["pageInfo"]["endCursor"]
        if not page["pageInfo"]["hasNextPage"]:
            break
    assert [(n["kind"], n["summary"]) for n in seen] == [
        (kind.name, text) for kind, _, _, text in reversed(entries)
    ]
    times = [n["occurredAt"] for n in seen]
    assert times == sorted(times, reverse=True)


async def test_the_summary_costs_the_same_statements_for_little_and_much_data(
    gql: GraphQLClient, sql: StatementLog
) -> None:
    busy, _ = await busy_learner()
    quiet = await create_user()
    counts = []
    for user in (quiet, busy):
        token = await token_for(user)
        sql.clear()
        await gql(SUMMARY, token=token)
        counts.append(sql.count)
    assert counts[0] == counts[1], sql
