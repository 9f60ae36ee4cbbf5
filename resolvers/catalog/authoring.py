"""Authoring use cases: courses, sections, units and lessons (exercises and prerequisites
are in resolvers/catalog/exercises.py).

Teachers edit their own courses, admins every course; anything else reads as NOT_FOUND.
Positions are 1-based and dense within a parent; every reorder runs in one transaction with
the parent row locked, renumbering through a temporary offset so the unique (parent,
position) constraints never see two rows on one position.

Every change emits `CatalogChanged` (events.audit) in its transaction, named after its
mutation (`create_course`, `move_lesson`...): creates carry the given fields as new values,
updates the given fields' old and new values, publishing `is_published`, moves the position
(and parent), deletes the action and entity only.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from core.errors import AppError, ErrorCode, Validator, not_found
from core.rows import fetch_records
from loaders.catalog import LESSONS, SECTIONS, UNITS
from models.catalog import Course, Language, Lesson, Section, Unit
from resolvers.catalog import events
from resolvers.catalog.policy import COURSE_ID_LOADERS, can_edit
from resolvers.catalog.queries import COURSES
from resolvers.identity.policy import is_staff, require_viewer
from rules.catalog.content import camel, check_course, check_lesson, check_section, check_unit

if TYPE_CHECKING:
    from models.identity import User

NODE_MODELS: dict[str, type[Section | Unit | Lesson]] = {
    "section": Section,
    "unit": Unit,
    "lesson": Lesson,
}
OFFSET = 1_000_000  # larger than any real position: parks rows while renumbering


def require_author(viewer: User | None) -> User:
    user = require_viewer(viewer)
    if not is_staff(user):
        raise AppError.of(ErrorCode.FORBIDDEN, "Only teachers and admins may author courses.")
    return user


async def course_for_edit(viewer: User | None, course_id: Any, field: str = "id") -> Course:
    user = require_author(viewer)
    course = await Course.get_or_none(id=course_id, deleted_at=None)
    if not can_edit(user, course):
        raise not_found("Course", field)
    assert course is not None
    return course


async def course_of_node(kind: str, node_id: Any) -> Course | None:
    """The live course a section, unit or lesson is in: the statement of the loader the
    policy batches the same question through, for one node inside a use case."""
    rows = await fetch_records(COURSE_ID_LOADERS[kind].sql, [[node_id]])
    return await Course.get_or_none(id=rows[0]["v"], deleted_at=None) if rows else None


async def node_for_edit(viewer: User | None, kind: str, node_id: Any, field: str = "id") -> Any:
    """The section/unit/lesson `node_id` if the viewer edits its course, else NOT_FOUND."""
    user = require_author(viewer)
    model = NODE_MODELS[kind]
    row = await model.get_or_none(id=node_id)
    if row is None or not can_edit(user, await course_of_node(kind, node_id)):
        raise not_found(kind.title(), field)
    return row


# --- ordering ----------------------------------------------------------------------------


async def ordered_ids(conn: BaseDBAsyncClient, table: str, parent: str, parent_id: Any) -> list:
    rows = await conn.execute_query_dict(
        f'SELECT id FROM "{table}" WHERE {parent} = $1 ORDER BY position', [parent_id]
    )
    return [row["id"] for row in rows]


async def lock(conn: BaseDBAsyncClient, table: str, row_id: Any) -> None:
    """Serialise reorders of one parent's children."""
    await conn.execute_query(f'SELECT 1 FROM "{table}" WHERE id = $1 FOR UPDATE', [row_id])


async def renumber(
    conn: BaseDBAsyncClient, table: str, parent: str, parent_id: Any, ids: list
) -> None:
    """Give `ids` (all children of the parent, in the wanted order) positions 1..n."""
    await conn.execute_query(
        f'UPDATE "{table}" SET position = position + {OFFSET} WHERE {parent} = $1', [parent_id]
    )
    if ids:
        await conn.execute_query(
            f'UPDATE "{table}" t SET position = v.pos FROM unnest($1::uuid[]) '
            "WITH ORDINALITY AS v(id, pos) WHERE t.id = v.id",
            [list(ids)],
        )


def place(ids: list, item: Any, position: int | None, field: str = "position") -> list:
    """`ids` with `item` moved/inserted at 1-based `position` (None: at the end)."""
    rest = [i for i in ids if i != item]
    if position is None:
        return [*rest, item]
    if not 1 <= position <= len(rest) + 1:
        raise AppError.of(
            ErrorCode.INVALID, f"Position must be between 1 and {len(rest) + 1}.", field
        )
    return [*rest[: position - 1], item, *rest[position - 1 :]]


