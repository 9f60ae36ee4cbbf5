"""Mistake cards: an exercise answered wrong in a lesson and each correction the tutor makes
in a conversation become the learner's review cards, once per distinct mistake, made by
the studio's subscribers to learning's and conversation's events (through the API)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

import pytest
from tortoise.transactions import in_transaction

from engine.ids import decode_global_id, global_id
from models.studio import AssetSource, AssetStatus, AssetType, GeneratedAsset, ReviewCard
from resolvers.conversation.events import CorrectionMade, CorrectionsMade
from resolvers.studio.cards import due_reviews
from resolvers.studio.mistakes import correction_key, on_corrections_made
from resolvers.studio.sessions import record_interaction, start_study_session
from tests.factories.catalog import course_tree
from tests.factories.conversation import teacher
from tests.factories.identity import create_user, signed_in
from tests.factories.learning import answer_for, enrollment
from tests.factories.learning_play import answer, start
from tests.graphql_client import GraphQLClient, operation

pytestmark = pytest.mark.usefixtures("server")  # its lifespan opens the ORM

CONVERSATION = operation("conversation.graphql")
INTERESTED = "Use 'interested' for how you feel; 'interesting' describes what causes the feeling."
CAPITAL_I = "The pronoun 'I' is always a capital letter."
WENT = "This verb is irregular: its past form is 'went', not 'goed'."


async def _mistakes(user_id: Any, source: AssetSource) -> list[GeneratedAsset]:
    return await GeneratedAsset.filter(user_id=user_id, source=source).order_by("created_at")


async def _card_rows(user_id: Any) -> list[tuple[Any, str, int]]:
    return await ReviewCard.filter(user_id=user_id).values_list("asset_id", "phase", "reps")


async def test_an_exercise_answered_wrong_becomes_one_flashcard(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    tree = await course_tree(lessons=1, exercises=2)
    (lesson,) = tree.lessons
    translation, choice = tree.exercises_of(lesson)
    await enrollment(user, tree.course)
    assert (await start(gql, token, lesson))["errors"] == []

    assert (await answer(gql, token, lesson, choice, await answer_for(choice)))["correct"]
    assert await _mistakes(user.id, AssetSource.EXERCISE) == []
    for _ in range(2):  # the same mistake twice: one card
        assert (await answer(gql, token, lesson, translation, "wrong"))["correct"] is False
    assert (await answer(gql, token, lesson, choice, "option 3"))["correct"] is False

    first, second = await _mistakes(user.id, AssetSource.EXERCISE)
    assert (
        first.type,
        first.source_key,
        first.content,
        first.material_id,
        first.chunk_id,
        first.status,
        first.generator,
        first.quality,
        first.difficulty,
        first.parameters,
    ) == (
        AssetType.FLASHCARD,
        f"exercise:{translation.id}",
        {"front": "Prompt 1", "back": "answer 1", "explanation": "Because."},
        None,
        None,
        AssetStatus.ACTIVE,
        "mistake",
        1.0,
        2,
        {"exerciseId": str(translation.id), "lessonId": str(lesson.id)},
    )
    assert (second.source_key, second.content) == (
        f"exercise:{choice.id}",
        {"front": "Prompt 2", "back": "option 1", "explanation": "Because."},
    )
    assert sorted(await _card_rows(user.id)) == sorted(
        [(first.id, "new", 0), (second.id, "new", 0)]
    )

    # The learner's one place to practise them: due now, and studied like any card.
    now = datetime.now(UTC)
    page = await due_reviews(user, now)
    assert sorted(c.asset_id for c in page.items) == sorted([first.id, second.id])
    session = (await start_study_session(user, mode="review", now=now)).session
    known = await record_interaction(
        user, session_id=session.id, asset_id=first.id, kind="answer", confidence=0.8, now=now
    )
    assert (known.interaction.correct, known.expected_answer) == (True, "answer 1")
    assert known.card is not None and known.card.reps == 1


async def _conversation(gql: GraphQLClient, token: str) -> str:
    tutor = await teacher()
    started = await gql(
        CONVERSATION,
        {"teacherId": global_id("TeacherProfile", tutor.id)},
        token=token,
        operation_name="StartConversation",
    )
    assert started["startConversation"]["errors"] == []
    return str(started["startConversation"]["session"]["id"])


async def _send(gql: GraphQLClient, token: str, session_id: str, content: str) -> None:
    sent = await gql(
        CONVERSATION,
        {"sessionId": session_id, "content": content},
        token=token,
        operation_name="SendMessage",
    )
    assert sent["sendMessage"]["errors"] == []


async def test_each_distinct_tutor_correction_becomes_one_card(gql: GraphQLClient) -> None:
    user, token = await signed_in()
    session_id = await _conversation(gql, token)
    await _send(gql, token, session_id, "I am interesting in this job and i goed here.")
    made = await _mistakes(user.id, AssetSource.CORRECTION)
    by_key = {a.source_key: a for a in made}
    assert set(by_key) == {
        correction_key("interesting", "interested"),
        correction_key("i", "I"),
        correction_key("goed", "went"),
    }
    interested = by_key[correction_key("interesting", "interested")]
    assert (interested.type, interested.content, interested.difficulty) == (
        AssetType.CLOZE,
        {
            "text": "I am ____ in this job and I went here.",
            "answer": "interested",
            "sentence": "I am interested in this job and I went here.",
            "original": "interesting",
            "explanation": INTERESTED,
        },
        5,
    )
    assert interested.parameters == {
        "sessionId": str(decode_global_id(session_id)),
        "messageId": interested.parameters["messageId"],
        "type": "grammar",
        "severity": "medium",
    }
    capital = by_key[correction_key("i", "I")]  # a change of case cannot be typed: a flashcard
    assert (capital.type, capital.content, capital.difficulty) == (
        AssetType.FLASHCARD,
        {
            "front": "i",
            "back": "I",
            "explanation": CAPITAL_I,
            "sentence": "I am interesting in this job and i goed here.",
        },
        3,
    )
    assert by_key[correction_key("goed", "went")].content["text"] == (
        "I am interested in this job and I ____ here."
    )

    # Again in another conversation: only the new mistake makes a card, in its sentence.
    other_session = await _conversation(gql, token)
    await _send(gql, token, other_session, "I like it. Yesterday we eated pizza and i goed home.")
    after = await _mistakes(user.id, AssetSource.CORRECTION)
    assert len(after) == 4
    (ate,) = [a for a in after if a.id not in {m.id for m in made}]
    assert (ate.source_key, ate.type, ate.content["text"], ate.content["sentence"]) == (
        correction_key("eated", "ate"),
        AssetType.CLOZE,
        "Yesterday we ____ pizza and I went home.",
        "Yesterday we ate pizza and I went home.",
    )
    assert sorted(a for a, _, _ in await _card_rows(user.id)) == sorted(a.id for a in after)

    now = datetime.now(UTC)
    session = (await start_study_session(user, mode="review", now=now)).session
    typed = await record_interaction(
        user,
        session_id=session.id,
        asset_id=interested.id,
        kind="answer",
        answer="Interested",
        now=now,
    )
    assert (typed.interaction.correct, typed.expected_answer) == (True, "interested")


async def test_corrections_that_cannot_be_typed_or_placed_become_flashcards() -> None:
    user = await create_user()
    text = "I goed to the the shop."
    event = CorrectionsMade(
        user_id=user.id,
        session_id=uuid4(),
        message_id=uuid4(),
        text=text,
        corrections=(
            CorrectionMade("Goed", "Went", "Irregular.", "grammar", "high", 2, 6),  # wrong case
            CorrectionMade("the ", "", "A repeated word.", "style", "low", 14, 18),
            CorrectionMade("shop", "store", "American.", "vocabulary", "critical", 99, 103),
        ),
    )
    async with in_transaction() as conn:
        await on_corrections_made(event, conn)
        await on_corrections_made(event, conn)  # the same mistakes again: nothing more
    made = {a.source_key: a for a in await _mistakes(user.id, AssetSource.CORRECTION)}
    assert len(made) == 3 and await ReviewCard.filter(user_id=user.id).count() == 3
    placed_nowhere = made[correction_key("goed", "went")]  # its span reads "goed", not "Goed"
    assert (placed_nowhere.type, placed_nowhere.difficulty, placed_nowhere.content) == (
        AssetType.FLASHCARD,
        7,
        {"front": "Goed", "back": "Went", "explanation": "Irregular.", "sentence": ""},
    )
    deletion = made[correction_key("the ", "")]
    assert (deletion.type, deletion.content["front"], deletion.content["sentence"]) == (
        AssetType.FLASHCARD,
        "the ",
        text,
    )
    assert made[correction_key("shop", "store")].difficulty == 9
