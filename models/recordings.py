"""Recordings: a class's spoken conversations, uploaded as audio or video (or as a transcript),
transcribed into speaker segments, corrected, analysed and evaluated.

- A recording belongs to its learner (`user`); a classroom's teacher may upload it for one of
  their students (`uploaded_by` keeps who did). Its media file lives in storage under
  `media_key` (services/storage), never in the database.
- Status: UPLOADED (waiting for a transcript: no engine configured, or none yet), PROCESSING
  (transcribing and analysing, a job), TRANSCRIBED (segments stored), EVALUATED (the AI's
  evaluation stored), FAILED (`failure_reason`; a new transcript starts it again).
- Segments are ordered; a segment's corrections point into its text by character spans.
- Evaluations are conversation's `Evaluation` rows naming the recording (`recording_id`):
  the AI's, and any number of teachers'.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING
from uuid import UUID

from tortoise import fields

from models.base import Entity, MutableEntity

if TYPE_CHECKING:
    from models.classroom import Assignment, Classroom
    from models.identity import User


class RecordingStatus(str, Enum):
    UPLOADED = "uploaded"
    PROCESSING = "processing"
    TRANSCRIBED = "transcribed"
    EVALUATED = "evaluated"
    FAILED = "failed"


class TranscriptFormat(str, Enum):
    PLAIN = "plain"  # "Speaker: text" lines
    WEBVTT = "webvtt"
    SRT = "srt"


class Recording(MutableEntity):
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="recordings", on_delete=fields.CASCADE
    )
    user_id: UUID
    uploaded_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="uploaded_recordings", null=True, on_delete=fields.SET_NULL
    )
    uploaded_by_id: UUID | None
    title = fields.CharField(max_length=200)
    topic = fields.CharField(max_length=200, default="")
    language = fields.CharField(max_length=8)  # a language code
    classroom: fields.ForeignKeyNullableRelation[Classroom] = fields.ForeignKeyField(
        "models.Classroom", related_name="recordings", null=True, on_delete=fields.SET_NULL
    )
    classroom_id: UUID | None
    assignment: fields.ForeignKeyNullableRelation[Assignment] = fields.ForeignKeyField(
        "models.Assignment", related_name="recordings", null=True, on_delete=fields.SET_NULL
    )
    assignment_id: UUID | None
    status = fields.CharEnumField(RecordingStatus, max_length=16, default=RecordingStatus.UPLOADED)
    failure_reason = fields.TextField(null=True)
    learner_speaker = fields.CharField(max_length=100, null=True)  # given, or inferred
    transcript = fields.TextField(null=True)  # as the client supplied it
    transcript_format = fields.CharEnumField(TranscriptFormat, max_length=8, null=True)
    media_key = fields.CharField(max_length=300, null=True)  # the file in storage
    mime_type = fields.CharField(max_length=100, null=True)
    size_bytes = fields.BigIntField(null=True)
    duration_seconds = fields.FloatField(null=True)
    processed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "recordings"
        # A learner's recordings, newest first; a classroom's.
        indexes = (("user", "created_at"), ("classroom", "created_at"))


class RecordingSegment(Entity):
    recording: fields.ForeignKeyRelation[Recording] = fields.ForeignKeyField(
        "models.Recording", related_name="segments", on_delete=fields.CASCADE
    )
    recording_id: UUID
    position = fields.IntField()  # 0, 1, ... in time order
    speaker = fields.CharField(max_length=100)
    start_ms = fields.IntField(null=True)  # none for a plain transcript
    end_ms = fields.IntField(null=True)
    text = fields.TextField()
    confidence = fields.FloatField(null=True)  # 0-1, the transcriber's
    is_learner = fields.BooleanField(default=False)

    class Meta:
        table = "recording_segments"
        unique_together = (("recording", "position"),)


class SegmentCorrection(Entity):
    """A correction of a learner's segment: `start`/`end` are character offsets into its
    text (the shape of conversation's `Correction`)."""

    segment: fields.ForeignKeyRelation[RecordingSegment] = fields.ForeignKeyField(
        "models.RecordingSegment", related_name="corrections", on_delete=fields.CASCADE
    )
    segment_id: UUID
    original = fields.TextField()
    corrected = fields.TextField()
    explanation = fields.TextField(default="")
    type = fields.CharField(max_length=16)  # grammar, vocabulary, spelling, style
    severity = fields.CharField(max_length=16)  # low, medium, high, critical
    start = fields.IntField()
    end = fields.IntField()

    class Meta:
        table = "segment_corrections"


class RecordingWord(Entity):
    """The vocabulary analysis: one row per word (lemma) the learner used."""

    recording: fields.ForeignKeyRelation[Recording] = fields.ForeignKeyField(
        "models.Recording", related_name="words", on_delete=fields.CASCADE
    )
    recording_id: UUID
    word = fields.CharField(max_length=100)
    count = fields.IntField()
    zipf = fields.FloatField(null=True)  # wordfreq's frequency; none for an unknown word
    frequency_band = fields.CharField(max_length=16)  # common, intermediate, advanced, rare
    is_advanced = fields.BooleanField(default=False)

    class Meta:
        table = "recording_words"
        unique_together = (("recording", "word"),)
