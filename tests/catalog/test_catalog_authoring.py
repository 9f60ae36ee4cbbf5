"""Authoring: permissions, drafts, ordering moves, exercises with options, prerequisites."""

from __future__ import annotations

from engine.ids import global_id
from models.catalog import Lesson, LessonExercise, Section
from models.identity import Role
from tests.factories.catalog import course_tree, language
from tests.factories.identity import NOT_SIGNED_IN, signed_in
from tests.graphql_client import GraphQLClient

ERRORS = "errors { field message code }"


async def test_teacher_creates_draft_visible_only_to_author_until_published(
    gql: GraphQLClient,
) -> None:
    await language("en")
    await language("es")
    _, teacher = await signed_in(Role.TEACHER)
    _, student = await signed_in()
    created = await gql(
        "mutation($input: CreateCourseInput!) { createCourse(input: $input) {"
        f" course {{ id slug isPublished cefrRange viewerCanEdit }} {ERRORS} }} }}",
        {
            "input": {
                "slug": "draft-spanish",
                "title": "Draft Spanish",
                "fromLanguage": "en",
                "toLanguage": "es",
                "cefrMin": "A1",
                "cefrMax": "B1",
            }
        },
        token=teacher,
    )
    payload = created["createCourse"]
    assert payload["errors"] == []
    course = payload["course"]
    assert (course["isPublished"], course["cefrRange"], course["viewerCanEdit"]) == (
        False,
        "A1\u2013B1",
        True,
    )
    by_slug = 'query { course(slug: "draft-spanish") { id } }'
    assert (await gql(by_slug, token=student))["course"] is None
    assert (await gql(by_slug))["course"] is None
    assert (await gql(by_slug, token=teacher))["course"] == {"id": course["id"]}
    publish = (
        "mutation($id: ID!) { publishCourse(input: {id: $id}) {"
        f" course {{ isPublished }} {ERRORS} }} }}"
    )
    result = await gql(publish, {"id": course["id"]}, token=teacher)
    assert result["publishCourse"] == {"course": {"isPublished": True}, "errors": []}
    assert (await gql(by_slug, token=student))["course"] == {"id": course["id"]}


async def test_teacher_cannot_edit_another_teachers_course(gql: GraphQLClient) -> None:
    owner, _ = await signed_in(Role.TEACHER)
    _, other = await signed_in(Role.TEACHER)
    _, student = await signed_in()
    tree = await course_tree(author=owner)
    course_id = global_id("Course", tree.course.id)
    update = (
        'mutation($id: ID!) { updateCourse(input: {id: $id, title: "Mine now"}) {'
        f" course {{ title }} {ERRORS} }} }}"
    )
    result = await gql(update, {"id": course_id}, token=other)
    assert result["updateCourse"] == {
        "course": None,
        "errors": [{"field": "id", "message": "Course not found.", "code": "NOT_FOUND"}],
    }
    section = (
        'mutation($id: ID!) { createSection(input: {courseId: $id, title: "Extra"}) {'
        f" section {{ id }} {ERRORS} }} }}"
    )
    result = await gql(section, {"id": course_id}, token=other)
    assert result["createSection"]["errors"] == [
        {"field": "courseId", "message": "Course not found.", "code": "NOT_FOUND"}
    ]
    result = await gql(update, {"id": course_id}, token=student)
    assert result["updateCourse"]["errors"] == [
        {
            "field": None,
            "message": "Only teachers and admins may author courses.",
            "code": "FORBIDDEN",
        }
    ]
    _, admin = await signed_in(Role.ADMIN)
    result = await gql(update, {"id": course_id}, token=admin)
    assert result["updateCourse"] == {"course": {"title": "Mine now"}, "errors": []}


async def test_moving_sections_keeps_positions_dense_and_unique(gql: GraphQLClient) -> None:
    author, token = await signed_in(Role.TEACHER)
    tree = await course_tree(sections=4, units=1, lessons=1, exercises=0, author=author)
    first = tree.sections[0]
    move = (
        "mutation($id: ID!, $pos: Int!) { moveSection(input: {id: $id, position: $pos}) {"
        f" section {{ title position }} {ERRORS} }} }}"
    )
    result = await gql(move, {"id": global_id("Section", first.id), "pos": 3}, token=token)
    assert result["moveSection"] == {
        "section": {"title": "Section 1", "position": 3},
        "errors": [],
    }
    rows = await Section.filter(course_id=tree.course.id).order_by("position")
    assert [(s.title, s.position) for s in rows] == [
        ("Section 2", 1),
        ("Section 3", 2),
        ("Section 1", 3),
        ("Section 4", 4),
    ]
    result = await gql(move, {"id": global_id("Section", first.id), "pos": 9}, token=token)
    assert result["moveSection"]["errors"] == [
        {"field": "position", "message": "Position must be between 1 and 4.", "code": "INVALID"}
    ]
    delete = f"mutation($id: ID!) {{ deleteSection(input: {{id: $id}}) {{ deletedId {ERRORS} }} }}"
    await gql(delete, {"id": global_id("Section", tree.sections[2].id)}, token=token)
    rows = await Section.filter(course_id=tree.course.id).order_by("position")
    assert [(s.title, s.position) for s in rows] == [
        ("Section 2", 1),
        ("Section 1", 2),
        ("Section 4", 3),
    ]


