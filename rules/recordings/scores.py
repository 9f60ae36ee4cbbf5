"""The caps every evaluation keeps, the overall score and the CEFR estimate.

- Sub-scores are whole numbers from 0 to their cap: grammar 25, vocabulary 20, fluency 20,
  pronunciation 15, comprehension 20; the overall score is their sum (0-100).
- CEFR from the overall score: ≥90 C2, ≥75 C1, ≥60 B2, ≥45 B1, ≥30 A2, else A1.
- A teacher's sub-scores outside the caps are refused, `INVALID` on the field of each.
- Correction severities weigh low 1, medium 2, high 3, critical 4.

The caps, weights and bands are the conversation scale's (rules/conversation/scoring.py),
shared with the text tutor's evaluation.
"""

from __future__ import annotations

from collections.abc import Mapping

from core.errors import ErrorCode, FieldError
from rules.conversation.scoring import CAPS, CEFR_BANDS, SEVERITY_WEIGHT, cefr_for

__all__ = ["CAPS", "CEFR_BANDS", "SEVERITY_WEIGHT", "cefr_for", "clamp", "score_problems"]

SCORE_FIELDS = {
    "grammar": "grammarScore",
    "vocabulary": "vocabularyScore",
    "fluency": "fluencyScore",
    "pronunciation": "pronunciationScore",
    "comprehension": "comprehensionScore",
}


def clamp(value: float, cap: int) -> int:
    """Rounded to a whole number within 0-cap."""
    return max(0, min(cap, round(value)))


def overall(scores: Mapping[str, int]) -> int:
    return sum(scores[name] for name in CAPS)


def score_problems(scores: Mapping[str, int]) -> list[FieldError]:
    """A teacher's sub-scores, by name (grammar, vocabulary, ...), must lie within the caps."""
    return [
        FieldError(ErrorCode.INVALID, f"Must be between 0 and {CAPS[name]}.", SCORE_FIELDS[name])
        for name, value in scores.items()
        if not 0 <= value <= CAPS[name]
    ]
