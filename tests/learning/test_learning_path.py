"""A learner's whole path through the API: enrol → start → answer right and wrong → run out
of hearts → regain them → complete → unlock → streak over days → achievements → course
completion → certificate. Time is passed by moving stored timestamps back."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from graphql import parse, validate

from engine.ids import global_id
from models.identity import User
from models.learning import Enrollment, UserStreak
from schema.root import build_schema
from tests.factories.catalog import course_tree
from tests.factories.learning import answer_for
from tests.factories.learning_play import OPS, answer, complete, perfect, run, start
from tests.graphql_client import GraphQLClient, operation

TZ = "America/New_York"


def test_learning_operations_validate_against_the_schema() -> None:
    schema = build_schema()
    assert [e.message for e in validate(schema._schema, parse(OPS))] == []


async def test_learner_whole_path(gql: GraphQLClient) -> None:
    email = f"learner-{uuid.uuid4().hex[:8]}@example.com"
    signed_up = await gql(
        operation("identity.graphql"),
        {
            "email": email,
            "password": "a long enough passphrase",
            "displayName": "Lee",
            "timezone": TZ,
        },
        operation_name="SignUp",
    )
    assert signed_up["signUp"]["errors"] == []
    token = signed_up["signUp"]["token"]
    user = await User.get(email=email)
    assert user.daily_xp_goal == 20
    tree = await course_tree(sections=1, units=2, lessons=2, exercises=3)
    l1, l2, l3, l4 = tree.lessons
    course_id = global_id("Course", tree.course.id)

    # Enrol (twice: same enrollment, no error).
    first = (await run(gql, "Enroll", token, courseId=course_id))["enroll"]
    again = (await run(gql, "Enroll", token, courseId=course_id))["enroll"]
    assert first["errors"] == [] and again["errors"] == []
    assert first["enrollment"]["id"] == again["enrollment"]["id"]
    assert first["enrollment"]["status"] == "ACTIVE"
    assert first["enrollment"]["hearts"] == 5
    assert first["enrollment"]["totalXp"] == 0
    assert first["enrollment"]["course"] == {
        "id": course_id,
        "slug": tree.course.slug,
        "title": tree.course.title,
    }

    # A locked lesson does not start; the first one does.
    locked = await start(gql, token, l2)
    assert locked == {
        "lessonProgress": None,
        "hearts": None,
        "errors": [
            {
                "field": "lessonId",
                "message": "Complete the lessons before this one first.",
                "code": "LOCKED",
            }
        ],
    }
    started = await start(gql, token, l1)
    assert started == {
        "lessonProgress": {
            "status": "IN_PROGRESS",
            "attempts": 1,
            "lesson": {"id": global_id("Lesson", l1.id)},
        },
        "hearts": 5,
        "errors": [],
    }

    # Right (case, space, final punctuation ignored), wrong, then right by option global ID.
    e1, e2, e3 = tree.exercises_of(l1)
    right = await answer(gql, token, l1, e1, f"  {e1.correct_answer.upper()}!")
    assert right == {
        "correct": True,
        "correctAnswer": e1.correct_answer,
        "explanation": "Because.",
        "xpEarned": 0,
        "hearts": 5,
        "errors": [],
    }
    wrong = await answer(gql, token, l1, e2, "option 3")
    assert wrong == {
        "correct": False,
        "correctAnswer": "option 1",
        "explanation": "Because.",
        "xpEarned": 0,
        "hearts": 4,
        "errors": [],
    }
    assert (await answer(gql, token, l1, e2, await answer_for(e2)))["correct"] is True
    assert (await answer(gql, token, l1, e3, "alt 3"))["correct"] is True  # an alternative

    # 2 of 3 right at the first try: 67. First completion: 10 XP, plus First Lesson (50)
    # and then XP Collector (25) as the total passed 50.
    done = await complete(gql, token, l1)
    assert done["errors"] == []
    assert done["lessonProgress"] == {"status": "COMPLETED", "bestScore": 67, "completionCount": 1}
    assert done["xpEarned"] == 85
    assert [a["code"] for a in done["newAchievements"]] == ["first_lesson", "xp_collector"]
    assert done["unlockedLessons"] == [{"id": global_id("Lesson", l2.id), "title": l2.title}]
    assert done["certificate"] is None
    assert done["stats"] == {
        "totalXp": 85,
        "currentStreak": 1,
        "todayXp": 85,
        "dailyGoalMet": True,
    }

    # Completing again without starting again is refused.
    twice = await complete(gql, token, l1)
    assert twice["errors"] == [
        {"field": "lessonId", "message": "Start the lesson first.", "code": "NOT_STARTED"}
    ]

    # Lesson 2: every answer wrong — hearts run out and never go below 0.
    assert (await start(gql, token, l2))["hearts"] == 4
    hearts = []
    for exercise in [*tree.exercises_of(l2), *tree.exercises_of(l2)]:
        hearts.append((await answer(gql, token, l2, exercise, "nope"))["hearts"])
    assert hearts == [3, 2, 1, 0, 0, 0]
    poor = await complete(gql, token, l2)
    assert poor["lessonProgress"] == {
        "status": "NEEDS_REVIEW",
        "bestScore": 0,
        "completionCount": 1,
    }
    assert poor["xpEarned"] == 10
    assert poor["unlockedLessons"] == [{"id": global_id("Lesson", l3.id), "title": l3.title}]

    # No hearts: lesson 3 cannot start.
    no_hearts = await start(gql, token, l3)
    assert no_hearts["errors"] == [
        {
            "field": None,
            "message": "You have no hearts left; wait for one to come back.",
            "code": "NO_HEARTS",
        }
    ]
    # Four hours pass: one heart is back, the next one is due four hours later.
    row = await Enrollment.get(user_id=user.id, course_id=tree.course.id)
    set_at = datetime.now(UTC) - timedelta(hours=4, minutes=1)
    await Enrollment.filter(id=row.id).update(hearts_updated_at=set_at)
    learning = (await run(gql, "MyLearning", token))["me"]["enrollments"]["edges"][0]["node"]
    assert learning["hearts"] == 1
    due = datetime.fromisoformat(learning["nextHeartAt"])
    assert due == set_at + timedelta(hours=8)

    # A perfect lesson 3: 10 XP + 5 bonus + Perfect Practice (75).
    best = await perfect(gql, token, tree, l3)
    assert best["lessonProgress"] == {"status": "COMPLETED", "bestScore": 100, "completionCount": 1}
    assert best["xpEarned"] == 90
    assert [a["code"] for a in best["newAchievements"]] == ["perfect_practice"]
    assert best["stats"]["currentStreak"] == 1

    # Six earlier days of streak: today makes seven (Week Warrior), and the last lesson
    # completes the course (Course Champion, a certificate).
    today = datetime.now(ZoneInfo(TZ)).date()
    await UserStreak.filter(user_id=user.id).update(
        current=6,
        longest=6,
        last_active_local_date=today - timedelta(days=1),
        last_active_at=datetime.now(UTC) - timedelta(days=1),
    )
    last = await perfect(gql, token, tree, l4)
    assert last["errors"] == []
    assert sorted(a["code"] for a in last["newAchievements"]) == [
        "course_completed",
        "week_warrior",
    ]
    assert last["stats"]["currentStreak"] == 7
    assert last["xpEarned"] == 15 + 100 + 200
    certificate = last["certificate"]
    assert certificate["number"].startswith(f"LG-{datetime.now(UTC):%Y}-")
    assert datetime.fromisoformat(certificate["issuedAt"]) <= datetime.now(UTC)
    assert last["unlockedLessons"] == []

    me = (await run(gql, "MyLearning", token))["me"]
    assert me["stats"] == {
        "totalXp": 85 + 10 + 90 + 315,
        "currentStreak": 7,
        "longestStreak": 7,
        "todayXp": 85 + 10 + 90 + 315,
        "dailyGoalMet": True,
    }
    node = me["enrollments"]["edges"][0]["node"]
    assert me["enrollments"]["totalCount"] == 1
    assert (node["status"], node["totalXp"]) == ("COMPLETED", 500)
    assert (node["completedLessons"], node["totalLessons"], node["percentComplete"]) == (4, 4, 100)
    progress = [e["node"] for e in node["lessonProgress"]["edges"]]
    assert [(p["lesson"]["id"], p["status"], p["bestScore"], p["attempts"]) for p in progress] == [
        (global_id("Lesson", l1.id), "COMPLETED", 67, 1),
        (global_id("Lesson", l2.id), "NEEDS_REVIEW", 0, 1),
        (global_id("Lesson", l3.id), "COMPLETED", 100, 1),
        (global_id("Lesson", l4.id), "COMPLETED", 100, 1),
    ]
    assert progress[0]["lesson"]["unit"] == {"id": global_id("Unit", l1.unit_id), "title": "Unit 1"}

    # Practising a completed lesson: half XP, no second certificate or achievement.
    repeat = await perfect(gql, token, tree, l2)
    assert repeat["lessonProgress"] == {
        "status": "COMPLETED",
        "bestScore": 100,
        "completionCount": 2,
    }
    assert (repeat["xpEarned"], repeat["newAchievements"], repeat["certificate"]) == (10, [], None)

    earned = (await run(gql, "MyAchievements", token))["me"]["achievements"]
    assert sorted(e["achievement"]["code"] for e in earned) == [
        "course_completed",
        "first_lesson",
        "perfect_practice",
        "week_warrior",
        "xp_collector",
    ]
    days = (await run(gql, "DailyActivity", token, days=3))["me"]["dailyActivity"]
    assert days == [
        {"date": str(today - timedelta(days=2)), "xp": 0, "goalMet": False, "lessonsCompleted": 0},
        {"date": str(today - timedelta(days=1)), "xp": 0, "goalMet": False, "lessonsCompleted": 0},
        {"date": str(today), "xp": 510, "goalMet": True, "lessonsCompleted": 5},
    ]
    assert isinstance(date.fromisoformat(days[0]["date"]), date)
