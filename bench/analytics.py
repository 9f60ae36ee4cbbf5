"""`make bench` (and `make bench-analytics` alone): insight.graphql's `CourseAnalytics` on a
course with 10,000 enrollments, as an admin.

Creates the `lingograph_bench_analytics` database (DATABASE_URL's server, else the embedded
pgserver; never the development database), migrates it and loads with COPY (bench/bulk.py):
10,000 learners (bench/dataset.py's `learner`), the measured course (2 sections x 2 units x
5 lessons = 20 lessons) with every learner enrolled (progress on the first `i % 21`
lessons, statuses and last activity varied), a quiz with one attempt per learner, and 3
other courses of 20 lessons with every learner enrolled too (a progress row per lesson and a
quiz attempt each), so the course holds about a seventh of the progress rows and a quarter
of the enrollments and attempts, and a sequential scan of a big table would show. Then:

1. the statements of one request (in-process, after a warm-up), and the p50/p95 of
   `--requests` sequential requests through the app in-process (httpx ASGI transport: the
   whole GraphQL request, token check included, without a network hop);
2. `EXPLAIN ANALYZE` of each analytics statement (loaders/insight_analytics.py) for the
   course, flagging a `Seq Scan` on one of the big tables (enrollments, lesson_progress,
   quiz_attempts, users). Exit 1 if p50 is over the goal (50 ms) or a big table is scanned.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import httpx

from bench.dataset import Sizes, _Builder
from core import db
from core.security import new_token
from core.settings import get_settings
from core.sqlcount import count_statements
from loaders.insight_analytics import ACTIVE_WINDOW, ANALYTICS_SQL, INACTIVE_SQL
from main import create_app
from models.assessment import Quiz, QuizAttempt
from models.identity import AuthToken, User
from models.learning import Enrollment, LessonProgress
from schema.root import MODEL_MODULES

BENCH_DB = "lingograph_bench_analytics"
BIG_TABLES = ("enrollments", "lesson_progress", "quiz_attempts", "users")
GOAL_MS = 50.0
QUERY = """query CourseAnalytics($slug: String!, $inactiveDays: Int = 14) {
  course(slug: $slug) { id title analytics {
    enrollments activeLearners7d completions completionRate averageProgress
    averageLessonScore inactiveLearners(days: $inactiveDays)
    lessonFunnel { lesson { id title } started completed averageScore averageHeartsLost }
    quizPassRate } } }"""
STATUSES = ("active", "active", "active", "completed", "paused", "dropped")


def build(learners: int) -> tuple[_Builder, dict[str, Any], str]:
    """The rows (not yet written): the builder, the measured course and an admin's token."""
    builder = _Builder(Sizes())
    add = builder.bulk.add
    builder.catalog_base()
    now = datetime.now(UTC)
    course = builder.course("Analytics", sections=2, units=2, lessons=5)
    others = [builder.course(f"Other {n}", sections=2, units=2, lessons=5) for n in range(3)]
    quiz = add(Quiz, course_id=course["id"], title="Checkpoint")
    other_quizzes = [add(Quiz, course_id=other["id"], title="Checkpoint") for other in others]
    for i in range(learners):
        user, _ = builder.learner(i, tag="a")
        status = STATUSES[i % len(STATUSES)]
        enrollment = add(
            Enrollment, user_id=user["id"], course_id=course["id"], status=status,
            hearts=5, hearts_updated_at=now, last_active_at=now - timedelta(days=i % 40),
            completed_at=now if status == "completed" else None,
        )  # fmt: skip
        for p, lesson in enumerate(course["_lessons"][: i % 21]):
            done = p < (i % 21) - 1
            add(
                LessonProgress, user_id=user["id"], lesson_id=lesson["id"],
                enrollment_id=enrollment["id"], status="completed" if done else "in_progress",
                best_score=60 + (i + p) % 41 if done else None, attempts=1 + p % 3,
                completion_count=1 if done else 0, hearts_lost=(i + p) % 4,
            )  # fmt: skip
        add(
            QuizAttempt, quiz_id=quiz["id"], user_id=user["id"], attempt_number=1,
            status="graded", started_at=now, submitted_at=now, score=50.0 + i % 50,
            passed=i % 3 != 0, points_possible=3.0,
        )  # fmt: skip
        for other, other_quiz in zip(others, other_quizzes, strict=True):
            add(
                QuizAttempt, quiz_id=other_quiz["id"], user_id=user["id"], attempt_number=1,
                status="graded", started_at=now, submitted_at=now, score=90.0, passed=True,
            )  # fmt: skip
            row = add(
                Enrollment, user_id=user["id"], course_id=other["id"], hearts=5,
                hearts_updated_at=now, last_active_at=now,
            )  # fmt: skip
            for lesson in other["_lessons"]:
                add(
                    LessonProgress, user_id=user["id"], lesson_id=lesson["id"],
                    enrollment_id=row["id"], status="completed", best_score=80, attempts=1,
                    completion_count=1,
                )  # fmt: skip
    admin = add(
        User, email="admin@bench.example", username="bench-admin", display_name="Admin",
        timezone="UTC", role="admin", email_verified_at=now,
    )  # fmt: skip
    raw, digest = new_token()
    add(AuthToken, user_id=admin["id"], token_hash=digest, expires_at=now + timedelta(days=30))
    return builder, course, raw


