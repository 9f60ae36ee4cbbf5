"""Catalog's access rules.

Students and anonymous visitors see published, non-deleted courses and their active content.
A course's author (a teacher) and admins are its editors: they see drafts, inactive content
and the answers. Everything else reads as "not found". Each rule is stated once as SQL
(`Rule`: the node resolver, lists, the read compiler); the loader-backed functions below it
answer the same question for rows already loaded, batched through the request's loaders.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from core.access import EVERYONE, NOBODY, Param, Rule, column_is, related_row
from loaders.base import Loaders, ValueByKeyLoader
from loaders.catalog import (
    CourseByIdLoader,
    CourseIdByLessonLoader,
    CourseIdBySectionLoader,
    CourseIdByUnitLoader,
    CourseIdsByExerciseLoader,
)
from models.catalog import Course, Exercise, Lesson, LessonExercise
from resolvers.identity.policy import is_admin, is_staff

if TYPE_CHECKING:
    from models.identity import User

COURSES = Course._meta.db_table
LESSONS = Lesson._meta.db_table
EXERCISES = Exercise._meta.db_table
LESSON_EXERCISES = LessonExercise._meta.db_table


# --- as SQL ------------------------------------------------------------------------------


def edited_courses(viewer: User | None) -> Rule:
    """Courses the viewer edits: every live course for an admin, a teacher's own."""
    if viewer is None or not is_staff(viewer):
        return NOBODY
    live = Rule(lambda alias, param: f"{alias}.deleted_at IS NULL")
    if is_admin(viewer):
        return live
    own = column_is("author_id", viewer.id)
    return Rule(lambda alias, param: f"{live.sql(alias, param)} AND {own.sql(alias, param)}")


def courses(viewer: User | None) -> Rule:
    """Live courses that are published, or that the viewer edits."""
    editor = edited_courses(viewer)
    return Rule(
        lambda alias, param: (
            f"{alias}.deleted_at IS NULL AND ({alias}.is_published OR {editor.sql(alias, param)})"
        )
    )


def languages(viewer: User | None) -> Rule:
    return EVERYONE


def in_visible_course(viewer: User | None) -> Rule:
    """Sections and units: through their course."""
    return related_row(COURSES, "course_id", courses(viewer), alias="c")


def shown_or_edited(viewer: User | None, course_key: str, shown: str = "is_active") -> Rule:
    """Rows whose course (through `course_key`, a format of the row's alias) is visible and
    whose `shown` flag is set (active, published); the others for the course's editors
    only. Other domains' rows that live in a course (e.g. quizzes) use it too."""
    seen, edited = courses(viewer), edited_courses(viewer)

    def condition(alias: str, param: Param) -> str:
        c = f"c_{alias}"
        return (
            f'EXISTS (SELECT 1 FROM "{COURSES}" {c} WHERE {c}.id = {course_key.format(alias)} '
            f"AND {seen.sql(c, param)} AND ({alias}.{shown} OR {edited.sql(c, param)}))"
        )

    return Rule(condition)


def lessons(viewer: User | None) -> Rule:
    return shown_or_edited(viewer, "{}.course_id")


def exercises(viewer: User | None) -> Rule:
    """Exercises of a lesson of a visible course; inactive ones for its editors."""
    inner = shown_or_edited(viewer, "l_{0}.course_id")

    def condition(alias: str, param: Param) -> str:
        le, lesson = f"le_{alias}", f"l_{alias}"
        return (
            f'EXISTS (SELECT 1 FROM "{LESSON_EXERCISES}" {le} JOIN "{LESSONS}" {lesson} '
            f"ON {lesson}.id = {le}.lesson_id WHERE {le}.exercise_id = {alias}.id "
            f"AND {inner.sql(alias, param)})"
        )

    return Rule(condition)


def exercise_parts(viewer: User | None) -> Rule:
    """Options: through their exercise."""
    return related_row(EXERCISES, "exercise_id", exercises(viewer), alias="e")


