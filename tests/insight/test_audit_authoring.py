"""The audit log of course and quiz authoring through the API: every catalog authoring
mutation (courses, sections, units, lessons, exercises, prerequisites, `importCourse`) and
every assessment one (`createQuiz`, `updateQuiz`, `gradeQuizAnswer`) writes exactly one
entry in its transaction, with the action, the entity and the changed fields' old and new
values; a refused one writes one failed entry; a validation error writes none."""

from __future__ import annotations

from typing import Any

import pytest

from engine.ids import decode_global_id, global_id
from models.identity import Role, User
from models.insight import AuditEntry
from tests.factories.catalog import course_tree, language
from tests.factories.identity import signed_in
from tests.graphql_client import GraphQLClient, operation

pytestmark = pytest.mark.usefixtures("server")  # its lifespan opens the ORM

ERRORS = "errors { field message code }"
QUIZ_OPS = operation("assessment.graphql")
LEARNING = operation("learning.graphql")
ESSAY = [{"type": "ESSAY", "prompt": "Describe your town.", "points": 4}]
IMPORT = f"""mutation($doc: String!) {{
  importCourse(input: {{document: $doc}}) {{ created lessonCount {ERRORS} }} }}"""
DOCUMENT = """
slug: audited-import
title: Audited
from_language: en
to_language: es
sections:
  - title: Basics
    units:
      - title: Greetings
        lessons:
          - title: Hello
          - title: Goodbye
"""


async def entries(actor: User) -> list[AuditEntry]:
    return await AuditEntry.filter(actor_id=actor.id).order_by("created_at", "id")


async def mutate(
    gql: GraphQLClient, token: str, field: str, input_type: str, input: dict[str, Any]
) -> dict[str, Any]:
    """`field(input: $input)`, asserted free of errors; returns the payload."""
    query = f"mutation($input: {input_type}!) {{ {field}(input: $input) {{ {ERRORS} }} }}"
    payload = (await gql(query, {"input": input}, token=token))[field]
    assert payload["errors"] == [], payload
    return payload


class Log:
    """The actor's entries, each new one checked to be exactly one."""

    def __init__(self, actor: User) -> None:
        self.actor = actor
        self.seen = 0

    async def one(self, action: str, entity: str, entity_id: Any) -> AuditEntry:
        rows = await entries(self.actor)
        assert len(rows) == self.seen + 1, [row.action for row in rows]
        self.seen += 1
        entry = rows[-1]
        assert (entry.action, entry.entity_type, entry.entity_id) == (
            action,
            entity,
            str(entity_id),
        )
        assert entry.success and entry.error_code is None
        return entry


async def test_course_lifecycle_writes_one_entry_per_mutation(gql: GraphQLClient) -> None:
    await language("en")
    await language("es")
    author, token = await signed_in(Role.TEACHER)
    log = Log(author)
    create = {"slug": "audited", "title": "Audited", "fromLanguage": "en", "toLanguage": "es"}
    query = (
        "mutation($input: CreateCourseInput!) { createCourse(input: $input) {"
        f" course {{ id }} {ERRORS} }} }}"
    )
    course_id = (await gql(query, {"input": create}, token=token))["createCourse"]["course"]["id"]
    row_id = decode_global_id(course_id, "Course")
    entry = await log.one("create_course", "course", row_id)
    assert entry.old_values == {}
    assert entry.new_values["slug"] == "audited" and entry.new_values["to_language"] == "es"
    assert entry.actor_role == "teacher"

    update = {"id": course_id, "title": "Renamed", "featured": True}
    await mutate(gql, token, "updateCourse", "UpdateCourseInput", update)
    entry = await log.one("update_course", "course", row_id)
    assert (entry.old_values, entry.new_values) == (
        {"title": "Audited", "featured": False},
        {"title": "Renamed", "featured": True},
    )
    await mutate(gql, token, "publishCourse", "IdInput", {"id": course_id})
    entry = await log.one("publish_course", "course", row_id)
    assert (entry.old_values, entry.new_values) == ({"is_published": False}, {"is_published": True})
    await mutate(gql, token, "unpublishCourse", "IdInput", {"id": course_id})
    entry = await log.one("unpublish_course", "course", row_id)
    assert (entry.old_values, entry.new_values) == ({"is_published": True}, {"is_published": False})
    await mutate(gql, token, "deleteCourse", "IdInput", {"id": course_id})
    entry = await log.one("delete_course", "course", row_id)
    assert (entry.old_values, entry.new_values) == ({}, {})


