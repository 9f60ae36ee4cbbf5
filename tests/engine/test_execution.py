"""The fast executor (schema/execution.py) answers exactly as graphql-core's own would.

A small in-memory schema, executed twice — with `FastExecutionContext` and with
Strawberry's default executor — must give the same data and the same errors; relations must
load once per list, and null keys, missing rows and failing loaders behave as before.
"""

from __future__ import annotations

import asyncio
import enum
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import pytest
import strawberry
from strawberry import relay

from engine.context import Context
from engine.execution import FastExecutionContext, install_relation_resolvers
from engine.relations import model_type, related, when_loaded
from loaders.base import RecordLoader

BATCHES: list[tuple[str, list[Any]]] = []


@strawberry.enum(name="Level")
class Level(enum.Enum):
    A1 = "A1"
    B2 = "B2"


class Unit:
    def __init__(self, id: str, title: str | None) -> None:
        self.id, self.title = id, title


class Lesson:
    def __init__(self, id: str, title: str, unit_id: str | None, level: Level) -> None:
        self.id, self.title, self.unit_id, self.level = id, title, unit_id, level
        self.published_at = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
        self.tags = ["x", "y"]


UNITS = {"u1": Unit("u1", "Basics"), "u2": Unit("u2", None), "u3": Unit("u3", "Food")}
LESSONS = [
    Lesson("l1", "Hello", "u1", Level.A1),
    Lesson("l2", "Bye", "u2", Level.B2),
    Lesson("l3", "Soup", "u3", Level.A1),
    Lesson("l4", "Lost", "missing", Level.A1),
    Lesson("l5", "Loose", None, Level.B2),
    Lesson("l6", "Again", "u1", Level.A1),
]


class UnitByIdLoader(RecordLoader):
    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        BATCHES.append(("unit", list(keys)))
        return {key: UNITS[key] for key in keys if key in UNITS}


class FailingUnitLoader(RecordLoader):
    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        BATCHES.append(("failing", list(keys)))
        raise RuntimeError("units are down")


@strawberry.type(name="Unit")
@model_type(Unit)
class UnitType(relay.Node):
    id: relay.NodeID[str]
    title: str  # non-null, but one unit has none: an error at that path


@strawberry.type(name="Lesson")
@model_type(Lesson)
class LessonType(relay.Node):
    id: relay.NodeID[str]
    title: str
    level: Level
    published_at: datetime
    tags: list[str]
    unit: UnitType | None = related(UnitByIdLoader, "unit_id")
    strict_unit: UnitType = related(UnitByIdLoader, "unit_id")
    broken_unit: UnitType | None = related(FailingUnitLoader, "unit_id")


@strawberry.type
class Query:
    # The resolvers return the plain rows; `model_type` lets them stand for LessonType.
    @strawberry.field(graphql_type=list[LessonType])
    def lessons(self) -> list[Lesson]:
        return LESSONS

    @strawberry.field(graphql_type=LessonType)
    def lesson(self) -> Lesson:
        return LESSONS[0]


def _schema(fast: bool) -> strawberry.Schema:
    if not fast:
        return strawberry.Schema(query=Query)
    schema = strawberry.Schema(query=Query, execution_context_class=FastExecutionContext)
    install_relation_resolvers(schema._schema)
    return schema


async def _run(fast: bool, query: str) -> tuple[Any, list[dict[str, Any]]]:
    result = await _schema(fast).execute(query, context_value=Context())
    errors = sorted(
        ({"message": e.message, "path": e.path} for e in result.errors or []),
        key=lambda e: str(e["path"]),
    )
    return result.data, errors


@pytest.fixture(autouse=True)
def _clear_batches() -> None:
    BATCHES.clear()


@pytest.mark.parametrize(
    "query",
    [
        "{ lessons { id title level publishedAt tags } }",
        "{ lessons { id unit { id title } } }",
        "{ lessons { title brokenUnit { id } } }",
        "{ lesson { id unit { id title } } }",
        "{ lessons { ...F } } fragment F on Lesson { a: title b: unit { t: title } }",
    ],
)
async def test_answers_like_the_default_executor(query: str) -> None:
    assert await _run(True, query) == await _run(False, query)


async def test_null_in_non_null_leaf_keeps_its_error_and_path() -> None:
    _, errors = await _run(True, "{ lessons { unit { title } } }")
    assert errors == [
        {
            "message": "Cannot return null for non-nullable field Unit.title.",
            "path": ["lessons", 1, "unit", "title"],
        }
    ]


async def test_null_relation_in_non_null_field_nulls_the_list_at_the_first_item() -> None:
    # Items 3 (no such unit) and 4 (null key) both fail; the null propagates up to `lessons`
    # after the first error. graphql-core's own executor, running items concurrently,
    # reports whichever fails first (there item 4, which needed no load); here every item
    # completes in list order.
    data, errors = await _run(True, "{ lessons { title strictUnit { id } } }")
    assert data is None
    assert errors == [
        {
            "message": "Cannot return null for non-nullable field Lesson.strictUnit.",
            "path": ["lessons", 3, "strictUnit"],
        }
    ]


async def test_relation_loads_once_per_list_and_skips_null_keys() -> None:
    data, _ = await _run(True, "{ lessons { unit { id } } }")
    assert BATCHES == [("unit", ["u1", "u2", "u3", "missing"])]
    assert [lesson["unit"] for lesson in data["lessons"]] == [
        {"id": relay.to_base64("Unit", "u1")},
        {"id": relay.to_base64("Unit", "u2")},
        {"id": relay.to_base64("Unit", "u3")},
        None,  # no such unit
        None,  # null key: nothing loaded
        {"id": relay.to_base64("Unit", "u1")},
    ]


async def test_failing_relation_is_an_error_per_item() -> None:
    _, errors = await _run(True, "{ lessons { brokenUnit { id } } }")
    assert errors == [
        {"message": "units are down", "path": ["lessons", i, "brokenUnit"]}
        for i in (0, 1, 2, 3, 5)  # item 4 has no key; item 5 shares item 0's failed load
    ]


async def test_error_below_a_non_null_object_propagates_past_it() -> None:
    # Unit u2 has no title: `strictUnit` cannot be null, so the error nulls the list item,
    # and `lessons` (non-null items) with it.
    data, errors = await _run(True, "{ lessons { strictUnit { title } } }")
    assert data is None
    assert errors == [
        {
            "message": "Cannot return null for non-nullable field Unit.title.",
            "path": ["lessons", 1, "strictUnit", "title"],
        }
    ]


async def test_error_below_a_nullable_object_nulls_only_that_object() -> None:
    data, errors = await _run(True, "{ lessons { id unit { title } } }")
    assert [e["path"] for e in errors] == [["lessons", 1, "unit", "title"]]
    assert [lesson["unit"] for lesson in data["lessons"]] == [
        {"title": "Basics"},
        None,  # u2 has no title: its error nulls the (nullable) unit, nothing more
        {"title": "Food"},
        None,
        None,
        {"title": "Basics"},
    ]


async def test_when_loaded_computes_now_or_later() -> None:
    assert when_loaded(lambda a, b: a + b, 2, 3) == 5  # loaded: a value, no awaitable
    pending = asyncio.get_running_loop().create_future()
    later = when_loaded(lambda a, b: a + b, 2, pending)
    pending.set_result(40)
    assert await later == 42
