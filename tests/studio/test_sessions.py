"""Study sessions through the use cases on PostgreSQL: what each mode puts in a session,
who may start one, recording answers (FSRS: a wrong answer comes back sooner than a right
one), views and skips, and ending with totals."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from models.identity import Role
from models.studio import (
    AssetSource,
    AssetStatus,
    AssetType,
    GeneratedAsset,
    Interaction,
    MaterialStatus,
    ReviewCard,
    SessionStatus,
    StudyMaterial,
    StudySession,
)
from resolvers.studio.sessions import (
    end_study_session,
    record_interaction,
    start_study_session,
)
from tests.factories.identity import create_user
from tests.studio.study_rows import asset, card_of, material, refused

pytestmark = pytest.mark.usefixtures("server")  # its lifespan opens the ORM

FLASHCARD, CLOZE, QUIZ, SUMMARY = (
    AssetType.FLASHCARD,
    AssetType.CLOZE,
    AssetType.QUIZ_QUESTION,
    AssetType.SUMMARY,
)


async def test_study_holds_the_materials_cards_in_order_never_reviewed_first() -> None:
    user = await create_user()
    mat, (first, second) = await material(user)
    base = datetime.now(UTC) - timedelta(hours=1)
    quiz_2 = await asset(user, QUIZ, material_row=mat, chunk=second)
    cloze_2 = await asset(user, CLOZE, material_row=mat, chunk=second)
    quiz_1 = await asset(user, QUIZ, material_row=mat, chunk=first)
    card_b = await asset(user, FLASHCARD, material_row=mat, chunk=first, created_at=base)
    card_a = await asset(
        user, FLASHCARD, material_row=mat, chunk=first, created_at=base - timedelta(1)
    )
    reviewed = await asset(user, CLOZE, material_row=mat, chunk=first)
    await ReviewCard.filter(asset_id=reviewed.id).update(reps=1)
    await asset(user, SUMMARY, material_row=mat, chunk=first, card=False)  # only read
    await asset(user, CLOZE, material_row=mat, chunk=first, status=AssetStatus.ARCHIVED)
    no_card = await asset(user, CLOZE, material_row=mat, card=False)  # material-wide: last

    started = await start_study_session(
        user, material_id=mat.id, mode="study", now=datetime.now(UTC)
    )
    expected = [card_a, card_b, quiz_1, cloze_2, quiz_2, no_card, reviewed]
    assert [a.id for a in started.items] == [a.id for a in expected]
    session = await StudySession.get(id=started.session.id)
    assert session.item_ids == [str(a.id) for a in expected]
    assert (session.user_id, session.material_id, session.status, session.mode.value) == (
        user.id,
        mat.id,
        SessionStatus.ACTIVE,
        "study",
    )

    small = await start_study_session(
        user, material_id=mat.id, mode="STUDY", size=2, now=datetime.now(UTC)
    )
    assert [a.id for a in small.items] == [card_a.id, card_b.id]


async def test_quiz_holds_the_materials_quiz_questions_in_order() -> None:
    user = await create_user()
    mat, (first, second) = await material(user)
    later = await asset(user, QUIZ, material_row=mat, chunk=second)
    earlier = await asset(user, QUIZ, material_row=mat, chunk=first)
    await asset(user, CLOZE, material_row=mat, chunk=first)
    started = await start_study_session(
        user, material_id=mat.id, mode="quiz", now=datetime.now(UTC)
    )
    assert [a.id for a in started.items] == [earlier.id, later.id]


async def test_review_holds_due_cards_of_every_source_most_overdue_first() -> None:
    user, other = await create_user(), await create_user()
    now = datetime.now(UTC)
    mat, (chunk, _) = await material(user)
    gone, (gone_chunk, _) = await material(user, deleted_at=now)
    other_mat, _ = await material(user)
    a = await asset(user, CLOZE, material_row=mat, chunk=chunk, due_at=now - timedelta(hours=1))
    b = await asset(user, FLASHCARD, material_row=mat, due_at=now - timedelta(days=2))
    mistake = await asset(user, FLASHCARD, source=AssetSource.EXERCISE, due_at=now - timedelta(1))
    c = await asset(user, QUIZ, material_row=other_mat, due_at=now)
    await asset(user, CLOZE, material_row=mat, due_at=now + timedelta(minutes=1))  # not yet
    await asset(user, CLOZE, material_row=mat, status=AssetStatus.ARCHIVED, due_at=now)
    await asset(user, CLOZE, material_row=gone, chunk=gone_chunk, due_at=now)
    await asset(other, CLOZE, due_at=now - timedelta(days=9))

    everything = await start_study_session(user, mode="review", now=now)
    assert [x.id for x in everything.items] == [b.id, mistake.id, a.id, c.id]
    assert everything.session.material_id is None

    one_material = await start_study_session(user, material_id=mat.id, mode="review", now=now)
    assert [x.id for x in one_material.items] == [b.id, a.id]
    assert one_material.session.material_id == mat.id

    two = await start_study_session(user, mode="review", size=2, now=now)
    assert [x.id for x in two.items] == [b.id, mistake.id]


async def test_starting_is_refused_with_field_errors_and_writes_nothing() -> None:
    user, other = await create_user(), await create_user()
    admin = await create_user(role=Role.ADMIN)
    now = datetime.now(UTC)
    mine, _ = await material(user)
    theirs, _ = await material(other)
    deleted, _ = await material(user, deleted_at=now)
    processing, _ = await material(user, status=MaterialStatus.PROCESSING)
    failed, _ = await material(user, status=MaterialStatus.FAILED)
    await asset(user, CLOZE, material_row=mine)

    assert await refused(start_study_session(user, mode="study", size=0, now=now)) == [
        ("INVALID", "size"),
        ("REQUIRED", "materialId"),
    ]
    assert await refused(start_study_session(user, mode="quiz", size=101, now=now)) == [
        ("INVALID", "size"),
        ("REQUIRED", "materialId"),
    ]
    assert await refused(start_study_session(user, mode="browse", now=now)) == [("INVALID", "mode")]
    for material_id in (theirs.id, deleted.id, "not-an-id"):
        assert await refused(
            start_study_session(user, material_id=material_id, mode="study", now=now)
        ) == [("NOT_FOUND", "materialId")]
    assert await refused(
        start_study_session(admin, material_id=mine.id, mode="study", now=now)
    ) == [("FORBIDDEN", "materialId")]
    for not_ready in (processing, failed):
        assert await refused(
            start_study_session(user, material_id=not_ready.id, mode="study", now=now)
        ) == [("INVALID", "materialId")]
    # Nothing to study: a clear refusal rather than an empty session.
    assert await refused(start_study_session(user, material_id=mine.id, mode="quiz", now=now)) == [
        ("INVALID", "materialId")
    ]
    assert await refused(start_study_session(other, mode="review", now=now)) == [
        ("INVALID", "mode")
    ]
    assert await refused(start_study_session(None, mode="review", now=now)) == [
        ("UNAUTHENTICATED", None)
    ]
    assert await StudySession.filter(user_id__in=[user.id, other.id, admin.id]).count() == 0


async def _session_of(
    user: Any, *assets: Any, now: datetime | None = None, material_id: Any = None
) -> StudySession:
    """A REVIEW session (at `now`, of `material_id`'s cards when given) holding `assets`."""
    started = await start_study_session(
        user, material_id=material_id, mode="review", now=now or datetime.now(UTC)
    )
    assert [a.id for a in started.items] == [a.id for a in assets]
    return started.session


async def test_a_wrong_answer_comes_back_sooner_than_a_right_one() -> None:
    user = await create_user()
    now = datetime.now(UTC)
    right = await asset(user, CLOZE, due_at=now - timedelta(minutes=2))
    wrong = await asset(user, CLOZE, due_at=now - timedelta(minutes=1))
    session = await _session_of(user, right, wrong)

    ok = await record_interaction(
        user,
        session_id=session.id,
        asset_id=right.id,
        kind="answer",
        answer="  Evaporation. ",  # the exercises' normalisation
        response_time_ms=4000,
        confidence=0.7,
        now=now,
    )
    assert (ok.interaction.correct, ok.expected_answer) == (True, "evaporation")
    assert (ok.interaction.answer, ok.interaction.response_time_ms) == ("  Evaporation. ", 4000)
    assert (ok.interaction.confidence, ok.interaction.created_at) == (0.7, now)
    assert ok.card is not None
    assert (ok.card.phase, ok.card.reps, ok.card.lapses) == ("learning", 1, 0)
    assert ok.card.last_reviewed_at == now
    assert ok.card.due_at == now + timedelta(minutes=10)  # Good: the second learning step

    ko = await record_interaction(
        user, session_id=session.id, asset_id=wrong.id, kind="answer", answer="erosion", now=now
    )
    assert (ko.interaction.correct, ko.expected_answer) == (False, "evaporation")
    assert ko.card is not None
    assert (ko.card.phase, ko.card.reps) == ("learning", 1)
    assert ko.card.due_at == now + timedelta(minutes=1)  # Again: the first learning step
    assert ko.card.due_at < ok.card.due_at

    stored = await card_of(user, right)
    assert stored is not None
    assert stored.state is not None and stored.state["state"] == 1  # fsrs State.Learning
    assert (stored.due_at, stored.stability) == (ok.card.due_at, ok.card.stability)
    after = await StudySession.get(id=session.id)
    assert (after.total_interactions, after.correct_count) == (2, 1)


async def test_right_answers_grow_the_interval_and_a_lapse_is_counted() -> None:
    user = await create_user()
    now = datetime.now(UTC)
    item = await asset(user, CLOZE, due_at=now)
    dues = []
    when = now
    for _ in range(3):
        session = await _session_of(user, item, now=when)
        result = await record_interaction(
            user,
            session_id=session.id,
            asset_id=item.id,
            kind="answer",
            answer="evaporation",
            now=when,
        )
        assert result.card is not None
        dues.append(result.card.due_at - when)
        when = result.card.due_at
    assert dues[0] < dues[1] < dues[2]
    card = await card_of(user, item)
    assert card is not None and (card.phase, card.reps, card.lapses) == ("review", 3, 0)
    session = await _session_of(user, item, now=when)
    forgot = await record_interaction(
        user, session_id=session.id, asset_id=item.id, kind="answer", answer="?", now=when
    )
    assert forgot.card is not None
    assert (forgot.card.phase, forgot.card.reps, forgot.card.lapses) == ("relearning", 4, 1)


async def test_flashcards_are_self_graded_and_quiz_answers_name_an_option() -> None:
    user = await create_user()
    now = datetime.now(UTC)
    sure = await asset(user, FLASHCARD, due_at=now - timedelta(minutes=3))
    unsure = await asset(user, FLASHCARD, due_at=now - timedelta(minutes=2))
    quiz = await asset(user, QUIZ, due_at=now - timedelta(minutes=1))
    session = await _session_of(user, sure, unsure, quiz)

    async def answer(item: Any, **fields: Any) -> Any:
        return await record_interaction(
            user, session_id=session.id, asset_id=item.id, kind="ANSWER", now=now, **fields
        )

    assert await refused(answer(sure)) == [("REQUIRED", "confidence")]
    easy = await answer(sure, confidence=0.95, response_time_ms=2000)
    assert (easy.interaction.correct, easy.expected_answer) == (
        True,
        "Water turns into vapour by evaporation.",
    )
    assert easy.card is not None and easy.card.phase == "review"  # Easy graduates at once
    forgot = await answer(unsure, confidence=0.3)
    assert forgot.interaction.correct is False
    assert forgot.card is not None and forgot.card.due_at == now + timedelta(minutes=1)
    by_index = await answer(quiz, answer="1")
    by_text = await answer(quiz, answer="EVAPORATION")
    other = await answer(quiz, answer="erosion")
    assert [
        by_index.interaction.correct,
        by_text.interaction.correct,
        other.interaction.correct,
    ] == [
        True,
        True,
        False,
    ]
    assert other.expected_answer == "evaporation"


async def test_views_and_skips_change_no_schedule_and_a_first_answer_makes_the_card() -> None:
    user = await create_user()
    now = datetime.now(UTC)
    mat, (chunk, _) = await material(user)
    summary = await asset(user, SUMMARY, material_row=mat, chunk=chunk, card=False)
    cloze = await asset(user, CLOZE, material_row=mat, chunk=chunk, card=False)
    started = await start_study_session(user, material_id=mat.id, mode="study", now=now)
    assert [a.id for a in started.items] == [cloze.id]
    session = started.session
    # A summary is read, never answered: put one in the session's items to view it.
    await StudySession.filter(id=session.id).update(item_ids=[str(cloze.id), str(summary.id)])

    viewed = await record_interaction(
        user, session_id=session.id, asset_id=summary.id, kind="view", answer="ignored", now=now
    )
    assert (viewed.card, viewed.expected_answer, viewed.interaction.correct) == (None, None, None)
    assert viewed.interaction.answer is None
    assert await refused(
        record_interaction(
            user, session_id=session.id, asset_id=summary.id, kind="answer", answer="x", now=now
        )
    ) == [("INVALID", "kind")]
    assert await card_of(user, summary) is None

    skipped = await record_interaction(
        user, session_id=session.id, asset_id=cloze.id, kind="skip", now=now
    )
    assert skipped.card is None and await card_of(user, cloze) is None
    answered = await record_interaction(
        user, session_id=session.id, asset_id=cloze.id, kind="answer", answer="evaporation", now=now
    )
    made = await card_of(user, cloze)
    assert answered.card is not None and made is not None and made.id == answered.card.id
    assert (made.phase, made.reps) == ("learning", 1)
    again = await record_interaction(
        user, session_id=session.id, asset_id=cloze.id, kind="view", now=now + timedelta(1)
    )
    assert again.card is not None and again.card.due_at == made.due_at  # unchanged
    kinds = await Interaction.filter(session_id=session.id).order_by("created_at", "id")
    assert sorted(i.kind.value for i in kinds) == ["answer", "skip", "view", "view"]


async def test_recording_is_refused_with_the_field_at_fault() -> None:
    user, other = await create_user(), await create_user()
    admin = await create_user(role=Role.ADMIN)
    now = datetime.now(UTC)
    mat, _ = await material(user)
    item = await asset(user, CLOZE, material_row=mat, due_at=now - timedelta(minutes=2))
    outside = await asset(user, CLOZE, due_at=now + timedelta(days=1))
    archived = await asset(user, CLOZE, material_row=mat, due_at=now - timedelta(minutes=1))
    session = await _session_of(user, item, archived)

    def record(viewer: Any = user, asset_id: Any = item.id, **fields: Any) -> Any:
        fields.setdefault("kind", "answer")
        return record_interaction(
            viewer,
            session_id=fields.pop("session_id", session.id),
            asset_id=asset_id,
            now=now,
            **fields,
        )

    assert await refused(record(kind="guess", confidence=2, response_time_ms=-1)) == [
        ("INVALID", "kind"),
        ("INVALID", "responseTimeMs"),
        ("INVALID", "confidence"),
    ]
    assert await refused(record(answer="x" * 2001)) == [("TOO_LONG", "answer")]
    assert await refused(record(asset_id=outside.id)) == [("INVALID", "assetId")]
    assert await refused(record(other)) == [("NOT_FOUND", "sessionId")]
    assert await refused(record(session_id="nope")) == [("NOT_FOUND", "sessionId")]
    assert await refused(record(admin)) == [("FORBIDDEN", "sessionId")]
    await GeneratedAsset.filter(id=archived.id).update(status=AssetStatus.ARCHIVED)
    assert await refused(record(asset_id=archived.id)) == [("NOT_FOUND", "assetId")]
    assert await Interaction.filter(session_id=session.id).count() == 0

    await end_study_session(user, session.id, now)
    assert await refused(record()) == [("SESSION_CLOSED", "sessionId")]
    assert await refused(end_study_session(user, session.id, now)) == [
        ("SESSION_CLOSED", "sessionId")
    ]
    # A session over a material deleted since reads as not found.
    second = await _session_of(user, item, material_id=mat.id)
    await StudyMaterial.filter(id=mat.id).update(deleted_at=now)
    assert await refused(record(session_id=second.id)) == [("NOT_FOUND", "sessionId")]


async def test_ending_totals_the_session() -> None:
    user = await create_user()
    now = datetime.now(UTC)
    items = [await asset(user, CLOZE, due_at=now - timedelta(minutes=3 - i)) for i in range(3)]
    session = await _session_of(user, *items)
    for kind, item, answer in (
        ("answer", items[0], "evaporation"),
        ("answer", items[0], "wrong"),
        ("view", items[1], None),
        ("skip", items[2], None),
    ):
        await record_interaction(
            user, session_id=session.id, asset_id=item.id, kind=kind, answer=answer, now=now
        )
    ended = await end_study_session(user, session.id, now + timedelta(minutes=5))
    assert ended.hearts_restored == []
    stored = await StudySession.get(id=session.id)
    assert (
        stored.status,
        stored.ended_at,
        stored.total_interactions,
        stored.correct_count,
        stored.completion_percentage,
        stored.hearts_restored,
    ) == (SessionStatus.COMPLETED, now + timedelta(minutes=5), 4, 1, 66, False)
