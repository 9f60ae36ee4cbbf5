"""The local tutor engine without a database: every error family with its exact span and
correction, correct sentences left alone, persona-driven replies, and evaluation scoring."""

# ruff: noqa: E501  (the case table reads best one case per line)
from __future__ import annotations

from typing import Any

import pytest

from rules.conversation.scoring import CAPS, cefr_for
from services.tutor import build_engine
from services.tutor.base import Persona, ScenarioBrief, Turn, suggestions
from services.tutor.local import LocalEngine, chunks, compose_reply
from services.tutor.remote import RemoteEngine
from services.tutor.rules import RULES, apply, check
from services.tutor.scoring import SessionStats, evaluate, vocabulary

# (sentence, rule, original, corrected, type, severity, start, end)
CASES = [
    ("I am interesting in this job.", "ed_ing_adjective", "interesting", "interested", "grammar", "medium", 5, 16),
    ("We were so boring at the meeting.", "ed_ing_adjective", "boring", "bored", "grammar", "medium", 11, 17),
    ("She go to work by bus.", "third_person_s", "go", "goes", "grammar", "high", 4, 6),
    ("My boss says he always study at night.", "third_person_s", "study", "studies", "grammar", "high", 23, 28),
    ("He don't like coffee.", "third_person_s", "don't", "doesn't", "grammar", "high", 3, 8),
    ("I waited for a hour.", "a_an", "a", "an", "grammar", "low", 13, 14),
    ("She is an teacher.", "a_an", "an", "a", "grammar", "low", 7, 9),
    ("It was an university.", "a_an", "an", "a", "grammar", "low", 7, 9),
    ("Yesterday we goed to the beach.", "irregular_past", "goed", "went", "grammar", "medium", 13, 17),
    ("He buyed a new phone.", "irregular_past", "buyed", "bought", "grammar", "medium", 3, 8),
    ("Can you give me some informations?", "uncountable_plural", "informations", "information", "grammar", "medium", 21, 33),
    ("Thanks for the advices.", "uncountable_plural", "advices", "advice", "grammar", "medium", 15, 22),
    ("This road is more better.", "double_comparative", "more better", "better", "grammar", "medium", 13, 24),
    ("It is the most easiest task.", "double_comparative", "most easiest", "easiest", "grammar", "medium", 10, 22),
    ("I have worked here since three years.", "since_for", "since", "for", "grammar", "medium", 19, 24),
    ("She has lived in Rome for 2019.", "since_for", "for", "since", "grammar", "medium", 22, 25),
    ("I did a mistake yesterday.", "make_do", "did", "made", "vocabulary", "medium", 2, 5),
    ("Every evening I make my homework.", "make_do", "make", "do", "vocabulary", "medium", 16, 20),
    ("Yesterday i was tired.", "lowercase_i", "i", "I", "spelling", "low", 10, 11),
    ("I think i'm ready.", "lowercase_i", "i", "I", "spelling", "low", 8, 9),
    ("I didn't went to school.", "did_past", "went", "go", "grammar", "high", 9, 13),
    ("She did not saw the email.", "did_past", "saw", "see", "grammar", "high", 12, 15),
    ("You must to finish it.", "modal_to", "must to", "must", "grammar", "medium", 4, 11),
    ("They is my colleagues.", "be_agreement", "is", "are", "grammar", "high", 5, 7),
    ("We was late again.", "be_agreement", "was", "were", "grammar", "high", 3, 6),
    ("There are much people here.", "much_many", "much", "many", "grammar", "medium", 10, 14),
    ("I don't have many money.", "much_many", "many", "much", "grammar", "medium", 13, 17),
    ("We need to discuss about the budget.", "preposition", "discuss about", "discuss", "grammar", "low", 11, 24),
    ("Can you explain me the rules?", "preposition", "explain me", "explain to me", "grammar", "low", 8, 18),
    ("She is married with a doctor.", "preposition", "married with", "married to", "grammar", "low", 7, 19),
    ("I will recieve the package.", "spelling", "recieve", "receive", "spelling", "low", 7, 14),
    ("I want go to London.", "missing_to", "go", "to go", "grammar", "medium", 7, 9),
    ("I enjoy to read novels.", "gerund_after", "to read", "reading", "grammar", "medium", 8, 15),
    ("There is many problems with it.", "there_are", "There is", "There are", "grammar", "medium", 0, 8),
]  # fmt: skip

