"""Recordings: creating one (an upload, a transcript, or both), adding a transcript later, and
deleting one.

- Creating checks every field first, and nothing is stored when one is wrong: the title
  (required, at most 200 characters), the language (a code such as "en" or "pt-BR"), the
  topic (at most 200), `learnerSpeaker` (at most 100; given with a transcript, it must be one
  of its speakers: INVALID on it), a file or a transcript (neither: REQUIRED on
  `transcript`), the transcript (parsed now: INVALID on `transcript` with the parser's
  message; its format, when not given, is detected and kept), the file (media.py:
  TOO_LARGE or INVALID on `file`); then whose it is and where it belongs (placement.py).
  The file is streamed to storage, then the recording is stored — PROCESSING with a
  transcript, UPLOADED with a file alone — with its processing job queued in the same
  transaction (jobs.py) and its subscribers told on commit. Should that transaction fail,
  the stored file is removed again.
- Adding a transcript: to a recording waiting for one (UPLOADED) or FAILED; one being
  processed or already transcribed is a CONFLICT on `recordingId`. By its owner or the
  teacher of its classroom (policy.py `can_change`: an admin is FORBIDDEN, anyone else gets
  NOT_FOUND). The transcript and a `learnerSpeaker` are checked as on creation (a label not
  given keeps the one given before). The recording becomes PROCESSING with its job queued;
  its segments, vocabulary and AI evaluation are dropped now and replaced by the job's.
- Deleting: by the same people, unless a GRADED submission names the recording (CONFLICT on
  `id`). The recording goes with its segments, corrections, vocabulary and evaluations (a
  submission naming it keeps none), its subscribers are told, and after the commit its file
  is removed from storage (a storage failure is logged: the file is left, never the rows).
"""

from __future__ import annotations

import contextlib
import logging
import re
import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from tortoise.transactions import in_transaction

from core.errors import AppError, ErrorCode, Validator, not_found
from core.rows import build
from loaders.base import select_visible
from models.classroom import Classroom
from models.recordings import Recording, RecordingStatus, TranscriptFormat
from resolvers.identity.policy import require_viewer
from resolvers.recordings import events, policy, queries
from resolvers.recordings.jobs import queue_processing
from resolvers.recordings.media import checked_upload, store_upload
from resolvers.recordings.placement import place
from rules.recordings.speakers import learner_speaker_problem
from services.recordings.transcripts import TranscriptError, detect_format, parse_transcript
from services.recordings.transcripts import TranscriptFormat as ParsedFormat
from services.storage import StorageError

if TYPE_CHECKING:
    from models.identity import User
    from services.storage import Storage

log = logging.getLogger("lingograph.recordings")

_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,4})?")
LANGUAGE_CHARS = 8
LABEL_CHARS = 100
NOTHING_TO_PROCESS = "Upload the conversation's audio or video, or give its transcript."
ALREADY_TRANSCRIBED = "This recording is being processed or already has its transcript."
IN_GRADED_SUBMISSION = "This recording is part of a graded submission."


async def readable_recording(viewer: User | None, recording_id: Any, field: str) -> Recording:
    """The recording if the viewer reads it (policy.recordings), else NOT_FOUND on `field`."""
    if recording_id is not None:
        found = await select_visible(Recording, [recording_id], policy.recordings(viewer))
        recording = found.get(recording_id)
        if recording is not None:
            return recording
    raise not_found("Recording", field)


async def recording_to_change(viewer: User, recording_id: Any, field: str) -> Recording:
    """The recording if the viewer reads it (else NOT_FOUND) and may change it (else
    FORBIDDEN)."""
    recording = await readable_recording(viewer, recording_id, field)
    teacher_id = None
    if recording.classroom_id is not None:
        classroom = await Classroom.get_or_none(id=recording.classroom_id)
        teacher_id = classroom.teacher_id if classroom is not None else None
    if not policy.can_change(viewer, recording.user_id, teacher_id):
        raise AppError.of(ErrorCode.FORBIDDEN, policy.NOT_YOURS)
    return recording


def _label(v: Validator, given: str | None) -> str | None:
    label = " ".join(given.split()) if given is not None else ""
    too_long = f"At most {LABEL_CHARS} characters."
    v.check(len(label) <= LABEL_CHARS, "learnerSpeaker", ErrorCode.TOO_LONG, too_long)
    return label or None


def _transcript(
    v: Validator, text: str, given: TranscriptFormat | None, label: str | None
) -> TranscriptFormat | None:
    """The transcript's format (as given, else detected) once it parses; else None, with
    the problems added to `v`."""
    kind = ParsedFormat(given.value) if given is not None else detect_format(text)
    try:
        segments = parse_transcript(text, kind)
    except TranscriptError as error:
        v.add("transcript", ErrorCode.INVALID, error.message)
        return None
    problem = learner_speaker_problem(label, segments)
    if problem is not None:
        v.errors.append(problem)
        return None
    return TranscriptFormat(kind.value)


