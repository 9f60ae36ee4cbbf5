"""Who may see and edit catalog content.

Students and anonymous visitors see published, non-deleted courses and their active content.
A course's author (a teacher) and admins are its editors: they see drafts, inactive content
and the answers. Everything else reads as "not found". These helpers take the request's
loaders so checks over many nodes stay batched.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from loaders.base import Loaders
from loaders.catalog import (
    CourseByIdLoader,
    CourseIdByLessonLoader,
    CourseIdBySectionLoader,
    CourseIdByUnitLoader,
    CourseIdsByExerciseLoader,
)
from models.catalog import Course
from resolvers.identity.policy import is_admin

if TYPE_CHECKING:
    from models.identity import User


def is_teacher(viewer: User | None) -> bool:
    return viewer is not None and viewer.role == "teacher"


def can_edit(viewer: User | None, course: Course | None) -> bool:
    """Admins edit every course; teachers edit their own; nobody edits a deleted course."""
    if course is None or course.deleted_at is not None or viewer is None:
        return False
    return is_admin(viewer) or (is_teacher(viewer) and course.author_id == viewer.id)


def can_see(viewer: User | None, course: Course | None) -> bool:
    if course is None or course.deleted_at is not None:
        return False
    return course.is_published or can_edit(viewer, course)


def may_edit_anything(viewer: User | None) -> bool:
    """Cheap pre-check: only teachers and admins can ever be editors (no query for others)."""
    return viewer is not None and viewer.role in ("teacher", "admin")


async def course_of(loaders: Loaders, kind: str, node_id: Any) -> Course | None:
    """The course a section/unit/lesson belongs to (batched per kind)."""
    loader = {
        "section": CourseIdBySectionLoader,
        "unit": CourseIdByUnitLoader,
        "lesson": CourseIdByLessonLoader,
    }[kind]
    course_id = await loaders.get(loader).load(node_id)
    if course_id is None:
        return None
    return await loaders.get(CourseByIdLoader).load(course_id)


async def courses_of_exercise(loaders: Loaders, exercise_id: Any) -> list[Course]:
    ids = await loaders.get(CourseIdsByExerciseLoader).load(exercise_id)
    rows = await loaders.get(CourseByIdLoader).load_many(ids)
    return [row for row in rows if row is not None]


async def can_see_in(loaders: Loaders, viewer: User | None, kind: str, node_id: Any) -> bool:
    return can_see(viewer, await course_of(loaders, kind, node_id))


async def can_edit_in(loaders: Loaders, viewer: User | None, kind: str, node_id: Any) -> bool:
    if not may_edit_anything(viewer):
        return False
    return can_edit(viewer, await course_of(loaders, kind, node_id))


async def can_see_exercise(loaders: Loaders, viewer: User | None, exercise_id: Any) -> bool:
    return any(can_see(viewer, c) for c in await courses_of_exercise(loaders, exercise_id))


async def can_edit_exercise(loaders: Loaders, viewer: User | None, exercise_id: Any) -> bool:
    """Whether the viewer may see this exercise's answers (students: no query at all)."""
    if not may_edit_anything(viewer):
        return False
    if is_admin(viewer):
        return True
    return any(can_edit(viewer, c) for c in await courses_of_exercise(loaders, exercise_id))


def visible_items(items: Iterable[Any], editor: bool) -> list[Any]:
    """Inactive lessons/exercises/scenarios are shown to editors only."""
    return [item for item in items if editor or getattr(item, "is_active", True)]
