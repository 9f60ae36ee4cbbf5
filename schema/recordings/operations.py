"""The recordings mutations and `recordingEvents`; thin layers over the use cases in
resolvers/recordings/recordings.py (the types are in schema/recordings/types.py).

Files go up by the GraphQL multipart request spec (app/uploads.py): `file` is an `Upload`
variable, checked by its content and against MAX_UPLOAD_BYTES.

`recordingEvents(recordingId)` is for those who read the recording (its owner, the teacher of
its classroom, admins; anyone else: NOT_FOUND on recordingId, anonymous: UNAUTHENTICATED).
It sends the recording's current state first, then its state after each change (every
status change, from any process), loaded fresh each time; after the listener reconnects
(`resync`) it sends the state again if it changed. When the recording is deleted it sends
`recording: null` and ends.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Any

import strawberry
from strawberry.file_uploads import Upload

from engine.context import AppInfo
from engine.ids import NodeRef, decode_global_id, global_id, node_id
from engine.live import state_then_changes
from engine.mutations import Payload, payload_mutation
from engine.permissions import SIGNED_IN, IsAuthenticated
from engine.relations import as_type
from loaders.base import select_visible
from models import recordings as m
from models.identity import User as UserRow
from resolvers.identity.policy import require_viewer
from resolvers.recordings import events, policy, recordings
from resolvers.recordings.engines import storage_for
from schema.recordings.types import Recording, TranscriptFormat


@strawberry.input
class CreateRecordingInput:
    title: str = strawberry.field(description="Required, at most 200 characters.")
    language: str = strawberry.field(description="Its language's code, e.g. en or pt-BR.")
    topic: str | None = None
    classroom_id: NodeRef | None = node_id(
        "Classroom",
        default=None,
        description="A classroom you are an active member of (or, with studentId, teach).",
    )
    assignment_id: NodeRef | None = node_id(
        "Assignment",
        default=None,
        description="A recording assignment of that classroom (it names the classroom too).",
    )
    student_id: NodeRef | None = node_id(
        "User",
        default=None,
        description="A teacher uploading for a student of the classroom: it is theirs.",
    )
    learner_speaker: str | None = strawberry.field(
        default=None,
        description="The learner's speaker label; null: the speaker who is not the first of "
        "two (see README).",
    )
    file: Upload | None = strawberry.field(
        default=None, description="The audio or video file (multipart request spec)."
    )
    transcript: str | None = strawberry.field(
        default=None, description="Its transcript: `Speaker: text` lines, WebVTT or SRT."
    )
    transcript_format: TranscriptFormat | None = strawberry.field(
        default=None, description="Null: detected."
    )


@strawberry.input
class AddRecordingTranscriptInput:
    recording_id: NodeRef = node_id("Recording")
    transcript: str
    transcript_format: TranscriptFormat
    learner_speaker: str | None = None


@strawberry.input
class DeleteRecordingInput:
    id: NodeRef = node_id("Recording")


@strawberry.type
class RecordingPayload(Payload):
    recording: Recording | None = None


@strawberry.type
class DeleteRecordingPayload(Payload):
    deleted_id: strawberry.ID | None = None


@strawberry.type
class Mutation:
    @payload_mutation(
        permission=SIGNED_IN,
        description="Add a recorded conversation: a file (TOO_LARGE or INVALID on file), a "
        "transcript, or both (neither: REQUIRED on transcript). It is processed in the "
        "background (follow it with recordingEvents).",
    )
    async def create_recording(
        self, info: AppInfo, input: CreateRecordingInput
    ) -> RecordingPayload:
        recording = await recordings.create_recording(
            info.context.user,
            storage_for(info.context.settings),
            title=input.title,
            language=input.language,
            topic=input.topic,
            classroom_id=input.classroom_id,
            assignment_id=input.assignment_id,
            student_id=input.student_id,
            learner_speaker=input.learner_speaker,
            file=input.file,
            transcript=input.transcript,
            transcript_format=input.transcript_format,
        )
        return RecordingPayload(recording=as_type(Recording, recording))

    @payload_mutation(
        permission=SIGNED_IN,
        description="Give a recording waiting for one (UPLOADED) or FAILED its transcript: "
        "it is processed again (CONFLICT otherwise).",
    )
    async def add_recording_transcript(
        self, info: AppInfo, input: AddRecordingTranscriptInput
    ) -> RecordingPayload:
        recording = await recordings.add_recording_transcript(
            info.context.user,
            input.recording_id,
            transcript=input.transcript,
            transcript_format=input.transcript_format,
            learner_speaker=input.learner_speaker,
        )
        return RecordingPayload(recording=as_type(Recording, recording))

    @payload_mutation(
        permission=SIGNED_IN,
        description="Delete a recording and its file (its owner, its classroom's teacher); "
        "CONFLICT while a graded submission names it.",
    )
    async def delete_recording(
        self, info: AppInfo, input: DeleteRecordingInput
    ) -> DeleteRecordingPayload:
        deleted = await recordings.delete_recording(
            info.context.user, storage_for(info.context.settings), input.id
        )
        return DeleteRecordingPayload(deleted_id=strawberry.ID(global_id("Recording", deleted)))


@strawberry.type(description="A recording's state: first as it is, then after each change.")
class RecordingEvent:
    recording: Recording | None = strawberry.field(
        description="Null once it was deleted (nothing follows)."
    )


async def _state(viewer: UserRow, recording_id: Any) -> m.Recording | None:
    found = await select_visible(m.Recording, [recording_id], policy.recordings(viewer))
    return found.get(recording_id)


@strawberry.type
class Subscription:
    @strawberry.subscription(
        permission_classes=[IsAuthenticated],
        description="A recording's state as it is processed and changed (see Recording).",
    )
    async def recording_events(
        self, info: AppInfo, recording_id: strawberry.ID
    ) -> AsyncGenerator[RecordingEvent, None]:
        viewer = require_viewer(info.context.viewer)
        recording_uuid = decode_global_id(recording_id, "Recording")
        await recordings.readable_recording(viewer, recording_uuid, "recordingId")
        changes = state_then_changes(
            info, events.topic(recording_uuid), lambda: _state(viewer, recording_uuid)
        )
        async for recording in changes:
            recording_type = as_type(Recording, recording) if recording is not None else None
            yield RecordingEvent(recording=recording_type)