def _fields(v: Validator, title: str, language: str, topic: str | None) -> str:
    """Checks the title, language and topic; the language code, trimmed."""
    v.text("title", title, 200, required="A title is required.")
    v.text("topic", topic, 200)
    code = language.strip()
    if not (_LANGUAGE.fullmatch(code) and len(code) <= LANGUAGE_CHARS):
        v.add("language", ErrorCode.INVALID, "A language code, such as “en” or “pt-BR”.")
    return code


async def create_recording(
    viewer: User | None,
    storage: Storage,
    *,
    title: str,
    language: str,
    topic: str | None = None,
    classroom_id: Any = None,
    assignment_id: Any = None,
    student_id: Any = None,
    learner_speaker: str | None = None,
    file: Any = None,
    transcript: str | None = None,
    transcript_format: TranscriptFormat | None = None,
) -> Recording:
    """A new recording (see the module's docstring), its processing queued."""
    user = require_viewer(viewer)
    v = Validator()
    code = _fields(v, title, language, topic)
    label = _label(v, learner_speaker)
    text = transcript if transcript is not None and transcript.strip() else None
    kind = _transcript(v, text, transcript_format, label) if text is not None else None
    if file is None and text is None:
        v.add("transcript", ErrorCode.REQUIRED, NOTHING_TO_PROCESS)
    upload = await checked_upload(v, file) if file is not None else None
    v.raise_if_any()
    placement = await place(
        user, classroom_id=classroom_id, assignment_id=assignment_id, student_id=student_id
    )
    recording_id = uuid.uuid4()
    media = await store_upload(storage, recording_id, *upload) if upload is not None else None
    try:
        async with in_transaction() as conn:
            recording = await Recording.create(
                id=recording_id,
                user_id=placement.owner_id,
                uploaded_by_id=user.id,
                title=title.strip(),
                topic=(topic or "").strip(),
                language=code,
                classroom_id=placement.classroom_id,
                assignment_id=placement.assignment_id,
                status=RecordingStatus.PROCESSING if text is not None else RecordingStatus.UPLOADED,
                learner_speaker=label,
                transcript=text,
                transcript_format=kind,
                media_key=media.key if media else None,
                mime_type=media.mime_type if media else None,
                size_bytes=media.size if media else None,
                duration_seconds=media.duration_seconds if media else None,
                using_db=conn,
            )
            await queue_processing(recording.id)
            await events.announce(conn, recording.id)
    except BaseException:
        if media is not None:
            with contextlib.suppress(StorageError):
                await storage.delete(media.key)
        raise
    return recording


async def add_recording_transcript(
    viewer: User | None,
    recording_id: Any,
    *,
    transcript: str,
    transcript_format: TranscriptFormat | None,
    learner_speaker: str | None = None,
) -> Recording:
    """The recording with its new transcript, PROCESSING again (see the module)."""
    user = require_viewer(viewer)
    recording = await recording_to_change(user, recording_id, "recordingId")
    v = Validator()
    label = _label(v, learner_speaker)
    kind = _transcript(v, transcript, transcript_format, label)
    v.raise_if_any()
    assert kind is not None
    async with in_transaction() as conn:
        rows = await conn.execute_query_dict(
            queries.RESTART_WITH_TRANSCRIPT,
            [recording.id, transcript, kind.value, label, datetime.now(UTC)],
        )
        if not rows:
            raise AppError.of(ErrorCode.CONFLICT, ALREADY_TRANSCRIBED, "recordingId")
        for statement in (
            queries.DELETE_SEGMENTS,
            queries.DELETE_WORDS,
            queries.DELETE_AI_EVALUATIONS,
        ):
            await conn.execute_query(statement, [recording.id])
        await queue_processing(recording.id)
        await events.announce(conn, recording.id)
    return build(Recording, rows)[0]


async def delete_recording(viewer: User | None, storage: Storage, recording_id: Any) -> Any:
    """Delete the recording (see the module's docstring); its id."""
    user = require_viewer(viewer)
    recording = await recording_to_change(user, recording_id, "id")
    async with in_transaction() as conn:
        rows = await conn.execute_query_dict(queries.DELETE_UNLESS_GRADED, [recording.id])
        if not rows:
            if await Recording.filter(id=recording.id).using_db(conn).exists():
                raise AppError.of(ErrorCode.CONFLICT, IN_GRADED_SUBMISSION, "id")
            raise not_found("Recording", "id")  # deleted meanwhile
        await events.announce(conn, recording.id)
    key = rows[0]["media_key"]
    if key is not None:
        try:
            await storage.delete(key)
        except StorageError:
            log.warning("the file %s of deleted recording %s was left", key, recording.id)
    return recording.id
