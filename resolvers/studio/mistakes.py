"""Mistake cards: what a learner gets wrong elsewhere comes back in their reviews.

Studio reacts to lower domains' events (core/events.py), in the transaction that caused them
and on its connection; it imports neither learning's nor conversation's use cases.

- An exercise answered wrong in a lesson (learning's `AnswerSubmitted`, not correct) makes
  a FLASHCARD: front the exercise's prompt, back its correct answer (a multiple-choice
  exercise's correct options' texts joined by " / ", as the lesson shows it), with the
  exercise's explanation. Source EXERCISE, key `exercise:<exercise id>`: once per learner
  and exercise, however often it is answered wrong.
- Each correction the tutor makes of a learner's message (conversation's `CorrectionsMade`)
  makes a card: source CORRECTION, key `correction:<sha256 of original → corrected>` (both
  trimmed, spaces collapsed, case folded), so a mistake makes one card however often and in
  whichever conversation it is made. It is a CLOZE when the correction can be tested by
  typing it: the corrected sentence with the correction blanked (`text`), the correction as
  the `answer`, the corrected `sentence`, plus the learner's `original` and the
  `explanation`. Otherwise (a deletion, a change of case or punctuation only, or a span that
  does not match the text) a FLASHCARD: front the original, back the correction, with the
  explanation and the learner's `sentence` as written.
- Each card is made with the asset, new and due at once (study_cards.py); a mistake made
  again changes neither. Mistake assets have no material and no chunk; their generator is
  `mistake`, their quality 1 (they restate a known right answer) and their difficulty from
  the exercise (1-5 doubled) or the correction's severity (low 3, medium 5, high 7,
  critical 9).
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from core.events import subscribe
from models.catalog import Exercise, ExerciseOption, ExerciseType
from models.studio import AssetSource, AssetType, GeneratedAsset
from resolvers.conversation.events import CorrectionMade, CorrectionsMade
from resolvers.learning.events import AnswerSubmitted
from resolvers.studio.study_cards import make_cards
from services.generator.base import BLANK

GENERATOR = "mistake"
SEVERITY_DIFFICULTY = {"low": 3, "medium": 5, "high": 7, "critical": 9}
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def correction_key(original: str, corrected: str) -> str:
    digest = hashlib.sha256(f"{_fold(original)}\n→\n{_fold(corrected)}".encode()).hexdigest()
    return f"correction:{digest}"


async def _mistake_card(
    conn: Any,
    user_id: UUID,
    *,
    source: AssetSource,
    key: str,
    type: AssetType,
    content: dict[str, Any],
    difficulty: int,
    parameters: dict[str, Any],
) -> None:
    """The learner's asset for this mistake and its card, each made once."""
    now = datetime.now(UTC)
    asset = GeneratedAsset(
        user_id=user_id,
        type=type,
        content=content,
        source=source,
        source_key=key,
        generator=GENERATOR,
        parameters=parameters,
        quality=1.0,
        difficulty=max(1, min(10, difficulty)),
    )
    await GeneratedAsset.bulk_create([asset], ignore_conflicts=True, using_db=conn)
    ids = (
        await GeneratedAsset.filter(user_id=user_id, source_key=key)
        .using_db(conn)
        .values_list("id", flat=True)
    )
    await make_cards(conn, user_id, [UUID(str(i)) for i in ids], now)


async def on_answer_submitted(event: AnswerSubmitted, conn: Any) -> None:
    """A wrong answer to an exercise makes its mistake card (see the module)."""
    if event.correct:
        return
    exercise = await Exercise.get_or_none(id=event.exercise_id, using_db=conn)
    if exercise is None:
        return
    back = exercise.correct_answer
    if exercise.type == ExerciseType.MULTIPLE_CHOICE:
        options = (
            await ExerciseOption.filter(exercise_id=exercise.id, is_correct=True)
            .using_db(conn)
            .order_by("position")
        )
        back = " / ".join(o.text for o in options) or back
    await _mistake_card(
        conn,
        event.user_id,
        source=AssetSource.EXERCISE,
        key=f"exercise:{exercise.id}",
        type=AssetType.FLASHCARD,
        content={"front": exercise.prompt, "back": back, "explanation": exercise.explanation},
        difficulty=2 * exercise.difficulty,
        parameters={"exerciseId": str(exercise.id), "lessonId": str(event.lesson_id)},
    )


