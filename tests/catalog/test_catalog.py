"""Catalog browsing: the tree, lessons, visibility of drafts and answers."""

from __future__ import annotations

from engine.ids import global_id
from models.identity import Role
from tests.factories.catalog import course_tree
from tests.factories.identity import signed_in
from tests.graphql_client import GraphQLClient

TREE = """
query($slug: String!) {
  course(slug: $slug) {
    id slug title cefrRange price { amount currency } lessonCount
    sections { id title position cefrLevel
      units { id title position color
        lessons { id title position xpReward estimatedMinutes } } }
  }
}"""

LESSON = """
query($id: ID!) {
  node(id: $id) {
    ... on Lesson {
      id title objectives vocabulary { word definition } grammarFocus
      unit { id section { id course { id slug } } }
      prerequisites { id title }
      exercises { id type prompt correctAnswer acceptedAnswers explanation
        media { url } options { id text isCorrect } }
      scenarios { id name }
    }
  }
}"""


async def test_course_tree_is_ordered(gql: GraphQLClient) -> None:
    tree = await course_tree(sections=2, units=2, lessons=2)
    data = await gql(TREE, {"slug": tree.course.slug})
    course = data["course"]
    assert course["id"] == global_id("Course", tree.course.id)
    assert course["cefrRange"] == "A1\u2013A2"
    assert course["price"] == {"amount": "0.00", "currency": "USD"}
    assert course["lessonCount"] == 8
    assert [s["position"] for s in course["sections"]] == [1, 2]
    assert [u["title"] for u in course["sections"][0]["units"]] == ["Unit 1", "Unit 2"]
    lessons = course["sections"][1]["units"][1]["lessons"]
    assert [(lesson["position"], lesson["xpReward"]) for lesson in lessons] == [(1, 10), (2, 10)]


async def test_answers_hidden_from_students_shown_to_author(gql: GraphQLClient) -> None:
    author, author_token = await signed_in(Role.TEACHER)
    _, student_token = await signed_in()
    tree = await course_tree(exercises=1, options=2, author=author)
    lesson_id = global_id("Lesson", tree.lessons[0].id)
    as_student = (await gql(LESSON, {"id": lesson_id}, token=student_token))["node"]
    exercise = as_student["exercises"][0]
    assert (exercise["correctAnswer"], exercise["acceptedAnswers"], exercise["explanation"]) == (
        None,
        None,
        None,
    )
    assert [o["isCorrect"] for o in exercise["options"]] == [None, None]
    as_author = (await gql(LESSON, {"id": lesson_id}, token=author_token))["node"]
    exercise = as_author["exercises"][0]
    assert exercise["correctAnswer"] == "answer 1"
    assert exercise["acceptedAnswers"] == ["alt 1"]
    assert [o["isCorrect"] for o in exercise["options"]] == [True, False]
    assert as_author["vocabulary"] == [{"word": "hola", "definition": "hello"}]
