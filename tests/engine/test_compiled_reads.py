"""The read compiler (engine/compiler) answers exactly what the executor answers.

Every query operation of tests/operations, and a few hundred queries hypothesis-graphql
generates over the schema (with the world's real ids, slugs and numbers as arguments), run
through both paths against the same data (the executors' comparison world of
test_executors_agree.py) for five viewers: anonymous, the learner who owns the data, the
course's author (who teaches the class), another learner, and an admin. Where the compiler
answers, the executor's answer has no error and the same data; where the executor reports
an error, the compiler declined. The share of generated queries compiled is printed (run
with `-s` to see it) and held above a floor; the frontend operations the read compiler is
for compile for their usual viewer, in exactly one statement whatever the list sizes.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
import pytest_asyncio
import strawberry
from graphql import build_schema as build_sdl
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import nodes, queries

from core.settings import Settings
from core.sqlcount import count_statements
from engine.compiler.runner import COMPILED, ReadCompiler
from engine.context import Context
from engine.ids import global_id
from models.catalog import Course, Lesson
from models.identity import Role
from resolvers.identity.auth import authenticate
from schema.root import build_schema
from services import build_services
from tests.engine.test_executors_agree import (
    AS_AUTHOR,
    OPERATION_TEXTS,
    QUERIES,
    World,
    _query_variables,
    _world,
)
from tests.factories.conversation import session_for, teacher
from tests.factories.identity import signed_in

SDL_SCHEMA = build_sdl(build_schema().as_str())
GENERATED = 240
# The share of generated queries compiled that issue 13 asks for (the printed share is the
# figure: 85% when this was written).
GENERATED_FLOOR = 0.8

# The frontend operations the compiler is for, and the viewer they are read as.
COMPILED_OPERATIONS = [
    "Languages",
    "Courses",
    "CourseTree",
    "Lesson",
    "Me",
    "MyLearning",
    "MyAchievements",
    "TeacherProfiles",
    "ConversationHistory",
    "ConversationDetail",
]


@pytest.fixture(scope="module")
def schema(app_settings: Settings) -> strawberry.Schema:
    return build_schema(app_settings)


@pytest.fixture(scope="module")
def compiler(schema: strawberry.Schema, app_settings: Settings) -> ReadCompiler:
    return ReadCompiler(schema, app_settings)


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def world(server: str) -> World:
    return await _world()


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def viewers(world: World) -> dict[str, Any]:
    """Viewer name -> the user the app would authenticate (None: anonymous)."""
    _, stranger = await signed_in(role=Role.STUDENT)
    found: dict[str, Any] = {"anonymous": None}
    for name, token in (
        ("learner", world.token),
        ("author", world.author_token),
        ("stranger", stranger),
        ("admin", world.admin_token),
    ):
        authenticated = await authenticate(f"Bearer {token}")
        assert authenticated is not None
        found[name] = authenticated[0]
    return found


async def _both(
    schema: strawberry.Schema,
    compiler: ReadCompiler,
    settings: Settings,
    query: str,
    name: str | None,
    variables: dict[str, Any],
    viewer: Any,
) -> bool:
    """Runs the query both ways and checks they agree; whether the compiler answered."""
    compiled = await compiler.answer(query, name, variables, viewer)
    context = Context(
        settings=settings, request_id="compiled-reads", services=build_services(settings)
    )
    context.viewer = viewer
    result = await schema.execute(
        query, variable_values=variables, context_value=context, operation_name=name
    )
    if compiled is None:
        return False
    assert result.errors is None, (query, variables, result.errors, compiled)
    assert json.loads(compiled) == {"data": result.data}, (query, variables)
    return True


async def test_every_query_operation_answers_alike_compiled(
    world: World,
    viewers: dict[str, Any],
    schema: strawberry.Schema,
    compiler: ReadCompiler,
    app_settings: Settings,
) -> None:
    variables = _query_variables(world)
    compiled: set[tuple[str, str]] = set()
    for name in QUERIES:
        for values in variables[name]:
            for viewer_name, viewer in viewers.items():
                text = OPERATION_TEXTS[name][1]
                if await _both(schema, compiler, app_settings, text, name, values, viewer):
                    compiled.add((name, viewer_name))
    print("\ncompiled operations:", sorted(compiled))
    for name in COMPILED_OPERATIONS:
        usual = "author" if name in AS_AUTHOR else "learner"
        assert (name, usual) in compiled, (name, compiler.reasons.get(name))


async def test_compiled_operations_are_one_statement_whatever_the_sizes(
    world: World, viewers: dict[str, Any], compiler: ReadCompiler
) -> None:
    learner = viewers["learner"]
    small = await session_for(learner, await teacher(0), None, messages=2, corrections_each=1)
    large = await session_for(learner, await teacher(1), None, messages=40, corrections_each=2)
    lesson = await Lesson.get(id=world.lesson.id)
    course = await Course.get(id=world.tree.course.id)
    runs: list[tuple[str, dict[str, Any]]] = [
        ("Lesson", {"id": global_id("Lesson", lesson.id)}),
        ("Courses", {"first": 1}),
        ("Courses", {"first": 50}),
        ("CourseTree", {"slug": world.tree.course.slug}),
        ("MyLearning", {"first": 1, "progressFirst": 1}),
        ("MyLearning", {}),
        ("ConversationDetail", {"id": global_id("ConversationSession", small.id)}),
        ("ConversationDetail", {"id": global_id("ConversationSession", large.id)}),
    ]
    assert course.is_published
    for name, values in runs:  # the same statement count for 2 and for 40 messages
        with count_statements() as log:
            body = await compiler.answer(OPERATION_TEXTS[name][1], name, values, learner)
        assert body is not None, (name, compiler.reasons.get(name))
        assert log.count == 1, (name, log)


def _generated_queries(world: World, count: int) -> list[str]:
    """Valid queries over the whole query type, drawn the same way on every run."""
    ids = [
        global_id(type_name, row_id)
        for type_name, row_id in (
            ("Course", world.tree.course.id),
            ("Lesson", world.lesson.id),
            ("ConversationSession", world.session.id),
            ("Quiz", world.quiz.id),
            ("Certificate", world.certificate.id),
            *(("Section", s.id) for s in world.tree.sections),
            *(("Unit", u.id) for u in world.tree.units),
        )
    ]
    scalars = {
        "ID": st.sampled_from(ids).map(nodes.String),
        "String": st.sampled_from([world.tree.course.slug, world.search, "en", "x"]).map(
            nodes.String
        ),
        "Int": st.sampled_from([0, 1, 2, 5, 20]).map(nodes.Int),
        "Boolean": st.booleans().map(nodes.Boolean),
    }
    found: list[str] = []

    @settings(
        max_examples=count,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(queries(SDL_SCHEMA, custom_scalars=scalars))
    def collect(query: str) -> None:
        found.append(query)

    collect()
    return found


async def test_generated_queries_answer_alike_compiled(
    world: World,
    viewers: dict[str, Any],
    schema: strawberry.Schema,
    compiler: ReadCompiler,
    app_settings: Settings,
) -> None:
    # In a thread: generating takes seconds, and the session's loop runs the job worker.
    queries = await asyncio.to_thread(_generated_queries, world, GENERATED)
    compiled = total = 0
    for query in queries:
        for viewer in viewers.values():
            total += 1
            compiled += await _both(schema, compiler, app_settings, query, None, {}, viewer)
    share = compiled / total
    declined = compiler.declined.most_common()
    print(f"\ngenerated queries compiled: {compiled}/{total} ({share:.0%}); declined for:")
    print("\n".join(f"  {count:4} {reason}" for reason, count in declined))
    assert share >= GENERATED_FLOOR, (share, declined)
    assert compiler.decisions[("(anonymous)", COMPILED)] == compiled
