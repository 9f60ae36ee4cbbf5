"""The recordings part of the executors' comparison world (test_executors_agree.py): the
course's author teaches a class the learner belongs to; the learner's evaluated recording of
it has timed segments (the learner's corrected), vocabulary, the AI's evaluation and the
teacher's; a second recording still waits for a transcript. (No media file: its link is
signed per minute, which two runs may straddle.)"""

from __future__ import annotations

from typing import Any

from engine.ids import global_id
from models.identity import User
from models.recordings import RecordingSegment, RecordingStatus, RecordingWord, SegmentCorrection
from tests.factories.classroom import classroom, member
from tests.factories.recording_rows import evaluation, recording

# ClassroomRecordings runs as the teacher (the course's author); the others as the learner.
AS_TEACHER = {"ClassroomRecordings"}


async def recordings_variables(teacher: User, learner: User) -> dict[str, list[dict[str, Any]]]:
    """Builds the learner's recordings and returns the variable sets of the recordings
    queries."""
    room = await classroom(teacher, name="Speaking club")
    await member(room, learner)
    row = await recording(
        learner,
        classroom=room,
        status=RecordingStatus.EVALUATED,
        segments=6,
        topic="Weekend plans",
        duration_seconds=18.5,
    )
    wrong = await RecordingSegment.filter(recording_id=row.id, is_learner=True).order_by("position")
    for segment in wrong[:2]:
        start = segment.text.index(" ") + 1
        end = segment.text.index(" ", start)
        await SegmentCorrection.create(
            segment_id=segment.id,
            original=segment.text[start:end],
            corrected="went",
            explanation="Irregular past tense.",
            type="grammar",
            severity="medium",
            start=start,
            end=end,
        )
    await RecordingWord.bulk_create(
        [
            RecordingWord(recording_id=row.id, word=word, count=count, zipf=zipf, **band)
            for word, count, zipf, band in (
                ("market", 2, 4.6, {"frequency_band": "common"}),
                ("sister", 1, 4.4, {"frequency_band": "common"}),
                ("fish", 1, 3.1, {"frequency_band": "advanced", "is_advanced": True}),
            )
        ]
    )
    await evaluation(row)
    await evaluation(row, teacher=teacher, scores=(22, 16, 15, 11, 17))
    await recording(learner, title="Still waiting", status=RecordingStatus.UPLOADED)
    recording_id = global_id("Recording", row.id)
    room_id = global_id("Classroom", room.id)
    return {
        "Recording": [{"id": recording_id}, {"id": recording_id, "first": 2}],
        "MyRecordings": [{}, {"first": 1}],
        "ClassroomRecordings": [{"classroomId": room_id}, {"classroomId": room_id, "first": 1}],
    }
