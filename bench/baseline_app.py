"""The hand-written baseline: MyLearning and ConversationDetail answered by one SQL statement
each (PostgreSQL builds the JSON), the same JSON the API returns, on a bare Starlette app.

This is the floor the API is measured against: everything above it is GraphQL parsing,
validation, execution, loaders, ORM rows and serialisation.

    BENCH_DATABASE_URL=postgres://... uvicorn bench.baseline_app:create_app --factory --workers 2
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from core.db import credentials
from core.security import hash_token


def gid(type_name: str, column: str) -> str:
    """The API's global id (standard base64 of `Type:uuid`), computed by PostgreSQL."""
    return f"replace(encode(convert_to('{type_name}:' || {column}, 'UTF8'), 'base64'), E'\\n', '')"


VIEWER = """viewer AS (
    SELECT u.id, u.timezone, u.daily_xp_goal FROM auth_tokens a JOIN users u ON u.id = a.user_id
    WHERE a.token_hash = $1 AND a.revoked_at IS NULL AND a.expires_at > now()
      AND u.is_active AND u.deleted_at IS NULL)"""

MY_LEARNING = f"""
WITH {VIEWER},
ens AS (
    SELECT e.* FROM enrollments e JOIN viewer v ON e.user_id = v.id
    ORDER BY coalesce(e.last_active_at, e.created_at) DESC, e.id DESC LIMIT $2)
SELECT json_build_object('me', (SELECT json_build_object(
    'id', {gid("User", "v.id")},
    'stats', (
        SELECT json_build_object(
            'totalXp', coalesce(s.total_xp, 0),
            'currentStreak', CASE
                WHEN s.last_active_local_date IS NULL THEN 0
                WHEN (now() AT TIME ZONE v.timezone)::date - s.last_active_local_date <= 1
                    THEN s.current
                ELSE 0 END,
            'longestStreak', coalesce(s.longest, 0),
            'todayXp', coalesce(d.xp, 0),
            'dailyGoalMet', coalesce(d.xp, 0) >= greatest(1, v.daily_xp_goal))
        FROM (SELECT 1) one
        LEFT JOIN user_streaks s ON s.user_id = v.id
        LEFT JOIN daily_activities d
            ON d.user_id = v.id AND d.date = (now() AT TIME ZONE v.timezone)::date),
    'enrollments', json_build_object(
        'totalCount', (SELECT count(*) FROM enrollments WHERE user_id = v.id),
        'edges', coalesce((
            SELECT json_agg(json_build_object('node', json_build_object(
                'id', {gid("Enrollment", "e.id")},
                'status', upper(e.status),
                'totalXp', e.total_xp,
                'hearts', e.hearts,
                'nextHeartAt', NULL,
                'completedLessons', done.n,
                'totalLessons', total.n,
                'percentComplete', CASE WHEN total.n = 0 THEN 0
                    ELSE least(100, done.n * 100 / total.n) END,
                'course', json_build_object(
                    'id', {gid("Course", "c.id")}, 'slug', c.slug, 'title', c.title),
                'lessonProgress', json_build_object('edges', coalesce((
                    SELECT json_agg(json_build_object('node', json_build_object(
                        'status', upper(p.status),
                        'bestScore', p.best_score,
                        'attempts', p.attempts,
                        'lastCompletedAt', p.last_completed_at,
                        'lesson', json_build_object(
                            'id', {gid("Lesson", "p.lesson_id")}, 'title', p.lesson_title,
                            'unit', json_build_object(
                                'id', {gid("Unit", "p.unit_id")}, 'title', p.unit_title))
                    )) ORDER BY p.sp, p.up, p.lp, p.id)
                    FROM (
                        SELECT t.*, l.title AS lesson_title, u.id AS unit_id,
                               u.title AS unit_title, s.position AS sp, u.position AS up,
                               l.position AS lp
                        FROM lesson_progress t JOIN lessons l ON l.id = t.lesson_id
                        JOIN units u ON u.id = l.unit_id JOIN sections s ON s.id = u.section_id
                        WHERE t.enrollment_id = e.id
                        ORDER BY s.position, u.position, l.position, t.id LIMIT $3) p
                ), '[]'::json))
            )) ORDER BY coalesce(e.last_active_at, e.created_at) DESC, e.id DESC)
            FROM ens e JOIN courses c ON c.id = e.course_id
            CROSS JOIN LATERAL (
                SELECT count(*) AS n FROM lesson_progress
                WHERE enrollment_id = e.id AND first_completed_at IS NOT NULL) done
            CROSS JOIN LATERAL (
                SELECT count(*) AS n FROM lessons l JOIN units u ON u.id = l.unit_id
                JOIN sections s ON s.id = u.section_id
                WHERE s.course_id = e.course_id AND l.is_active) total
        ), '[]'::json))
) FROM viewer v))::text
"""

