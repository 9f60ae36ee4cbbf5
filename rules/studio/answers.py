"""Checking a learner's answer to a generated asset (content shapes: services/generator/base.py).

Text is compared with lesson exercises' normalisation (rules/learning/answers.py), so the
studio and lessons agree on what "the same answer" is: case, surrounding and repeated white
space, and final punctuation are ignored ("Evaporation." equals " evaporation").

- FLASHCARD: self-graded, no typed answer: the confidence (0-1) is required and at least 0.5
  counts as right (rules.studio.scheduling.self_graded). The expected answer shown back is
  the card's back.
- CLOZE: the typed answer equals the blanked term.
- QUIZ_QUESTION: the answer names an option by its index (0-3, as the content's `answer`) or
  by its text; the index wins when an answer could be both (as option ids win over option
  texts in quiz marking). Right when it is the key's option.
- SUMMARY: nothing to answer (only viewed): `NotAnswerable`.
- A blank answer (None, empty, only spaces) is wrong, whatever the type.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rules.learning.answers import check_text, normalize
from rules.studio.scheduling import self_graded

FLASHCARD = "flashcard"
CLOZE = "cloze"
QUIZ_QUESTION = "quiz_question"
SUMMARY = "summary"


class NotAnswerable(ValueError):
    """The asset takes no answer (a summary), or a flashcard's answer has no confidence."""


@dataclass(frozen=True)
class Verdict:
    correct: bool
    expected: str  # what the learner is shown as the right answer


def key_index(options: Sequence[str], key: Any) -> int | None:
    """The right option's index: the key is an index, or an option's text."""
    if isinstance(key, int) and not isinstance(key, bool):
        return key if 0 <= key < len(options) else None
    wanted = normalize(str(key))
    return next((i for i, text in enumerate(options) if normalize(text) == wanted), None)


def chosen_index(options: Sequence[str], answer: str) -> int | None:
    given = answer.strip()
    if given.isdigit() and int(given) < len(options):
        return int(given)
    wanted = normalize(given)
    if not wanted:
        return None
    return next((i for i, text in enumerate(options) if normalize(text) == wanted), None)


def check(
    asset_type: str,
    content: Mapping[str, Any],
    answer: str | None,
    confidence: float | None = None,
) -> Verdict:
    """Mark an answer to an asset of `asset_type` ("flashcard", "cloze", "quiz_question")."""
    kind = str(getattr(asset_type, "value", asset_type)).lower()
    if kind == FLASHCARD:
        if confidence is None:
            raise NotAnswerable("A flashcard is graded by the learner's confidence (0-1).")
        return Verdict(self_graded(confidence), str(content.get("back", "")))
    if kind == CLOZE:
        expected = str(content.get("answer", ""))
        return Verdict(check_text(answer or "", expected), expected)
    if kind == QUIZ_QUESTION:
        options = [str(option) for option in content.get("options", [])]
        key = key_index(options, content.get("answer"))
        expected = options[key] if key is not None else ""
        chosen = chosen_index(options, answer or "")
        return Verdict(key is not None and chosen == key, expected)
    raise NotAnswerable(f"A {kind.replace('_', ' ')} takes no answer.")
