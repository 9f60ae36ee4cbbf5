"""The recordings use cases' hand-written SQL, in one place; table names come from the models
(the classroom's tables too: a recording's classroom, memberships and graded submissions)."""

from __future__ import annotations

from models.classroom import (
    ClassMembership,
    Classroom,
    MembershipStatus,
    Submission,
    SubmissionStatus,
)
from models.conversation import Evaluation, Evaluator
from models.recordings import (
    Recording,
    RecordingSegment,
    RecordingStatus,
    RecordingWord,
    SegmentCorrection,
)

RECORDINGS = Recording._meta.db_table
SEGMENTS = RecordingSegment._meta.db_table
CORRECTIONS = SegmentCorrection._meta.db_table
WORDS = RecordingWord._meta.db_table
EVALUATIONS = Evaluation._meta.db_table
CLASSROOMS = Classroom._meta.db_table
MEMBERSHIPS = ClassMembership._meta.db_table
SUBMISSIONS = Submission._meta.db_table

UPLOADED = RecordingStatus.UPLOADED.value
PROCESSING = RecordingStatus.PROCESSING.value
TRANSCRIBED = RecordingStatus.TRANSCRIBED.value
EVALUATED = RecordingStatus.EVALUATED.value
FAILED = RecordingStatus.FAILED.value
AI = Evaluator.AI.value
ACTIVE = MembershipStatus.ACTIVE.value
GRADED = SubmissionStatus.GRADED.value

# $1 recording, $2 status: the recording, locked, if it is in that status. Every write of the
# processing job holds this lock, so a job run twice (or a stale run) writes nothing twice.
LOCK_IN_STATUS = f'SELECT id FROM "{RECORDINGS}" WHERE id = $1 AND status = $2 FOR UPDATE'

# $1 recording, $2 reason, $3 now: an UPLOADED recording with no transcript says why it waits
# (once: the same reason again changes nothing).
WAIT_FOR_TRANSCRIPT = (
    f'UPDATE "{RECORDINGS}" SET failure_reason = $2, updated_at = $3 '
    f"WHERE id = $1 AND status = '{UPLOADED}' AND transcript IS NULL "
    "AND failure_reason IS DISTINCT FROM $2 RETURNING id"
)

# $1 recording, $2 the status it must be in, $3 the new status, $4 failure reason (or null),
# $5 now: the recording moved on, if it was still where the caller saw it.
MOVE = (
    f'UPDATE "{RECORDINGS}" SET status = $3, failure_reason = $4, updated_at = $5 '
    "WHERE id = $1 AND status = $2 RETURNING id"
)

DELETE_SEGMENTS = f'DELETE FROM "{SEGMENTS}" WHERE recording_id = $1'
DELETE_WORDS = f'DELETE FROM "{WORDS}" WHERE recording_id = $1'
DELETE_AI_EVALUATIONS = (
    f"DELETE FROM \"{EVALUATIONS}\" WHERE recording_id = $1 AND evaluator = '{AI}'"
)

# $1 recording, $2 learner's label, $3 duration (seconds) when the file gave none, $4 now.
MARK_TRANSCRIBED = (
    f"UPDATE \"{RECORDINGS}\" SET status = '{TRANSCRIBED}', failure_reason = NULL, "
    "learner_speaker = $2, duration_seconds = coalesce(duration_seconds, $3), updated_at = $4 "
    "WHERE id = $1"
)

# $1 recording, $2 now.
MARK_EVALUATED = (
    f"UPDATE \"{RECORDINGS}\" SET status = '{EVALUATED}', processed_at = $2, updated_at = $2 "
    "WHERE id = $1"
)

# $1 recording, $2 transcript, $3 its format, $4 learner's label (null: keep the one given
# before), $5 now: a recording waiting for a transcript (UPLOADED) or FAILED takes a new one
# and is processed again; the row as written.
RESTART_WITH_TRANSCRIPT = (
    f'UPDATE "{RECORDINGS}" SET transcript = $2, transcript_format = $3, '
    "learner_speaker = coalesce($4, learner_speaker), "
    f"status = '{PROCESSING}', failure_reason = NULL, updated_at = $5 "
    f"WHERE id = $1 AND status IN ('{UPLOADED}', '{FAILED}') RETURNING *"
)

# $1 recording: deleted, with what it leaves in storage, unless a GRADED submission names it.
DELETE_UNLESS_GRADED = (
    f'DELETE FROM "{RECORDINGS}" r WHERE r.id = $1 AND NOT EXISTS (SELECT 1 FROM '
    f"\"{SUBMISSIONS}\" s WHERE s.recording_id = r.id AND s.status = '{GRADED}') "
    "RETURNING r.media_key"
)

# $1 classroom, $2 student: an ACTIVE membership of the student in the classroom.
ACTIVE_MEMBER = (
    f'SELECT 1 AS hit FROM "{MEMBERSHIPS}" WHERE classroom_id = $1 AND student_id = $2 '
    f"AND status = '{ACTIVE}'"
)
