"""Learning mutations' expected failures, unlimited hearts, prerequisites, viewerProgress in
the course tree, enrollment counts, and privacy."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from engine.ids import global_id
from models.catalog import LessonPrerequisite
from models.identity import SubscriptionTier, User
from models.learning import Enrollment, HeartEvent, UserStreak
from tests.factories.catalog import course_tree
from tests.factories.identity import NOT_SIGNED_IN, signed_in
from tests.factories.learning import answer_for, enrollment, progress_rows
from tests.factories.learning_play import (
    TREE_QUERY,
    answer,
    complete,
    perfect,
    run,
    start,
    statuses,
)
from tests.graphql_client import GraphQLClient, operation

OPS = operation("learning.graphql")


async def test_enroll_needs_a_free_visible_course_and_a_signed_in_user(
    gql: GraphQLClient,
) -> None:
    _, token = await signed_in()
    paid = await course_tree(price_amount=Decimal("19.99"))
    hidden = await course_tree(published=False)
    result = await run(gql, "Enroll", token, courseId=global_id("Course", paid.course.id))
    assert result["enroll"] == {
        "enrollment": None,
        "errors": [
            {
                "field": "courseId",
                "message": "This course must be purchased first.",
                "code": "PAYMENT_REQUIRED",
            }
        ],
    }
    for course_id in (
        global_id("Course", hidden.course.id),
        global_id("Lesson", hidden.course.id),
        "x",
    ):
        result = await run(gql, "Enroll", token, courseId=course_id)
        assert result["enroll"]["errors"] == [
            {"field": "courseId", "message": "Course not found.", "code": "NOT_FOUND"}
        ]
    anonymous = await gql.raw(
        OPS, {"courseId": global_id("Course", paid.course.id)}, operation_name="Enroll"
    )
    assert anonymous == {"data": {"enroll": {"enrollment": None, "errors": NOT_SIGNED_IN}}}
    assert await Enrollment.filter(course_id=paid.course.id).count() == 0


async def test_play_requires_enrollment_a_started_lesson_and_an_exercise_of_it(
    gql: GraphQLClient,
) -> None:
    user, token = await signed_in()
    tree = await course_tree(lessons=2, exercises=1)
    l1, l2 = tree.lessons
    (e1,), (e2,) = tree.exercises_of(l1), tree.exercises_of(l2)
    assert (await start(gql, token, l1))["errors"] == [
        {"field": "lessonId", "message": "Enroll in this course first.", "code": "LOCKED"}
    ]
    await enrollment(user, tree.course)
    assert (await answer(gql, token, l1, e1, "answer 1"))["errors"] == [
        {"field": "lessonId", "message": "Start the lesson first.", "code": "NOT_STARTED"}
    ]
    assert (await start(gql, token, l1))["errors"] == []
    assert (await answer(gql, token, l1, e2, "answer 1"))["errors"] == [
        {"field": "exerciseId", "message": "Exercise not found.", "code": "NOT_FOUND"}
    ]
    bad = await run(
        gql,
        "SubmitAnswer",
        token,
        lessonId=global_id("Lesson", l1.id),
        exerciseId=global_id("Exercise", e1.id),
        answer="x",
        timeSpentMs=-1,
        hintsUsed=-2,
    )
    assert bad["submitAnswer"]["errors"] == [
        {"field": "timeSpentMs", "message": "Must be >= 0.", "code": "INVALID"},
        {"field": "hintsUsed", "message": "Must be >= 0.", "code": "INVALID"},
    ]
    missing = await run(gql, "StartLesson", token, lessonId=global_id("Lesson", tree.course.id))
    assert missing["startLesson"]["errors"] == [
        {"field": "lessonId", "message": "Lesson not found.", "code": "NOT_FOUND"}
    ]


async def test_premium_learners_never_lose_hearts(gql: GraphQLClient) -> None:
    user, token = await signed_in(tier=SubscriptionTier.PREMIUM)
    tree = await course_tree(lessons=1, exercises=2)
    (lesson,) = tree.lessons
    await enrollment(user, tree.course)
    await start(gql, token, lesson)
    for exercise in tree.exercises_of(lesson) * 4:
        result = await answer(gql, token, lesson, exercise, "wrong")
        assert (result["correct"], result["hearts"]) == (False, 5)
    assert await HeartEvent.filter(user_id=user.id).count() == 0
    me = (await run(gql, "MyLearning", token))["me"]["enrollments"]["edges"][0]["node"]
    assert (me["hearts"], me["nextHeartAt"]) == (5, None)


async def test_explicit_prerequisites_decide_unlocking(gql: GraphQLClient) -> None:
    _user, token = await signed_in()
    tree = await course_tree(lessons=3, exercises=1)
    l1, l2, l3 = tree.lessons
    # Lesson 3 needs only lesson 1: completing lesson 1 opens lessons 2 and 3.
    await LessonPrerequisite.create(lesson_id=l3.id, prerequisite_id=l1.id)
    await run(gql, "Enroll", token, courseId=global_id("Course", tree.course.id))
    done = await perfect(gql, token, tree, l1)
    assert [lesson["id"] for lesson in done["unlockedLessons"]] == [
        global_id("Lesson", l2.id),
        global_id("Lesson", l3.id),
    ]
    assert (await start(gql, token, l3))["errors"] == []


async def test_viewer_progress_in_the_course_tree(gql: GraphQLClient) -> None:
    _user, token = await signed_in()
    _other, other_token = await signed_in()
    tree = await course_tree(units=2, lessons=2, exercises=1)
    slug = tree.course.slug
    anonymous = await gql(TREE_QUERY, {"slug": slug})
    assert statuses(anonymous) == [None, None, None, None]
    assert anonymous["course"]["enrollmentCount"] == 0
    # Signed in but not enrolled: no progress either.
    assert statuses(await gql(TREE_QUERY, {"slug": slug}, token=token)) == [None] * 4

    await run(gql, "Enroll", token, courseId=global_id("Course", tree.course.id))
    await run(gql, "Enroll", other_token, courseId=global_id("Course", tree.course.id))
    data = await gql(TREE_QUERY, {"slug": slug}, token=token)
    assert data["course"]["enrollmentCount"] == 2
    assert statuses(data) == ["AVAILABLE", "LOCKED", "LOCKED", "LOCKED"]

    await perfect(gql, token, tree, tree.lessons[0])
    await start(gql, token, tree.lessons[1])
    data = await gql(TREE_QUERY, {"slug": slug}, token=token)
    assert statuses(data) == ["COMPLETED", "IN_PROGRESS", "LOCKED", "LOCKED"]
    first = data["course"]["sections"][0]["units"][0]["lessons"][0]["viewerProgress"]
    assert first == {"status": "COMPLETED", "bestScore": 100, "attempts": 1}
    # The other learner's progress is their own.
    mine = await gql(TREE_QUERY, {"slug": slug}, token=other_token)
    assert statuses(mine) == ["AVAILABLE", "LOCKED", "LOCKED", "LOCKED"]


async def test_another_users_enrollment_reads_as_not_found(gql: GraphQLClient) -> None:
    _owner, owner_token = await signed_in()
    _, stranger_token = await signed_in()
    tree = await course_tree(lessons=1, exercises=1)
    enrolled = await run(gql, "Enroll", owner_token, courseId=global_id("Course", tree.course.id))
    node_id = enrolled["enroll"]["enrollment"]["id"]
    query = "query($id: ID!) { node(id: $id) { ... on Enrollment { id totalXp } } }"
    assert (await gql(query, {"id": node_id}, token=owner_token))["node"]["id"] == node_id
    assert (await gql(query, {"id": node_id}, token=stranger_token))["node"] is None
    assert (await gql(query, {"id": node_id}))["node"] is None


async def test_restarting_a_lesson_scores_only_the_new_attempt(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    tree = await course_tree(lessons=1, exercises=2)
    (lesson,) = tree.lessons
    e1, _e2 = tree.exercises_of(lesson)
    await enrollment(user, tree.course)
    await start(gql, token, lesson)
    await answer(gql, token, lesson, e1, "wrong")
    # Abandoned: a fresh start forgets the first try of the earlier attempt.
    restarted = await start(gql, token, lesson)
    assert restarted["lessonProgress"]["attempts"] == 2
    await answer(gql, token, lesson, e1, await answer_for(e1))
    done = await complete(gql, token, lesson)
    assert done["lessonProgress"] == {
        "status": "NEEDS_REVIEW",
        "bestScore": 50,
        "completionCount": 1,
    }


async def test_default_achievements_exist_from_the_migration(gql: GraphQLClient) -> None:
    data = await gql("{ achievements { code conditionType threshold xpReward } }")
    assert {a["code"]: a for a in data["achievements"]}["week_warrior"] == {
        "code": "week_warrior",
        "conditionType": "STREAK_DAYS",
        "threshold": 7,
        "xpReward": 100,
    }
    assert {a["code"] for a in data["achievements"]} >= {
        "first_lesson",
        "week_warrior",
        "perfect_practice",
        "xp_collector",
        "course_completed",
    }


async def test_enrolling_again_resumes_a_dropped_enrollment(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    tree = await course_tree(lessons=1, exercises=1)
    row = await enrollment(user, tree.course, status="dropped")
    result = await run(gql, "Enroll", token, courseId=global_id("Course", tree.course.id))
    assert result["enroll"]["enrollment"]["id"] == global_id("Enrollment", row.id)
    assert result["enroll"]["enrollment"]["status"] == "ACTIVE"


async def test_streak_resets_after_a_missed_day_and_survives_a_time_zone_change(
    gql: GraphQLClient,
) -> None:
    user, token = await signed_in(timezone="Asia/Tokyo")
    tree = await course_tree(lessons=3, exercises=1)
    await enrollment(user, tree.course)
    first = await perfect(gql, token, tree, tree.lessons[0])
    assert first["stats"]["currentStreak"] == 1

    # Moving west right after: the local date there is the same or the day before — the
    # day is never counted a second time.
    await User.filter(id=user.id).update(timezone="America/Los_Angeles")
    moved = await perfect(gql, token, tree, tree.lessons[1])
    assert moved["stats"]["currentStreak"] == 1

    # Three days pass without XP (the last activity moved back): the streak reads 0 and the
    # next XP starts a new one; the longest is kept.
    today = datetime.now(ZoneInfo("America/Los_Angeles")).date()
    await UserStreak.filter(user_id=user.id).update(
        current=5,
        longest=5,
        last_active_local_date=today - timedelta(days=3),
        last_active_at=datetime.now(UTC) - timedelta(days=3),
    )
    stats = (await run(gql, "MyLearning", token))["me"]["stats"]
    assert (stats["currentStreak"], stats["longestStreak"]) == (0, 5)
    again = await perfect(gql, token, tree, tree.lessons[2])
    assert again["stats"]["currentStreak"] == 1
    stats = (await run(gql, "MyLearning", token))["me"]["stats"]
    assert (stats["currentStreak"], stats["longestStreak"]) == (1, 5)


async def test_demo_learner_plays_the_first_lesson_through_the_use_cases(
    gql: GraphQLClient,
) -> None:
    from demo.learning import play_demo_lesson

    user, token = await signed_in()
    tree = await course_tree(lessons=2, exercises=3)
    result = await play_demo_lesson(user, tree.course)
    assert result is not None
    assert result.lesson_progress.best_score == 100
    node = (await run(gql, "MyLearning", token))["me"]["enrollments"]["edges"][0]["node"]
    assert (node["completedLessons"], node["totalLessons"], node["hearts"]) == (1, 2, 5)
    statuses = [e["node"]["status"] for e in node["lessonProgress"]["edges"]]
    assert statuses == ["COMPLETED", "AVAILABLE"]


async def test_achievements_checked_outside_lesson_play_are_awarded_once(
    gql: GraphQLClient,
) -> None:
    from resolvers.learning.rewards import check_achievements

    user, token = await signed_in()
    tree = await course_tree(lessons=1, exercises=0)
    row = await enrollment(user, tree.course)
    await progress_rows(row, tree.lessons, score=100)
    first, second = await asyncio.gather(check_achievements(user), check_achievements(user))
    codes = sorted(a.code for a in [*first, *second])
    assert codes == ["first_lesson", "perfect_practice", "xp_collector"]
    stats = (await run(gql, "MyLearning", token))["me"]["stats"]
    assert (stats["totalXp"], stats["todayXp"]) == (50 + 75 + 25, 150)
    assert await check_achievements(user) == []
