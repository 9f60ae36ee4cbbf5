"""Studying in the graph: `StudySession` with its items, `StudyInteraction`, `ReviewCard`,
`ReviewStats`, the mutations that start, record and end a session and rate an asset, and
`User.dueReviews` / `User.reviewStats`. Each is a thin layer over resolvers/studio/.

All of it is the learner's own (resolvers/studio/policy.py): another user reads a session,
an interaction or a card as not found.
"""

from __future__ import annotations

import datetime as dt
from datetime import UTC, datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, cast
from uuid import UUID

import strawberry
from strawberry import relay

from core.pagination import Page
from engine.connections import Connection, page_args, to_connection
from engine.context import AppInfo
from engine.ids import NodeRef, node_id
from engine.mutations import Payload, payload_mutation
from engine.node import node_source
from engine.permissions import SIGNED_IN
from engine.relations import as_type, model_type, related
from loaders.base import select_visible
from loaders.studio import AssetByIdLoader, MaterialByIdLoader
from models import studio as m
from models.identity import User as UserRow
from resolvers.identity.policy import can_see_private
from resolvers.studio import cards, feedback, policy, sessions

if TYPE_CHECKING:
    from schema.studio.materials import GeneratedAsset, StudyMaterial

AssetRef = Annotated["GeneratedAsset", strawberry.lazy("schema.studio.materials")]
MaterialRef = Annotated["StudyMaterial", strawberry.lazy("schema.studio.materials")]

StudyMode = m.StudyMode
StudySessionStatus = m.SessionStatus
InteractionKind = m.InteractionKind
strawberry.enum(StudyMode, name="StudyMode")
strawberry.enum(StudySessionStatus, name="StudySessionStatus")
strawberry.enum(InteractionKind, name="InteractionKind")


@strawberry.enum(description="Where a review card's schedule stands (FSRS).")
class ReviewState(Enum):
    NEW = "new"  # never reviewed: due from when it was made
    LEARNING = "learning"
    REVIEW = "review"
    RELEARNING = "relearning"


def _now() -> datetime:
    return datetime.now(UTC)


@strawberry.type(description="What the learner did with one item of a session.")
@model_type(m.Interaction)
@node_source(m.Interaction, policy.interactions)
class StudyInteraction(relay.Node):
    id: relay.NodeID[str]
    kind: InteractionKind
    answer: str | None
    correct: bool | None = strawberry.field(description="Null for VIEW and SKIP.")
    response_time_ms: int | None
    confidence: float | None
    created_at: dt.datetime


@strawberry.type(
    description="A learner's card of an asset, brought back on a spaced-repetition schedule."
)
@model_type(m.ReviewCard)
@node_source(m.ReviewCard, policy.cards)
class ReviewCard(relay.Node):
    id: relay.NodeID[str]
    due_at: dt.datetime
    reps: int
    lapses: int
    last_reviewed_at: dt.datetime | None

    @strawberry.field
    def state(self) -> ReviewState:
        return ReviewState(cast(m.ReviewCard, self).phase)

    @strawberry.field(description="Where its asset comes from: a material or a mistake.")
    async def source(self, info: AppInfo) -> m.AssetSource:
        loader = info.context.loaders.get(AssetByIdLoader)
        asset = await loader.load(cast(m.ReviewCard, self).asset_id)
        return cast(m.AssetSource, asset.source if asset else m.AssetSource.MATERIAL)

    asset: AssetRef = related(AssetByIdLoader, "asset_id")


@strawberry.type(description="A study, review or quiz session over a learner's cards.")
@model_type(m.StudySession)
@node_source(m.StudySession, policy.sessions)
class StudySession(relay.Node):
    id: relay.NodeID[str]
    mode: StudyMode
    status: StudySessionStatus
    started_at: dt.datetime
    ended_at: dt.datetime | None
    total_interactions: int
    correct_count: int
    completion_percentage: int = strawberry.field(
        description="0-100: the share of its items answered or viewed."
    )

    @strawberry.field(description="Its items, in the order they are studied.")
    async def items(self, info: AppInfo) -> list[AssetRef]:
        # `item_ids` holds the ids as text (the rows are keyed by UUID); the items the viewer
        # no longer reads (of a material deleted since) are left out, as everywhere else.
        ids = [UUID(str(i)) for i in cast(m.StudySession, self).item_ids]
        found = await select_visible(m.GeneratedAsset, ids, policy.assets(info.context.viewer))
        return [cast(Any, found[i]) for i in ids if i in found]

    material: MaterialRef | None = related(
        MaterialByIdLoader, "material_id", description="Null for a review of every source."
    )


@strawberry.type(description="A learner's review cards now (by their own time zone's day).")
class ReviewStats:
    due: int = strawberry.field(description="Due now.")
    due_today: int = strawberry.field(description="Due before the end of the learner's day.")
    learning: int = strawberry.field(description="In LEARNING or RELEARNING.")
    mature: int = strawberry.field(description="In REVIEW with a stability of 21 days or more.")


