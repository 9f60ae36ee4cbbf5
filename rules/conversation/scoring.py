"""The evaluation scale every spoken or written conversation is scored on (the text tutor's,
services/tutor/scoring.py, and a recording's, rules/recordings/evaluation.py):

- Sub-scores are whole numbers from 0 to their cap: grammar 25, vocabulary 20, fluency 20,
  pronunciation 15, comprehension 20; the overall score is their sum (0-100).
- CEFR from the overall score: ≥90 C2, ≥75 C1, ≥60 B2, ≥45 B1, ≥30 A2, else A1.
- Correction severities weigh low 1, medium 2, high 3, critical 4.
"""

from __future__ import annotations

CAPS = {"grammar": 25, "vocabulary": 20, "fluency": 20, "pronunciation": 15, "comprehension": 20}
SEVERITY_WEIGHT = {"low": 1, "medium": 2, "high": 3, "critical": 4}
CEFR_BANDS = ((90, "C2"), (75, "C1"), (60, "B2"), (45, "B1"), (30, "A2"), (0, "A1"))


def cefr_for(overall: int) -> str:
    return next(level for floor, level in CEFR_BANDS if overall >= floor)
