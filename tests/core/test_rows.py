"""core.rows builds the same model instances as Tortoise's own `_init_from_db`."""

from __future__ import annotations

from tortoise import Tortoise

from core.rows import build, fetch_records
from tests.factories.catalog import course_tree
from tests.factories.conversation import session_for
from tests.factories.identity import signed_in, token_for
from tests.factories.learning import enrollment, progress_rows
from tests.graphql_client import GraphQLClient

# The models every read request builds; each must have rows for the comparison to count.
HOT = {"User", "AuthToken", "Course", "Unit", "Lesson", "Enrollment", "LessonProgress"}
HOT |= {"ConversationSession", "ConversationMessage", "Correction"}


def _state(instance: object) -> dict[str, object]:
    return dict(vars(instance))


async def test_rows_equal_the_orms_for_every_model(gql: GraphQLClient) -> None:
    user, _ = await signed_in()
    await token_for(user)
    tree = await course_tree(sections=1, units=2, lessons=2)
    taken = await enrollment(user, tree.course)
    await progress_rows(taken, tree.lessons)
    await session_for(user, messages=4, corrections_each=1)

    compared = set()
    for model in Tortoise.apps["models"].values():
        table = model._meta.db_table
        columns = ", ".join(f'"{c}"' for c in model._meta.db_fields)
        records = await fetch_records(f'SELECT {columns} FROM "{table}" LIMIT 5')
        fast = build(model, records)
        slow = [model._init_from_db(**dict(record)) for record in records]
        assert [_state(i) for i in fast] == [_state(i) for i in slow], model.__name__
        if records:
            compared.add(model.__name__)
    assert compared >= HOT
