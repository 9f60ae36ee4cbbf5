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
from engine.node import node_source
from engine.relations import model_type, related
from loaders.catalog import (
    MediaAssetByIdLoader,
    OptionsByExerciseLoader,
)
from models import catalog as m
from resolvers.catalog import policy
from resolvers.catalog.policy import can_edit_exercise

ExerciseType = strawberry.enum(m.ExerciseType, name="ExerciseType")
MediaKind = strawberry.enum(m.MediaKind, name="MediaKind")


async def gather_all(items: Iterable[Any]) -> list[Any]:
    # Concurrent awaits so the loaders batch every check into one statement.
    return list(await asyncio.gather(*items))


async def always_false() -> bool:
    return False


@strawberry.type
@model_type(m.MediaAsset)
@node_source(m.MediaAsset, policy.media)
class MediaAsset(relay.Node):
    id: relay.NodeID[str]
    kind: MediaKind  # type: ignore[valid-type]
    url: str
    format: str | None
    quality: str | None
    duration_seconds: float | None
    size_bytes: int | None
    mime_type: str | None


@strawberry.type
@model_type(m.ExerciseOption)
@node_source(m.ExerciseOption, policy.exercise_parts)
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


@strawberry.type
@model_type(m.Exercise)
@node_source(m.Exercise, policy.exercises)
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


async def _secret(info: AppInfo, exercise_id: Any, value: Any) -> Any:
    """`value` for the exercise's editors, None for everyone else (self is the row)."""
    editor = await can_edit_exercise(info.context.loaders, info.context.viewer, exercise_id)
    return value if editor else None
