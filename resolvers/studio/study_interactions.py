"""What a study-session interaction must be, and how an answer is marked and rated (the
rules of sessions.py's `record_interaction`).

- `kind` is ANSWER, VIEW or SKIP (INVALID on kind); `answer` at most `MAX_ANSWER_LENGTH`
  characters (TOO_LONG); `responseTimeMs` at least 0 and `confidence` 0-1 (INVALID).
- An ANSWER is marked by rules/studio/answers.py and rated by rules/studio/scheduling.py
  (wrong → Again; right and unsure → Hard; right, sure and quick → Easy; else Good). A
  flashcard is self-graded: its confidence is required (REQUIRED on confidence). A summary
  takes no answer (INVALID on kind: it is viewed).
"""

from __future__ import annotations

import math
from typing import Any

from fsrs import Rating

from core.errors import AppError, ErrorCode, Validator
from models.studio import AssetType, GeneratedAsset, InteractionKind
from rules.studio.answers import Verdict, check
from rules.studio.scheduling import interaction_rating

MAX_ANSWER_LENGTH = 2000


def validate_interaction(
    kind: Any, answer: str | None, response_time_ms: int | None, confidence: float | None
) -> InteractionKind:
    """The interaction's kind, once its inputs are valid (every field error at once)."""
    try:
        valid_kind: InteractionKind | None = InteractionKind(
            str(getattr(kind, "value", kind)).lower()
        )
    except ValueError:
        valid_kind = None
    check_input = Validator()
    check_input.check(valid_kind is not None, "kind", ErrorCode.INVALID, "Unknown interaction.")
    check_input.check(
        answer is None or len(answer) <= MAX_ANSWER_LENGTH,
        "answer",
        ErrorCode.TOO_LONG,
        f"At most {MAX_ANSWER_LENGTH} characters.",
    )
    check_input.check(
        response_time_ms is None or response_time_ms >= 0,
        "responseTimeMs",
        ErrorCode.INVALID,
        "Must be 0 or more.",
    )
    check_input.check(
        confidence is None or (math.isfinite(confidence) and 0 <= confidence <= 1),
        "confidence",
        ErrorCode.INVALID,
        "Must be between 0 and 1.",
    )
    check_input.raise_if_any()
    assert valid_kind is not None
    return valid_kind


def answer_asset(
    asset: GeneratedAsset,
    answer: str | None,
    response_time_ms: int | None,
    confidence: float | None,
) -> tuple[Verdict, Rating]:
    """Mark an answer to the asset and give the rating its card is reviewed with."""
    if asset.type == AssetType.SUMMARY:
        raise AppError.of(ErrorCode.INVALID, "A summary takes no answer: view it.", "kind")
    flashcard = asset.type == AssetType.FLASHCARD
    if flashcard and confidence is None:
        raise AppError.of(
            ErrorCode.REQUIRED, "Say how well you knew this card (0 to 1).", "confidence"
        )
    verdict = check(asset.type.value, asset.content, answer, confidence)
    rating = interaction_rating(
        InteractionKind.ANSWER.value,
        correct=verdict.correct,
        confidence=confidence,
        response_ms=response_time_ms,
        flashcard=flashcard,
    )
    assert rating is not None  # an answer always rates its card
    return verdict, rating
