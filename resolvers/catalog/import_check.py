"""Course files: parsing and validation (no database). Every error carries the path of the
offending value inside the document, e.g. `sections[1].units[0].lessons[3].exercises[2]`."""

from __future__ import annotations

from typing import Any

import yaml

from core.errors import AppError, ErrorCode, Validator
from rules.catalog.content import (
    check_course,
    check_exercise,
    check_lesson,
    check_media,
    check_scenario,
    check_section,
    check_unit,
)

MAX_DOCUMENT = 2_000_000  # characters

COURSE_KEYS = {
    "slug", "title", "description", "from_language", "to_language", "category", "cefr_min",
    "cefr_max", "featured", "published", "tags", "price", "image_url", "author", "sections",
}  # fmt: skip
SECTION_KEYS = {"title", "description", "cefr_level", "units"}
UNIT_KEYS = {"title", "description", "color", "icon_url", "lessons"}
LESSON_KEYS = {
    "key", "title", "description", "objectives", "vocabulary", "grammar_focus", "xp_reward",
    "estimated_minutes", "difficulty", "is_active", "prerequisites", "exercises", "scenarios",
}  # fmt: skip
EXERCISE_KEYS = {
    "type", "prompt", "correct_answer", "accepted_answers", "explanation", "hint", "difficulty",
    "estimated_seconds", "is_active", "media", "options",
}  # fmt: skip
OPTION_KEYS = {"text", "is_correct"}
MEDIA_KEYS = {"kind", "url", "format", "quality", "duration_seconds", "size_bytes", "mime_type"}
SCENARIO_KEYS = {
    "name", "description", "context", "difficulty", "cefr_level", "role_play_instructions",
    "key_phrases", "evaluation_criteria", "expected_duration_minutes", "is_active",
}  # fmt: skip


def parse(text: str) -> dict:
    """YAML (JSON is valid YAML too) into a dict, or an INVALID error for the document."""
    if len(text) > MAX_DOCUMENT:
        raise AppError.of(ErrorCode.TOO_LONG, "The document is too large.", "document")
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise AppError.of(
            ErrorCode.INVALID,
            f"Not valid YAML{where}: {getattr(error, 'problem', error)}",
            "document",
        ) from error
    if not isinstance(doc, dict):
        raise AppError.of(ErrorCode.INVALID, "The document must be a mapping.", "document")
    return doc


