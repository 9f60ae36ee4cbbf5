"""Writing what the generator made of a material, in one transaction (or its failure).

- Only a material still PROCESSING (and not deleted) is written, checked under its row lock
  (`queries.LOCK_PROCESSING`): a job run twice, or a stale run after a newer one finished,
  writes nothing the second time.
- The chunks are replaced: the old ones go, the generation's are written in its order.
- Assets are identified by their source key: `material:<material id>:<fingerprint>`, the
  fingerprint being the generator's hash of the type and content (`Asset.fingerprint`). An
  asset whose key the material already has is kept (its id, its review card and the card's
  history, its ratings) and takes its new chunk and scores; a new key is a new asset; the
  material's other assets are ARCHIVED (kept for their cards' history, no longer listed,
  counted or due). Two assets of one generation with the same key are one.
- Each ACTIVE flashcard, cloze and quiz question gets a review card, new and due at once, if
  it has none: a material's cards join the learner's reviews when it is READY.
- The material becomes READY with its language (the given one, or the detected one), word
  count, difficulty (the given one, else the generation's) and processing time; or FAILED
  with a reason the learner can read. Either way its subscribers hear of it on commit.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from tortoise.transactions import in_transaction

from models.studio import MaterialStatus
from resolvers.studio import events, queries
from services.generator.base import Asset, Chunk, Generation


def source_key(material_id: Any, asset: Asset) -> str:
    """An asset's key among its learner's: the material and the asset's fingerprint."""
    return f"material:{material_id}:{asset.fingerprint}"


def _chunk_columns(chunks: Sequence[Chunk]) -> tuple[list[uuid.UUID], list[list[Any]]]:
    ids = [uuid.uuid4() for _ in chunks]
    columns: list[list[Any]] = [
        ids,
        [c.index for c in chunks],
        [c.kind.value for c in chunks],
        [c.content for c in chunks],
        [c.word_count for c in chunks],
        [c.language for c in chunks],
        [c.summary for c in chunks],
        [float(c.relevance) for c in chunks],
    ]
    return ids, columns


def _asset_columns(
    material_id: Any, assets: Sequence[Asset], chunk_ids: dict[int, uuid.UUID]
) -> tuple[list[str], list[list[Any]]]:
    unique: dict[str, Asset] = {}
    for asset in assets:
        unique.setdefault(source_key(material_id, asset), asset)
    keys, kept = list(unique), list(unique.values())
    columns: list[list[Any]] = [
        [chunk_ids.get(a.chunk_index) if a.chunk_index is not None else None for a in kept],
        [a.type.value for a in kept],
        [json.dumps(a.content, ensure_ascii=False) for a in kept],
        keys,
        [a.generator for a in kept],
        [json.dumps(a.parameters, ensure_ascii=False) for a in kept],
        [min(1.0, max(0.0, float(a.quality))) for a in kept],
        [min(10, max(1, int(a.difficulty))) for a in kept],
    ]
    return keys, columns


async def store_generation(material_id: Any, generation: Generation) -> MaterialStatus | None:
    """Write `generation` as the material's chunks, assets and cards and make it READY;
    None when the material is no longer PROCESSING (done already, or deleted)."""
    now = datetime.now(UTC)
    async with in_transaction() as conn:
        rows = await conn.execute_query_dict(queries.LOCK_PROCESSING, [material_id])
        if not rows:
            return None
        owner_id = rows[0]["user_id"]
        await conn.execute_query(queries.DELETE_CHUNKS, [material_id])
        chunk_ids, chunk_columns = _chunk_columns(generation.chunks)
        if chunk_ids:
            await conn.execute_query(queries.INSERT_CHUNKS, [material_id, now, *chunk_columns])
        by_index = dict(zip((c.index for c in generation.chunks), chunk_ids, strict=True))
        keys, asset_columns = _asset_columns(material_id, generation.assets, by_index)
        if keys:
            await conn.execute_query(
                queries.UPSERT_ASSETS, [owner_id, material_id, now, *asset_columns]
            )
        await conn.execute_query(queries.ARCHIVE_OTHERS, [material_id, keys, now])
        await conn.execute_query(queries.ADD_CARDS, [material_id, now])
        await conn.execute_query(
            queries.MARK_READY,
            [material_id, generation.language, generation.word_count, generation.difficulty, now],
        )
        await events.announce(conn, material_id)
    return MaterialStatus.READY


async def store_failure(material_id: Any, reason: str) -> MaterialStatus | None:
    """Make the material FAILED with `reason`; None when it is no longer PROCESSING."""
    now = datetime.now(UTC)
    async with in_transaction() as conn:
        if not await conn.execute_query_dict(queries.LOCK_PROCESSING, [material_id]):
            return None
        await conn.execute_query(queries.MARK_FAILED, [material_id, reason, now])
        await events.announce(conn, material_id)
    return MaterialStatus.FAILED