CORRECT = [
    "I am interested in this job.",
    "The book is interesting.",
    "She goes to work every day.",
    "Does she like coffee?",
    "Let it go.",
    "I made it work.",
    "Can he come tomorrow?",
    "I ate an apple in an hour at a university.",
    "A European union and a one-way ticket.",
    "He is an honest man and this is an MBA program.",
    "I went home and bought some information.",
    "This is better than that and more interesting.",
    "I have lived here for two years, since 2019.",
    "I made a mistake and did my homework.",
    "I think I should go.",
    "I didn't go there.",
    "I can swim. They are happy. If I were you, I would go.",
    "There are many people. I want to go home. I enjoy swimming.",
    "He doesn't know many people. We discussed it. Explain it to me.",
    "Where are you from? How is he? Are they ready?",
    "I wish it were true.",
    "Could you tell me more about the role?",
    "I have experience in marketing and my strength is teamwork.",
    "We need more water and more paper.",
    "It works well, and she needs help.",
    "My plans for 2025 are ambitious.",
    "He has to work. It has been a long day.",
    "You are right, we were late, I was tired.",
]


@pytest.mark.parametrize(
    ("sentence", "rule", "original", "corrected", "kind", "severity", "start", "end"), CASES
)
def test_each_error_family_is_found_with_its_exact_span(
    sentence: str,
    rule: str,
    original: str,
    corrected: str,
    kind: str,
    severity: str,
    start: int,
    end: int,
) -> None:
    [finding] = check(sentence)
    assert (finding.rule, finding.original, finding.corrected) == (rule, original, corrected)
    assert (finding.type, finding.severity, finding.start, finding.end) == (
        kind,
        severity,
        start,
        end,
    )
    assert sentence[start:end] == original
    assert finding.explanation


def test_every_family_has_a_case_and_there_are_at_least_fifteen() -> None:
    families = {name for name, _ in RULES}
    assert len(families) >= 15
    assert families == {case[1] for case in CASES}


@pytest.mark.parametrize("sentence", CORRECT)
def test_correct_sentences_are_not_flagged(sentence: str) -> None:
    assert check(sentence) == []


def test_several_errors_in_one_message_are_ordered_and_applied() -> None:
    text = "yesterday i goed to a interview and i am very exciting."
    findings = check(text)
    assert [(f.original, f.start, f.end) for f in findings] == [
        ("i", 10, 11),
        ("goed", 12, 16),
        ("a", 20, 21),
        ("i", 36, 37),
        ("exciting", 46, 54),
    ]
    assert apply(text, findings) == "yesterday I went to an interview and I am very excited."


def test_capitalised_errors_keep_their_capital() -> None:
    [finding] = check("A apple a day.")
    assert (finding.original, finding.corrected) == ("A", "An")


def _turn(
    style: dict[str, Any],
    message: str = "I goed home.",
    turn_number: int = 1,
    *,
    scenario: ScenarioBrief | None = None,
    history: list[tuple[str, str]] | None = None,
) -> Turn:
    persona = Persona(
        name="Teacher",
        personality={"catchPhrases": ["Splendid!", "Onwards."]},
        teaching_style=style,
    )
    return Turn(
        persona=persona,
        scenario=scenario,
        message=message,
        corrections=check(message),
        turn_number=turn_number,
        history=[] if history is None else history,
    )


INTERVIEW = ScenarioBrief(
    name="Job interview",
    context="An office.",
    role_play_instructions="I am the hiring manager; you are the candidate.",
    key_phrases=["I have experience in", "My strength is"],
)


