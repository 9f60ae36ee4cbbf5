"""Rows for the studying tests, on the studio factories (tests/factories/studio.py): a
learner's material with chunks, assets of each type with the contents the generator would
give (the answers the tests type) and their review cards."""

from __future__ import annotations

from collections.abc import Awaitable
from datetime import datetime
from typing import Any

import pytest

from core.errors import AppError
from models.identity import User
from models.studio import (
    AssetSource,
    AssetStatus,
    AssetType,
    ContentChunk,
    GeneratedAsset,
    MaterialStatus,
    ReviewCard,
    StudyMaterial,
)
from tests.factories import studio


def content(kind: AssetType, n: int = 0) -> dict[str, Any]:
    """A content of the type's documented shape (services/generator/base.py); term `n`."""
    term = f"evaporation{n}" if n else "evaporation"
    sentence = f"Water turns into vapour by {term}."
    if kind is AssetType.FLASHCARD:
        return {"front": term, "back": sentence, "lemma": term}
    if kind is AssetType.CLOZE:
        return {"text": "Water turns into vapour by ____.", "answer": term, "sentence": sentence}
    if kind is AssetType.QUIZ_QUESTION:
        return {
            "prompt": "Water turns into vapour by ____.",
            "options": ["condensation", term, "erosion", "friction"],
            "answer": 1,
            "explanation": sentence,
        }
    return {"text": sentence, "sentences": [sentence]}


async def material(
    user: User,
    *,
    chunks: int = 2,
    status: MaterialStatus = MaterialStatus.READY,
    deleted_at: datetime | None = None,
) -> tuple[StudyMaterial, list[ContentChunk]]:
    """A material of the user's (READY unless told) with `chunks` paragraphs (0, 1, ...)."""
    row = await studio.material(user, status=status, deleted_at=deleted_at)
    return row, [await studio.chunk(row, i, f"Paragraph {i}.") for i in range(chunks)]


async def asset(
    user: User,
    kind: AssetType = AssetType.CLOZE,
    *,
    material_row: StudyMaterial | None = None,
    chunk: ContentChunk | None = None,
    body: dict[str, Any] | None = None,
    status: AssetStatus = AssetStatus.ACTIVE,
    source: AssetSource | None = None,
    card: bool = True,
    due_at: datetime | None = None,
    created_at: datetime | None = None,
) -> GeneratedAsset:
    """An asset of the type's content (of `material_row`, else a mistake's), and its review
    card unless `card` is False (new, due at `due_at` or now); `created_at` orders a chunk's
    assets of one type."""
    extra = {"created_at": created_at} if created_at is not None else {}
    row = await studio.asset(
        user,
        material_row,
        kind,
        body if body is not None else content(kind),
        chunk_row=chunk,
        source=source,
        status=status,
        **extra,
    )
    if card:
        await studio.card(user, row, due_at)
    return row


async def card_of(user: User, asset_row: GeneratedAsset) -> ReviewCard | None:
    return await ReviewCard.get_or_none(user_id=user.id, asset_id=asset_row.id)


async def refused(call: Awaitable[Any]) -> list[tuple[str, str | None]]:
    """The (code, field) of each field error the call fails with."""
    with pytest.raises(AppError) as error:
        await call
    return [(e.code.value, e.field) for e in error.value.errors]
