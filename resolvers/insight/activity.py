"""The learner's own activity log: one `ActivityEvent` row (learning's `activity_events`)
per thing they did, written by subscribers of the other domains' events on the event's
connection, so the row commits or rolls back with what caused it.

- Recorded here: identity `SignedIn` (data: method), learning `Enrolled` (course), conversation
  `ConversationEnded` (session, status), assessment `QuizAttemptSubmitted` (quiz, attempt,
  score), commerce `PurchaseCompleted` (transaction, kind).
- Learning records its own lesson events (`LessonStarted`, `AnswerSubmitted`,
  `LessonCompleted`) in resolvers/learning/activity.py: a completed lesson is one row, not
  recorded twice here.
- Ids in `data` are stored as text (JSON); the insight issue's `activity` query reads them.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from core.events import subscribe
from models.learning import ActivityEvent, ActivityKind
from resolvers.assessment.events import QuizAttemptSubmitted
from resolvers.commerce.events import PurchaseCompleted
from resolvers.conversation.events import ConversationEnded
from resolvers.identity.events import SignedIn
from resolvers.learning.events import Enrolled


async def _record(conn: Any, user_id: UUID, kind: ActivityKind, data: dict[str, Any]) -> None:
    await ActivityEvent.create(user_id=user_id, kind=kind, data=data, using_db=conn)


async def record_signed_in(event: SignedIn, conn: Any) -> None:
    await _record(conn, event.user_id, ActivityKind.SIGNED_IN, {"method": event.method})


async def record_enrolled(event: Enrolled, conn: Any) -> None:
    data = {"course_id": str(event.course_id)}
    await _record(conn, event.user_id, ActivityKind.ENROLLED, data)


async def record_conversation_ended(event: ConversationEnded, conn: Any) -> None:
    data = {"session_id": str(event.session_id), "status": event.status}
    await _record(conn, event.user_id, ActivityKind.CONVERSATION_ENDED, data)


async def record_quiz_submitted(event: QuizAttemptSubmitted, conn: Any) -> None:
    data = {
        "quiz_id": str(event.quiz_id),
        "attempt_id": str(event.attempt_id),
        "score": event.score,
    }
    await _record(conn, event.user_id, ActivityKind.QUIZ_SUBMITTED, data)


async def record_purchase_completed(event: PurchaseCompleted, conn: Any) -> None:
    data = {"transaction_id": str(event.transaction_id), "kind": event.kind}
    await _record(conn, event.user_id, ActivityKind.PURCHASE_COMPLETED, data)


def register_subscribers() -> None:
    subscribe(SignedIn, record_signed_in)
    subscribe(Enrolled, record_enrolled)
    subscribe(ConversationEnded, record_conversation_ended)
    subscribe(QuizAttemptSubmitted, record_quiz_submitted)
    subscribe(PurchaseCompleted, record_purchase_completed)
