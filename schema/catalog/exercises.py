"""Exercise node types: exercises, their options and media. Answers (correct answer,
accepted alternatives, explanation, which option is correct) go to the course's editors
only; everyone else reads null."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any

import strawberry
from strawberry import relay

from engine.context import AppInfo
from engine.relations import model_type, related
from loaders.catalog import (
    ExerciseByIdLoader,
    ExerciseOptionByIdLoader,
    MediaAssetByIdLoader,
    OptionsByExerciseLoader,
)
from models import catalog as m
from resolvers.catalog.policy import can_edit_exercise, can_see_exercise

ExerciseType = strawberry.enum(m.ExerciseType, name="ExerciseType")
MediaKind = strawberry.enum(m.MediaKind, name="MediaKind")


async def gather_all(items: Iterable[Any]) -> list[Any]:
    # Concurrent awaits so the loaders batch every check into one statement.
    return list(await asyncio.gather(*items))


async def always_false() -> bool:
    return False


@strawberry.type
@model_type(m.MediaAsset)
class MediaAsset(relay.Node):
    id: relay.NodeID[str]
    kind: MediaKind  # type: ignore[valid-type]
    url: str
    format: str | None
    quality: str | None
    duration_seconds: float | None
    size_bytes: int | None
    mime_type: str | None

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: AppInfo, node_ids: Iterable[Any], required: bool = False
    ) -> list[Any]:
        return await info.context.loaders.get(MediaAssetByIdLoader).load_many(list(node_ids))


@strawberry.type
@model_type(m.ExerciseOption)
class ExerciseOption(relay.Node):
    id: relay.NodeID[str]
    text: str
    position: int

    @strawberry.field
    async def media(self, info: AppInfo) -> MediaAsset | None:
        media_id = self.media_id  # type: ignore[attr-defined]
        if media_id is None:
            return None
        return await info.context.loaders.get(MediaAssetByIdLoader).load(media_id)

    @strawberry.field(description="Whether this option is right: for the course's editors only.")
    async def is_correct(self, info: AppInfo) -> bool | None:
        editor = await can_edit_exercise(
            info.context.loaders,
            info.context.viewer,
            self.exercise_id,  # type: ignore[attr-defined]
        )
        return self.is_correct if editor else None  # type: ignore[return-value]

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: AppInfo, node_ids: Iterable[Any], required: bool = False
    ) -> list[Any]:
        loaders, viewer = info.context.loaders, info.context.viewer
        rows = await loaders.get(ExerciseOptionByIdLoader).load_many(list(node_ids))
        seen = await gather_all(
            can_see_exercise(loaders, viewer, r.exercise_id) if r else always_false() for r in rows
        )
        return [row if ok else None for row, ok in zip(rows, seen, strict=True)]


@strawberry.type
@model_type(m.Exercise)
class Exercise(relay.Node):
    id: relay.NodeID[str]
    type: ExerciseType  # type: ignore[valid-type]
    prompt: str
    hint: str | None
    difficulty: int
    estimated_seconds: int
    is_active: bool

    @strawberry.field
    async def media(self, info: AppInfo) -> MediaAsset | None:
        media_id = self.media_id  # type: ignore[attr-defined]
        if media_id is None:
            return None
        return await info.context.loaders.get(MediaAssetByIdLoader).load(media_id)

    options: list[ExerciseOption] = related(
        OptionsByExerciseLoader,
        "id",
        description="Choices, in order (multiple choice and similar).",
    )

    @strawberry.field(description="The answer: for the course's editors only (else null).")
    async def correct_answer(self, info: AppInfo) -> str | None:
        return await _secret(info, self.id, self.correct_answer)  # type: ignore[arg-type]

    @strawberry.field(description="Accepted alternatives: for the course's editors only.")
    async def accepted_answers(self, info: AppInfo) -> list[str] | None:
        return await _secret(info, self.id, self.accepted_answers)  # type: ignore[arg-type]

    @strawberry.field(
        description="Why the answer is right: for editors (learners get it on answering)."
    )
    async def explanation(self, info: AppInfo) -> str | None:
        return await _secret(info, self.id, self.explanation)  # type: ignore[arg-type]

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: AppInfo, node_ids: Iterable[Any], required: bool = False
    ) -> list[Any]:
        loaders = info.context.loaders
        rows = await loaders.get(ExerciseByIdLoader).load_many(list(node_ids))
        checks = await gather_all(_exercise_access(info, r) for r in rows)
        return [
            row if seen and (row.is_active or editor) else None
            for row, (seen, editor) in zip(rows, checks, strict=True)
        ]


async def _secret(info: AppInfo, exercise_id: Any, value: Any) -> Any:
    """`value` for the exercise's editors, None for everyone else (self is the row)."""
    editor = await can_edit_exercise(info.context.loaders, info.context.viewer, exercise_id)
    return value if editor else None


async def _exercise_access(info: AppInfo, exercise: m.Exercise | None) -> tuple[bool, bool]:
    if exercise is None:
        return False, False
    loaders, viewer = info.context.loaders, info.context.viewer
    seen, editor = await asyncio.gather(
        can_see_exercise(loaders, viewer, exercise.id),
        can_edit_exercise(loaders, viewer, exercise.id),
    )
    return seen, editor