async def prepare(learners: int) -> tuple[str, dict[str, Any], str]:
    server_url = db.resolve_database_url(get_settings().database_url)
    await db.drop_database(server_url, BENCH_DB)
    url = await db.create_database(server_url, BENCH_DB)
    config = db.tortoise_config(url, MODEL_MODULES, 1, 4)
    await db.apply_migrations(config)
    await db.init_orm(config)
    started = time.perf_counter()
    builder, course, token = build(learners)
    conn = await asyncpg.connect(**db.credentials(url))
    try:
        async with conn.transaction():
            rows = await builder.bulk.copy(conn)
        await conn.execute("VACUUM ANALYZE")  # as autovacuum would
    finally:
        await conn.close()
    print(f"loaded {sum(rows.values())} rows by COPY in {time.perf_counter() - started:.1f} s: "
          f"{ {t: rows[t] for t in BIG_TABLES if t in rows} }", flush=True)  # fmt: skip
    return url, course, token


async def measure(url: str, slug: str, token: str, requests: int) -> dict[str, Any]:
    app = create_app(dataclasses.replace(get_settings(), database_url=url, debug=False))
    body = {"query": QUERY, "variables": {"slug": slug}}
    headers = {"Authorization": f"Bearer {token}"}
    transport = httpx.ASGITransport(app=app)
    timings: list[float] = []
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        first = (await client.post("/graphql", json=body, headers=headers)).json()
        if first.get("errors") or first["data"]["course"]["analytics"] is None:
            raise RuntimeError(f"CourseAnalytics failed: {first}")
        with count_statements() as log:
            await client.post("/graphql", json=body, headers=headers)
        for _ in range(requests):
            started = time.perf_counter()
            response = await client.post("/graphql", json=body, headers=headers)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
    timings.sort()
    figures = first["data"]["course"]["analytics"]
    return {
        "statements": log.count,
        "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 2),
        "figures": {k: v for k, v in figures.items() if k != "lessonFunnel"},
        "funnel_steps": len(figures["lessonFunnel"]),
    }


async def explain(url: str, course_id: Any) -> list[str]:
    """Prints each statement's plan; returns the big tables scanned sequentially."""
    now = datetime.now(UTC)
    statements = {
        "analytics": (ANALYTICS_SQL, [[course_id], now - ACTIVE_WINDOW]),
        "inactive": (INACTIVE_SQL, [[course_id], [14], now]),
    }
    scanned: list[str] = []
    conn = await asyncpg.connect(**db.credentials(url))
    try:
        for name, (sql, params) in statements.items():
            rows = await conn.fetch(f"EXPLAIN (ANALYZE, COSTS OFF) {sql}", *params)
            print(f"\n-- EXPLAIN {name}")
            for row in rows:
                line = row[0]
                flagged = [t for t in BIG_TABLES if f"Seq Scan on {t} " in line + " "]
                scanned += [f"{name}: {t}" for t in flagged]
                print(("!! " if flagged else "   ") + line)
    finally:
        await conn.close()
    return scanned


async def run(args: argparse.Namespace) -> int:
    url, course, token = await prepare(args.learners)
    result = await measure(url, course["slug"], token, args.requests)
    scanned = await explain(url, course["id"])
    print(f"\nCourseAnalytics ({args.learners} enrollments): {result['statements']} statements, "
          f"p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms over {args.requests} "
          f"requests (goal: p50 < {GOAL_MS:.0f} ms)")  # fmt: skip
    print(f"figures: {result['figures']}, {result['funnel_steps']} funnel steps")
    print("sequential scans of big tables: " + (", ".join(scanned) if scanned else "none"))
    from tortoise import Tortoise

    await Tortoise.close_connections()
    return 0 if result["p50_ms"] < GOAL_MS and not scanned else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--learners", type=int, default=10_000, help="enrollments in the course")
    parser.add_argument("--requests", type=int, default=200, help="requests measured")
    return asyncio.run(run(parser.parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())
