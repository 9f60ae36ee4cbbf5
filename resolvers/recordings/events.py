"""A recording's live events (`recordingEvents`).

Every change of a recording's state — created, waiting for a transcript, processing,
TRANSCRIBED, EVALUATED, FAILED, a transcript added, deleted — publishes one event on the
recording's pub/sub topic on the use case's (or the job's) connection, inside its
transaction, so PostgreSQL delivers it to every process when, and only if, the change
commits. The event names the recording only: subscribers load its state fresh.
"""

from __future__ import annotations

from typing import Any

from core.pubsub import publish

RECORDING_CHANGED = "recording"


def topic(recording_id: Any) -> str:
    return f"recording:{recording_id}"


async def announce(conn: Any, recording_id: Any) -> None:
    """The recording changed: delivered to its subscribers on commit."""
    await publish(topic(recording_id), {"type": RECORDING_CHANGED, "id": str(recording_id)}, conn)
