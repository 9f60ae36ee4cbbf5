"""Assessment's events, emitted through core.events inside the use case's transaction.

- `AssessmentChanged`: what course authors and admins change in assessment (quiz authoring:
  `create_quiz`, `update_quiz`, publishing and question replacement included; grading an
  answer: `grade_quiz_answer`): the single call site the audit seam hooks (`audit`; the
  changed fields' old and new values where the use case has them).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from core.events import emit


@dataclass(frozen=True)
class QuizAttemptSubmitted:
    """The learner submitted a quiz attempt: `score` (0-100) is None while an essay waits
    for a grader."""

    user_id: UUID
    quiz_id: UUID
    attempt_id: UUID
    score: float | None


@dataclass(frozen=True)
class AssessmentChanged:
    actor_id: UUID
    action: str  # create_quiz, update_quiz, grade_quiz_answer
    entity: str  # "quiz" or "quiz_answer"
    entity_id: UUID
    old: Mapping[str, Any] = field(default_factory=dict)  # changed fields before
    new: Mapping[str, Any] = field(default_factory=dict)  # and after


async def audit(
    conn: Any,
    actor_id: UUID,
    action: str,
    entity: str,
    entity_id: UUID,
    old: Mapping[str, Any] | None = None,
    new: Mapping[str, Any] | None = None,
) -> None:
    """The audit seam's one call site: every assessment change comes through here."""
    event = AssessmentChanged(actor_id, action, entity, entity_id, dict(old or {}), dict(new or {}))
    await emit(event, conn)
