"""Course files (docs/course-format.md): parse, validate everything, then write in one
transaction. Errors name the path inside the document, e.g.
`sections[1].units[0].lessons[3].exercises[2].options`.

Re-importing a slug updates the course in place: sections, units, lessons and exercises are
matched by position (so learners' progress on kept lessons survives), scenarios by name;
surplus rows are removed (scenarios are deactivated, since sessions may refer to them).

An import emits one `CatalogChanged` (`import_course`, the course's slug, whether it was
created and its lesson count as new values) in its transaction; the command line's has no
actor.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from core.errors import AppError, ErrorCode, Validator
from models.catalog import (
    ConversationScenario,
    Course,
    Exercise,
    Language,
    Lesson,
    LessonExercise,
    MediaAsset,
    Section,
    Unit,
)
from models.identity import User
from resolvers.catalog import events, queries
from resolvers.catalog.exercises import write_options
from resolvers.catalog.import_check import (
    EXERCISE_KEYS,
    LESSON_KEYS,
    SCENARIO_KEYS,
    SECTION_KEYS,
    UNIT_KEYS,
    parse,
    validate,
)
from resolvers.identity.policy import is_admin, require_viewer

__all__ = ["ImportResult", "ensure_languages", "import_course_text", "parse", "validate"]

# Languages a course file may name without creating them first: (name, native name).
KNOWN_LANGUAGES = {
    "en": ("English", "English"),
    "es": ("Spanish", "Español"),
    "fr": ("French", "Français"),
    "de": ("German", "Deutsch"),
    "it": ("Italian", "Italiano"),
    "pt": ("Portuguese", "Português"),
}


@dataclass(frozen=True)
class ImportResult:
    """The imported course, whether it was new (else updated in place), its lesson count."""

    course: Course
    created: bool
    lesson_count: int


async def ensure_languages(codes: set[str] | None = None) -> None:
    existing = set(await Language.all().values_list("code", flat=True))
    for code, (name, native) in KNOWN_LANGUAGES.items():
        if code not in existing and (codes is None or code in codes):
            await Language.create(code=code, name=name, native_name=native)


async def _resolve_languages(doc: dict) -> dict[str, Language]:
    codes = {doc["from_language"], doc["to_language"]}
    await ensure_languages(codes)
    found = {lang.code: lang for lang in await Language.filter(code__in=list(codes))}
    v = Validator()
    for key in ("from_language", "to_language"):
        if doc[key] not in found:
            v.add(key, ErrorCode.NOT_FOUND, f"No language with code {doc[key]!r}.")
    v.raise_if_any()
    return found


async def import_course_text(
    text: str, viewer: User | None, author: User | None = None
) -> ImportResult:
    """Import a course file. `viewer` None means the command line (trusted)."""
    if viewer is not None and not is_admin(require_viewer(viewer)):
        raise AppError.of(ErrorCode.FORBIDDEN, "Only admins may import courses.")
    doc = parse(text)
    validate(doc)
    languages = await _resolve_languages(doc)
    if doc.get("author"):
        author = await User.get_or_none(email=str(doc["author"]).strip().lower())
        if author is None:
            raise AppError.of(ErrorCode.NOT_FOUND, f"No user {doc['author']!r}.", "author")
    async with in_transaction() as conn:
        result = await _write(conn, doc, languages, author or viewer)
        new = {"slug": doc["slug"], "created": result.created, "lesson_count": result.lesson_count}
        actor_id = viewer.id if viewer is not None else None
        await events.audit(conn, actor_id, "import_course", "course", result.course.id, new=new)
        return result


def _fields(data: dict, keys: set[str]) -> dict:
    return {k: v for k, v in data.items() if k in keys}


async def _write(
    conn: BaseDBAsyncClient, doc: dict, languages: dict[str, Language], author: User | None
) -> ImportResult:
    now = datetime.now(UTC)
    price = doc.get("price") or {}
    published = bool(doc.get("published", False))
    values = {
        "title": doc["title"],
        "description": doc.get("description") or "",
        "from_language_id": languages[doc["from_language"]].id,
        "to_language_id": languages[doc["to_language"]].id,
        "category": doc.get("category") or "daily",
        "cefr_min": doc.get("cefr_min") or "A1",
        "cefr_max": doc.get("cefr_max") or doc.get("cefr_min") or "A2",
        "featured": bool(doc.get("featured", False)),
        "tags": doc.get("tags") or [],
        "price_amount": Decimal(str(price.get("amount", 0))),
        "price_currency": price.get("currency") or "USD",
        "image_url": doc.get("image_url"),
        "is_published": published,
        "deleted_at": None,
    }
    course = await Course.filter(slug=doc["slug"]).using_db(conn).select_for_update().first()
    created = course is None
    if course is None:
        course = await Course.create(
            slug=doc["slug"], author=author, published_at=now if published else None,
            using_db=conn, **values,
        )  # fmt: skip
    else:
        if published and not course.is_published:
            values["published_at"] = now
        if author is not None and doc.get("author"):
            values["author_id"] = author.id
        await Course.filter(id=course.id).using_db(conn).update(**values)
        course = await Course.get(id=course.id, using_db=conn)
    lessons_by_key: dict[str, Any] = {}
    lesson_count = 0
    sections = await _sync(conn, Section, "course_id", course.id, doc["sections"], SECTION_KEYS)
    for section, sdata in zip(sections, doc["sections"], strict=True):
        units = await _sync(conn, Unit, "section_id", section.id, sdata["units"], UNIT_KEYS)
        for unit, udata in zip(units, sdata["units"], strict=True):
            lessons = await _sync(conn, Lesson, "unit_id", unit.id, udata["lessons"], LESSON_KEYS)
            for lesson, ldata in zip(lessons, udata["lessons"], strict=True):
                lesson_count += 1
                if ldata.get("key"):
                    lessons_by_key[ldata["key"]] = lesson.id
                await _sync_exercises(conn, lesson.id, ldata.get("exercises") or [])
                await _sync_scenarios(conn, lesson.id, ldata.get("scenarios") or [])
    await _sync_prerequisites(conn, course.id, doc, lessons_by_key)
    return ImportResult(course=course, created=created, lesson_count=lesson_count)


async def _sync(
    conn: BaseDBAsyncClient, model: Any, parent: str, parent_id: Any, items: list, keys: set
) -> list:
    """Match children by position: update, create the missing, delete the surplus."""
    existing = await model.filter(**{parent: parent_id}).using_db(conn).order_by("position")
    plain = keys - {"units", "lessons", "key", "prerequisites", "exercises", "scenarios"}
    rows = []
    for position, data in enumerate(items, start=1):
        fields = _fields(data, plain)
        if position <= len(existing):
            row = existing[position - 1]
            defaults = model(**{parent: parent_id}, position=position)  # model defaults
            for key in plain:
                setattr(row, key, fields.get(key, getattr(defaults, key)))
            await row.save(using_db=conn)
        else:
            row = await model.create(**{parent: parent_id}, position=position, using_db=conn,
                                     **fields)  # fmt: skip
        rows.append(row)
    surplus = [row.id for row in existing[len(items) :]]
    if surplus:
        await model.filter(id__in=surplus).using_db(conn).delete()
    return rows


async def _media(conn: BaseDBAsyncClient, data: dict | None) -> Any:
    return (await MediaAsset.create(**data, using_db=conn)).id if data else None


async def _sync_exercises(conn: BaseDBAsyncClient, lesson_id: Any, items: list) -> None:
    links = await LessonExercise.filter(lesson_id=lesson_id).using_db(conn).order_by("position")
    for position, data in enumerate(items, start=1):
        fields = _fields(data, EXERCISE_KEYS - {"media", "options"})
        options = data.get("options") or []
        if data["type"] == "multiple_choice" and not fields.get("correct_answer"):
            fields["correct_answer"] = next(o["text"] for o in options if o.get("is_correct"))
        fields["media_id"] = await _media(conn, data.get("media"))
        if position <= len(links):
            exercise = await Exercise.get(id=links[position - 1].exercise_id, using_db=conn)
            defaults = Exercise(type=data["type"], prompt="")
            for key in EXERCISE_KEYS - {"media", "options"}:
                setattr(exercise, key, fields.get(key, getattr(defaults, key)))
            exercise.media_id = fields["media_id"]
            await exercise.save(using_db=conn)
        else:
            exercise = await Exercise.create(using_db=conn, **fields)
            await LessonExercise.create(
                lesson_id=lesson_id, exercise=exercise, position=position, using_db=conn
            )
        await write_options(conn, exercise, options)
    surplus = links[len(items) :]
    if surplus:
        await LessonExercise.filter(id__in=[s.id for s in surplus]).using_db(conn).delete()
        # Exercises no other lesson uses go too.
        await conn.execute_query(
            queries.DELETE_UNUSED_EXERCISES,
            [[s.exercise_id for s in surplus]],
        )


async def _sync_scenarios(conn: BaseDBAsyncClient, lesson_id: Any, items: list) -> None:
    existing = {
        s.name: s for s in await ConversationScenario.filter(lesson_id=lesson_id).using_db(conn)
    }
    for data in items:
        fields = {"is_active": True, **_fields(data, SCENARIO_KEYS)}
        row = existing.pop(data["name"], None)
        if row is None:
            await ConversationScenario.create(lesson_id=lesson_id, using_db=conn, **fields)
        else:
            await ConversationScenario.filter(id=row.id).using_db(conn).update(**fields)
    if existing:
        await (
            ConversationScenario.filter(id__in=[s.id for s in existing.values()])
            .using_db(conn)
            .update(is_active=False)
        )


async def _sync_prerequisites(
    conn: BaseDBAsyncClient, course_id: Any, doc: dict, lessons_by_key: dict[str, Any]
) -> None:
    await conn.execute_query(queries.UNLINK_COURSE_PREREQUISITES, [course_id])
    pairs = [
        (lessons_by_key[lesson["key"]], lessons_by_key[key])
        for section in doc["sections"]
        for unit in section["units"]
        for lesson in unit["lessons"]
        for key in lesson.get("prerequisites") or []
    ]
    if pairs:
        await conn.execute_query(
            queries.LINK_PREREQUISITES, [[a for a, _ in pairs], [b for _, b in pairs]]
        )