async def test_moving_a_lesson_into_another_unit_renumbers_both(gql: GraphQLClient) -> None:
    author, token = await signed_in(Role.TEACHER)
    tree = await course_tree(sections=1, units=2, lessons=3, exercises=0, author=author)
    lesson = tree.lessons_of(tree.units[0])[0]
    move = (
        "mutation($id: ID!, $unit: ID!) { moveLesson(input: {id: $id, position: 2, unitId: $unit})"
        f" {{ lesson {{ position unit {{ id }} }} {ERRORS} }} }}"
    )
    unit_id = global_id("Unit", tree.units[1].id)
    result = await gql(move, {"id": global_id("Lesson", lesson.id), "unit": unit_id}, token=token)
    assert result["moveLesson"] == {
        "lesson": {"position": 2, "unit": {"id": unit_id}},
        "errors": [],
    }
    old = await Lesson.filter(unit_id=tree.units[0].id).order_by("position")
    new = await Lesson.filter(unit_id=tree.units[1].id).order_by("position")
    assert [lesson.position for lesson in old] == [1, 2]
    assert [(row.id == lesson.id, row.position) for row in new] == [
        (False, 1),
        (True, 2),
        (False, 3),
        (False, 4),
    ]


async def test_exercise_with_options_created_and_moved(gql: GraphQLClient) -> None:
    author, token = await signed_in(Role.TEACHER)
    tree = await course_tree(exercises=2, author=author)
    lesson_id = global_id("Lesson", tree.lessons[0].id)
    create = (
        "mutation($input: CreateExerciseInput!) { createExercise(input: $input) {"
        f" exercise {{ id type correctAnswer options {{ text isCorrect }} }} {ERRORS} }} }}"
    )
    result = await gql(
        create,
        {
            "input": {
                "lessonId": lesson_id,
                "type": "MULTIPLE_CHOICE",
                "prompt": "Which word means 'cat'?",
                "options": [{"text": "perro"}, {"text": "gato", "isCorrect": True}],
                "position": 1,
            }
        },
        token=token,
    )
    exercise = result["createExercise"]["exercise"]
    assert result["createExercise"]["errors"] == []
    assert exercise["correctAnswer"] == "gato"
    assert exercise["options"] == [
        {"text": "perro", "isCorrect": False},
        {"text": "gato", "isCorrect": True},
    ]
    links = await LessonExercise.filter(lesson_id=tree.lessons[0].id).order_by("position")
    assert [str(link.exercise_id) for link in links][1:] == [str(e.id) for e in tree.exercises]
    bad = await gql(
        create,
        {"input": {"lessonId": lesson_id, "type": "MULTIPLE_CHOICE", "prompt": "?",
                   "options": [{"text": "solo"}]}},
        token=token,
    )  # fmt: skip
    assert bad["createExercise"]["errors"] == [
        {"field": "options", "message": "A multiple-choice exercise needs 2+ options.",
         "code": "INVALID"}
    ]  # fmt: skip
    move = (
        "mutation($l: ID!, $e: ID!) { moveExercise(input: {lessonId: $l, exerciseId: $e,"
        f" position: 3}}) {{ exercise {{ id }} {ERRORS} }} }}"
    )
    await gql(move, {"l": lesson_id, "e": exercise["id"]}, token=token)
    links = await LessonExercise.filter(lesson_id=tree.lessons[0].id).order_by("position")
    assert [link.position for link in links] == [1, 2, 3]
    assert global_id("Exercise", links[2].exercise_id) == exercise["id"]


async def test_prerequisites_refuse_self_and_cycles(gql: GraphQLClient) -> None:
    author, token = await signed_in(Role.TEACHER)
    tree = await course_tree(lessons=3, exercises=0, author=author)
    a, b, c = (global_id("Lesson", lesson.id) for lesson in tree.lessons)
    add = (
        "mutation($l: ID!, $p: ID!) { addLessonPrerequisite(input: {lessonId: $l,"
        f" prerequisiteId: $p}}) {{ lesson {{ prerequisites {{ id }} }} {ERRORS} }} }}"
    )
    assert (await gql(add, {"l": b, "p": a}, token=token))["addLessonPrerequisite"] == {
        "lesson": {"prerequisites": [{"id": a}]},
        "errors": [],
    }
    await gql(add, {"l": c, "p": b}, token=token)
    cycle = await gql(add, {"l": a, "p": c}, token=token)
    assert cycle["addLessonPrerequisite"] == {
        "lesson": None,
        "errors": [
            {
                "field": "prerequisiteId",
                "message": "That lesson already depends on this one; "
                "the prerequisite would form a cycle.",
                "code": "CYCLE",
            }
        ],
    }
    itself = await gql(add, {"l": a, "p": a}, token=token)
    assert itself["addLessonPrerequisite"]["errors"] == [
        {"field": "prerequisiteId", "message": "A lesson cannot require itself.", "code": "INVALID"}
    ]
    other = await course_tree(author=author)
    foreign = await gql(add, {"l": a, "p": global_id("Lesson", other.lessons[0].id)}, token=token)
    assert foreign["addLessonPrerequisite"]["errors"] == [
        {
            "field": "prerequisiteId",
            "message": "No such lesson in this course.",
            "code": "NOT_FOUND",
        }
    ]


