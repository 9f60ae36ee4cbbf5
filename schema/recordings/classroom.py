"""Recordings' fields of the classroom's types (composed in schema/graph.py): a submission's
recording and a classroom's recordings. The classroom domain may not know recordings, so they
are declared here.

- `Submission.recording`: a recording assignment's work, read as the recording's rule lets
  the viewer (resolvers/recordings/policy.py): its owner, the teacher of its classroom (a
  submitted recording joins the assignment's classroom), admins; null for anyone else.
- `Classroom.recordings`: the classroom's recordings, newest first, under the same rule — all
  of them for its teacher and admins; a member, who reads the classroom, sees only their
  own there (what they read anyway), never a classmate's. Anyone who does not read the
  classroom does not reach the field (`node` gives null).
"""

from __future__ import annotations

from typing import Any, cast

import strawberry

from engine.connections import Connection, page_args, to_connection
from engine.context import AppInfo, Context
from engine.relations import related
from loaders.base import Condition
from loaders.recordings import RecordingsPageByClassroomLoader, VisibleRecordingLoader
from models.classroom import Classroom as ClassroomRow
from resolvers.recordings import policy
from schema.recordings.types import Recording


def visible_recording(source: Any, context: Context) -> Any:
    """The key of a submission's recording under the viewer's rule; none without one."""
    if source.recording_id is None:
        return None
    return (source.recording_id, Condition.of(policy.recordings(context.viewer)))


@strawberry.type
class SubmissionFields:
    """Recordings' fields of `Submission`."""

    recording: Recording | None = related(
        VisibleRecordingLoader,
        visible_recording,
        description="A recording assignment's work; null when not readable.",
    )


@strawberry.type
class ClassroomFields:
    """Recordings' fields of `Classroom`."""

    @strawberry.field(
        description="Its recordings, newest first: all of them for its teacher and admins; "
        "a member's own for them."
    )
    async def recordings(
        self, info: AppInfo, first: int | None = None, after: str | None = None
    ) -> Connection[Recording]:
        classroom = cast(ClassroomRow, self)
        condition = Condition.of(policy.recordings(info.context.viewer))
        loader = info.context.loaders.get(RecordingsPageByClassroomLoader)
        key = (classroom.id, page_args(first, after), condition)
        return to_connection(await loader.load(key))
