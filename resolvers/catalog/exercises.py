"""Authoring use cases for exercises (with options and media) and lesson prerequisites.

Every change emits `CatalogChanged` (events.audit) in its transaction, as in authoring.py:
creates carry the given fields (options and media included), updates the given fields' old
and new values (options and media as new values only), moves the position, prerequisites
the prerequisite's id, deletes the action and entity only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from core.errors import AppError, ErrorCode, Validator, not_found
from core.rows import fetch_records
from loaders.catalog import CourseIdsByExerciseLoader
from models.catalog import (
    Course,
    Exercise,
    ExerciseOption,
    ExerciseType,
    Lesson,
    LessonExercise,
    LessonPrerequisite,
    MediaAsset,
)
from resolvers.catalog import events, queries
from resolvers.catalog.authoring import (
    course_of_node,
    lock,
    node_for_edit,
    ordered_ids,
    place,
    renumber,
    require_author,
)
from resolvers.catalog.policy import can_edit
from resolvers.identity.policy import is_admin
from rules.catalog.content import camel, check_exercise, check_media

if TYPE_CHECKING:
    from models.identity import User


async def exercise_for_edit(viewer: User | None, exercise_id: Any, field: str = "id") -> Exercise:
    """Editable only if the viewer edits every course using it (admins: always)."""
    user = require_author(viewer)
    exercise = await Exercise.get_or_none(id=exercise_id)
    if exercise is None:
        raise not_found("Exercise", field)
    if is_admin(user):
        return exercise
    rows = await fetch_records(CourseIdsByExerciseLoader.sql, [[exercise.id]])
    courses = await Course.filter(id__in=[r["v"] for r in rows], deleted_at=None)
    if not courses or not all(can_edit(user, c) for c in courses):
        raise not_found("Exercise", field)
    return exercise


def _check(data: dict, creating: bool) -> None:
    v = Validator()
    check_exercise(v, data, camel, creating)
    if data.get("media") is not None:
        check_media(v, data["media"], lambda k: f"media.{k}" if k else "media")
    v.raise_if_any()


def _answer_from_options(data: dict) -> None:
    """A multiple-choice answer defaults to the first correct option's text."""
    if data.get("type") == ExerciseType.MULTIPLE_CHOICE.value and not data.get("correct_answer"):
        correct = [o["text"] for o in data.get("options") or [] if o.get("is_correct")]
        if correct:
            data["correct_answer"] = correct[0]


async def write_options(conn: BaseDBAsyncClient, exercise: Exercise, options: list[dict]) -> None:
    await ExerciseOption.filter(exercise_id=exercise.id).using_db(conn).delete()
    if options:
        await ExerciseOption.bulk_create(
            [
                ExerciseOption(
                    exercise_id=exercise.id,
                    text=o["text"],
                    is_correct=bool(o.get("is_correct")),
                    position=i + 1,
                )
                for i, o in enumerate(options)
            ],
            using_db=conn,
        )


async def create_media(conn: BaseDBAsyncClient, media: dict | None) -> MediaAsset | None:
    if not media:
        return None
    return await MediaAsset.create(**media, using_db=conn)


async def create_exercise(
    viewer: User, lesson_id: UUID, data: dict, position: int | None
) -> Exercise:
    await node_for_edit(viewer, "lesson", lesson_id, "lessonId")
    _check(data, creating=True)
    _answer_from_options(data)
    options, media = data.pop("options", None) or [], data.pop("media", None)
    async with in_transaction() as conn:
        await lock(conn, queries.LESSONS, lesson_id)
        media_row = await create_media(conn, media)
        fields = {k: v for k, v in data.items() if v is not None}  # null: the default
        exercise = await Exercise.create(**fields, media=media_row, using_db=conn)
        await write_options(conn, exercise, options)
        ids = await ordered_ids(conn, queries.LESSON_EXERCISES, "lesson_id", lesson_id)
        link = await LessonExercise.create(
            lesson_id=lesson_id, exercise=exercise, position=len(ids) + 1, using_db=conn
        )
        order = place(ids, link.id, position)
        if order[-1] != link.id:
            await renumber(conn, queries.LESSON_EXERCISES, "lesson_id", lesson_id, order)
        new = {**fields, "lesson_id": lesson_id, "position": order.index(link.id) + 1}
        if options:
            new["options"] = options
        if media:
            new["media"] = media
        await events.audit(conn, viewer.id, "create_exercise", "exercise", exercise.id, new=new)
    return exercise


