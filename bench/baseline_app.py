"""The hand-written baseline: MyLearning, CourseTree, Lesson, ConversationDetail and Courses
answered by one SQL statement each (PostgreSQL builds the JSON), the same JSON the API returns
for a learner, on a bare Starlette app. Courses is answered only as the bench asks it: a
search (`filter: {search}`) without other filters and without `after`.

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


COURSE_TREE = f"""
WITH {VIEWER},
c AS (SELECT * FROM courses WHERE slug = $2 AND deleted_at IS NULL AND is_published),
en AS (SELECT e.id FROM enrollments e JOIN viewer v ON e.user_id = v.id
       JOIN c ON e.course_id = c.id),
-- The course's active lessons (the only ones a learner sees) in course order, each with the
-- active lesson before it: the unlocking rule's "previous lesson".
ls AS (
    SELECT l.*, lag(l.id) OVER (ORDER BY s.position, u.position, l.position) AS before_id
    FROM c JOIN sections s ON s.course_id = c.id JOIN units u ON u.section_id = s.id
    JOIN lessons l ON l.unit_id = u.id
    WHERE l.is_active),
done AS (
    SELECT p.lesson_id FROM lesson_progress p JOIN en ON p.enrollment_id = en.id
    WHERE p.first_completed_at IS NOT NULL),
progress AS (
    SELECT l.id, l.unit_id, json_build_object(
        'id', {gid("Lesson", "l.id")},
        'title', l.title,
        'position', l.position,
        'xpReward', l.xp_reward,
        'estimatedMinutes', l.estimated_minutes,
        'viewerProgress', CASE
            WHEN p.id IS NOT NULL
                THEN json_build_object('status', upper(p.status), 'bestScore', p.best_score)
            WHEN en.id IS NOT NULL THEN json_build_object(
                'status', CASE
                    WHEN EXISTS (SELECT 1 FROM lesson_prerequisites q WHERE q.lesson_id = l.id)
                        THEN CASE WHEN EXISTS (
                            SELECT 1 FROM lesson_prerequisites q WHERE q.lesson_id = l.id
                              AND q.prerequisite_id NOT IN (SELECT lesson_id FROM done))
                            THEN 'LOCKED' ELSE 'AVAILABLE' END
                    WHEN l.before_id IS NULL OR l.before_id IN (SELECT lesson_id FROM done)
                        THEN 'AVAILABLE'
                    ELSE 'LOCKED' END,
                'bestScore', NULL)
            END) AS node, l.position
    FROM ls l
    LEFT JOIN en ON TRUE
    LEFT JOIN lesson_progress p ON p.user_id = (SELECT id FROM viewer) AND p.lesson_id = l.id)
SELECT json_build_object('course', (SELECT json_build_object(
    'id', {gid("Course", "c.id")},
    'slug', c.slug,
    'title', c.title,
    'sections', coalesce((SELECT json_agg(json_build_object(
            'id', {gid("Section", "s.id")},
            'title', s.title,
            'position', s.position,
            'cefrLevel', nullif(s.cefr_level, ''),
            'units', coalesce((SELECT json_agg(json_build_object(
                    'id', {gid("Unit", "u.id")},
                    'title', u.title,
                    'position', u.position,
                    'color', u.color,
                    'lessons', coalesce((SELECT json_agg(p.node ORDER BY p.position)
                                         FROM progress p WHERE p.unit_id = u.id), '[]'::json)
                ) ORDER BY u.position)
                FROM units u WHERE u.section_id = s.id), '[]'::json)
        ) ORDER BY s.position)
        FROM sections s WHERE s.course_id = c.id), '[]'::json)
) FROM c))::text
"""

LESSON = f"""
SELECT json_build_object('node', (SELECT json_build_object(
    'id', {gid("Lesson", "l.id")},
    'title', l.title,
    'description', l.description,
    'objectives', l.objectives,
    'vocabulary', coalesce((
        SELECT json_agg(json_build_object('word', v.key, 'definition', v.value))
        FROM jsonb_each_text(coalesce(l.vocabulary, '{{}}'::jsonb)) v), '[]'::json),
    'grammarFocus', l.grammar_focus,
    'unit', json_build_object(
        'id', {gid("Unit", "u.id")},
        'title', u.title,
        'section', json_build_object(
            'id', {gid("Section", "s.id")},
            'title', s.title,
            'course', json_build_object('id', {gid("Course", "c.id")}, 'slug', c.slug))),
    'prerequisites', coalesce((
        SELECT json_agg(json_build_object('id', {gid("Lesson", "r.id")}, 'title', r.title)
                        ORDER BY r.title, r.id)
        FROM lesson_prerequisites q JOIN lessons r ON r.id = q.prerequisite_id
        WHERE q.lesson_id = l.id AND r.is_active), '[]'::json),
    'exercises', coalesce((
        SELECT json_agg(json_build_object(
            'id', {gid("Exercise", "x.id")},
            'type', upper(x.type),
            'prompt', x.prompt,
            'hint', x.hint,
            'difficulty', x.difficulty,
            'media', (SELECT json_build_object(
                    'url', m.url, 'mimeType', m.mime_type, 'durationSeconds', m.duration_seconds)
                FROM media_assets m WHERE m.id = x.media_id),
            'options', coalesce((
                SELECT json_agg(json_build_object('id', {gid("ExerciseOption", "o.id")},
                                                  'text', o.text) ORDER BY o.position)
                FROM exercise_options o WHERE o.exercise_id = x.id), '[]'::json)
        ) ORDER BY le.position)
        FROM lesson_exercises le JOIN exercises x ON x.id = le.exercise_id
        WHERE le.lesson_id = l.id AND x.is_active), '[]'::json),
    'scenarios', coalesce((
        SELECT json_agg(json_build_object(
            'id', {gid("ConversationScenario", "sc.id")}, 'name', sc.name,
            'context', sc.context, 'difficulty', sc.difficulty) ORDER BY sc.created_at, sc.id)
        FROM conversation_scenarios sc WHERE sc.lesson_id = l.id AND sc.is_active), '[]'::json)
) FROM lessons l JOIN units u ON u.id = l.unit_id JOIN sections s ON s.id = u.section_id
  JOIN courses c ON c.id = l.course_id
  WHERE l.id = $1 AND l.is_active AND c.deleted_at IS NULL AND c.is_published))::text
