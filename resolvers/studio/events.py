"""A study material's live events (`studyMaterialEvents`).

Every change of a material — created, processed (READY or FAILED), edited, regenerating,
deleted — publishes one event on the material's pub/sub topic on the use case's (or the
job's) connection, so PostgreSQL delivers it to every process when, and only if, the change
commits. The event names the material only: subscribers load its state fresh.
"""

from __future__ import annotations

from typing import Any

from core.pubsub import publish

MATERIAL_CHANGED = "material"


def topic(material_id: Any) -> str:
    return f"study-material:{material_id}"


async def announce(conn: Any, material_id: Any) -> None:
    """The material changed: delivered to its subscribers on commit."""
    await publish(topic(material_id), {"type": MATERIAL_CHANGED, "id": str(material_id)}, conn)
