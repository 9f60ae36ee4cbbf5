"""The processing job's writes, each in one transaction that announces the change on commit
(events.py), and each only while the recording is still where the job saw it: a job run
twice, or a stale run after a newer one, writes nothing the second time.

- `move`: from one status to another, with a reason (or none): UPLOADED → PROCESSING when the
  engine starts, PROCESSING or TRANSCRIBED → FAILED, PROCESSING → UPLOADED when no engine is
  left to transcribe.
- `wait_for_transcript`: an UPLOADED recording without a transcript says why it waits.
- `store_segments` (PROCESSING → TRANSCRIBED): the segments replace any the recording had
  (their corrections go with them), positions 0, 1, ... in time order, each flagged whether
  it is the learner's, with the corrections found in it; the learner's label is kept, and
  the duration when the file's metadata gave none.
- `store_evaluation` (TRANSCRIBED → EVALUATED): the vocabulary rows and the AI's evaluation
  replace the AI's earlier ones (teachers' evaluations stay); `processed_at` is set.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tortoise.transactions import in_transaction

from models.conversation import Evaluation, Evaluator
from models.recordings import RecordingSegment, RecordingStatus, RecordingWord, SegmentCorrection
from resolvers.recordings import events, queries
from rules.recordings.evaluation import EvaluationResult
from rules.recordings.segments import Segment
from rules.recordings.vocabulary import WordUse
from services.tutor.findings import Finding

MAX_WORD_CHARS = 100  # RecordingWord.word


@dataclass(frozen=True)
class SegmentToStore:
    segment: Segment
    is_learner: bool
    findings: Sequence[Finding] = ()


async def move(
    recording_id: Any, current: RecordingStatus, new: RecordingStatus, reason: str | None
) -> bool:
    """`current` → `new` with `reason`; False when the recording was not `current`."""
    async with in_transaction() as conn:
        moved = await conn.execute_query_dict(
            queries.MOVE, [recording_id, current.value, new.value, reason, datetime.now(UTC)]
        )
        if moved:
            await events.announce(conn, recording_id)
    return bool(moved)


async def wait_for_transcript(recording_id: Any, reason: str) -> bool:
    """An UPLOADED recording without a transcript waits, saying why; False if not so."""
    async with in_transaction() as conn:
        changed = await conn.execute_query_dict(
            queries.WAIT_FOR_TRANSCRIPT, [recording_id, reason, datetime.now(UTC)]
        )
        if changed:
            await events.announce(conn, recording_id)
    return bool(changed)


def _rows(
    recording_id: Any, segments: Sequence[SegmentToStore]
) -> tuple[list[RecordingSegment], list[SegmentCorrection]]:
    rows: list[RecordingSegment] = []
    corrections: list[SegmentCorrection] = []
    for position, item in enumerate(segments):
        segment = item.segment
        row = RecordingSegment(
            id=uuid.uuid4(),
            recording_id=recording_id,
            position=position,
            speaker=segment.speaker,
            start_ms=segment.start_ms,
            end_ms=segment.end_ms,
            text=segment.text,
            confidence=segment.confidence,
            is_learner=item.is_learner,
        )
        rows.append(row)
        corrections.extend(
            SegmentCorrection(
                segment_id=row.id,
                original=f.original,
                corrected=f.corrected,
                explanation=f.explanation,
                type=f.type,
                severity=f.severity,
                start=f.start,
                end=f.end,
            )
            for f in item.findings
        )
    return rows, corrections


async def store_segments(
    recording_id: Any,
    segments: Sequence[SegmentToStore],
    learner: str | None,
    duration_seconds: float | None,
) -> RecordingStatus | None:
    """Write the segments and make the recording TRANSCRIBED; None unless it was PROCESSING."""
    async with in_transaction() as conn:
        locked = await conn.execute_query_dict(
            queries.LOCK_IN_STATUS, [recording_id, RecordingStatus.PROCESSING.value]
        )
        if not locked:
            return None
        await conn.execute_query(queries.DELETE_SEGMENTS, [recording_id])
        rows, corrections = _rows(recording_id, segments)
        if rows:
            await RecordingSegment.bulk_create(rows, using_db=conn)
        if corrections:
            await SegmentCorrection.bulk_create(corrections, using_db=conn)
        await conn.execute_query(
            queries.MARK_TRANSCRIBED, [recording_id, learner, duration_seconds, datetime.now(UTC)]
        )
        await events.announce(conn, recording_id)
    return RecordingStatus.TRANSCRIBED


def _word_rows(recording_id: Any, words: Sequence[WordUse]) -> list[RecordingWord]:
    return [
        RecordingWord(
            recording_id=recording_id,
            word=use.word,
            count=use.count,
            zipf=use.zipf,
            frequency_band=use.band or "",
            is_advanced=use.is_advanced,
        )
        for use in words
        if len(use.word) <= MAX_WORD_CHARS
    ]


async def store_evaluation(
    recording_id: Any, words: Sequence[WordUse], result: EvaluationResult
) -> RecordingStatus | None:
    """Write the vocabulary and the AI's evaluation and make the recording EVALUATED; None
    unless it was TRANSCRIBED."""
    now = datetime.now(UTC)
    async with in_transaction() as conn:
        locked = await conn.execute_query_dict(
            queries.LOCK_IN_STATUS, [recording_id, RecordingStatus.TRANSCRIBED.value]
        )
        if not locked:
            return None
        await conn.execute_query(queries.DELETE_WORDS, [recording_id])
        rows = _word_rows(recording_id, words)
        if rows:
            await RecordingWord.bulk_create(rows, using_db=conn)
        await conn.execute_query(queries.DELETE_AI_EVALUATIONS, [recording_id])
        await Evaluation.create(
            recording_id=recording_id,
            evaluator=Evaluator.AI,
            overall_score=result.overall,
            grammar_score=result.grammar,
            vocabulary_score=result.vocabulary,
            fluency_score=result.fluency,
            pronunciation_score=result.pronunciation,
            comprehension_score=result.comprehension,
            cefr_level=result.cefr_level,
            strengths=result.strengths,
            improvements=result.improvements,
            recommendations=result.recommendations,
            using_db=conn,
        )
        await conn.execute_query(queries.MARK_EVALUATED, [recording_id, now])
        await events.announce(conn, recording_id)
    return RecordingStatus.EVALUATED
