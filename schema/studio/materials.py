"""Study materials in the graph: `StudyMaterial`, its `ContentChunk`s and `GeneratedAsset`s
(other modules refer to `GeneratedAsset` here, lazily), and `User.studyMaterials`.

Who sees what (resolvers/studio/policy.py, the same rule for `node(id:)`, the lists and the
events): a material, its chunks and its assets are their learner's, and every admin's to
read; others read them as not found (null). Deleted materials are gone for everyone.
Changes are the owner's alone (an admin gets FORBIDDEN, anyone else NOT_FOUND): see
schema/studio/material_operations.py.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, cast

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from core.pagination import Page
from engine.connections import Connection, page_args, to_connection
from engine.context import AppInfo
from engine.node import node_source
from engine.relations import model_type, related, when_loaded
from loaders.studio import (
    AssetCountsByMaterialLoader,
    AssetsPageByMaterialLoader,
    ChunkByIdLoader,
    ChunksPageByMaterialLoader,
    LanguageByCodeLoader,
    MaterialByIdLoader,
    MaterialFilter,
    MaterialsPageByUserLoader,
    RatingByUserAssetLoader,
)
from loaders.studio_cards import AverageRatingByAssetLoader
from models import studio as m
from models.identity import User as UserRow
from resolvers.identity.policy import can_see_private
from resolvers.studio import policy

if TYPE_CHECKING:
    from schema.catalog.types import Language

LanguageRef = Annotated["Language", strawberry.lazy("schema.catalog.types")]

# The models' enums are the GraphQL enums (`strawberry.enum` registers the classes).
MaterialStatus = m.MaterialStatus
SourceType = m.SourceType
ChunkKind = m.ChunkKind
AssetType = m.AssetType
AssetStatus = m.AssetStatus
AssetSource = m.AssetSource
strawberry.enum(MaterialStatus, name="MaterialStatus")
strawberry.enum(SourceType, name="SourceType")
strawberry.enum(ChunkKind, name="ChunkKind")
strawberry.enum(AssetType, name="AssetType")
strawberry.enum(AssetStatus, name="AssetStatus")
strawberry.enum(AssetSource, name="AssetSource")


def _material(self: object) -> m.StudyMaterial:
    return cast(m.StudyMaterial, self)


def _asset(self: object) -> m.GeneratedAsset:
    return cast(m.GeneratedAsset, self)


@strawberry.type(description="How many current (ACTIVE) assets of each type a material has.")
class AssetCounts:
    flashcards: int
    clozes: int
    quiz_questions: int
    summaries: int

    @classmethod
    def of(cls, counts: dict[str, int]) -> AssetCounts:
        return cls(
            flashcards=counts.get(AssetType.FLASHCARD.value, 0),
            clozes=counts.get(AssetType.CLOZE.value, 0),
            quiz_questions=counts.get(AssetType.QUIZ_QUESTION.value, 0),
            summaries=counts.get(AssetType.SUMMARY.value, 0),
        )


@strawberry.type(description="A piece of a material: a heading, a paragraph or a list.")
@model_type(m.ContentChunk)
@node_source(m.ContentChunk, policy.chunks)
class ContentChunk(relay.Node):
    id: relay.NodeID[str]
    position: int = strawberry.field(description="0, 1, ... in the text's order.")
    kind: ChunkKind
    content: str = strawberry.field(description="A list's items are lines starting '- '.")
    word_count: int
    language: str | None = strawberry.field(description="Its language's code.")
    summary: str = strawberry.field(description="Its key sentences, taken from it.")
    relevance: float = strawberry.field(
        description="0-1: how much of the material's key terms it covers."
    )
    created_at: dt.datetime


@strawberry.type(
    description="A flashcard, cloze sentence, quiz question or summary made from a material "
    "(or from a mistake of the learner). `content` by type: FLASHCARD {front, back, lemma}; "
    "CLOZE {text (with ____), answer, sentence}; QUIZ_QUESTION {prompt (with ____), "
    "options (4), answer (the right option's index), explanation}; SUMMARY {text, "
    "sentences}."
)
@model_type(m.GeneratedAsset)
@node_source(m.GeneratedAsset, policy.assets)
class GeneratedAsset(relay.Node):
    id: relay.NodeID[str]
    type: AssetType
    content: JSON
    source: AssetSource
    difficulty: int = strawberry.field(description="1-10.")
    status: AssetStatus = strawberry.field(
        description="ARCHIVED: replaced by a regeneration, kept for its cards' history."
    )
    generator: str = strawberry.field(description="The engine that made it.")
    created_at: dt.datetime

    @strawberry.field(description="0-1: how well-formed the generator judges it.")
    def quality_score(self) -> float:
        return _asset(self).quality

    @strawberry.field(description="The viewer's rating of it (1-5), or null.")
    def viewer_rating(self, info: AppInfo) -> int | None:
        viewer = info.context.viewer
        if viewer is None:
            return None
        loader = info.context.loaders.get(RatingByUserAssetLoader)
        row = loader.get_or_load((viewer.id, _asset(self).id))
        return cast(int | None, when_loaded(lambda found: found.rating if found else None, row))

    @strawberry.field(description="Its learners' average rating (1-5); null before any.")
    def average_rating(self, info: AppInfo) -> float | None:
        loader = info.context.loaders.get(AverageRatingByAssetLoader)
        found = loader.get_or_load(_asset(self).id)
        return cast(
            float | None, when_loaded(lambda row: round(row.average, 2) if row else None, found)
        )

    chunk: ContentChunk | None = related(
        ChunkByIdLoader, "chunk_id", description="The chunk it comes from, if any."
    )
    material: StudyMaterial | None = related(
        MaterialByIdLoader, "material_id", description="Null for a mistake's asset."
    )


@strawberry.type(
    description="A learner's own text to study: processed in the background (status "
    "PROCESSING) into chunks and assets (READY), or FAILED with a reason."
)
@model_type(m.StudyMaterial)
@node_source(m.StudyMaterial, policy.materials)
class StudyMaterial(relay.Node):
    id: relay.NodeID[str]
    title: str
    description: str
    status: MaterialStatus
    failure_reason: str | None = strawberry.field(description="Why it FAILED; else null.")
    source_type: SourceType
    source_url: str | None = strawberry.field(description="Stored, never fetched.")
    text: str = strawberry.field(description="The text as given (plain, Markdown or HTML).")
    subject_area: str
    tags: list[str] = strawberry.field(description="Trimmed, lower-cased, each once.")
    difficulty: int | None = strawberry.field(
        description="1-10: as given, else computed when processed."
    )
    word_count: int = strawberry.field(description="0 until processed.")
    created_at: dt.datetime
    updated_at: dt.datetime
    processed_at: dt.datetime | None

    @strawberry.field(description="Its language's code (given, or detected when processed).")
    def language_code(self) -> str | None:
        return _material(self).language

    language: LanguageRef | None = related(
        LanguageByCodeLoader,
        "language",
        description="Its language as the catalog has it; null when the catalog lacks it.",
    )

    @strawberry.field(description="Its current assets, counted by type.")
    def asset_counts(self, info: AppInfo) -> AssetCounts:
        loader = info.context.loaders.get(AssetCountsByMaterialLoader)
        counts = loader.get_or_load(_material(self).id)
        return cast(AssetCounts, when_loaded(AssetCounts.of, counts))

    @strawberry.field(description="Its chunks, in the text's order.")
    async def chunks(
        self, info: AppInfo, first: int | None = None, after: str | None = None
    ) -> Connection[ContentChunk]:
        loader = info.context.loaders.get(ChunksPageByMaterialLoader)
        return to_connection(await loader.load((_material(self).id, page_args(first, after))))

    @strawberry.field(
        description="Its current assets (of one type, or all), by the position of their "
        "chunk (the material's summary last), then as they were made."
    )
    async def assets(
        self,
        info: AppInfo,
        first: int | None = None,
        after: str | None = None,
        type: AssetType | None = None,
    ) -> Connection[GeneratedAsset]:
        kind = type.value if type is not None else None
        key = (_material(self).id, page_args(first, after), kind)
        return to_connection(await info.context.loaders.get(AssetsPageByMaterialLoader).load(key))


@strawberry.input(description="Filters of a learner's materials; all optional, combined.")
class StudyMaterialFilter:
    search: str | None = strawberry.field(
        default=None,
        description="Words in its title, description, subject, tags or text, each matched "
        "as the start of a word (case ignored).",
    )
    tag: str | None = strawberry.field(default=None, description="One of its tags.")
    subject_area: str | None = strawberry.field(default=None, description="Case ignored.")
    status: MaterialStatus | None = None


@strawberry.type
class UserFields:
    """Studio's fields of `User` (private: empty for other viewers)."""

    @strawberry.field(description="The user's study materials, newest first (own; else empty).")
    async def study_materials(
        self,
        info: AppInfo,
        first: int | None = None,
        after: str | None = None,
        filter: StudyMaterialFilter | None = None,
    ) -> Connection[StudyMaterial]:
        user = cast(UserRow, self)
        args = page_args(first, after)
        if not can_see_private(info.context.viewer, user.id):
            return to_connection(Page.empty())
        given = filter or StudyMaterialFilter()
        status = given.status.value if given.status is not None else None
        flt = MaterialFilter(given.search, given.tag, given.subject_area, status)
        page = await info.context.loaders.get(MaterialsPageByUserLoader).load((user.id, args, flt))
        return to_connection(page)


MATERIAL_TYPES: list[type] = [StudyMaterial, ContentChunk, GeneratedAsset]