# --- mutations ------------------------------------------------------------------------------


@strawberry.input(
    description="STUDY: a material's cards in order; QUIZ: its quiz questions; REVIEW: your "
    "due cards (of every source when no material is named)."
)
class StartStudySessionInput:
    material_id: NodeRef | None = node_id("StudyMaterial", default=None)
    mode: StudyMode
    size: int = strawberry.field(default=20, description="Items at most (1-100).")


@strawberry.input
class RecordInteractionInput:
    session_id: NodeRef = node_id("StudySession")
    asset_id: NodeRef = node_id("GeneratedAsset")
    kind: InteractionKind
    answer: str | None = None
    response_time_ms: int | None = None
    confidence: float | None = strawberry.field(
        default=None, description="0-1: how well you knew it (a flashcard is self-graded)."
    )


@strawberry.input
class EndStudySessionInput:
    session_id: NodeRef = node_id("StudySession")


@strawberry.input
class RateAssetInput:
    asset_id: NodeRef = node_id("GeneratedAsset")
    rating: int = strawberry.field(description="1-5.")
    comment: str | None = None


@strawberry.type
class StudySessionPayload(Payload):
    session: StudySession | None = None


@strawberry.type
class RecordInteractionPayload(Payload):
    interaction: StudyInteraction | None = None
    expected_answer: str | None = strawberry.field(
        default=None, description="What was right (a flashcard: its back)."
    )
    review: ReviewCard | None = strawberry.field(
        default=None, description="The card's schedule after this answer."
    )


@strawberry.type
class RateAssetPayload(Payload):
    asset: AssetRef | None = None


@strawberry.type
class Mutation:
    @payload_mutation(permission=SIGNED_IN, description="Start studying (see the input).")
    async def start_study_session(
        self, info: AppInfo, input: StartStudySessionInput
    ) -> StudySessionPayload:
        started = await sessions.start_study_session(
            info.context.user,
            material_id=input.material_id,
            mode=input.mode,
            size=input.size,
            now=_now(),
        )
        return StudySessionPayload(session=as_type(StudySession, started.session))

    @payload_mutation(
        permission=SIGNED_IN,
        description="Record an answer, a view or a skip of a session's item; an answer is "
        "checked and reschedules the card (FSRS).",
    )
    async def record_interaction(
        self, info: AppInfo, input: RecordInteractionInput
    ) -> RecordInteractionPayload:
        recorded = await sessions.record_interaction(
            info.context.user,
            session_id=input.session_id,
            asset_id=input.asset_id,
            kind=input.kind,
            answer=input.answer,
            response_time_ms=input.response_time_ms,
            confidence=input.confidence,
            now=_now(),
        )
        return RecordInteractionPayload(
            interaction=as_type(StudyInteraction, recorded.interaction),
            expected_answer=recorded.expected_answer,
            review=as_type(ReviewCard, recorded.card) if recorded.card else None,
        )

    @payload_mutation(
        permission=SIGNED_IN,
        description="End a session with its totals; a good REVIEW gives back practice hearts.",
    )
    async def end_study_session(
        self, info: AppInfo, input: EndStudySessionInput
    ) -> StudySessionPayload:
        ended = await sessions.end_study_session(info.context.user, input.session_id, _now())
        return StudySessionPayload(session=as_type(StudySession, ended.session))

    @payload_mutation(permission=SIGNED_IN, description="Rate an asset 1-5 (changeable).")
    async def rate_asset(self, info: AppInfo, input: RateAssetInput) -> RateAssetPayload:
        rated = await feedback.rate_asset(
            info.context.user, input.asset_id, input.rating, input.comment, _now()
        )
        return RateAssetPayload(asset=cast(Any, rated.asset))


# --- fields of `User` ----------------------------------------------------------------------


@strawberry.type
class UserFields:
    """Studio's review fields of `User` (private: empty or null for other viewers)."""

    @strawberry.field(description="Your due review cards, most overdue first.")
    async def due_reviews(
        self, info: AppInfo, first: int | None = None, after: str | None = None
    ) -> Connection[ReviewCard]:
        user = cast(UserRow, self)
        if not can_see_private(info.context.viewer, user.id):
            return to_connection(Page.empty())
        page = await cards.due_reviews(
            user, _now(), page_args(first, after), loaders=info.context.loaders
        )
        return to_connection(page)

    @strawberry.field(description="Your review cards' counts now.")
    async def review_stats(self, info: AppInfo) -> ReviewStats | None:
        user = cast(UserRow, self)
        if not can_see_private(info.context.viewer, user.id):
            return None
        stats = await cards.review_stats(user, _now(), loaders=info.context.loaders)
        return ReviewStats(
            due=stats.due, due_today=stats.due_today, learning=stats.learning, mature=stats.mature
        )


STUDY_TYPES: list[type] = [StudySession, StudyInteraction, ReviewCard]
