"""`classroomEvents`: a classroom's live events for those who run it (its teacher, admins):
`SubmissionReceived` and `MemberJoined`.

The use cases publish them on the classroom's topic when their change commits
(resolvers/classroom/events.py); PostgreSQL LISTEN/NOTIFY carries them to every process, so a
submission made through one worker reaches a teacher subscribed through another. Each event
is loaded fresh (no per-connection cache). A student, or anyone who does not run the
classroom, is refused: FORBIDDEN for its members, NOT_FOUND for everyone else. After the
listener reconnects (`resync`), what happened meanwhile is in the lists: the classroom's
`members` and each assignment's `submissions`.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated, Any
from uuid import UUID

import strawberry

from core.pubsub import RESYNC
from engine.context import AppInfo
from engine.ids import decode_global_id
from engine.permissions import IsAuthenticated
from loaders.classroom import ClassMembershipByIdLoader, SubmissionByIdLoader
from resolvers.classroom import events
from resolvers.classroom.classrooms import classroom_to_run
from resolvers.identity.policy import require_viewer
from schema.classroom.types import ClassMembership
from schema.classroom.work import SubmissionRef


@strawberry.type(description="A student submitted (or resubmitted) work.")
class SubmissionReceived:
    submission: SubmissionRef


@strawberry.type(description="A student joined the classroom (or rejoined it).")
class MemberJoined:
    membership: ClassMembership


ClassroomEvent = Annotated[SubmissionReceived | MemberJoined, strawberry.union("ClassroomEvent")]


async def _to_event(info: AppInfo, event: dict[str, Any]) -> Any:
    loaders = info.context.fresh_loaders()
    kind, row_id = event.get("type"), event.get("id")
    if kind == events.SUBMISSION_RECEIVED and row_id:
        submission = await loaders.get(SubmissionByIdLoader).load(UUID(row_id))
        return SubmissionReceived(submission=submission) if submission is not None else None
    if kind == events.MEMBER_JOINED and row_id:
        membership = await loaders.get(ClassMembershipByIdLoader).load(UUID(row_id))
        return MemberJoined(membership=membership) if membership is not None else None
    return None


@strawberry.type
class Subscription:
    @strawberry.subscription(
        permission_classes=[IsAuthenticated],
        description="Live events of a classroom you run: submissions received, members joined.",
    )
    async def classroom_events(
        self, info: AppInfo, classroom_id: strawberry.ID
    ) -> AsyncGenerator[ClassroomEvent, None]:
        viewer = require_viewer(info.context.viewer)
        classroom_uuid = decode_global_id(classroom_id, "Classroom")
        classroom = await classroom_to_run(viewer, classroom_uuid, "classroomId")
        pubsub = info.context.services.pubsub()
        async with pubsub.subscribe(events.topic(classroom.id)) as queue:
            while True:
                event = await queue.get()
                if event.get("type") == RESYNC:
                    continue
                output = await _to_event(info, event)
                if output is not None:
                    yield output


LIVE_TYPES: list[type] = [SubmissionReceived, MemberJoined]