class _Checker:
    """Walks the document once, collecting every error with its path."""

    def __init__(self) -> None:
        self.v = Validator()
        self.keys: dict[str, str] = {}  # lesson key -> path
        self.edges: list[tuple[str, str, str]] = []  # (lesson key, prerequisite key, path)

    def mapping(self, value: Any, path: str, allowed: set[str]) -> dict | None:
        if not isinstance(value, dict):
            self.v.add(path, ErrorCode.INVALID, "Expected a mapping.")
            return None
        for key in value:
            if key not in allowed:
                self.v.add(f"{path}.{key}" if path else str(key), ErrorCode.INVALID,
                           f"Unknown field `{key}`.")  # fmt: skip
        return value

    def items(self, parent: dict, key: str, path: str, required: bool) -> list:
        value = parent.get(key)
        where = f"{path}.{key}" if path else key
        if value is None:
            if required:
                self.v.add(where, ErrorCode.REQUIRED, f"`{key}` needs at least one entry.")
            return []
        if not isinstance(value, list):
            self.v.add(where, ErrorCode.INVALID, f"`{key}` must be a list.")
            return []
        if required and not value:
            self.v.add(where, ErrorCode.REQUIRED, f"`{key}` needs at least one entry.")
        return value

    def at(self, path: str) -> Any:
        return lambda key: f"{path}.{key}" if path else key

    def course(self, doc: dict) -> None:
        if self.mapping(doc, "", COURSE_KEYS) is None:
            return
        flat = {k: v for k, v in doc.items() if k not in ("price", "sections")}
        check_course(self.v, flat, self.at(""), creating=True)
        for key in ("featured", "published"):
            if key in doc and not isinstance(doc[key], bool):
                self.v.add(key, ErrorCode.INVALID, f"`{key}` must be true or false.")
        price = doc.get("price")
        if price is not None and self.mapping(price, "price", {"amount", "currency"}) is not None:
            check_course(
                self.v,
                {"price_amount": price.get("amount"), "price_currency": price.get("currency")},
                lambda k: "price." + k.removeprefix("price_"),
                creating=False,
            )
        for i, section in enumerate(self.items(doc, "sections", "", True)):
            self.section(section, f"sections[{i}]")
        self.prerequisites()

    def section(self, data: Any, path: str) -> None:
        if self.mapping(data, path, SECTION_KEYS) is None:
            return
        check_section(self.v, data, self.at(path), creating=True)
        for i, unit in enumerate(self.items(data, "units", path, True)):
            self.unit(unit, f"{path}.units[{i}]")

    def unit(self, data: Any, path: str) -> None:
        if self.mapping(data, path, UNIT_KEYS) is None:
            return
        check_unit(self.v, data, self.at(path), creating=True)
        for i, lesson in enumerate(self.items(data, "lessons", path, True)):
            self.lesson(lesson, f"{path}.lessons[{i}]")

    def lesson(self, data: Any, path: str) -> None:
        if self.mapping(data, path, LESSON_KEYS) is None:
            return
        check_lesson(self.v, data, self.at(path), creating=True)
        key = data.get("key")
        if key is not None:
            if not isinstance(key, str) or not key:
                self.v.add(f"{path}.key", ErrorCode.INVALID, "`key` must be text.")
            elif key in self.keys:
                self.v.add(f"{path}.key", ErrorCode.UNIQUE, f"Key {key!r} is used twice.")
            else:
                self.keys[key] = path
        for i, prerequisite in enumerate(self.items(data, "prerequisites", path, False)):
            where = f"{path}.prerequisites[{i}]"
            if key is None:
                self.v.add(where, ErrorCode.INVALID, "Give the lesson a `key` first.")
            else:
                self.edges.append((key, prerequisite, where))
        for i, exercise in enumerate(self.items(data, "exercises", path, False)):
            self.exercise(exercise, f"{path}.exercises[{i}]")
        for i, scenario in enumerate(self.items(data, "scenarios", path, False)):
            where = f"{path}.scenarios[{i}]"
            if self.mapping(scenario, where, SCENARIO_KEYS) is not None:
                check_scenario(self.v, scenario, self.at(where))

    def exercise(self, data: Any, path: str) -> None:
        if self.mapping(data, path, EXERCISE_KEYS) is None:
            return
        for i, option in enumerate(self.items(data, "options", path, False)):
            self.mapping(option, f"{path}.options[{i}]", OPTION_KEYS)
        check_exercise(self.v, data, self.at(path), creating=True)
        media = data.get("media")
        if media is not None and self.mapping(media, f"{path}.media", MEDIA_KEYS) is not None:
            check_media(self.v, media, self.at(f"{path}.media"))

    def prerequisites(self) -> None:
        graph: dict[str, list[str]] = {}
        for lesson, prerequisite, where in self.edges:
            if not isinstance(prerequisite, str) or prerequisite not in self.keys:
                self.v.add(where, ErrorCode.NOT_FOUND, f"No lesson with key {prerequisite!r}.")
            elif prerequisite == lesson:
                self.v.add(where, ErrorCode.INVALID, "A lesson cannot require itself.")
            else:
                graph.setdefault(lesson, []).append(prerequisite)
        for lesson, prerequisite, where in self.edges:
            if (
                prerequisite in self.keys
                and prerequisite != lesson
                and _reaches(graph, prerequisite, lesson)
            ):
                self.v.add(where, ErrorCode.CYCLE, f"{prerequisite!r} already needs {lesson!r}.")


def _reaches(graph: dict[str, list[str]], start: str, goal: str) -> bool:
    seen, stack = set(), [start]
    while stack:
        node = stack.pop()
        if node == goal:
            return True
        if node not in seen:
            seen.add(node)
            stack.extend(graph.get(node, []))
    return False


def validate(doc: dict) -> None:
    checker = _Checker()
    checker.course(doc)
    checker.v.raise_if_any()
