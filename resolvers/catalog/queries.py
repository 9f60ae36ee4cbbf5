"""The catalog use cases' hand-written SQL, in one place; table names come from the models.

Reads the loaders also need live in loaders/catalog.py (the course an exercise is in, for
example); what is here is written or read by the use cases alone.
"""

from __future__ import annotations

from loaders.catalog import EXERCISES, LESSON_EXERCISES, LESSONS, PREREQUISITES
from models.catalog import Course, Language

COURSES = Course._meta.db_table
LANGUAGES = Language._meta.db_table

# $1 language code: its id (a course filter's sub-select).
LANGUAGE_ID_BY_CODE = f'SELECT id FROM "{LANGUAGES}" WHERE code = {{code}}'

# $1 lesson, $2 prerequisite: the link, once.
LINK_PREREQUISITE = (
    f'INSERT INTO "{PREREQUISITES}" (id, created_at, lesson_id, prerequisite_id) '
    "VALUES (gen_random_uuid(), now(), $1, $2) ON CONFLICT DO NOTHING"
)

# $1 lessons, $2 their prerequisites (parallel arrays): every link of an imported course.
LINK_PREREQUISITES = (
    f'INSERT INTO "{PREREQUISITES}" (id, created_at, lesson_id, prerequisite_id) '
    "SELECT gen_random_uuid(), now(), a, b FROM unnest($1::uuid[], $2::uuid[]) AS x(a, b)"
)

# $1 course: drop its lessons' prerequisite links (an import writes them anew).
UNLINK_COURSE_PREREQUISITES = (
    f'DELETE FROM "{PREREQUISITES}" p USING "{LESSONS}" l '
    "WHERE p.lesson_id = l.id AND l.course_id = $1"
)

# $1 lesson, $2 another: whether $2 is among $1's prerequisites, however indirectly.
REACHES = f"""
WITH RECURSIVE reach(id) AS (
    SELECT prerequisite_id FROM "{PREREQUISITES}" WHERE lesson_id = $1
    UNION
    SELECT p.prerequisite_id FROM "{PREREQUISITES}" p JOIN reach r ON p.lesson_id = r.id
)
SELECT 1 AS hit FROM reach WHERE id = $2 LIMIT 1
"""

# $1 exercises: those no lesson uses any more.
DELETE_UNUSED_EXERCISES = (
    f'DELETE FROM "{EXERCISES}" e WHERE e.id = ANY($1) AND NOT EXISTS '
    f'(SELECT 1 FROM "{LESSON_EXERCISES}" le WHERE le.exercise_id = e.id)'
)