@pytest.mark.parametrize(
    ("kind", "parent_kind"), [("section", "course"), ("unit", "section"), ("lesson", "unit")]
)
async def test_tree_nodes_write_one_entry_per_mutation(
    gql: GraphQLClient, kind: str, parent_kind: str
) -> None:
    author, token = await signed_in(Role.TEACHER)
    tree = await course_tree(sections=1, units=1, lessons=2, exercises=0, author=author)
    parent = {"course": tree.course, "section": tree.sections[0], "unit": tree.units[0]}
    parent_id = parent[parent_kind].id
    log = Log(author)
    Kind = kind.title()
    query = (
        f"mutation($input: Create{Kind}Input!) {{ create{Kind}(input: $input) {{"
        f" {kind} {{ id }} {ERRORS} }} }}"
    )
    variables = {"input": {f"{parent_kind}Id": global_id(parent_kind.title(), parent_id),
                           "title": "Extra", "position": 1}}  # fmt: skip
    created = (await gql(query, variables, token=token))[f"create{Kind}"]
    assert created["errors"] == []
    node_id = created[kind]["id"]
    row_id = decode_global_id(node_id, Kind)
    entry = await log.one(f"create_{kind}", kind, row_id)
    assert entry.new_values["title"] == "Extra" and entry.new_values["position"] == 1
    assert entry.new_values[f"{parent_kind}_id"] == str(parent_id)

    rename = {"id": node_id, "title": "Renamed"}
    await mutate(gql, token, f"update{Kind}", f"Update{Kind}Input", rename)
    entry = await log.one(f"update_{kind}", kind, row_id)
    assert (entry.old_values, entry.new_values) == ({"title": "Extra"}, {"title": "Renamed"})
    last = 3 if kind == "lesson" else 2
    await mutate(gql, token, f"move{Kind}", f"Move{Kind}Input", {"id": node_id, "position": last})
    entry = await log.one(f"move_{kind}", kind, row_id)
    assert (entry.old_values, entry.new_values) == ({"position": 1}, {"position": last})
    await mutate(gql, token, f"delete{Kind}", "IdInput", {"id": node_id})
    entry = await log.one(f"delete_{kind}", kind, row_id)
    assert (entry.old_values, entry.new_values) == ({}, {})


