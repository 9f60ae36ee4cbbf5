"""Processing a recording: a durable job (core/jobs.py) queued in the transaction that created
the recording (or gave it a new transcript), so it runs once that commits, survives the
server being restarted or killed, and is recovered when its worker dies mid-way.

The job follows the recording's status, so a run repeated at any point (a worker killed
after a write) carries on from where the last write left it and writes nothing twice
(store.py writes only while the recording is still where the job saw it):

1. UPLOADED (a file, no transcript): with no transcription engine configured (the worker's
   TRANSCRIBER_ENGINE), it stays UPLOADED with the reason `NO_ENGINE`, waiting for a
   transcript; else it becomes PROCESSING.
2. PROCESSING: the segments come from the transcript the client supplied
   (services/recordings/transcripts.py) or from the engine, streamed the file from storage.
   The learner is chosen by rules/recordings/speakers.py (the label given, matched to the
   transcript's; else inferred). The learner's segments are corrected by the tutor engine
   (`correct`: spans into the segment's text) for the languages its rules cover
   (`CORRECTED_LANGUAGES`: English); other languages get no corrections. Stored:
   TRANSCRIBED, with the duration from the engine, or from the last timed segment, when the
   file's metadata gave none.
3. TRANSCRIBED: the vocabulary analysis (rules/recordings/vocabulary.py) and the AI's
   evaluation (rules/recordings/evaluation.py, within the caps) of the learner's segments as
   stored, then EVALUATED; a recording made for an assignment is then handed in for it
   (hand_in.py).

Failures: an unusable transcript and a transcription the engine refuses or answers badly
(`TranscriptionError`, not transient) fail the recording at once (FAILED with the reason);
a transient engine failure (timeout, unreachable, overloaded) and anything unexpected are
retried with backoff, and the last attempt's failure makes it FAILED with the engine's
reason (or `RETRY_LATER`). A FAILED recording is processed again when a transcript is added.
Every status change is announced on commit (events.py).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from procrastinate import JobContext

from core import jobs
from models.recordings import Recording, RecordingSegment, RecordingStatus, SegmentCorrection
from resolvers.recordings import store
from resolvers.recordings.engines import Engines
from resolvers.recordings.hand_in import hand_in
from rules.recordings.evaluation import EvaluationResult, evaluate
from rules.recordings.segments import Segment
from rules.recordings.speakers import choose_learner
from rules.recordings.vocabulary import VocabularyAnalysis, analyse, language_code
from services.recordings.transcriber import TranscriptionError
from services.recordings.transcripts import TranscriptError, TranscriptFormat, parse_transcript
from services.tutor.base import TutorEngine

log = logging.getLogger("lingograph.recordings")

PROCESS_ATTEMPTS = 3  # retried after 2 and 4 s
NO_ENGINE = (
    "No transcription engine is configured: add the recording's transcript to have it processed."
)
RETRY_LATER = "The recording could not be processed just now; add its transcript to try again."
CORRECTED_LANGUAGES = frozenset({"en"})  # the tutor engine's rules (services/tutor/rules.py)
_S = RecordingStatus


async def _segments(engines: Engines, row: Recording) -> tuple[list[Segment], float | None]:
    """The recording's segments and, from the engine, its duration."""
    if row.transcript is not None:
        kind = TranscriptFormat(row.transcript_format.value) if row.transcript_format else None
        return parse_transcript(row.transcript, kind), None
    assert engines.transcriber is not None and row.media_key is not None
    transcription = await engines.transcriber.transcribe(
        engines.storage.open_stream(row.media_key),
        filename=row.media_key.rsplit("/", 1)[-1],
        content_type=row.mime_type or "application/octet-stream",
        size=row.size_bytes,
        language=row.language,
    )
    return transcription.segments, transcription.duration_seconds


def _corrected(
    tutor: TutorEngine, segments: list[Segment], learner: str | None, language: str
) -> list[store.SegmentToStore]:
    corrects = language_code(language) in CORRECTED_LANGUAGES
    return [
        store.SegmentToStore(
            segment,
            segment.speaker == learner,
            tutor.correct(segment.text) if corrects and segment.speaker == learner else (),
        )
        for segment in segments
    ]


def _last_end(segments: list[Segment]) -> float | None:
    ends = [s.end_ms for s in segments if s.end_ms is not None]
    return max(ends) / 1000 if ends else None


