"""Recordings loaders: recordings by id, a learner's recordings (pages, newest first), a
recording's segments (pages in time order), their corrections, its vocabulary and its
evaluations.

Every list loads for many parents in one statement (pages in one windowed statement,
core/pagination.py; counts in one GROUP BY), so a recording's answer costs the same
statements however many segments, corrections, words and evaluations it has. Access is
checked where the lists hang: a recording's parts are read through a recording the viewer
reads (resolvers/recordings/policy.py), a learner's recordings through `User.recordings`,
for the learner themselves and admins.

- Segments: by position. Corrections: in the order of their spans. Vocabulary: the most
  used words first, then alphabetically. Evaluations: as they were made (the AI's first,
  then teachers' in turn).
- A classroom's recordings (`Classroom.recordings`), newest first, and a submission's
  recording (`Submission.recording`): under the viewer's rule (the keys carry its
  `Condition`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from core.pagination import KeysetQuery
from loaders.base import (
    CountByKeyLoader,
    CountUnderConditionLoader,
    ModelByIdLoader,
    ModelsByKeyLoader,
    PageByParentLoader,
    PageUnderConditionLoader,
    RecordLoader,
    VisibleByIdLoader,
    select_rows,
)
from models.conversation import Evaluation
from models.recordings import Recording, RecordingSegment, RecordingWord, SegmentCorrection

RECORDINGS = Recording._meta.db_table
SEGMENTS = RecordingSegment._meta.db_table


class RecordingByIdLoader(ModelByIdLoader):
    model = Recording


class RecordingCountByUserLoader(CountByKeyLoader):
    table = RECORDINGS
    key_column = "t.user_id"


class RecordingsPageByUserLoader(PageByParentLoader):
    """Keys `(user_id, PageArgs)`: a page of the user's recordings, newest first."""

    parent_column = "t.user_id"
    count_loader = RecordingCountByUserLoader

    @classmethod
    def query(cls) -> KeysetQuery:
        return KeysetQuery(Recording, order=["t.created_at", "t.id"], descending=True)


class SegmentCountByRecordingLoader(CountByKeyLoader):
    table = SEGMENTS
    key_column = "t.recording_id"


class SegmentsPageByRecordingLoader(PageByParentLoader):
    """Keys `(recording_id, PageArgs)`: a page of the recording's segments, in time order."""

    parent_column = "t.recording_id"
    count_loader = SegmentCountByRecordingLoader

    @classmethod
    def query(cls) -> KeysetQuery:
        return KeysetQuery(RecordingSegment, order=["t.position", "t.id"])


class CorrectionsBySegmentLoader(ModelsByKeyLoader):
    model = SegmentCorrection
    key_field = "segment_id"
    order_by = ("start", "end", "id")


class WordsByRecordingLoader(RecordLoader):
    """A recording's vocabulary: the most used words first, then alphabetically."""

    missing = []

    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        rows = await select_rows(
            RecordingWord,
            't.recording_id = ANY($1) ORDER BY t."count" DESC, t.word, t.id',
            [list(keys)],
        )
        grouped: dict[Any, list[RecordingWord]] = {}
        for row in rows:
            grouped.setdefault(row.recording_id, []).append(row)
        return grouped


class EvaluationsByRecordingLoader(ModelsByKeyLoader):
    """A recording's evaluations (conversation's `Evaluation` rows), as they were made."""

    model = Evaluation
    key_field = "recording_id"
    order_by = ("created_at", "id")


# --- recordings as classroom work (schema/recordings/classroom.py) ------------------------


class VisibleRecordingLoader(VisibleByIdLoader):
    """Keys `(recording_id, Condition)`: the recording if the viewer reads it (a
    submission's recording)."""

    model = Recording


class RecordingCountByClassroomLoader(CountUnderConditionLoader):
    table = RECORDINGS
    parent_column = "classroom_id"


class RecordingsPageByClassroomLoader(PageUnderConditionLoader):
    """Keys `(classroom_id, PageArgs, Condition)`: a page of the classroom's recordings the
    condition lets through, newest first."""

    model = Recording
    parent_column = "classroom_id"
    order = ["t.created_at", "t.id"]
    descending = True
    count_loader = RecordingCountByClassroomLoader
