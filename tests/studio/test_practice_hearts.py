"""Practice restores hearts: ending a REVIEW session with at least 10 distinct cards answered
and at least 80% of its answers right gives one heart back in each of the learner's
enrollments under 5 (regeneration counted), logged as `practice_completed` heart events,
once per session; through the use cases on PostgreSQL and learning's `restore_hearts`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from tortoise.transactions import in_transaction

from core.errors import AppError
from models.identity import SubscriptionTier, User
from models.learning import Enrollment, HeartEvent, HeartReason
from models.studio import AssetType, StudySession
from resolvers.learning import RestoredHeart, restore_hearts
from resolvers.studio.sessions import end_study_session, record_interaction, start_study_session
from rules.learning.hearts import PRACTICE_COMPLETED
from rules.studio.practice import PRACTICE_HEART_REASON
from tests.factories.catalog import course_tree
from tests.factories.identity import create_user
from tests.factories.learning import enrollment
from tests.studio.study_rows import asset, material

pytestmark = pytest.mark.usefixtures("server")  # its lifespan opens the ORM

CLOZE = AssetType.CLOZE


async def _enrollments(user: User, now: datetime) -> list[Enrollment]:
    """Hearts 2 (set now), 5, 3 set 4 hours ago (4 now), 4 set 8 hours ago (5 now)."""
    rows = []
    for hearts, age in (
        (2, timedelta(0)),
        (5, timedelta(0)),
        (3, timedelta(hours=4, minutes=1)),
        (4, timedelta(hours=8)),
    ):
        tree = await course_tree(lessons=1, exercises=1)
        rows.append(await enrollment(user, tree.course, hearts=hearts, hearts_updated_at=now - age))
    return rows


async def _practise(
    user: User, now: datetime, right: int, wrong: int = 0, *, retries: int = 0, views: int = 0
) -> StudySession:
    """A REVIEW session of `right + wrong + views` due cards: `right` answered right,
    `wrong` answered wrong (then `retries` of those answered again, right), `views` viewed."""
    count = right + wrong + views
    cards = [
        await asset(user, CLOZE, due_at=now - timedelta(minutes=count - i)) for i in range(count)
    ]
    session = (await start_study_session(user, mode="review", now=now)).session
    assert session.item_ids == [str(c.id) for c in cards]
    plan = (
        [(c, "answer", "evaporation") for c in cards[:right]]
        + [(c, "answer", "erosion") for c in cards[right : right + wrong]]
        + [(c, "answer", "evaporation") for c in cards[right : right + retries]]
        + [(c, "view", None) for c in cards[right + wrong :]]
    )
    for card, kind, text in plan:
        await record_interaction(
            user, session_id=session.id, asset_id=card.id, kind=kind, answer=text, now=now
        )
    return session


async def _hearts(rows: list[Enrollment]) -> list[tuple[int, datetime]]:
    fresh = [await Enrollment.get(id=row.id) for row in rows]
    return [(row.hearts, row.hearts_updated_at) for row in fresh]


async def test_a_good_review_session_gives_a_heart_back_in_each_enrollment_under_five() -> None:
    user = await create_user()
    now = datetime.now(UTC)
    rows = await _enrollments(user, now)
    before = await _hearts(rows)
    session = await _practise(user, now, right=8, wrong=2)  # exactly 80%
    end = now + timedelta(minutes=5)

    ended = await end_study_session(user, session.id, end)
    assert ended.hearts_restored == [
        RestoredHeart(r.id, r.course_id, b, b + 1)
        for r, b in sorted(((rows[0], 2), (rows[2], 4)), key=lambda pair: pair[0].id)
    ]
    assert ended.session.hearts_restored is True
    assert await _hearts(rows) == [(3, end), before[1], (5, end), before[3]]
    events = await HeartEvent.filter(user_id=user.id).order_by("hearts_before")
    assert [(e.enrollment_id, e.hearts_before, e.hearts_after, e.reason) for e in events] == [
        (rows[0].id, 2, 3, HeartReason.PRACTICE_COMPLETED),
        (rows[2].id, 4, 5, HeartReason.PRACTICE_COMPLETED),
    ]
    stored = await StudySession.get(id=session.id)
    assert (stored.hearts_restored, stored.total_interactions, stored.correct_count) == (
        True,
        10,
        8,
    )
    # At most once: the session is over.
    with pytest.raises(AppError) as error:
        await end_study_session(user, session.id, end)
    assert [(e.code.value, e.field) for e in error.value.errors] == [
        ("SESSION_CLOSED", "sessionId")
    ]
    assert await HeartEvent.filter(user_id=user.id).count() == 2


@pytest.mark.parametrize(
    ("right", "wrong", "retries", "views"),
    [
        (9, 0, 0, 0),  # 9 distinct cards
        (9, 0, 0, 1),  # a view is not an answer
        (7, 3, 3, 0),  # 10 right of 13 answers: retries do not erase mistakes
    ],
)
async def test_too_few_cards_or_too_many_mistakes_give_nothing(
    right: int, wrong: int, retries: int, views: int
) -> None:
    user = await create_user()
    now = datetime.now(UTC)
    rows = await _enrollments(user, now)
    before = await _hearts(rows)
    session = await _practise(user, now, right, wrong, retries=retries, views=views)
    ended = await end_study_session(user, session.id, now)
    assert (ended.hearts_restored, ended.session.hearts_restored) == ([], False)
    assert await _hearts(rows) == before
    assert await HeartEvent.filter(user_id=user.id).count() == 0


async def test_retried_mistakes_still_earn_hearts_at_80_percent_of_all_answers() -> None:
    user = await create_user()
    now = datetime.now(UTC)
    rows = await _enrollments(user, now)
    session = await _practise(user, now, right=8, wrong=2, retries=2)  # 10 of 12 right
    ended = await end_study_session(user, session.id, now)
    assert {(h.enrollment_id, h.hearts_before, h.hearts_after) for h in ended.hearts_restored} == {
        (rows[0].id, 2, 3),
        (rows[2].id, 4, 5),
    }


async def test_study_sessions_and_unlimited_hearts_restore_nothing() -> None:
    user = await create_user()
    now = datetime.now(UTC)
    rows = await _enrollments(user, now)
    before = await _hearts(rows)
    mat, _ = await material(user)
    cards = [await asset(user, CLOZE, material_row=mat) for _ in range(10)]
    session = (await start_study_session(user, material_id=mat.id, mode="study", now=now)).session
    for card in cards:
        await record_interaction(
            user,
            session_id=session.id,
            asset_id=card.id,
            kind="answer",
            answer="evaporation",
            now=now,
        )
    assert (await end_study_session(user, session.id, now)).hearts_restored == []
    assert await _hearts(rows) == before
    assert await HeartEvent.filter(user_id=user.id).count() == 0

    premium = await create_user(tier=SubscriptionTier.PREMIUM)
    full = await enrollment(premium, (await course_tree()).course, hearts=1)
    session = await _practise(premium, now, right=10)
    ended = await end_study_session(premium, session.id, now)
    # Earned (and so spent for this session), but unlimited hearts have nothing to restore.
    assert (ended.hearts_restored, ended.session.hearts_restored) == ([], True)
    assert (await Enrollment.get(id=full.id)).hearts == 1
    assert await HeartEvent.filter(user_id=premium.id).count() == 0


async def test_restore_hearts_takes_reasons_that_give_hearts_back_only() -> None:
    assert PRACTICE_HEART_REASON == PRACTICE_COMPLETED == HeartReason.PRACTICE_COMPLETED.value
    user = await create_user()
    now = datetime.now(UTC)
    async with in_transaction() as conn:
        for reason in ("wrong_answer", "bonus"):
            with pytest.raises(ValueError):
                await restore_hearts(conn, user.id, reason, now)
        assert await restore_hearts(conn, user.id, "practice_completed", now) == []
