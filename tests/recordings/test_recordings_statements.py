"""Statement counts of the `Recording` read (issue 18's proof): a recording with 5 segments
costs the same statements as one with 100, read by its owner and by the teacher of its
classroom, with a correction in every learner's segment, its vocabulary and two evaluations
(the AI's and the teacher's, whose `evaluatedBy` is loaded). The count is pinned, not only
compared: a handful of batched statements, none per segment, correction or word."""

from __future__ import annotations

from typing import Any

import pytest

from core.sqlcount import StatementLog
from engine.ids import global_id
from models.identity import Role
from tests.factories.catalog import language
from tests.factories.classroom import classroom, member
from tests.factories.identity import signed_in
from tests.factories.recordings import RECORDING_OPS, stored_recording
from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.skipif(RECORDING_OPS is None, reason="recordings.graphql is absent")

# Measured: the viewer's token; the recording (node, under the access rule); its language;
# its owner and the teacher who evaluated (one user lookup each round); its classroom (under
# the classroom's rule); the segments' page (its total in the same statement); the
# segments' corrections; the vocabulary; the evaluations.
STATEMENTS = 10


async def _count(
    gql: GraphQLClient, sql: StatementLog, token: str, node_id: str
) -> tuple[int, Any]:
    """The statements of `Recording` (its second run: the first warms the token)."""
    assert RECORDING_OPS is not None
    await gql(RECORDING_OPS, {"id": node_id}, token=token, operation_name="Recording")
    sql.clear()
    data = await gql(RECORDING_OPS, {"id": node_id}, token=token, operation_name="Recording")
    return sql.count, data["node"]


async def test_a_recording_costs_the_same_statements_for_5_and_100_segments(
    gql: GraphQLClient, sql: StatementLog
) -> None:
    english = await language("en", "English")  # another test may have made it first
    counts: dict[tuple[int, str], int] = {}
    for size in (5, 100):
        teacher, teacher_token = await signed_in(Role.TEACHER)
        room = await classroom(teacher)
        owner, owner_token = await signed_in()
        await member(room, owner)
        row = await stored_recording(owner, segments=size, classroom=room, teacher=teacher)
        node_id = global_id("Recording", row.id)
        for who, token in (("owner", owner_token), ("teacher", teacher_token)):
            counts[(size, who)], read = await _count(gql, sql, token, node_id)
            segments = [edge["node"] for edge in read["segments"]["edges"]]
            assert (read["segments"]["totalCount"], len(segments)) == (size, size)
            corrected = [s for s in segments if s["corrections"]]
            assert len(corrected) == size // 2
            assert len(read["vocabulary"]) == 2 and len(read["evaluations"]) == 2
            assert read["evaluations"][1]["evaluatedBy"]["id"] == global_id("User", teacher.id)
            assert read["classroom"]["id"] == global_id("Classroom", room.id)
            assert read["language"]["name"] == english.name
    assert set(counts.values()) == {STATEMENTS}, counts