async def test_exercises_and_prerequisites_write_one_entry_each(gql: GraphQLClient) -> None:
    author, token = await signed_in(Role.TEACHER)
    tree = await course_tree(lessons=2, exercises=1, author=author)
    first, second = (global_id("Lesson", lesson.id) for lesson in tree.lessons)
    log = Log(author)
    query = (
        "mutation($input: CreateExerciseInput!) { createExercise(input: $input) {"
        f" exercise {{ id }} {ERRORS} }} }}"
    )
    create = {"lessonId": first, "type": "TRANSLATION", "prompt": "Translate: cat",
              "correctAnswer": "gato"}  # fmt: skip
    created = (await gql(query, {"input": create}, token=token))["createExercise"]
    exercise_id = created["exercise"]["id"]
    row_id = decode_global_id(exercise_id, "Exercise")
    entry = await log.one("create_exercise", "exercise", row_id)
    assert entry.new_values["prompt"] == "Translate: cat"
    assert entry.new_values["correct_answer"] == "gato" and entry.new_values["position"] == 2

    update = {"id": exercise_id, "prompt": "Translate: the cat"}
    await mutate(gql, token, "updateExercise", "UpdateExerciseInput", update)
    entry = await log.one("update_exercise", "exercise", row_id)
    assert (entry.old_values, entry.new_values) == (
        {"prompt": "Translate: cat"},
        {"prompt": "Translate: the cat"},
    )
    move = {"lessonId": first, "exerciseId": exercise_id, "position": 1}
    await mutate(gql, token, "moveExercise", "MoveExerciseInput", move)
    entry = await log.one("move_exercise", "exercise", row_id)
    assert (entry.old_values, entry.new_values) == ({"position": 2}, {"position": 1})
    await mutate(gql, token, "deleteExercise", "IdInput", {"id": exercise_id})
    await log.one("delete_exercise", "exercise", row_id)

    link = {"lessonId": second, "prerequisiteId": first}
    await mutate(gql, token, "addLessonPrerequisite", "LessonPrerequisiteInput", link)
    entry = await log.one("add_lesson_prerequisite", "lesson", tree.lessons[1].id)
    assert entry.new_values == {"prerequisite_id": str(tree.lessons[0].id)}
    await mutate(gql, token, "removeLessonPrerequisite", "LessonPrerequisiteInput", link)
    entry = await log.one("remove_lesson_prerequisite", "lesson", tree.lessons[1].id)
    assert entry.old_values == {"prerequisite_id": str(tree.lessons[0].id)}


async def test_import_writes_one_entry(gql: GraphQLClient) -> None:
    await language("en")
    await language("es")
    admin, token = await signed_in(Role.ADMIN)
    result = (await gql(IMPORT, {"doc": DOCUMENT}, token=token))["importCourse"]
    assert result == {"created": True, "lessonCount": 2, "errors": []}
    [entry] = await entries(admin)
    assert (entry.action, entry.entity_type, entry.success) == ("import_course", "course", True)
    assert entry.new_values == {"slug": "audited-import", "created": True, "lesson_count": 2}
    assert entry.actor_role == "admin"


async def run(gql: GraphQLClient, name: str, token: str, **variables: Any) -> Any:
    return await gql(QUIZ_OPS, variables, token=token, operation_name=name)


async def test_quiz_authoring_and_grading_write_one_entry_each(gql: GraphQLClient) -> None:
    author, token = await signed_in(Role.TEACHER)
    tree = await course_tree(lessons=1, exercises=0, author=author)
    log = Log(author)
    course_id = global_id("Course", tree.course.id)
    created = (
        await run(gql, "CreateQuiz", token, courseId=course_id, title="Essay", questions=ESSAY)
    )["createQuiz"]
    assert created["errors"] == []
    quiz = created["quiz"]
    quiz_row = decode_global_id(quiz["id"], "Quiz")
    entry = await log.one("create_quiz", "quiz", quiz_row)
    assert entry.new_values["title"] == "Essay" and entry.new_values["question_count"] == 1
    assert entry.new_values["course_id"] == str(tree.course.id)

    updated = (
        await run(gql, "UpdateQuiz", token, id=quiz["id"], title="Town essay", passingScore=50)
    )["updateQuiz"]
    assert updated["errors"] == []
    entry = await log.one("update_quiz", "quiz", quiz_row)
    assert (entry.old_values, entry.new_values) == (
        {"title": "Essay", "passing_score": 70},
        {"title": "Town essay", "passing_score": 50},
    )
    questions = [{**ESSAY[0], "prompt": "Describe your street."}] * 2
    replaced = await run(gql, "UpdateQuiz", token, id=quiz["id"], questions=questions)
    assert replaced["updateQuiz"]["errors"] == []
    entry = await log.one("update_quiz", "quiz", quiz_row)
    assert (entry.old_values, entry.new_values) == ({}, {"question_count": 2})

    learner, learner_token = await signed_in()
    await gql(LEARNING, {"courseId": course_id}, learner_token, "Enroll")
    started = await run(gql, "StartQuizAttempt", learner_token, quizId=quiz["id"])
    attempt = started["startQuizAttempt"]["attempt"]
    listed = (await run(gql, "Quiz", token, id=quiz["id"]))["node"]
    answers = [{"questionId": q["id"], "answer": "Mi calle."} for q in listed["questions"]]
    submitted = await run(
        gql, "SubmitQuizAttempt", learner_token, attemptId=attempt["id"], answers=answers
    )
    answer_id = submitted["submitQuizAttempt"]["attempt"]["answers"][0]["id"]
    grade = {"answerId": answer_id, "pointsAwarded": 3.0, "feedback": "Good."}
    graded = (await run(gql, "GradeQuizAnswer", token, **grade))["gradeQuizAnswer"]
    assert graded["errors"] == []
    entry = await log.one(
        "grade_quiz_answer", "quiz_answer", decode_global_id(answer_id, "QuizAnswer")
    )
    assert entry.new_values == {"points_awarded": 3.0, "correct": True, "feedback": "Good."}
    assert set(entry.old_values) == {"points_awarded", "correct", "feedback"}
    assert await entries(learner) == []


