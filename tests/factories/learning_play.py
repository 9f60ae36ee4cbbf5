"""A learner playing through the API: the learning operations a frontend sends, and the
course tree's progress as a learner sees it."""

from __future__ import annotations

from typing import Any

from engine.ids import global_id
from tests.factories.learning import answer_for
from tests.graphql_client import GraphQLClient, operation

OPS = operation("learning.graphql")


async def run(gql: GraphQLClient, name: str, token: str, **variables: Any) -> dict[str, Any]:
    return await gql(OPS, variables, token=token, operation_name=name)


async def answer(gql: GraphQLClient, token: str, lesson: Any, exercise: Any, text: str) -> dict:
    data = await run(
        gql,
        "SubmitAnswer",
        token,
        lessonId=global_id("Lesson", lesson.id),
        exerciseId=global_id("Exercise", exercise.id),
        answer=text,
        timeSpentMs=2500,
    )
    return data["submitAnswer"]


async def start(gql: GraphQLClient, token: str, lesson: Any) -> dict:
    return (await run(gql, "StartLesson", token, lessonId=global_id("Lesson", lesson.id)))[
        "startLesson"
    ]


async def complete(gql: GraphQLClient, token: str, lesson: Any) -> dict:
    return (await run(gql, "CompleteLesson", token, lessonId=global_id("Lesson", lesson.id)))[
        "completeLesson"
    ]


async def perfect(gql: GraphQLClient, token: str, tree: Any, lesson: Any) -> dict:
    assert (await start(gql, token, lesson))["errors"] == []
    for exercise in tree.exercises_of(lesson):
        assert (await answer(gql, token, lesson, exercise, await answer_for(exercise)))["correct"]
    return await complete(gql, token, lesson)


TREE_QUERY = """
query Tree($slug: String!) {
  course(slug: $slug) {
    enrollmentCount
    sections { units { lessons { id viewerProgress { status bestScore attempts } } } }
  }
}
"""


def statuses(data: dict) -> list[str | None]:
    lessons = [
        lesson
        for section in data["course"]["sections"]
        for unit in section["units"]
        for lesson in unit["lessons"]
    ]
    return [(lesson["viewerProgress"] or {}).get("status") for lesson in lessons]
