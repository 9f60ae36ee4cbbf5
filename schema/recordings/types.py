"""Recordings in the graph: `Recording`, its `RecordingSegment`s with their
`SegmentCorrection`s, its vocabulary (`RecordingWord`), and `User.recordings`.

Who sees what (resolvers/recordings/policy.py, one rule for `node(id:)`, the lists, the
events and the media link): a recording, its segments, corrections, vocabulary and
evaluations are read by its owner, the teacher of its classroom and admins; anyone else
reads them as not found (null). `mediaUrl` is a signed link valid for 15 minutes
(resolvers/recordings/media.py), made only inside a recording the viewer reads.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, cast

import strawberry
from strawberry import relay

from core.pagination import Page
from engine.connections import Connection, page_args, to_connection
from engine.context import AppInfo
from engine.node import node_source
from engine.relations import model_type, related
from loaders.catalog import LanguageByCodeLoader
from loaders.classroom import VisibleClassroomLoader
from loaders.recordings import (
    CorrectionsBySegmentLoader,
    EvaluationsByRecordingLoader,
    RecordingsPageByUserLoader,
    SegmentsPageByRecordingLoader,
    WordsByRecordingLoader,
)
from models import recordings as m
from models.identity import User as UserRow
from resolvers.identity.policy import can_see_private
from resolvers.recordings import policy
from resolvers.recordings.media import media_path
from schema.classroom.work import profile, visible_classroom
from schema.conversation.types import CorrectionSeverity, CorrectionType
from schema.identity.types import PublicProfile

if TYPE_CHECKING:
    from schema.catalog.types import Language
    from schema.conversation.types import Evaluation
    from schema.graph import Classroom

LanguageRef = Annotated["Language", strawberry.lazy("schema.catalog.types")]
ClassroomRef = Annotated["Classroom", strawberry.lazy("schema.graph")]
EvaluationRef = Annotated["Evaluation", strawberry.lazy("schema.conversation.types")]

# The models' enums are the GraphQL enums (`strawberry.enum` registers the classes).
RecordingStatus = m.RecordingStatus
TranscriptFormat = m.TranscriptFormat
strawberry.enum(
    RecordingStatus,
    name="RecordingStatus",
    description="UPLOADED: waiting for a transcript (failureReason says why); PROCESSING: "
    "being transcribed and analysed; TRANSCRIBED: segments stored; EVALUATED: the AI's "
    "evaluation stored; FAILED: see failureReason (adding a transcript starts it again).",
)
strawberry.enum(
    TranscriptFormat,
    name="TranscriptFormat",
    description="PLAIN: `Speaker: text` lines; WEBVTT; SRT.",
)


def _recording(self: object) -> m.Recording:
    return cast(m.Recording, self)


def _correction(self: object) -> m.SegmentCorrection:
    return cast(m.SegmentCorrection, self)


@strawberry.type(description="A correction of the learner's speech in a segment.")
@model_type(m.SegmentCorrection)
@node_source(m.SegmentCorrection, policy.corrections)
class SegmentCorrection(relay.Node):
    id: relay.NodeID[str]
    original: str
    corrected: str
    explanation: str
    start: int = strawberry.field(description="Offset of the first character in the text.")
    end: int = strawberry.field(description="Offset after the last character (exclusive).")

    @strawberry.field
    def type(self) -> CorrectionType:
        return CorrectionType(_correction(self).type)

    @strawberry.field
    def severity(self) -> CorrectionSeverity:
        return CorrectionSeverity(_correction(self).severity)


@strawberry.type(description="One stretch of speech by one speaker.")
@model_type(m.RecordingSegment)
@node_source(m.RecordingSegment, policy.segments)
class RecordingSegment(relay.Node):
    id: relay.NodeID[str]
    position: int = strawberry.field(description="0, 1, ... in time order.")
    speaker: str
    start_ms: int | None = strawberry.field(description="Null for an untimed transcript.")
    end_ms: int | None
    text: str
    confidence: float | None = strawberry.field(
        description="0-1, the transcription engine's; null for a transcript a person wrote."
    )
    is_learner: bool

    corrections: list[SegmentCorrection] = related(
        CorrectionsBySegmentLoader, "id", description="The learner's segments only."
    )


@strawberry.type(description="A word (its dictionary form) the learner used.")
@model_type(m.RecordingWord)
class RecordingWord:
    word: str
    count: int
    zipf: float | None = strawberry.field(
        description="Its frequency on the Zipf scale (wordfreq); null without a list."
    )
    is_advanced: bool

    @strawberry.field(
        description="common, intermediate, advanced or rare; null when the language has no "
        "frequency list."
    )
    def frequency_band(self) -> str | None:
        return cast(m.RecordingWord, self).frequency_band or None


@strawberry.type(
    description="A recorded conversation: its file (audio or video), its transcript's "
    "segments with the learner's corrections, the learner's vocabulary and its evaluations "
    "(the AI's, teachers')."
)
@model_type(m.Recording)
@node_source(m.Recording, policy.recordings)
class Recording(relay.Node):
    id: relay.NodeID[str]
    title: str
    status: RecordingStatus
    failure_reason: str | None = strawberry.field(
        description="Why it FAILED, or why it waits for a transcript (UPLOADED); else null."
    )
    duration_seconds: float | None = strawberry.field(
        description="From the file's metadata, else the transcription's; null if unknown."
    )
    mime_type: str | None = strawberry.field(description="The file's type, by its content.")
    learner_speaker: str | None = strawberry.field(
        description="The learner's speaker label: as given, or inferred once transcribed."
    )
    created_at: dt.datetime
    updated_at: dt.datetime
    processed_at: dt.datetime | None = strawberry.field(description="When it was evaluated.")

    @strawberry.field(description="Null when none was given.")
    def topic(self) -> str | None:
        return _recording(self).topic or None

    @strawberry.field(description="Its language's code.")
    def language_code(self) -> str:
        return _recording(self).language

    language: LanguageRef | None = related(
        LanguageByCodeLoader,
        "language",
        description="Its language as the catalog has it; null when the catalog lacks it.",
    )

    @strawberry.field(description="A link to the file, valid 15 minutes; null without one.")
    def media_url(self, info: AppInfo) -> str | None:
        now = dt.datetime.now(dt.UTC)
        return media_path(_recording(self), info.context.settings, now)

    @strawberry.field(description="The learner it belongs to.")
    def owner(self, info: AppInfo) -> PublicProfile:
        return cast(PublicProfile, profile(info, _recording(self).user_id))

    @strawberry.field(description="Who uploaded it (a teacher, for a student); null if gone.")
    def uploaded_by(self, info: AppInfo) -> PublicProfile | None:
        return profile(info, _recording(self).uploaded_by_id)

    classroom: ClassroomRef | None = related(
        VisibleClassroomLoader, visible_classroom, description="Null when not readable."
    )

    @strawberry.field(description="Its segments, in time order.")
    async def segments(
        self, info: AppInfo, first: int | None = None, after: str | None = None
    ) -> Connection[RecordingSegment]:
        loader = info.context.loaders.get(SegmentsPageByRecordingLoader)
        return to_connection(await loader.load((_recording(self).id, page_args(first, after))))

    vocabulary: list[RecordingWord] = related(
        WordsByRecordingLoader, "id", description="The learner's words, the most used first."
    )
    evaluations: list[EvaluationRef] = related(
        EvaluationsByRecordingLoader, "id", description="The AI's, then teachers', in order."
    )


@strawberry.type
class UserFields:
    """Recordings' fields of `User` (private: empty for other viewers)."""

    @strawberry.field(description="The user's recordings, newest first (own; else empty).")
    async def recordings(
        self, info: AppInfo, first: int | None = None, after: str | None = None
    ) -> Connection[Recording]:
        user = cast(UserRow, self)
        if not can_see_private(info.context.viewer, user.id):
            return to_connection(Page.empty())
        loader = info.context.loaders.get(RecordingsPageByUserLoader)
        return to_connection(await loader.load((user.id, page_args(first, after))))


RECORDING_TYPES: list[type] = [Recording, RecordingSegment, SegmentCorrection, RecordingWord]