async def _transcribe(engines: Engines, row: Recording, final: bool) -> RecordingStatus | None:
    try:
        segments, duration = await _segments(engines, row)
    except TranscriptError as error:
        return await _fail(row, _S.PROCESSING, error.message)
    except TranscriptionError as error:
        log.warning("transcribing recording %s failed: %s", row.id, error.reason)
        if error.transient and not final:
            raise
        return await _fail(row, _S.PROCESSING, error.reason[:1].upper() + error.reason[1:] + ".")
    learner = choose_learner(segments, row.learner_speaker).speaker
    stored = await asyncio.to_thread(_corrected, engines.tutor, segments, learner, row.language)
    return await store.store_segments(row.id, stored, learner, duration or _last_end(segments))


def _evaluation(
    segments: list[Segment], learner: str | None, kinds: list[tuple[str, str]], language: str
) -> tuple[VocabularyAnalysis, EvaluationResult]:
    vocabulary = analyse([s.text for s in segments if s.speaker == learner], language)
    return vocabulary, evaluate(segments, learner, kinds, vocabulary)


async def _evaluate(row: Recording) -> RecordingStatus | None:
    """The AI's evaluation of the segments as stored."""
    rows = await RecordingSegment.filter(recording_id=row.id).order_by("position")
    segments = [
        Segment(r.position + 1, r.speaker, r.text, r.start_ms, r.end_ms, r.confidence) for r in rows
    ]
    learner = next((r.speaker for r in rows if r.is_learner), row.learner_speaker)
    learners = [r.id for r in rows if r.is_learner]
    found = await SegmentCorrection.filter(segment_id__in=learners).values_list("type", "severity")
    kinds = [(str(kind), str(severity)) for kind, severity in found]
    vocabulary, result = await asyncio.to_thread(
        _evaluation, segments, learner, kinds, row.language
    )
    return await store.store_evaluation(row.id, vocabulary.words, result)


async def _fail(row: Recording, current: RecordingStatus, reason: str) -> RecordingStatus | None:
    return _S.FAILED if await store.move(row.id, current, _S.FAILED, reason) else None


async def process_recording(
    engines: Engines, recording_id: Any, *, final: bool = True
) -> RecordingStatus | None:
    """Carry the recording on from its status (see the module's docstring): the status it
    was left in, or None when there was nothing to do. Failures that may pass raise unless
    `final`."""
    row = await Recording.get_or_none(id=recording_id)
    if row is None:
        return None
    status = row.status
    try:
        if status is _S.UPLOADED or (status is _S.PROCESSING and row.transcript is None):
            if row.media_key is None:
                return None
            if engines.transcriber is None:
                if status is _S.PROCESSING:  # a worker without an engine took over
                    await store.move(row.id, _S.PROCESSING, _S.UPLOADED, NO_ENGINE)
                await store.wait_for_transcript(row.id, NO_ENGINE)
                return _S.UPLOADED
            if status is _S.UPLOADED:
                if not await store.move(row.id, _S.UPLOADED, _S.PROCESSING, None):
                    return None
                status = _S.PROCESSING
        if status is _S.PROCESSING:
            done = await _transcribe(engines, row, final)
            if done is not _S.TRANSCRIBED:
                return done
            status = done
        if status is _S.TRANSCRIBED:
            evaluated = await _evaluate(row)
            if evaluated is _S.EVALUATED:
                await hand_in(row)  # made for an assignment: its submission (hand_in.py)
            return evaluated
    except (TranscriptionError, TranscriptError):
        raise  # a transient engine failure: retried
    except Exception:
        log.exception("processing recording %s failed", recording_id)
        if not final:
            raise
        return await _fail(row, status, RETRY_LATER)
    return None


@jobs.task("recordings.process", attempts=PROCESS_ATTEMPTS)
async def process_recording_job(context: JobContext, recording_id: str) -> None:
    settings = jobs.settings_of(context)
    await process_recording(
        Engines.of(settings, jobs.services_of(context).tutor),
        recording_id,
        final=jobs.is_last_attempt(context, PROCESS_ATTEMPTS),
    )


async def queue_processing(recording_id: Any) -> None:
    """Enqueue the recording's processing in the caller's transaction (it runs after commit);
    a job for it still waiting makes this one redundant (that job does it)."""
    await jobs.defer(
        process_recording_job,
        queueing_lock=f"recording:{recording_id}",
        recording_id=str(recording_id),
    )
