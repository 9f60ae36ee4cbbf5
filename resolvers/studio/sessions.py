"""Study sessions: start one, record what the learner does with its items, end it.

Starting (`start_study_session`):
- STUDY: the material's active flashcards, clozes and quiz questions (the assets that have
  review cards), in the material's order (chunk position, assets without a chunk last;
  then flashcard, cloze, quiz question; then as generated), those never reviewed first so
  that successive sessions work through a long material. QUIZ: its active quiz questions,
  in the material's order.
  REVIEW: the learner's due cards (cards.py), most overdue first: of every source
  (materials, lesson mistakes, tutor corrections) when no material is named, else of that
  material's assets.
- STUDY and QUIZ need a material (REQUIRED on materialId); the material must be the
  viewer's (NOT_FOUND when the viewer cannot read it: another learner's, soft-deleted;
  FORBIDDEN for an admin, who reads it but does not study it) and READY (INVALID on
  materialId while processing or failed: it has nothing to study yet). `size` is 1-100
  (INVALID on size): the session holds at most that many items.
- Nothing to study (no due card, no quiz question) is refused with INVALID (on materialId
  when a material is named, else on mode) and writes nothing: a session always has items.

Recording (`record_interaction`), in one transaction with the session row locked (so a
learner's interactions in one session apply one after another):
- The session must be the viewer's (NOT_FOUND; an admin: FORBIDDEN) and ACTIVE
  (SESSION_CLOSED once ended); the asset one of its items (INVALID on assetId) and still
  live (NOT_FOUND on assetId once archived by a regeneration or its material deleted).
- ANSWER is checked by rules/studio/answers.py (lesson exercises' normalisation): a
  flashcard needs `confidence` (REQUIRED), a summary takes no answer (INVALID on kind).
  The interaction stores the answer and whether it was right; the learner's card of the
  asset (made now if it had none) is reviewed with FSRS at `now` with the Decided rating
  (rules/studio/scheduling.py: wrong → Again ...). The result carries the expected answer.
- VIEW and SKIP are stored and change no schedule (the card, if any, is returned as is).
- `confidence` is 0-1, `responseTimeMs` at least 0 (INVALID), `answer` at most 2000
  characters (TOO_LONG). The session's running totals count every interaction and the
  right answers.

Ending (`end_study_session`): the viewer's ACTIVE session (as above) becomes COMPLETED at
`now` with its totals: interactions, right answers, and the completion percentage (items
answered or viewed, out of its items, rounded down: 100 means every item). A REVIEW session
practised well gives hearts back (rules/studio/practice.py), through learning's
`restore_hearts`, at most once per session (`hearts_restored`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from core.access import Params
from core.errors import AppError, ErrorCode, Validator, not_found, not_signed_in
from core.rows import fetch_records
from loaders.base import select_visible
from models.identity import User
from models.studio import (
    AssetStatus,
    AssetType,
    ContentChunk,
    GeneratedAsset,
    Interaction,
    InteractionKind,
    MaterialStatus,
    ReviewCard,
    SessionStatus,
    StudyMaterial,
    StudyMode,
    StudySession,
)
from resolvers.learning import RestoredHeart, restore_hearts
from resolvers.studio import policy
from resolvers.studio.cards import due_cards
from resolvers.studio.study_cards import as_uuid, locked_card, review
from resolvers.studio.study_interactions import answer_asset, validate_interaction
from rules.studio.practice import (
    PRACTICE_HEART_REASON,
    SessionInteraction,
    earns_hearts,
    tally,
)

MIN_SIZE, MAX_SIZE = 1, 100
CARD_TYPES = [AssetType.FLASHCARD.value, AssetType.CLOZE.value, AssetType.QUIZ_QUESTION.value]
CARDS = ReviewCard._meta.db_table
ASSETS = GeneratedAsset._meta.db_table
CHUNKS = ContentChunk._meta.db_table

# $1 material, $2 types in their order, $3 never-reviewed first, $4 how many.
_MATERIAL_ITEMS = f"""
SELECT a.id FROM "{ASSETS}" a
LEFT JOIN "{CHUNKS}" c ON c.id = a.chunk_id
LEFT JOIN "{CARDS}" r ON r.asset_id = a.id AND r.user_id = a.user_id
WHERE a.material_id = $1 AND a.status = '{AssetStatus.ACTIVE.value}' AND a.type = ANY($2::text[])
ORDER BY ($3 AND coalesce(r.reps, 0) > 0), c.position NULLS LAST,
         array_position($2::text[], a.type::text), a.created_at, a.id
