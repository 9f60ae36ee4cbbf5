"""Exercise node types: exercises, their options and media. Answers (correct answer,
accepted alternatives, explanation, which option is correct) go to the course's editors
only; everyone else reads null."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any, TypeVar, cast
from uuid import UUID

import strawberry
from strawberry import relay

from engine.compiler.specs import SQL, ToOne
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

# GraphQL enums: `strawberry.enum` registers the models' classes themselves (and returns
# them), so these names are plain aliases of the models' enums for the type checker.
ExerciseType = m.ExerciseType
MediaKind = m.MediaKind
strawberry.enum(ExerciseType, name="ExerciseType")
strawberry.enum(MediaKind, name="MediaKind")

T = TypeVar("T")


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
    kind: MediaKind
    url: str
    format: str | None
    quality: str | None
    duration_seconds: float | None
    size_bytes: int | None
    mime_type: str | None


def _option(self: object) -> m.ExerciseOption:
    """`self` in `ExerciseOption`'s resolvers: the row itself (`model_type`)."""
    return cast(m.ExerciseOption, self)


def _exercise(self: object) -> m.Exercise:
    """`self` in `Exercise`'s resolvers: the row itself (`model_type`)."""
    return cast(m.Exercise, self)


@strawberry.type
@model_type(m.ExerciseOption)
@node_source(m.ExerciseOption, policy.exercise_parts)
class ExerciseOption(relay.Node):
    id: relay.NodeID[str]
    text: str
    position: int

    @strawberry.field(metadata={SQL: ToOne("media_id")})
    async def media(self, info: AppInfo) -> MediaAsset | None:
        media_id = _option(self).media_id
        if media_id is None:
            return None
        return await info.context.loaders.get(MediaAssetByIdLoader).load(media_id)

    @strawberry.field(description="Whether this option is right: for the course's editors only.")
    async def is_correct(self, info: AppInfo) -> bool | None:
        option = _option(self)
        editor = await can_edit_exercise(
            info.context.loaders, info.context.viewer, option.exercise_id
        )
        return option.is_correct if editor else None


@strawberry.type
@model_type(m.Exercise)
@node_source(m.Exercise, policy.exercises)
class Exercise(relay.Node):
    id: relay.NodeID[str]
    type: ExerciseType
    prompt: str
    hint: str | None
    difficulty: int
    estimated_seconds: int
    is_active: bool

    @strawberry.field(metadata={SQL: ToOne("media_id")})
    async def media(self, info: AppInfo) -> MediaAsset | None:
        media_id = _exercise(self).media_id
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
        exercise = _exercise(self)
        return await _secret(info, exercise.id, exercise.correct_answer)

    @strawberry.field(description="Accepted alternatives: for the course's editors only.")
    async def accepted_answers(self, info: AppInfo) -> list[str] | None:
        exercise = _exercise(self)
        return await _secret(info, exercise.id, exercise.accepted_answers)

    @strawberry.field(
        description="Why the answer is right: for editors (learners get it on answering)."
    )
    async def explanation(self, info: AppInfo) -> str | None:
        exercise = _exercise(self)
        return await _secret(info, exercise.id, exercise.explanation)


async def _secret(info: AppInfo, exercise_id: UUID, value: T) -> T | None:
    """`value` for the exercise's editors, None for everyone else."""
    editor = await can_edit_exercise(info.context.loaders, info.context.viewer, exercise_id)
    return value if editor else None