CURSOR = (
    "translate(rtrim(replace(encode(convert_to("
    "'[[\"v\",' || p.sequence || '],[\"u\",\"' || p.id || '\"]]', 'UTF8'), 'base64'), "
    "E'\\n', ''), '='), '+/', '-_')"
)

CONVERSATION_DETAIL = f"""
WITH {VIEWER},
s AS (SELECT cs.* FROM conversation_sessions cs JOIN viewer v ON cs.user_id = v.id
      WHERE cs.id = $2),
fetched AS (SELECT m.* FROM conversation_messages m JOIN s ON m.session_id = s.id
            ORDER BY m.sequence, m.id LIMIT $3 + 1),
page AS (SELECT * FROM fetched ORDER BY sequence, id LIMIT $3),
-- One pass over the page's corrections (grouped), as the API's batched loader does.
corr AS (
    SELECT c.message_id, json_agg(json_build_object(
            'original', c.original, 'corrected', c.corrected,
            'explanation', c.explanation, 'type', upper(c.type),
            'severity', upper(c.severity), 'start', c.start, 'end', c."end")
        ORDER BY c.position, c.id) AS list
    FROM corrections c WHERE c.message_id IN (SELECT id FROM page) GROUP BY c.message_id)
SELECT json_build_object('node', (SELECT json_build_object(
    'id', {gid("ConversationSession", "s.id")},
    'status', upper(s.status),
    'startedAt', s.started_at,
    'completedAt', s.completed_at,
    'teacher', (SELECT json_build_object('id', {gid("TeacherProfile", "t.id")}, 'name', t.name)
                FROM teacher_profiles t WHERE t.id = s.teacher_id),
    'scenario', (SELECT json_build_object(
            'id', {gid("ConversationScenario", "c.id")}, 'name', c.name, 'context', c.context,
            'lesson', (SELECT json_build_object('id', {gid("Lesson", "l.id")}, 'title', l.title)
                       FROM lessons l WHERE l.id = c.lesson_id))
        FROM conversation_scenarios c WHERE c.id = s.scenario_id),
    'metrics', (SELECT json_build_object(
            'totalMessages', count(*),
            'userMessages', count(*) FILTER (WHERE sender = 'user'),
            'aiMessages', count(*) FILTER (WHERE sender = 'ai'),
            'correctionCount', (SELECT count(*) FROM corrections c
                                JOIN conversation_messages m ON m.id = c.message_id
                                WHERE m.session_id = s.id),
            'vocabularyUsed', (SELECT count(*) FROM vocabulary_uses WHERE session_id = s.id))
        FROM conversation_messages WHERE session_id = s.id),
    'messages', json_build_object(
        'pageInfo', json_build_object(
            'hasNextPage', (SELECT count(*) FROM fetched) > $3,
            'endCursor', (SELECT {CURSOR} FROM page p ORDER BY p.sequence DESC, p.id DESC LIMIT 1)),
        'edges', coalesce((SELECT json_agg(json_build_object('node', json_build_object(
                'id', {gid("ConversationMessage", "p.id")},
                'sender', upper(p.sender),
                'content', p.content,
                'createdAt', p.created_at,
                'suggestions', p.suggestions,
                'corrections', coalesce(corr.list, '[]'::json)
            )) ORDER BY p.sequence, p.id)
            FROM page p LEFT JOIN corr ON corr.message_id = p.id), '[]'::json))
) FROM s))::text
"""


def _decode_id(value: str) -> str | None:
    import base64
    import binascii
    from uuid import UUID

    try:
        raw = base64.b64decode(value + "=" * (-len(value) % 4)).decode()
        return str(UUID(raw.partition(":")[2]))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None


def create_app() -> Starlette:
    url = os.environ["BENCH_DATABASE_URL"]
    state: dict[str, Any] = {}

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        state["pool"] = await asyncpg.create_pool(
            **credentials(url), min_size=2, max_size=10, server_settings={"timezone": "UTC"}
        )
        try:
            yield
        finally:
            await state["pool"].close()

    async def graphql(request: Request) -> Response:
        body = json.loads(await request.body())
        variables = body.get("variables") or {}
        token = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        digest = hash_token(token)
        pool = state["pool"]
        name = body.get("operationName")
        if name == "MyLearning":
            first, progress_first = variables.get("first", 10), variables.get("progressFirst", 100)
            text = await pool.fetchval(MY_LEARNING, digest, first, progress_first)
        elif name == "ConversationDetail":
            session_id = _decode_id(variables["id"])
            text = await pool.fetchval(
                CONVERSATION_DETAIL, digest, session_id, variables.get("first", 100)
            )
        else:
            return JSONResponse({"errors": [{"message": f"unknown operation {name}"}]}, 400)
        return Response(f'{{"data":{text}}}', media_type="application/json")

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    return Starlette(
        routes=[Route("/graphql", graphql, methods=["POST"]), Route("/healthz", healthz)],
        lifespan=lifespan,
    )