LIMIT $4
"""


@dataclass(frozen=True)
class StartedSession:
    session: StudySession
    items: list[GeneratedAsset]  # in the session's order (`session.item_ids`)


@dataclass(frozen=True)
class RecordedInteraction:
    interaction: Interaction
    expected_answer: str | None  # for an ANSWER: what was right (a flashcard: its back)
    card: ReviewCard | None  # the learner's card of the asset, as it is now


@dataclass(frozen=True)
class EndedSession:
    session: StudySession
    hearts_restored: list[RestoredHeart]  # empty unless this end earned practice hearts


def _viewer(viewer: User | None) -> User:
    if viewer is None:
        raise not_signed_in()
    return viewer


def _mode(mode: Any) -> StudyMode | None:
    try:
        return StudyMode(str(getattr(mode, "value", mode)).lower())
    except ValueError:
        return None


async def _material(user: User, material_id: Any) -> StudyMaterial:
    """The viewer's own READY material (see the module's refusals)."""
    wanted = as_uuid(material_id)
    found = await select_visible(StudyMaterial, [wanted], policy.materials(user)) if wanted else {}
    material = found.get(wanted)
    if material is None:
        raise not_found("Study material", "materialId")
    if material.user_id != user.id:
        raise AppError.of(
            ErrorCode.FORBIDDEN, "Only the material's owner studies it.", "materialId"
        )
    if material.status != MaterialStatus.READY:
        message = (
            "This material is still being processed."
            if material.status == MaterialStatus.PROCESSING
            else "This material could not be processed: it has nothing to study."
        )
        raise AppError.of(ErrorCode.INVALID, message, "materialId")
    return material


async def _item_ids(
    user: User, mode: StudyMode, material: StudyMaterial | None, size: int, now: datetime
) -> list[UUID]:
    if mode is StudyMode.REVIEW:
        params = Params()
        where = due_cards(user, now, material.id if material else None).sql("t", params)
        sql = (
            f'SELECT t.asset_id AS id FROM "{CARDS}" t WHERE {where} '
            f"ORDER BY t.due_at, t.id LIMIT {params(size)}"
        )
        rows = await fetch_records(sql, params)
    else:
        assert material is not None
        study = mode is StudyMode.STUDY
        types = CARD_TYPES if study else [AssetType.QUIZ_QUESTION.value]
        rows = await fetch_records(_MATERIAL_ITEMS, [material.id, types, study, size])
    return [row["id"] for row in rows]


async def start_study_session(
    viewer: User | None,
    *,
    material_id: Any = None,
    mode: StudyMode | str,
    size: int = 20,
    now: datetime,
) -> StartedSession:
    """Start a session of `mode` (see the module's rules) at `now`."""
    user = _viewer(viewer)
    study_mode = _mode(mode)
    check = Validator()
    check.check(study_mode is not None, "mode", ErrorCode.INVALID, "Unknown study mode.")
    check.check(
        MIN_SIZE <= size <= MAX_SIZE,
        "size",
        ErrorCode.INVALID,
        f"A session has {MIN_SIZE} to {MAX_SIZE} items.",
    )
    check.check(
        material_id is not None or study_mode in (None, StudyMode.REVIEW),
        "materialId",
        ErrorCode.REQUIRED,
        "Choose the material to study.",
    )
    check.raise_if_any()
    assert study_mode is not None
    material = await _material(user, material_id) if material_id is not None else None
    item_ids = await _item_ids(user, study_mode, material, size, now)
    if not item_ids:
        raise AppError.of(
            ErrorCode.INVALID,
            "Nothing is due for review right now."
            if study_mode is StudyMode.REVIEW
            else "This material has nothing to study in this mode.",
            "materialId" if material is not None else "mode",
        )
    by_id = {a.id: a for a in await GeneratedAsset.filter(id__in=item_ids)}
    session = await StudySession.create(
        user_id=user.id,
        material_id=material.id if material else None,
        mode=study_mode,
        item_ids=[str(i) for i in item_ids],
        started_at=now,
    )
    return StartedSession(session=session, items=[by_id[i] for i in item_ids])


async def _locked_session(conn: BaseDBAsyncClient, user: User, session_id: Any) -> StudySession:
    """The viewer's ACTIVE session, locked (see the module's refusals)."""
    wanted = as_uuid(session_id)
    visible = await select_visible(StudySession, [wanted], policy.sessions(user)) if wanted else {}
    if wanted not in visible:
        raise not_found("Study session", "sessionId")
    if visible[wanted].user_id != user.id:
        raise AppError.of(
            ErrorCode.FORBIDDEN, "Only the learner records their session.", "sessionId"
        )
    session = await StudySession.filter(id=wanted).using_db(conn).select_for_update().get()
    if session.status != SessionStatus.ACTIVE:
        raise AppError.of(ErrorCode.SESSION_CLOSED, "This study session has ended.", "sessionId")
    return session


async def record_interaction(
    viewer: User | None,
    *,
    session_id: Any,
    asset_id: Any,
    kind: InteractionKind | str,
    answer: str | None = None,
    response_time_ms: int | None = None,
    confidence: float | None = None,
    now: datetime,
) -> RecordedInteraction:
    """Record what the learner did with one of the session's items (see the module)."""
    user = _viewer(viewer)
    interaction_kind = validate_interaction(kind, answer, response_time_ms, confidence)
    wanted = as_uuid(asset_id)
    async with in_transaction() as conn:
        session = await _locked_session(conn, user, session_id)
        if wanted is None or str(wanted) not in session.item_ids:
            raise AppError.of(ErrorCode.INVALID, "This card is not part of the session.", "assetId")
        live = await select_visible(GeneratedAsset, [wanted], policy.assets(user))
        asset = live.get(wanted)
        if asset is None or asset.status != AssetStatus.ACTIVE:
            raise not_found("Card", "assetId")
        correct: bool | None = None
        expected: str | None = None
        card: ReviewCard | None
        if interaction_kind is InteractionKind.ANSWER:
            verdict, rating = answer_asset(asset, answer, response_time_ms, confidence)
            correct, expected = verdict.correct, verdict.expected
            card = await locked_card(conn, user.id, asset.id, now, create=True)
            assert card is not None
            await review(conn, card, rating, now)
        else:
            card = await ReviewCard.get_or_none(user_id=user.id, asset_id=asset.id, using_db=conn)
        interaction = await Interaction.create(
            session_id=session.id,
            asset_id=asset.id,
            kind=interaction_kind,
            answer=answer if interaction_kind is InteractionKind.ANSWER else None,
            correct=correct,
            response_time_ms=response_time_ms,
            confidence=confidence,
            created_at=now,
            using_db=conn,
        )
        session.total_interactions += 1
        session.correct_count += int(bool(correct))
        await session.save(
            using_db=conn, update_fields=["total_interactions", "correct_count", "updated_at"]
        )
    return RecordedInteraction(interaction=interaction, expected_answer=expected, card=card)


def completion(item_ids: list[str], done: set[str]) -> int:
    """The share of the items answered or viewed, in percent, rounded down."""
    if not item_ids:
        return 0
    return 100 * len(done & set(item_ids)) // len(item_ids)


async def end_study_session(viewer: User | None, session_id: Any, now: datetime) -> EndedSession:
    """Complete the viewer's session with its totals, and give practice hearts back when
    earned (see the module)."""
    user = _viewer(viewer)
    async with in_transaction() as conn:
        session = await _locked_session(conn, user, session_id)
        rows = await (
            Interaction.filter(session_id=session.id)
            .using_db(conn)
            .values_list("asset_id", "kind", "correct")
        )
        marks = [SessionInteraction(str(a), str(getattr(k, "value", k)), c) for a, k, c in rows]
        done = {m.card for m in marks if m.kind != InteractionKind.SKIP.value}
        session.status = SessionStatus.COMPLETED
        session.ended_at = now
        session.total_interactions = len(marks)
        session.correct_count = sum(1 for m in marks if m.correct)
        session.completion_percentage = completion(session.item_ids, done)
        restored: list[RestoredHeart] = []
        if earns_hearts(session.mode.value, tally(marks), session.hearts_restored):
            restored = await restore_hearts(conn, user.id, PRACTICE_HEART_REASON, now)
            session.hearts_restored = True
        await session.save(using_db=conn)
    return EndedSession(session=session, hearts_restored=restored)