async def update_exercise(viewer: User, exercise_id: UUID, data: dict) -> Exercise:
    exercise = await exercise_for_edit(viewer, exercise_id)
    merged = {"type": getattr(exercise.type, "value", exercise.type), **data}
    _check(merged, creating=False)
    if data.get("options") is not None:
        _answer_from_options(merged)
    options, media = data.pop("options", None), data.pop("media", None)
    changes = {key: value for key, value in data.items() if value is not None}
    if merged.get("correct_answer") and not data.get("correct_answer"):
        changes["correct_answer"] = merged["correct_answer"]
    old = {key: getattr(exercise, key) for key in changes}
    async with in_transaction() as conn:
        for key, value in changes.items():
            setattr(exercise, key, value)
        if media is not None:
            exercise.media = await create_media(conn, media)
        await exercise.save(using_db=conn)
        if options is not None:
            await write_options(conn, exercise, options)
        new = dict(changes)
        if options is not None:
            new["options"] = options
        if media is not None:
            new["media"] = media
        await events.audit(conn, viewer.id, "update_exercise", "exercise", exercise.id, old, new)
    return exercise


async def move_exercise(
    viewer: User, lesson_id: UUID, exercise_id: UUID, position: int
) -> Exercise:
    await node_for_edit(viewer, "lesson", lesson_id, "lessonId")
    link = await LessonExercise.get_or_none(lesson_id=lesson_id, exercise_id=exercise_id)
    if link is None:
        raise not_found("Exercise", "exerciseId")
    async with in_transaction() as conn:
        await lock(conn, queries.LESSONS, lesson_id)
        ids = await ordered_ids(conn, queries.LESSON_EXERCISES, "lesson_id", lesson_id)
        order = place(ids, link.id, position)
        await renumber(conn, queries.LESSON_EXERCISES, "lesson_id", lesson_id, order)
        old, new = {"position": link.position}, {"position": order.index(link.id) + 1}
        await events.audit(conn, viewer.id, "move_exercise", "exercise", exercise_id, old, new)
    return await Exercise.get(id=exercise_id)


async def delete_exercise(viewer: User, exercise_id: UUID) -> UUID:
    """Delete the exercise from every lesson using it; returns its id."""
    exercise = await exercise_for_edit(viewer, exercise_id)
    lesson_ids = sorted(
        await LessonExercise.filter(exercise_id=exercise.id).values_list("lesson_id", flat=True),
        key=str,
    )
    async with in_transaction() as conn:
        for lesson_id in lesson_ids:
            await lock(conn, queries.LESSONS, lesson_id)
        await Exercise.filter(id=exercise.id).using_db(conn).delete()
        for lesson_id in lesson_ids:
            ids = await ordered_ids(conn, queries.LESSON_EXERCISES, "lesson_id", lesson_id)
            await renumber(conn, queries.LESSON_EXERCISES, "lesson_id", lesson_id, ids)
        await events.audit(conn, viewer.id, "delete_exercise", "exercise", exercise.id)
    return exercise.id


# --- prerequisites -----------------------------------------------------------------------


async def add_prerequisite(viewer: User, lesson_id: UUID, prerequisite_id: UUID) -> Lesson:
    """`lesson` requires `prerequisite`: same course, not itself, and no cycle. Returns the
    lesson."""
    lesson = await node_for_edit(viewer, "lesson", lesson_id, "lessonId")
    if lesson_id == prerequisite_id:
        raise AppError.of(ErrorCode.INVALID, "A lesson cannot require itself.", "prerequisiteId")
    course = await course_of_node("lesson", lesson_id)
    other = await course_of_node("lesson", prerequisite_id)
    if other is None or course is None or other.id != course.id:
        raise AppError.of(ErrorCode.NOT_FOUND, "No such lesson in this course.", "prerequisiteId")
    async with in_transaction() as conn:
        # One writer per course at a time, so two concurrent links cannot close a cycle.
        await lock(conn, queries.COURSES, course.id)
        cycle = await conn.execute_query_dict(queries.REACHES, [prerequisite_id, lesson_id])
        if cycle:
            raise AppError.of(
                ErrorCode.CYCLE,
                "That lesson already depends on this one; the prerequisite would form a cycle.",
                "prerequisiteId",
            )
        await conn.execute_query(queries.LINK_PREREQUISITE, [lesson_id, prerequisite_id])
        new = {"prerequisite_id": prerequisite_id}
        await events.audit(conn, viewer.id, "add_lesson_prerequisite", "lesson", lesson_id, new=new)
    return lesson


async def remove_prerequisite(viewer: User, lesson_id: UUID, prerequisite_id: UUID) -> Lesson:
    lesson = await node_for_edit(viewer, "lesson", lesson_id, "lessonId")
    async with in_transaction() as conn:
        deleted = (
            await LessonPrerequisite.filter(lesson_id=lesson_id, prerequisite_id=prerequisite_id)
            .using_db(conn)
            .delete()
        )
        if not deleted:
            raise AppError.of(
                ErrorCode.NOT_FOUND, "Not a prerequisite of this lesson.", "prerequisiteId"
            )
        old = {"prerequisite_id": prerequisite_id}
        action = "remove_lesson_prerequisite"
        await events.audit(conn, viewer.id, action, "lesson", lesson_id, old)
    return lesson