def test_reply_follows_the_persona_and_the_scenario() -> None:
    detailed = compose_reply(
        _turn({"correctionStyle": "detailed", "formality": "formal"}, scenario=INTERVIEW)
    )
    assert detailed == (
        "Splendid! A correction: “goed” → “went”. This verb is irregular: its past form is "
        "'went', not 'goed'. Let's stay in the scenario “Job interview”: I am the hiring "
        "manager; you are the candidate. Try to use “I have experience in” in your answer. "
        "Can you tell me more about that?"
    )
    gentle = compose_reply(_turn({"correctionStyle": "gentle"}, turn_number=2))
    assert gentle == "Onwards. You could also say: “I went home.” Why do you think so?"


def test_key_phrase_nudge_moves_on_once_used() -> None:
    turn = _turn(
        {},
        message="My strength is teamwork.",
        turn_number=2,
        scenario=INTERVIEW,
        history=[("user", "I have experience in sales."), ("ai", "Good.")],
    )
    reply = compose_reply(turn)
    assert "Try to use" not in reply
    assert suggestions(turn) == ["Add more detail: answer in a full sentence or two."]


def test_reply_is_deterministic_and_chunks_rebuild_it() -> None:
    turn = _turn({"formality": "casual"}, scenario=INTERVIEW)
    text = compose_reply(turn)
    assert compose_reply(turn) == text
    pieces = chunks(text)
    assert len(pieces) > 3 and "".join(pieces) == text


async def test_local_engine_streams_the_composed_reply() -> None:
    turn = _turn({}, scenario=INTERVIEW)
    streamed = [piece async for piece in LocalEngine().stream_reply(turn)]
    assert "".join(streamed) == compose_reply(turn)
    assert suggestions(turn) == [
        "Try again: “I went home.”",
        "Use a key phrase of this scenario: “I have experience in”",
        "Add more detail: answer in a full sentence or two.",
    ]


def test_engine_is_chosen_by_settings() -> None:
    class S:
        tutor_engine = "local"
        tutor_base_url = "http://127.0.0.1:9/v1"
        tutor_model = "m"
        tutor_api_key = ""
        tutor_timeout_seconds = 1.0

    assert isinstance(build_engine(S()), LocalEngine)
    S.tutor_engine = "openai"
    assert isinstance(build_engine(S()), RemoteEngine)
    S.tutor_engine = "nope"
    with pytest.raises(ValueError):
        build_engine(S())


def test_vocabulary_counts_content_words() -> None:
    assert vocabulary("The interview went well, the interview was long!") == {
        "interview": 2,
        "went": 1,
        "well": 1,
        "long": 1,
    }


def test_evaluation_respects_caps_and_sums() -> None:
    strong = evaluate(
        SessionStats(user_messages=6, total_words=120, distinct_words=60, key_phrases_used=2)
    )
    assert (strong.grammar, strong.vocabulary, strong.fluency) == (25, 20, 20)
    assert (strong.pronunciation, strong.comprehension) == (15, 20)
    assert strong.overall == 100 and strong.cefr_level == "C2"
    weak = evaluate(
        SessionStats(
            user_messages=2,
            total_words=6,
            distinct_words=4,
            corrections=[("grammar", "high"), ("grammar", "high"), ("spelling", "low")],
        )
    )
    assert weak.grammar == 25 - round(25 * 6 / 2 / 4) == 6
    assert weak.overall == sum(
        (weak.grammar, weak.vocabulary, weak.fluency, weak.pronunciation, weak.comprehension)
    )
    assert weak.overall < 60 and "Review the grammar points in your corrections" in (
        weak.improvements
    )
    for result in (strong, weak):
        parts = dict(
            grammar=result.grammar,
            vocabulary=result.vocabulary,
            fluency=result.fluency,
            pronunciation=result.pronunciation,
            comprehension=result.comprehension,
        )
        assert all(0 <= parts[k] <= CAPS[k] for k in CAPS)


def test_evaluation_of_an_empty_session_and_cefr_bands() -> None:
    empty = evaluate(SessionStats(user_messages=0, total_words=0, distinct_words=0))
    assert (empty.overall, empty.cefr_level) == (0, "A1")
    assert [cefr_for(n) for n in (0, 29, 30, 45, 60, 75, 90, 100)] == [
        "A1", "A1", "A2", "B1", "B2", "C1", "C2", "C2",
    ]  # fmt: skip