"""

COURSES = f"""
WITH matched AS (
    SELECT t.*, ts_rank(t.search_vector, c.query) AS rank
    FROM courses t, lingograph_search_query_any($1) q, lingograph_search_queries($1) c
    WHERE t.search_vector @@ q AND t.search_config = c.config AND t.search_vector @@ c.query
      AND t.deleted_at IS NULL AND t.is_published),
fetched AS (SELECT * FROM matched ORDER BY rank DESC, id DESC LIMIT $2 + 1),
page AS (
    SELECT p.*, lg_b64url('[' || lg_cursor_item(p.rank) || ',' || lg_cursor_item(p.id) || ']')
               AS cursor
    FROM (SELECT * FROM fetched ORDER BY rank DESC, id DESC LIMIT $2) p)
SELECT json_build_object('courses', json_build_object(
    'totalCount', (SELECT count(*) FROM matched),
    'pageInfo', json_build_object(
        'hasNextPage', (SELECT count(*) FROM fetched) > $2,
        'endCursor', (SELECT p.cursor FROM page p ORDER BY p.rank, p.id LIMIT 1)),
    'edges', coalesce((SELECT json_agg(json_build_object('cursor', p.cursor, 'node',
        json_build_object(
            'id', {gid("Course", "p.id")},
            'slug', p.slug,
            'title', p.title,
            'description', p.description,
            'category', upper(p.category),
            'cefrRange', CASE WHEN p.cefr_min = p.cefr_max THEN p.cefr_min
                              ELSE p.cefr_min || '\u2013' || p.cefr_max END,
            'featured', p.featured,
            'price', json_build_object('amount', p.price_amount::text,
                                       'currency', p.price_currency),
            'fromLanguage', (SELECT json_build_object('code', f.code, 'name', f.name)
                             FROM languages f WHERE f.id = p.from_language_id),
            'toLanguage', (SELECT json_build_object('code', g.code, 'name', g.name)
                           FROM languages g WHERE g.id = p.to_language_id),
            'lessonCount', (SELECT count(*) FROM lessons WHERE course_id = p.id AND is_active),
            'enrollmentCount', (SELECT count(*) FROM enrollments WHERE course_id = p.id)))
        ORDER BY p.rank DESC, p.id DESC)
        FROM page p), '[]'::json)))::text
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


def _search(variables: dict[str, Any]) -> str | None:
    """The Courses search term when the request is a plain search (first page, no other
    filter): the only form of Courses the baseline answers."""
    flt = variables.get("filter") or {}
    search = str(flt.get("search") or "").strip()
    plain = set(flt) <= {"search"} and variables.get("after") is None
    return search if search and plain else None


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
        elif name == "CourseTree":
            text = await pool.fetchval(COURSE_TREE, digest, variables["slug"])
        elif name == "Lesson":
            text = await pool.fetchval(LESSON, _decode_id(variables["id"]))
        elif name == "Courses" and (search := _search(variables)):
            text = await pool.fetchval(COURSES, search, variables.get("first", 20))
        else:
            return JSONResponse({"errors": [{"message": f"unknown operation {name}"}]}, 400)
        return Response(f'{{"data":{text}}}', media_type="application/json")

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    return Starlette(
        routes=[Route("/graphql", graphql, methods=["POST"]), Route("/healthz", healthz)],
        lifespan=lifespan,
    )