async def test_refused_authoring_writes_one_failed_entry(gql: GraphQLClient) -> None:
    owner, owner_token = await signed_in(Role.TEACHER)
    other, token = await signed_in(Role.TEACHER)
    tree = await course_tree(lessons=1, exercises=0, author=owner)
    update = (
        'mutation($id: ID!) { updateCourse(input: {id: $id, title: "Mine now"}) {'
        f" {ERRORS} }} }}"
    )
    result = await gql(update, {"id": global_id("Course", tree.course.id)}, token=token)
    assert [e["code"] for e in result["updateCourse"]["errors"]] == ["NOT_FOUND"]
    [entry] = await entries(other)
    assert (entry.action, entry.success, entry.error_code) == ("update_course", False, "NOT_FOUND")
    assert (entry.old_values, entry.new_values) == ({}, {})

    course_id = global_id("Course", tree.course.id)
    quiz = (
        await run(gql, "CreateQuiz", owner_token, courseId=course_id, title="Q", questions=ESSAY)
    )["createQuiz"]["quiz"]
    refused = (await run(gql, "UpdateQuiz", token, id=quiz["id"], title="Mine"))["updateQuiz"]
    assert [e["code"] for e in refused["errors"]] == ["FORBIDDEN"]
    rows = await entries(other)
    assert len(rows) == 2
    assert (rows[1].action, rows[1].success, rows[1].error_code) == (
        "update_quiz",
        False,
        "FORBIDDEN",
    )
    assert [row.action for row in await entries(owner)] == ["create_quiz"]


async def test_validation_errors_write_nothing(gql: GraphQLClient) -> None:
    author, token = await signed_in(Role.TEACHER)
    tree = await course_tree(lessons=1, exercises=0, author=author)
    update = (
        f'mutation($id: ID!) {{ updateCourse(input: {{id: $id, title: "  "}}) {{ {ERRORS} }} }}'
    )
    result = await gql(update, {"id": global_id("Course", tree.course.id)}, token=token)
    assert result["updateCourse"]["errors"]
    section = (
        f'mutation($id: ID!) {{ updateSection(input: {{id: $id, title: ""}}) {{ {ERRORS} }} }}'
    )
    result = await gql(section, {"id": global_id("Section", tree.sections[0].id)}, token=token)
    assert result["updateSection"]["errors"]
    bad = (
        await run(
            gql,
            "CreateQuiz",
            token,
            courseId=global_id("Course", tree.course.id),
            title="Broken",
            passingScore=150,
            questions=ESSAY,
        )
    )["createQuiz"]
    assert [e["code"] for e in bad["errors"]] == ["INVALID"]
    admin, admin_token = await signed_in(Role.ADMIN)
    broken = (await gql(IMPORT, {"doc": "slug: [unclosed"}, token=admin_token))["importCourse"]
    assert broken["errors"]
    assert await entries(author) == [] and await entries(admin) == []