async def test_updates_refuse_blank_titles_and_creates_accept_nulls(gql: GraphQLClient) -> None:
    author, token = await signed_in(Role.TEACHER)
    tree = await course_tree(author=author)
    update = (
        'mutation($id: ID!) { updateLesson(input: {id: $id, title: "  ", difficulty: 9}) {'
        f" lesson {{ title }} {ERRORS} }} }}"
    )
    result = await gql(update, {"id": global_id("Lesson", tree.lessons[0].id)}, token=token)
    assert result["updateLesson"] == {
        "lesson": None,
        "errors": [
            {"field": "title", "message": "`title` must not be blank.", "code": "REQUIRED"},
            {"field": "difficulty", "message": "`difficulty` must be a whole number 1\u20135.",
             "code": "INVALID"},
        ],
    }  # fmt: skip
    create = (
        'mutation($id: ID!) { createUnit(input: {sectionId: $id, title: "New",'
        f" description: null, color: null}}) {{ unit {{ title position color }} {ERRORS} }} }}"
    )
    result = await gql(create, {"id": global_id("Section", tree.sections[0].id)}, token=token)
    assert result["createUnit"] == {
        "unit": {"title": "New", "position": 2, "color": "#58CC02"},
        "errors": [],
    }


async def test_anonymous_callers_are_refused_before_anything_runs(gql: GraphQLClient) -> None:
    tree = await course_tree()
    course_id = global_id("Course", tree.course.id)
    create = (
        "mutation($input: CreateCourseInput!) { createCourse(input: $input) {"
        f" course {{ id }} {ERRORS} }} }}"
    )
    new_course = {"slug": "anon", "title": "Anon", "fromLanguage": "en", "toLanguage": "es"}
    result = await gql(create, {"input": new_course})
    assert result["createCourse"] == {"course": None, "errors": NOT_SIGNED_IN}
    delete = f"mutation($id: ID!) {{ deleteCourse(input: {{id: $id}}) {{ deletedId {ERRORS} }} }}"
    result = await gql(delete, {"id": course_id})
    assert result["deleteCourse"] == {"deletedId": None, "errors": NOT_SIGNED_IN}
    section = (
        'mutation($id: ID!) { createSection(input: {courseId: $id, title: "Extra"}) {'
        f" section {{ id }} {ERRORS} }} }}"
    )
    result = await gql(section, {"id": "not-an-id"})  # refused before the id is read
    assert result["createSection"] == {"section": None, "errors": NOT_SIGNED_IN}
    assert await Section.filter(course_id=tree.course.id).count() == len(tree.sections)


async def test_bad_global_ids_are_not_found_on_their_field(gql: GraphQLClient) -> None:
    author, token = await signed_in(Role.TEACHER)
    tree = await course_tree(author=author)
    lesson_id = global_id("Lesson", tree.lessons[0].id)
    section = (
        'mutation($id: ID!) { createSection(input: {courseId: $id, title: "Extra"}) {'
        f" section {{ id }} {ERRORS} }} }}"
    )
    result = await gql(section, {"id": lesson_id}, token=token)  # a Lesson's id, not a Course's
    assert result["createSection"] == {
        "section": None,
        "errors": [{"field": "courseId", "message": "Course not found.", "code": "NOT_FOUND"}],
    }
    move = (
        "mutation($id: ID!, $unit: ID!) { moveLesson(input: {id: $id, position: 1, unitId: $unit})"
        f" {{ lesson {{ id }} {ERRORS} }} }}"
    )
    result = await gql(move, {"id": lesson_id, "unit": "garbage"}, token=token)
    assert result["moveLesson"]["errors"] == [
        {"field": "unitId", "message": "Unit not found.", "code": "NOT_FOUND"}
    ]
    delete = f"mutation($id: ID!) {{ deleteUnit(input: {{id: $id}}) {{ deletedId {ERRORS} }} }}"
    result = await gql(delete, {"id": lesson_id}, token=token)
    assert result["deleteUnit"] == {
        "deletedId": None,
        "errors": [{"field": "id", "message": "Unit not found.", "code": "NOT_FOUND"}],
    }
    delete = f"mutation($id: ID!) {{ deleteLesson(input: {{id: $id}}) {{ deletedId {ERRORS} }} }}"
    result = await gql(delete, {"id": lesson_id}, token=token)
    assert result["deleteLesson"] == {"deletedId": lesson_id, "errors": []}
    assert not await Lesson.exists(id=tree.lessons[0].id)