def _valid(text: str, fix: CorrectionMade) -> bool:
    return 0 <= fix.start <= fix.end <= len(text) and text[fix.start : fix.end] == fix.original


def _corrected_spans(text: str, fixes: tuple[CorrectionMade, ...]) -> tuple[str, dict[int, int]]:
    """The message with every valid, non-overlapping correction applied, and where each one
    (by index) starts in it."""
    out: list[str] = []
    starts: dict[int, int] = {}
    cursor = length = 0
    for index, fix in sorted(enumerate(fixes), key=lambda pair: pair[1].start):
        if not _valid(text, fix) or fix.start < cursor:
            continue
        out.append(text[cursor : fix.start])
        length += fix.start - cursor
        starts[index] = length
        out.append(fix.corrected)
        length += len(fix.corrected)
        cursor = fix.end
    out.append(text[cursor:])
    return "".join(out), starts


def _sentence_at(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence of `text` holding `[start, end)`, and where it starts."""
    offset = 0
    for part in _SENTENCE_END.split(text):
        found = text.find(part, offset)
        if found <= start and end <= found + len(part):
            return part, found
        offset = found + len(part)
    return text, 0


def _sentence_of_original(text: str, fix: CorrectionMade) -> str:
    if not _valid(text, fix):
        return ""
    return _sentence_at(text, fix.start, fix.end)[0].strip()


def correction_content(
    text: str, fixes: tuple[CorrectionMade, ...], index: int, corrected_text: str, start: int | None
) -> tuple[AssetType, dict[str, Any]]:
    """The card of correction `index` of a message (see the module)."""
    fix = fixes[index]
    testable = bool(fix.corrected.strip()) and _fold(fix.corrected) != _fold(fix.original)
    if start is not None and testable:
        end = start + len(fix.corrected)
        sentence, at = _sentence_at(corrected_text, start, end)
        blanked = sentence[: start - at] + BLANK + sentence[end - at :]
        return AssetType.CLOZE, {
            "text": blanked.strip(),
            "answer": fix.corrected,
            "sentence": sentence.strip(),
            "original": fix.original,
            "explanation": fix.explanation,
        }
    return AssetType.FLASHCARD, {
        "front": fix.original,
        "back": fix.corrected,
        "explanation": fix.explanation,
        "sentence": _sentence_of_original(text, fix),
    }


async def on_corrections_made(event: CorrectionsMade, conn: Any) -> None:
    """Each distinct correction of the message makes its mistake card (see the module)."""
    corrected_text, starts = _corrected_spans(event.text, event.corrections)
    seen: set[str] = set()
    for index, fix in enumerate(event.corrections):
        key = correction_key(fix.original, fix.corrected)
        if key in seen:
            continue
        seen.add(key)
        kind, content = correction_content(
            event.text, event.corrections, index, corrected_text, starts.get(index)
        )
        await _mistake_card(
            conn,
            event.user_id,
            source=AssetSource.CORRECTION,
            key=key,
            type=kind,
            content=content,
            difficulty=SEVERITY_DIFFICULTY.get(fix.severity, 5),
            parameters={
                "sessionId": str(event.session_id),
                "messageId": str(event.message_id),
                "type": fix.type,
                "severity": fix.severity,
            },
        )


def register_subscribers() -> None:
    subscribe(AnswerSubmitted, on_answer_submitted)
    subscribe(CorrectionsMade, on_corrections_made)
