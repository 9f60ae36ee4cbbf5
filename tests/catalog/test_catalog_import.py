"""Course files: validation errors with document paths, all-or-nothing, re-import in place,
the command line, and the shipped demo courses."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from demo.catalog import load as load_demo_data
from models.catalog import ConversationScenario, Course, Lesson, Section
from models.identity import Role
from resolvers.catalog.importing import parse, validate
from tests.factories.identity import NOT_SIGNED_IN, signed_in
from tests.graphql_client import GraphQLClient

ROOT = Path(__file__).resolve().parents[2]
IMPORT = """
mutation($doc: String!) {
  importCourse(input: {document: $doc}) {
    created lessonCount course { slug title lessonCount }
    errors { field message code }
  }
}"""

VALID = """
slug: {slug}
title: {title}
from_language: en
to_language: es
published: true
sections:
  - title: Basics
    units:
      - title: Greetings
        lessons:
          - key: hello
            title: Hello
            vocabulary: {{hola: hello}}
            exercises:
              - type: multiple_choice
                prompt: Pick "hello"
                options: [{{text: Hola, is_correct: true}}, {{text: Adiós}}]
              - type: translation
                prompt: "Translate: thank you"
                correct_answer: gracias
          - key: bye
            title: Goodbye
            prerequisites: [hello]
"""


async def test_import_reports_every_error_with_its_path(gql: GraphQLClient) -> None:
    _, admin = await signed_in(Role.ADMIN)
    document = """
slug: Not A Slug
title: Broken
from_language: en
to_language: es
sections:
  - title: One
    units:
      - title: U
        lessons:
          - key: a
            title: A
            prerequisites: [missing]
            exercises:
              - type: multiple_choice
                prompt: Choose
                options: [{text: only one, is_correct: true}]
              - type: dance
                prompt: Move
  - units: []
