"""Recordings written directly, without the upload path: a learner's recording in any status
(of a classroom and an assignment or of none), its speaker segments, the AI's evaluation and
a teacher's; and a recording assignment. For the tests of evaluations and of recordings as
classroom work, which need rows, not files. And the recordings operations
(../shared/operations/recordings.graphql, or its copy in tests/operations) by name."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from graphql import print_ast

from models.classroom import Assignment, Classroom
from models.conversation import Evaluation, Evaluator
from models.identity import User
from models.recordings import Recording, RecordingSegment, RecordingStatus
from tests.factories.classroom import in_scope_document

ROOT = Path(__file__).resolve().parents[2]
RECORDINGS_FILES = [
    ROOT.parent / "shared" / "operations" / "recordings.graphql",
    ROOT / "tests" / "operations" / "recordings.graphql",
]


def recordings_operations(*names: str) -> str | None:
    """The named operations of recordings.graphql with their fragments, or None when the
    file is absent."""
    path = next((path for path in RECORDINGS_FILES if path.is_file()), None)
    return None if path is None else print_ast(in_scope_document(path.read_text(), names))


# A two-speaker exchange: the learner is the second speaker.
LINES = (
    ("Teacher", "What did you do at the weekend?"),
    ("Ana", "I goed to the market with my sister."),
    ("Teacher", "What did you buy there?"),
    ("Ana", "We buyed some fruits and a fish."),
)


async def recording(
    owner: User,
    *,
    classroom: Classroom | None = None,
    assignment: Assignment | None = None,
    status: RecordingStatus = RecordingStatus.TRANSCRIBED,
    title: str = "At the market",
    segments: int = 0,
    age: timedelta = timedelta(0),
    **fields: Any,
) -> Recording:
    """A recording of `owner` in `status`, with `segments` segments (from `LINES`, in turn);
    `age` sets how long ago it was made (the latest is the newest `created_at`)."""
    row = await Recording.create(
        user_id=owner.id,
        uploaded_by_id=fields.pop("uploaded_by_id", owner.id),
        title=title,
        language=fields.pop("language", "es"),
        classroom_id=classroom.id if classroom else None,
        assignment_id=assignment.id if assignment else None,
        status=status,
        learner_speaker=fields.pop("learner_speaker", "Ana"),
        **fields,
    )
    if age:
        created = datetime.now(UTC) - age
        await Recording.filter(id=row.id).update(created_at=created)
        row.created_at = created
    if segments:
        await RecordingSegment.bulk_create(
            [
                RecordingSegment(
                    recording_id=row.id,
                    position=n,
                    speaker=LINES[n % len(LINES)][0],
                    start_ms=n * 3000,
                    end_ms=n * 3000 + 2500,
                    text=LINES[n % len(LINES)][1],
                    confidence=0.9,
                    is_learner=LINES[n % len(LINES)][0] == "Ana",
                )
                for n in range(segments)
            ]
        )
    return row


async def evaluation(
    row: Recording, *, teacher: User | None = None, scores: tuple[int, ...] = (20, 15, 14, 10, 16)
) -> Evaluation:
    """An evaluation of the recording: the AI's, or `teacher`'s. `scores`: grammar,
    vocabulary, fluency, pronunciation, comprehension (overall: their sum)."""
    grammar, vocabulary, fluency, pronunciation, comprehension = scores
    return await Evaluation.create(
        recording_id=row.id,
        evaluator=Evaluator.TEACHER if teacher else Evaluator.AI,
        evaluated_by_id=teacher.id if teacher else None,
        overall_score=sum(scores),
        grammar_score=grammar,
        vocabulary_score=vocabulary,
        fluency_score=fluency,
        pronunciation_score=pronunciation,
        comprehension_score=comprehension,
        cefr_level="B2",
        strengths=["Clear questions"],
        improvements=["Past tense of irregular verbs"],
        recommendations=["Practise the past tense"] if teacher is None else [],
    )


async def recording_assignment(
    room: Classroom, *, due_at: datetime | None = None, **fields: Any
) -> Assignment:
    """An active assignment of the classroom whose target is a recording."""
    return await Assignment.create(
        classroom_id=room.id,
        created_by_id=room.teacher_id,
        title=fields.pop("title", "Record a conversation"),
        expects_recording=True,
        due_at=due_at,
        **fields,
    )