# --- courses -----------------------------------------------------------------------------


async def _language(code: str, field: str) -> Language:
    found = await Language.get_or_none(code=code)
    if found is None:
        raise AppError.of(ErrorCode.NOT_FOUND, f"No language with code {code!r}.", field)
    return found


def _validate(check: Any, data: dict, creating: bool) -> None:
    v = Validator()
    check(v, data, camel, creating)
    v.raise_if_any()


async def create_course(viewer: User, data: dict) -> Course:
    user = require_author(viewer)
    _validate(check_course, data, creating=True)
    if await Course.exists(slug=data["slug"]):
        raise AppError.of(ErrorCode.UNIQUE, "That slug is taken.", "slug")
    fields = {
        k: v
        for k, v in data.items()
        if k not in ("from_language", "to_language") and v is not None  # null: the default
    }
    from_language = await _language(data["from_language"], "fromLanguage")
    to_language = await _language(data["to_language"], "toLanguage")
    async with in_transaction() as conn:
        course = await Course.create(
            **fields,
            from_language=from_language,
            to_language=to_language,
            author=user,
            using_db=conn,
        )
        new = {**fields, "from_language": from_language.code, "to_language": to_language.code}
        await events.audit(conn, user.id, "create_course", "course", course.id, new=new)
    return course


async def update_course(viewer: User, course_id: UUID, data: dict) -> Course:
    course = await course_for_edit(viewer, course_id)
    _validate(check_course, data, creating=False)
    if data.get("slug") and await Course.exclude(id=course.id).filter(slug=data["slug"]).exists():
        raise AppError.of(ErrorCode.UNIQUE, "That slug is taken.", "slug")
    changes: dict[str, Any] = {}
    for key in ("from_language", "to_language"):
        if data.get(key):
            language = await _language(data.pop(key), camel(key))
            changes[f"{key}_id"] = language.id
        else:
            data.pop(key, None)
    low = data.get("cefr_min") or course.cefr_min
    high = data.get("cefr_max") or course.cefr_max
    if low > high:
        raise AppError.of(ErrorCode.INVALID, "`cefrMax` must not be below `cefrMin`.", "cefrMax")
    for key, value in data.items():
        if value is not None or key in ("image_url",):
            changes[key] = value
    old = {key: getattr(course, key) for key in changes}
    for key, value in changes.items():
        setattr(course, key, value)
    async with in_transaction() as conn:
        await course.save(using_db=conn)
        await events.audit(conn, viewer.id, "update_course", "course", course.id, old, changes)
    return course


async def set_published(viewer: User, course_id: UUID, published: bool) -> Course:
    course = await course_for_edit(viewer, course_id)
    old = {"is_published": course.is_published}
    course.is_published = published
    if published:
        course.published_at = datetime.now(UTC)
    action = "publish_course" if published else "unpublish_course"
    async with in_transaction() as conn:
        await course.save(
            update_fields=["is_published", "published_at", "updated_at"], using_db=conn
        )
        new = {"is_published": published}
        await events.audit(conn, viewer.id, action, "course", course.id, old, new)
    return course


async def delete_course(viewer: User, course_id: UUID) -> UUID:
    """Soft delete: learners' enrollments and history keep pointing at a real row. Returns
    the deleted course's id."""
    course = await course_for_edit(viewer, course_id)
    course.deleted_at = datetime.now(UTC)
    course.is_published = False
    async with in_transaction() as conn:
        await course.save(update_fields=["deleted_at", "is_published", "updated_at"], using_db=conn)
        await events.audit(conn, viewer.id, "delete_course", "course", course.id)
    return course.id


# --- sections, units, lessons ------------------------------------------------------------

# kind -> (model, table, parent column, parent table, parent kind)
TREE: dict[str, tuple[Any, str, str, str, str]] = {
    "section": (Section, SECTIONS, "course_id", COURSES, "course"),
    "unit": (Unit, UNITS, "section_id", SECTIONS, "section"),
    "lesson": (Lesson, LESSONS, "unit_id", UNITS, "unit"),
}
CHECKS = {"section": check_section, "unit": check_unit, "lesson": check_lesson}


async def _parent_for_edit(viewer: User | None, kind: str, parent_id: Any, field: str) -> Any:
    parent_kind = TREE[kind][4]
    if parent_kind == "course":
        return await course_for_edit(viewer, parent_id, field)
    return await node_for_edit(viewer, parent_kind, parent_id, field)