"""
    result = (await gql(IMPORT, {"doc": document}, token=admin))["importCourse"]
    assert result["course"] is None
    assert result["errors"] == [
        {"field": "slug", "message": "Use lower-case letters, digits and hyphens.",
         "code": "INVALID"},
        {"field": "sections[0].units[0].lessons[0].exercises[0].options",
         "message": "A multiple-choice exercise needs 2+ options.", "code": "INVALID"},
        {"field": "sections[0].units[0].lessons[0].exercises[1].type",
         "message": "`type` must be one of: translation, multiple_choice, listening, speaking, "
         "writing, fill_blank.", "code": "INVALID"},
        {"field": "sections[1].title", "message": "`title` is required.", "code": "REQUIRED"},
        {"field": "sections[1].units", "message": "`units` needs at least one entry.",
         "code": "REQUIRED"},
        {"field": "sections[0].units[0].lessons[0].prerequisites[0]",
         "message": "No lesson with key 'missing'.", "code": "NOT_FOUND"},
    ]  # fmt: skip
    assert not await Course.exists(title="Broken")


async def test_import_rejects_cycles_and_bad_yaml(gql: GraphQLClient) -> None:
    _, admin = await signed_in(Role.ADMIN)
    cyclic = VALID.format(slug="cyclic", title="Cyclic").replace(
        "            title: Hello\n", "            title: Hello\n            prerequisites: [bye]\n"
    )
    result = (await gql(IMPORT, {"doc": cyclic}, token=admin))["importCourse"]
    assert [(e["field"], e["code"]) for e in result["errors"]] == [
        ("sections[0].units[0].lessons[0].prerequisites[0]", "CYCLE"),
        ("sections[0].units[0].lessons[1].prerequisites[0]", "CYCLE"),
    ]
    broken = (await gql(IMPORT, {"doc": "slug: [unclosed"}, token=admin))["importCourse"]
    assert [(e["field"], e["code"]) for e in broken["errors"]] == [("document", "INVALID")]


async def test_import_is_for_admins_only(gql: GraphQLClient) -> None:
    _, teacher = await signed_in(Role.TEACHER)
    doc = VALID.format(slug="teacher-import", title="T")
    result = (await gql(IMPORT, {"doc": doc}, token=teacher))["importCourse"]
    assert result["errors"] == [
        {"field": None, "message": "Only admins may import courses.", "code": "FORBIDDEN"}
    ]


async def test_anonymous_import_is_refused(gql: GraphQLClient) -> None:
    doc = VALID.format(slug="anonymous-import", title="A")
    result = (await gql(IMPORT, {"doc": doc}))["importCourse"]
    assert result == {"created": None, "lessonCount": None, "course": None, "errors": NOT_SIGNED_IN}
    assert not await Course.exists(slug="anonymous-import")


async def test_reimport_updates_in_place(gql: GraphQLClient) -> None:
    _, admin = await signed_in(Role.ADMIN)
    first = await gql(IMPORT, {"doc": VALID.format(slug="reimport", title="V1")}, token=admin)
    assert first["importCourse"] == {
        "created": True,
        "lessonCount": 2,
        "course": {"slug": "reimport", "title": "V1", "lessonCount": 2},
        "errors": [],
    }
    course = await Course.get(slug="reimport")
    lessons_before = await Lesson.filter(unit__section__course_id=course.id).order_by("position")
    shorter = VALID.format(slug="reimport", title="V2").split("          - key: bye")[0]
    second = await gql(IMPORT, {"doc": shorter}, token=admin)
    assert second["importCourse"] == {
        "created": False,
        "lessonCount": 1,
        "course": {"slug": "reimport", "title": "V2", "lessonCount": 1},
        "errors": [],
    }
    assert await Course.filter(slug="reimport").count() == 1
    assert await Section.filter(course_id=course.id).count() == 1
    lessons_after = await Lesson.filter(unit__section__course_id=course.id)
    assert [lesson.id for lesson in lessons_after] == [lessons_before[0].id]


async def test_command_line_import(database_url: str, tmp_path: Path) -> None:
    path = tmp_path / "course.yaml"
    path.write_text(VALID.format(slug="from-the-cli", title="CLI"), encoding="utf-8")
    env = {**os.environ, "DATABASE_URL": database_url}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "main.py", "import-course", str(path), cwd=ROOT, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    output, _ = await process.communicate()
    assert process.returncode == 0, output.decode()
    assert "created course 'from-the-cli' (2 lessons)" in output.decode()
    assert await Course.exists(slug="from-the-cli", title="CLI")
    path.write_text("slug: x\n", encoding="utf-8")
    process = await asyncio.create_subprocess_exec(
        sys.executable, "main.py", "import-course", str(path), cwd=ROOT, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    output, _ = await process.communicate()
    assert process.returncode == 1
    assert "error: title: `title` is required. [REQUIRED]" in output.decode()


DEMO_TREE = """
query($slug: String!) {
  course(slug: $slug) {
    isPublished
    sections { units { lessons { exercises { type } scenarios { name keyPhrases } } } }
  }
}"""


async def test_demo_courses_are_complete(gql: GraphQLClient) -> None:
    await load_demo_data()
    await load_demo_data()  # idempotent: re-importing updates in place
    for slug in ("spanish-for-english-speakers", "english-for-spanish-speakers"):
        course = (await gql(DEMO_TREE, {"slug": slug}))["course"]
        assert course["isPublished"] is True
        assert len(course["sections"]) >= 2
        lessons = [
            lesson
            for section in course["sections"]
            for unit in section["units"]
            for lesson in unit["lessons"]
        ]
        assert len(lessons) >= 10
        types = {e["type"] for lesson in lessons for e in lesson["exercises"]}
        assert types == {
            "TRANSLATION", "MULTIPLE_CHOICE", "LISTENING", "SPEAKING", "WRITING", "FILL_BLANK"
        }  # fmt: skip
    english = (await gql(DEMO_TREE, {"slug": "english-for-spanish-speakers"}))["course"]
    scenarios = [
        s["name"]
        for section in english["sections"]
        for unit in section["units"]
        for lesson in unit["lessons"]
        for s in lesson["scenarios"]
    ]
    assert scenarios == [
        "Airport check-in",
        "Ordering at a restaurant",
        "Job interview",
        "Business meeting",
    ]
    assert await ConversationScenario.filter(name="Job interview").count() == 1


def test_documented_example_is_a_valid_course_file() -> None:
    text = (ROOT / "docs" / "course-format.md").read_text(encoding="utf-8")
    example = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    document = parse(example)
    validate(document)  # raises AppError listing every problem
    assert document["sections"][0]["units"][0]["lessons"][1]["prerequisites"] == ["hello"]
