"""The seam through which a recording assignment finds the student's work: the classroom
domain may not know recordings (a higher domain), so the recordings domain registers how to
find one (`RECORDING_WORK.register`, from resolvers/recordings/classroom_work.py, which the
recordings package imports) and the submission use case asks through it.

- `find(student, assignment, recording_id)`: the id of the student's recording to submit —
  the one named (NOT_FOUND on `recordingId` when it is not theirs or not there), or their
  latest done one when none is named (NOT_STARTED on `assignmentId` when there is none).
- `attach(conn, recording_id, assignment)`: inside the submission's transaction, the
  recording joins the assignment and its classroom (so the class's teacher reads it, lists it
  and evaluates it as any of the class's recordings).

Without a registered finder (the recordings domain not loaded) there is no recording to
submit: NOT_STARTED.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from core.errors import AppError
from rules.classroom.assignments import RECORDING
from rules.classroom.submissions import not_started

if TYPE_CHECKING:
    from tortoise.backends.base.client import BaseDBAsyncClient

    from models.classroom import Assignment
    from models.identity import User

Finder = Callable[["User", "Assignment", Any], Awaitable[Any]]
Attacher = Callable[["BaseDBAsyncClient", Any, "Assignment"], Awaitable[None]]


class RecordingWork:
    """Where the recordings domain plugs in finding and attaching a student's recording."""

    def __init__(self) -> None:
        self._find: Finder | None = None
        self._attach: Attacher | None = None

    def register(self, find: Finder, attach: Attacher) -> None:
        """Set the finder and the attacher (registering again replaces them)."""
        self._find, self._attach = find, attach

    async def find(self, student: User, assignment: Assignment, recording_id: Any) -> Any:
        """The id of the student's recording to submit for the assignment (see above)."""
        if self._find is None:
            raise AppError(not_started(RECORDING))
        return await self._find(student, assignment, recording_id)

    async def attach(
        self, conn: BaseDBAsyncClient, recording_id: Any, assignment: Assignment
    ) -> None:
        """The submitted recording joins the assignment and its classroom."""
        if self._attach is not None:
            await self._attach(conn, recording_id, assignment)


RECORDING_WORK = RecordingWork()