async def create_node(
    viewer: User, kind: str, parent_id: UUID, data: dict, position: int | None
) -> Any:
    """The new section/unit/lesson (a row of `TREE[kind]`'s model)."""
    model, table, parent, parent_table, parent_kind = TREE[kind]
    field = camel(f"{parent_kind}_id")
    await _parent_for_edit(viewer, kind, parent_id, field)
    _validate(CHECKS[kind], data, creating=True)
    async with in_transaction() as conn:
        await lock(conn, parent_table, parent_id)
        ids = await ordered_ids(conn, table, parent, parent_id)
        fields = {k: v for k, v in data.items() if v is not None}  # null: the default
        row = await model.create(
            **fields, **{parent: parent_id}, position=len(ids) + 1, using_db=conn
        )
        order = place(ids, row.id, position)
        if order[-1] != row.id:
            await renumber(conn, table, parent, parent_id, order)
            row.position = order.index(row.id) + 1
        new = {**fields, parent: parent_id, "position": row.position}
        await events.audit(conn, viewer.id, f"create_{kind}", kind, row.id, new=new)
    return row


async def update_node(viewer: User, kind: str, node_id: UUID, data: dict) -> Any:
    """The changed section/unit/lesson."""
    row = await node_for_edit(viewer, kind, node_id)
    _validate(CHECKS[kind], data, creating=False)
    changes = {key: value for key, value in data.items() if value is not None}
    old = {key: getattr(row, key) for key in changes}
    for key, value in changes.items():
        setattr(row, key, value)
    async with in_transaction() as conn:
        await row.save(using_db=conn)
        await events.audit(conn, viewer.id, f"update_{kind}", kind, row.id, old, changes)
    return row


async def move_node(
    viewer: User, kind: str, node_id: UUID, position: int, new_parent_id: UUID | None = None
) -> Any:
    """Reorder within the parent, or move to another parent of the same course; the moved
    section/unit/lesson, read again."""
    model, table, parent, parent_table, parent_kind = TREE[kind]
    row = await node_for_edit(viewer, kind, node_id)
    old_parent = getattr(row, parent)
    target = new_parent_id or old_parent
    if target != old_parent:
        field = camel(f"{parent_kind}_id")
        new_parent = await _parent_for_edit(viewer, kind, target, field)
        course_id = new_parent.id if parent_kind == "course" else None
        if course_id is None:
            here = await course_of_node(kind, node_id)
            there = await course_of_node(parent_kind, target)
            if there is None or here is None or there.id != here.id:
                raise AppError.of(ErrorCode.INVALID, "Move within the same course.", field)
    async with in_transaction() as conn:
        for parent_id in sorted({old_parent, target}, key=str):  # fixed lock order
            await lock(conn, parent_table, parent_id)
        target_ids = await ordered_ids(conn, table, parent, target)
        order = place(target_ids, row.id, position)
        if target != old_parent:
            await conn.execute_query(
                f'UPDATE "{table}" SET position = $1 WHERE id = $2', [OFFSET * 2, row.id]
            )
            left = [i for i in await ordered_ids(conn, table, parent, old_parent) if i != row.id]
            await renumber(conn, table, parent, old_parent, left)
            await conn.execute_query(
                f'UPDATE "{table}" SET {parent} = $1 WHERE id = $2', [target, row.id]
            )
        await renumber(conn, table, parent, target, order)
        old: dict[str, Any] = {"position": row.position}
        new: dict[str, Any] = {"position": order.index(row.id) + 1}
        if target != old_parent:
            old[parent], new[parent] = old_parent, target
        await events.audit(conn, viewer.id, f"move_{kind}", kind, row.id, old, new)
    return await model.get(id=row.id)


async def delete_node(viewer: User, kind: str, node_id: UUID) -> UUID:
    """Delete (children cascade) and close the gap in the parent's positions. Returns the
    deleted row's id."""
    model, table, parent, parent_table, _ = TREE[kind]
    row = await node_for_edit(viewer, kind, node_id)
    parent_id = getattr(row, parent)
    async with in_transaction() as conn:
        await lock(conn, parent_table, parent_id)
        await model.filter(id=row.id).using_db(conn).delete()
        await renumber(
            conn, table, parent, parent_id, await ordered_ids(conn, table, parent, parent_id)
        )
        await events.audit(conn, viewer.id, f"delete_{kind}", kind, row.id)
    return row.id