def scenarios(viewer: User | None) -> Rule:
    """Scenarios of a visible lesson (inactive ones for its editors); free-standing ones
    (no lesson) when active, or for an admin."""
    in_lesson = related_row(LESSONS, "lesson_id", lessons(viewer), alias="l")
    edited = edited_courses(viewer)

    def condition(alias: str, param: Param) -> str:
        lesson, c = f"sl_{alias}", f"sc_{alias}"
        admin = "TRUE" if is_admin(viewer) else "FALSE"
        return (
            f"({alias}.lesson_id IS NULL AND ({alias}.is_active OR {admin})) OR "
            f"({alias}.lesson_id IS NOT NULL AND {in_lesson.sql(alias, param)} AND "
            f'({alias}.is_active OR EXISTS (SELECT 1 FROM "{LESSONS}" {lesson} '
            f'JOIN "{COURSES}" {c} ON {c}.id = {lesson}.course_id '
            f"WHERE {lesson}.id = {alias}.lesson_id AND {edited.sql(c, param)})))"
        )

    return Rule(condition)


def active_or_edited(viewer: User | None, child: str, parent: str, param: Param) -> str:
    """`visible_items` in SQL, for the read compiler: a child row (lesson, exercise,
    scenario) that is active, or any when the viewer edits the parent's course (the parent
    row, a unit or lesson, carries `course_id`)."""
    edited = edited_courses(viewer)
    if edited is NOBODY:
        return f"{child}.is_active"
    course = f"e_{child}"
    return (
        f'({child}.is_active OR EXISTS (SELECT 1 FROM "{COURSES}" {course} '
        f"WHERE {course}.id = {parent}.course_id AND {edited.sql(course, param)}))"
    )


def media(viewer: User | None) -> Rule:
    """Media files are shared by exercises and options and carry nothing private."""
    return EVERYONE


# --- for rows already loaded ------------------------------------------------------------


def can_edit(viewer: User | None, course: Course | None) -> bool:
    """`edited_courses` for a loaded course."""
    if course is None or course.deleted_at is not None or viewer is None:
        return False
    return is_admin(viewer) or (is_staff(viewer) and course.author_id == viewer.id)


def can_see(viewer: User | None, course: Course | None) -> bool:
    """`courses` for a loaded course."""
    if course is None or course.deleted_at is not None:
        return False
    return course.is_published or can_edit(viewer, course)


COURSE_ID_LOADERS: dict[str, type[ValueByKeyLoader]] = {
    "section": CourseIdBySectionLoader,
    "unit": CourseIdByUnitLoader,
    "lesson": CourseIdByLessonLoader,
}


async def course_of(loaders: Loaders, kind: str, node_id: Any) -> Course | None:
    """The course a section/unit/lesson belongs to (batched per kind)."""
    course_id = await loaders.get(COURSE_ID_LOADERS[kind]).load(node_id)
    if course_id is None:
        return None
    return await loaders.get(CourseByIdLoader).load(course_id)


async def can_see_in(loaders: Loaders, viewer: User | None, kind: str, node_id: Any) -> bool:
    return can_see(viewer, await course_of(loaders, kind, node_id))


async def can_edit_in(loaders: Loaders, viewer: User | None, kind: str, node_id: Any) -> bool:
    if not is_staff(viewer):  # only teachers and admins ever edit: no query for others
        return False
    return can_edit(viewer, await course_of(loaders, kind, node_id))


async def can_edit_exercise(loaders: Loaders, viewer: User | None, exercise_id: Any) -> bool:
    """Whether the viewer may see this exercise's answers (students: no query at all)."""
    if not is_staff(viewer):
        return False
    if is_admin(viewer):
        return True
    ids = await loaders.get(CourseIdsByExerciseLoader).load(exercise_id)
    rows = await loaders.get(CourseByIdLoader).load_many(ids)
    return any(can_edit(viewer, course) for course in rows)


def visible_items(items: Iterable[Any], editor: bool) -> list[Any]:
    """Inactive lessons/exercises/scenarios are shown to editors only."""
    return [item for item in items if editor or getattr(item, "is_active", True)]
