"""Concurrency through real parallel HTTP requests against PostgreSQL: answers and
completions are transactions with row locks, so races neither overspend hearts nor pay
out twice."""

from __future__ import annotations

import asyncio

from engine.ids import global_id
from models.learning import (
    DailyActivity,
    Enrollment,
    ExerciseAttempt,
    HeartEvent,
    LessonProgress,
    UserAchievement,
    UserStreak,
)
from tests.factories.catalog import course_tree
from tests.factories.identity import signed_in
from tests.factories.learning import answer_for, enrollment
from tests.factories.learning_play import answer, complete, run, start
from tests.graphql_client import GraphQLClient


async def test_twenty_concurrent_wrong_answers_lose_exactly_five_hearts(
    gql: GraphQLClient,
) -> None:
    user, token = await signed_in()
    tree = await course_tree(lessons=1, exercises=4)
    (lesson,) = tree.lessons
    row = await enrollment(user, tree.course)
    assert (await start(gql, token, lesson))["hearts"] == 5
    exercises = tree.exercises_of(lesson)
    results = await asyncio.gather(
        *(answer(gql, token, lesson, exercises[i % 4], "wrong") for i in range(20))
    )
    assert all(r["errors"] == [] and r["correct"] is False for r in results)
    assert sorted(r["hearts"] for r in results) == [0] * 16 + [1, 2, 3, 4]
    await row.refresh_from_db()
    assert row.hearts == 0
    events = await HeartEvent.filter(user_id=user.id).order_by("hearts_before")
    assert [(e.hearts_before, e.hearts_after) for e in events] == [
        (1, 0),
        (2, 1),
        (3, 2),
        (4, 3),
        (5, 4),
    ]
    assert await ExerciseAttempt.filter(user_id=user.id).count() == 20
    assert sum(a.hearts_lost for a in await ExerciseAttempt.filter(user_id=user.id)) == 5
    progress = await LessonProgress.get(user_id=user.id, lesson_id=lesson.id)
    assert progress.hearts_lost == 5


async def test_the_same_lesson_completed_twice_at_once_pays_out_once(
    gql: GraphQLClient,
) -> None:
    user, token = await signed_in()
    tree = await course_tree(lessons=1, exercises=2)
    (lesson,) = tree.lessons
    await run(gql, "Enroll", token, courseId=global_id("Course", tree.course.id))
    await start(gql, token, lesson)
    for exercise in tree.exercises_of(lesson):
        await answer(gql, token, lesson, exercise, await answer_for(exercise))
    results = await asyncio.gather(*(complete(gql, token, lesson) for _ in range(4)))
    winners = [r for r in results if r["errors"] == []]
    losers = [r for r in results if r["errors"] != []]
    assert len(winners) == 1
    assert [r["errors"][0]["code"] for r in losers] == ["NOT_STARTED"] * 3
    won = winners[0]
    # 10 + 5 perfect; First Lesson 50, Perfect Practice 75, Course Champion 200, then
    # XP Collector 25 as the total passed 50.
    assert sorted(a["code"] for a in won["newAchievements"]) == [
        "course_completed",
        "first_lesson",
        "perfect_practice",
        "xp_collector",
    ]
    assert won["xpEarned"] == 15 + 50 + 75 + 200 + 25
    assert won["certificate"] is not None
    enrolled = await Enrollment.get(user_id=user.id)
    assert (enrolled.total_xp, enrolled.status) == (365, "completed")
    streak = await UserStreak.get(user_id=user.id)
    assert (streak.total_xp, streak.current) == (365, 1)
    assert await UserAchievement.filter(user_id=user.id).count() == 4
    day = await DailyActivity.get(user_id=user.id)
    assert (day.xp, day.lessons_completed) == (365, 1)
    progress = await LessonProgress.get(user_id=user.id, lesson_id=lesson.id)
    assert (progress.completion_count, progress.xp_earned) == (1, 15)


async def test_concurrent_enrolments_make_one_enrollment(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    tree = await course_tree(lessons=2, exercises=1)
    course_id = global_id("Course", tree.course.id)
    results = await asyncio.gather(
        *(run(gql, "Enroll", token, courseId=course_id) for _ in range(8))
    )
    ids = {r["enroll"]["enrollment"]["id"] for r in results}
    assert len(ids) == 1
    assert all(r["enroll"]["errors"] == [] for r in results)
    assert await Enrollment.filter(user_id=user.id).count() == 1
    assert await LessonProgress.filter(user_id=user.id).count() == 1


async def test_concurrent_completions_of_different_courses_share_one_streak(
    gql: GraphQLClient,
) -> None:
    user, token = await signed_in()
    trees = [await course_tree(lessons=2, exercises=1) for _ in range(3)]
    for tree in trees:
        await enrollment(user, tree.course)
        lesson = tree.lessons[0]
        await start(gql, token, lesson)
        (exercise,) = tree.exercises_of(lesson)
        await answer(gql, token, lesson, exercise, await answer_for(exercise))
    results = await asyncio.gather(*(complete(gql, token, t.lessons[0]) for t in trees))
    assert all(r["errors"] == [] for r in results)
    streak = await UserStreak.get(user_id=user.id)
    achievements = sum(len(r["newAchievements"]) for r in results)
    bonus = sum(
        a.achievement.xp_reward
        for a in await UserAchievement.filter(user_id=user.id).prefetch_related("achievement")
    )
    assert (streak.current, streak.longest) == (1, 1)
    assert streak.total_xp == 3 * 15 + bonus
    assert achievements == await UserAchievement.filter(user_id=user.id).count()
    day = await DailyActivity.get(user_id=user.id)
    assert (day.xp, day.lessons_completed) == (streak.total_xp, 3)
