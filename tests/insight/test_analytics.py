"""`Course.analytics` and `platformStats` (insight.graphql's CourseAnalytics and
PlatformStats), on a small fixed data set with hand-computed figures:

- who reads: the course's author and admins; another teacher, a learner and nobody signed in
  read null. `platformStats`: admins; others null with FORBIDDEN / UNAUTHENTICATED;
- a course without data: zeros, null rates and scores, an empty funnel;
- statements: a page of 2 and of 20 courses with `analytics` issue the same number;
- cost: a thousand dashboards in one query are refused (QUERY_TOO_COSTLY).

The platform's figures are global (other tests write users too), so they are checked as
what a fixed set of rows adds between two reads.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from core.sqlcount import StatementLog
from engine.ids import global_id
from loaders.base import Loaders
from loaders.insight_analytics import CourseAnalyticsByCourseLoader, CourseAnalyticsRow
from models.assessment import AttemptStatus, QuizAttempt
from models.catalog import Course, Lesson
from models.commerce import TransactionStatus
from models.identity import Role, User
from models.learning import (
    ActivityEvent,
    ActivityKind,
    Enrollment,
    EnrollmentStatus,
    LessonProgress,
    ProgressStatus,
    lesson_progress_id,
)
from tests.factories.assessment import quiz
from tests.factories.catalog import course_tree
from tests.factories.commerce_rows import Row, transactions
from tests.factories.conversation import session_for
from tests.factories.identity import create_user, signed_in, token_for
from tests.factories.learning import enrollment
from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.usefixtures("server")  # its lifespan opens the ORM

# The two operations as ../shared/operations/insight.graphql writes them.
COURSE_ANALYTICS = """
query CourseAnalytics($slug: String!, $inactiveDays: Int = 14) {
  course(slug: $slug) {
    id
    title
    analytics {
      enrollments
      activeLearners7d
      completions
      completionRate
      averageProgress
      averageLessonScore
      inactiveLearners(days: $inactiveDays)
      lessonFunnel {
        lesson { id title }
        started
        completed
        averageScore
        averageHeartsLost
      }
      quizPassRate
    }
  }
}
"""
PLATFORM_STATS = """
query PlatformStats {
  platformStats {
    users
    activeUsers7d
    newUsers30d
    usersByRole { role count }
    enrollments
    lessonsCompleted7d
    conversations7d
    revenue30d { amount currency }
  }
}
"""

DONE, IN_PROGRESS = ProgressStatus.COMPLETED, ProgressStatus.IN_PROGRESS


async def _progress(
    row: Enrollment, lesson: Lesson, status: ProgressStatus, *, score: int | None = None,
    attempts: int = 1, hearts: int = 0,
) -> None:  # fmt: skip
    await LessonProgress.create(
        id=lesson_progress_id(row.user_id, lesson.id),
        user_id=row.user_id,
        lesson_id=lesson.id,
        enrollment_id=row.id,
        status=status,
        best_score=score,
        attempts=attempts,
        completion_count=1 if status == DONE else 0,
        hearts_lost=hearts,
        current_first_tries={},
    )


async def _attempt(quiz_id: Any, user: User, status: AttemptStatus, passed: bool | None) -> None:
    now = datetime.now(UTC)
    submitted = status != AttemptStatus.IN_PROGRESS
    await QuizAttempt.create(
        quiz_id=quiz_id, user=user, attempt_number=1, status=status, started_at=now,
        submitted_at=now if submitted else None, passed=passed,
        score=(80.0 if passed else 40.0) if submitted else None,
    )  # fmt: skip


async def _fixed_course(author: User) -> tuple[Course, list[Lesson], list[User]]:
    """Four lessons (the 4th inactive) and four learners:
    - L1 active 1 day ago: lesson 1 done (90, 1 heart), 2 done (70, 3 hearts, 2 starts),
      3 in progress (2 hearts);
    - L2 COMPLETED, active 10 days ago: lessons 1-3 done (80, 60, 100), the inactive 4th
      done (10: ignored);
    - L3 active 20 days ago: lesson 1 only unlocked (AVAILABLE, no attempts: not started);
    - L4 PAUSED, never active, enrolled 30 days ago.
    Quiz attempts: L1 passed, L2 failed, L3 in progress, L4 awaiting review."""
    tree = await course_tree(lessons=4, exercises=0, author=author)
    lessons = tree.lessons
    await Lesson.filter(id=lessons[3].id).update(is_active=False)
    now = datetime.now(UTC)
    learners = [await create_user() for _ in range(4)]
    l1, l2, l3, l4 = learners
    e1 = await enrollment(l1, tree.course, last_active_at=now - timedelta(days=1))
    e2 = await enrollment(
        l2, tree.course, status=EnrollmentStatus.COMPLETED, last_active_at=now - timedelta(days=10)
    )
    e3 = await enrollment(l3, tree.course, last_active_at=now - timedelta(days=20))
    e4 = await enrollment(l4, tree.course, status=EnrollmentStatus.PAUSED, last_active_at=None)
    await Enrollment.filter(id=e4.id).update(created_at=now - timedelta(days=30))
    await _progress(e1, lessons[0], DONE, score=90, hearts=1)
    await _progress(e1, lessons[1], DONE, score=70, hearts=3, attempts=2)
    await _progress(e1, lessons[2], IN_PROGRESS, hearts=2)
    for lesson, score in zip(lessons, (80, 60, 100, 10), strict=True):
        await _progress(e2, lesson, DONE, score=score)
    await _progress(e3, lessons[0], ProgressStatus.AVAILABLE, attempts=0)
    checkpoint = await quiz(tree.course)
    await _attempt(checkpoint.id, l1, AttemptStatus.GRADED, True)
    await _attempt(checkpoint.id, l2, AttemptStatus.GRADED, False)
    await _attempt(checkpoint.id, l3, AttemptStatus.IN_PROGRESS, None)
    await _attempt(checkpoint.id, l4, AttemptStatus.PENDING_REVIEW, None)
    return tree.course, lessons, learners


def _step(lesson: Lesson, started: int, completed: int, score: Any, hearts: Any) -> dict:
    return {
        "lesson": {"id": global_id("Lesson", lesson.id), "title": lesson.title},
        "started": started, "completed": completed,
        "averageScore": score, "averageHeartsLost": hearts,
    }  # fmt: skip


async def _analytics(gql: GraphQLClient, slug: str, token: str | None, **variables: Any) -> Any:
    data = await gql(COURSE_ANALYTICS, {"slug": slug, **variables}, token=token)
    return data["course"]["analytics"]


async def test_course_analytics_figures_for_the_author_and_admins(gql: GraphQLClient) -> None:
    author, author_token = await signed_in(Role.TEACHER)
    course, lessons, learners = await _fixed_course(author)
    expected = {
        "enrollments": 4,
        "activeLearners7d": 1,  # L1
        "completions": 1,  # L2
        "completionRate": 0.25,
        "averageProgress": 5 / 12,  # (2 + 3 + 0 + 0) / (3 active lessons x 4)
        "averageLessonScore": 80.0,  # (90 + 70 + 80 + 60 + 100) / 5
        "inactiveLearners": 2,  # 14 days: L3 (20 days), L4 (enrolled 30 days ago)
        "lessonFunnel": [
            _step(lessons[0], 2, 2, 85.0, 0.5),  # L3's unlocked row is not a start
            _step(lessons[1], 2, 2, 65.0, 1.5),
            _step(lessons[2], 2, 1, 100.0, 1.0),
        ],
        "quizPassRate": 1 / 3,  # L1 of L1, L2, L4 (submitted); L3's is not
    }
    assert await _analytics(gql, course.slug, author_token) == expected
    _, admin_token = await signed_in(Role.ADMIN)
    assert await _analytics(gql, course.slug, admin_token) == expected
    over_25 = await _analytics(gql, course.slug, admin_token, inactiveDays=25)
    assert over_25["inactiveLearners"] == 1  # L4 only

    _, other_teacher = await signed_in(Role.TEACHER)
    learner_token = await token_for(learners[0])
    for token in (other_teacher, learner_token, None):
        data = await gql(COURSE_ANALYTICS, {"slug": course.slug}, token=token)
        assert data["course"]["title"] == course.title and data["course"]["analytics"] is None


async def test_inactive_days_out_of_range_is_refused(gql: GraphQLClient) -> None:
    author, token = await signed_in(Role.TEACHER)
    course = (await course_tree(lessons=1, exercises=0, author=author)).course
    result = await gql.raw(COURSE_ANALYTICS, {"slug": course.slug, "inactiveDays": 0}, token)
    assert result["errors"][0]["extensions"]["code"] == "INVALID"


async def test_a_course_without_data_has_zeros_and_nulls(gql: GraphQLClient) -> None:
    author, token = await signed_in(Role.TEACHER)
    course = (await course_tree(sections=0, author=author)).course
    assert await _analytics(gql, course.slug, token) == {
        "enrollments": 0, "activeLearners7d": 0, "completions": 0, "completionRate": None,
        "averageProgress": None, "averageLessonScore": None, "inactiveLearners": 0,
        "lessonFunnel": [], "quizPassRate": None,
    }  # fmt: skip
    # Lessons but no learner: the funnel lists them with zeros and nulls.
    lessons_only = await course_tree(lessons=2, exercises=0, author=author)
    figures = await _analytics(gql, lessons_only.course.slug, token)
    assert figures["averageProgress"] is None and figures["enrollments"] == 0
    assert figures["lessonFunnel"] == [
        _step(lesson, 0, 0, None, None) for lesson in lessons_only.lessons
    ]


# --- statements and cost --------------------------------------------------------------------

PAGE = """query($first: Int!) { courses(first: $first) { edges { node { id analytics {
  enrollments completionRate averageProgress inactiveLearners(days: 7) quizPassRate
  lessonFunnel { lesson { id title } started averageScore } } } } } }"""


async def test_a_page_of_2_or_20_courses_with_analytics_issues_the_same_statements(
    gql: GraphQLClient, sql: StatementLog
) -> None:
    author = await create_user(role=Role.TEACHER)
    for _ in range(20):
        tree = await course_tree(lessons=2, exercises=0, author=author)
        await enrollment(await create_user(), tree.course)
    _, admin_token = await signed_in(Role.ADMIN)
    counts = {}
    for size in (2, 20):
        await gql(PAGE, {"first": size}, token=admin_token)  # warms the token
        sql.clear()
        data = await gql(PAGE, {"first": size}, token=admin_token)
        counts[size] = sql.count
        nodes = [edge["node"] for edge in data["courses"]["edges"]]
        assert len(nodes) == size and all(node["analytics"] is not None for node in nodes)
    assert counts[2] == counts[20]


async def test_a_thousand_dashboards_cost_too_much(gql: GraphQLClient) -> None:
    _, admin_token = await signed_in(Role.ADMIN)
    field = "courses(first: 100) { edges { node { analytics { enrollments } } } }"
    query = "{ " + " ".join(f"c{i}: {field}" for i in range(10)) + " }"
    result = await gql.raw(query, token=admin_token)
    assert result["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"
    assert result.get("data") is None


# --- platformStats --------------------------------------------------------------------------


def _by_currency(money: list[dict[str, str]]) -> dict[str, Decimal]:
    return {item["currency"]: Decimal(item["amount"]) for item in money}


async def test_platform_stats_count_what_a_fixed_set_of_rows_adds(gql: GraphQLClient) -> None:
    _, admin_token = await signed_in(Role.ADMIN)
    before = (await gql(PLATFORM_STATS, token=admin_token))["platformStats"]
    now = datetime.now(UTC)
    teacher = await create_user(role=Role.TEACHER, last_login_at=now - timedelta(days=1))
    old = await create_user()  # created 40 days ago, never signed in
    await User.filter(id=old.id).update(created_at=now - timedelta(days=40))
    await create_user(deleted_at=now)  # deleted: counted nowhere
    course = (await course_tree(lessons=1, exercises=0, author=teacher)).course
    await enrollment(old, course)  # its streak's last activity is unset: still not active
    for days in (1, 8):
        event = await ActivityEvent.create(user=old, kind=ActivityKind.LESSON_COMPLETED)
        await ActivityEvent.filter(id=event.id).update(created_at=now - timedelta(days=days))
    await session_for(old, started_at=now - timedelta(days=2))
    await session_for(old, started_at=now - timedelta(days=9))
    await transactions(
        [
            Row(old, course=course, amount="10.00", currency="USD"),
            Row(old, course=course, amount="5.00", status=TransactionStatus.REFUNDED),
            Row(old, course=course, amount="7.00", currency="EUR",
                created_at=now - timedelta(days=40)),
            Row(old, course=course, amount="3.00", status=TransactionStatus.PENDING),
        ]
    )  # fmt: skip
    after = (await gql(PLATFORM_STATS, token=admin_token))["platformStats"]

    added = {key: after[key] - before[key] for key in
             ("users", "activeUsers7d", "newUsers30d", "enrollments", "lessonsCompleted7d",
              "conversations7d")}  # fmt: skip
    assert added == {
        "users": 2, "activeUsers7d": 1, "newUsers30d": 1, "enrollments": 1,
        "lessonsCompleted7d": 1, "conversations7d": 1,
    }  # fmt: skip
    by_role = [{r["role"]: r["count"] for r in stats["usersByRole"]} for stats in (before, after)]
    assert by_role[1]["teacher"] - by_role[0].get("teacher", 0) == 1
    assert by_role[1]["student"] - by_role[0].get("student", 0) == 1
    assert sum(by_role[1].values()) == after["users"]
    revenue = _by_currency(after["revenue30d"])
    earlier = _by_currency(before["revenue30d"])
    assert revenue["USD"] - earlier.get("USD", Decimal(0)) == Decimal("10.00")
    assert revenue.get("EUR", Decimal(0)) == earlier.get("EUR", Decimal(0))  # 40 days ago


async def test_platform_stats_are_for_admins(gql: GraphQLClient) -> None:
    _, teacher_token = await signed_in(Role.TEACHER)
    for token, code in ((teacher_token, "FORBIDDEN"), (None, "UNAUTHENTICATED")):
        result = await gql.raw(PLATFORM_STATS, token=token)
        assert result["data"] == {"platformStats": None}
        assert result["errors"][0]["extensions"]["code"] == code


async def test_the_loader_answers_zeros_for_an_unknown_course() -> None:
    """The loader answers zeros for a course it has no rows for."""
    row = await Loaders().get(CourseAnalyticsByCourseLoader).load(uuid.uuid4())
    assert row == CourseAnalyticsRow()
