"""What happens in a conversation that other domains react to, emitted through core.events
inside the transaction that stores it."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID


@dataclass(frozen=True)
class CorrectionMade:
    """One correction of a learner's message: `text[start:end]` of the message was
    `original` and should read `corrected` (end exclusive)."""

    original: str
    corrected: str
    explanation: str
    type: str  # grammar | vocabulary | spelling | style | pronunciation
    severity: str  # low | medium | high | critical
    start: int
    end: int


@dataclass(frozen=True)
class CorrectionsMade:
    """The tutor corrected a learner's message (`text`, as stored): its corrections, in
    position order. Emitted once per message, with the message."""

    user_id: UUID
    session_id: UUID
    message_id: UUID
    text: str
    corrections: tuple[CorrectionMade, ...]


@dataclass(frozen=True)
class ConversationEnded:
    """The learner's session closed: `status` is "completed" (ended, evaluated) or
    "abandoned". Emitted once per session, in the transaction that closes it."""

    user_id: UUID
    session_id: UUID
    status: str
