"""The AI evaluation of a recording: caps never exceeded (property-based), the sub-scores'
measures (corrections per word, variety and advanced words, words per minute and pauses,
confidences, answered prompts), neutral values without evidence, the texts, and the caps a
teacher's evaluation keeps. No database.

Examples per property: PROPERTY_EXAMPLES (default 200), derandomized unless it is set."""

from __future__ import annotations

import math
import os

from hypothesis import given, settings
from hypothesis import strategies as st

from core.errors import ErrorCode
from rules.recordings.evaluation import (
    NEUTRAL_COMPREHENSION,
    NEUTRAL_PRONUNCIATION,
    EvaluationResult,
    evaluate,
    prompts_answered,
)
from rules.recordings.fluency import FluencyMeasures, fluency_points, measure
from rules.recordings.scores import CAPS, cefr_for, score_problems
from rules.recordings.segments import Segment
from rules.recordings.speakers import choose_learner
from rules.recordings.vocabulary import analyse

PROPERTIES = settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES") or 200),
    derandomize="PROPERTY_EXAMPLES" not in os.environ,
    database=None,
    deadline=None,
)


def ms(seconds: float | None) -> int | None:
    return None if seconds is None else round(seconds * 1000)


def seg(i: int, speaker: str, text: str, start: float | None = None, end: float | None = None,
        confidence: float | None = None) -> Segment:  # fmt: skip
    return Segment(i, speaker, text, ms(start), ms(end), confidence)


def run(
    segments: list[Segment],
    corrections: list[tuple[str, str]] | None = None,
    language: str = "en",
) -> EvaluationResult:
    learner = choose_learner(segments).speaker
    said = [s.text for s in segments if s.speaker == learner]
    return evaluate(segments, learner, corrections or [], analyse(said, language))


STRONG = [
    seg(1, "Teacher", "What did you do during the holidays?", 0, 2.5, 0.97),
    seg(2, "Anna", "I travelled to Lisbon with my family and we explored the magnificent "
        "cathedral, an extraordinary aqueduct and several fascinating museums.", 3.0, 12.0, 0.95),
    seg(3, "Teacher", "Which place impressed you most?", 12.5, 14.0, 0.96),
    seg(4, "Anna", "Honestly, the aqueduct was remarkable because its architecture is "
        "astonishing and the panorama from the top is breathtaking.", 14.8, 22.0, 0.93),
    seg(5, "Teacher", "Would you go back?", 22.5, 23.5, 0.97),
    seg(6, "Anna", "Absolutely, although next time I would rather discover the northern "
        "vineyards and perhaps attend a traditional festival.", 24.0, 31.0, 0.94),
]  # fmt: skip
WEAK = [
    seg(1, "Teacher", "What did you do during the holidays?", 0, 2.5, 0.9),
    seg(2, "Ben", "Um I go... uh beach.", 6.0, 9.5, 0.55),
    seg(3, "Teacher", "Did you like it?", 10.0, 11.0, 0.9),
    seg(4, "Ben", "Er yes.", 16.0, 17.5, 0.5),
    seg(5, "Teacher", "Why?", 18.0, 18.5, 0.9),
    seg(6, "Ben", "Uh.", 23.0, 24.0, 0.45),
]


def test_the_overall_is_the_sum_of_the_capped_parts() -> None:
    assert sum(CAPS.values()) == 100
    assert [cefr_for(n) for n in (0, 29, 30, 45, 60, 75, 90, 100)] == [
        "A1",
        "A1",
        "A2",
        "B1",
        "B2",
        "C1",
        "C2",
        "C2",
    ]


def test_a_strong_learner() -> None:
    result = run(STRONG)
    # Vocabulary: Guiraud 5.8 (55 words) gives 9 of 12 for variety, plus 8 for 6 advanced
    # words; comprehension: every question answered (12) but only 3 turns (4 * 3/5).
    assert result.scores() == {
        "grammar": 25, "vocabulary": 17, "fluency": 20, "pronunciation": 15, "comprehension": 18
    }  # fmt: skip
    assert result.overall == 95 and result.cefr_level == "C2"
    assert len(result.strengths) == 5
    assert result.improvements == []
    assert result.recommendations == ["Keep practising with longer conversations on new topics."]
    m = result.measures
    assert m.fluency.timed and m.fluency.long_pauses == 0 and m.fluency.pauses == 3
    assert m.prompts == 3 and m.answered == 3
    assert m.guiraud == 5.8 and m.fluency.words_per_minute == 142.2
    assert m.advanced_words == [
        "aqueduct",
        "astonish",
        "breathtaking",
        "cathedral",
        "panorama",
        "vineyard",
    ]  # fmt: skip  ("Lisbon" is a name)


def test_a_weak_learner() -> None:
    result = run(WEAK, [("grammar", "high"), ("grammar", "medium"), ("vocabulary", "low")])
    m = result.measures
    assert m.fluency.words == 4 and m.fluency.fillers == 4  # "Um", "uh", "Er", "Uh"
    assert m.fluency.long_pauses == 3  # 3.5 s, 5 s and 4.5 s before the answers
    assert m.prompts == 3 and m.answered == 1  # "I go beach"; "yes" is too short
    assert result.grammar == 0  # 125 weighted points per 100 words
    assert result.pronunciation == 1  # mean confidence 0.525
    assert result.comprehension == 10  # 4 + 12 * 1/3 + 4 * 3/5 = 10.4
    assert result.overall < 30 and result.cefr_level == "A1"
    assert result.strengths == ["You took part in the conversation."]
    assert any(s.startswith("Grammar:") for s in result.improvements)
    assert "Review your grammar corrections: 2 in this conversation." in result.recommendations
    severe = "Start with your high-severity corrections (1): they change or obscure what you meant."
    assert severe in result.recommendations
    assert any("fillers" in r for r in result.recommendations)
    assert any("Let me think" in r for r in result.recommendations)


def test_without_timings_or_confidences() -> None:
    untimed = [seg(s.position, s.speaker, s.text) for s in STRONG]
    result = run(untimed)
    assert not result.measures.fluency.timed
    assert result.pronunciation == NEUTRAL_PRONUNCIATION
    assert not any("Pronunciation" in s or "Clear speech" in s for s in result.improvements
                   + result.strengths)  # fmt: skip
    assert "Upload the conversation's audio so that pronunciation can be assessed." in (
        result.recommendations
    )
    # Untimed fluency: 1.5 points per word per turn (about 19 words per turn here: capped).
    assert result.fluency == 20


def test_a_monologue_has_neutral_comprehension() -> None:
    monologue = [seg(1, "Anna", "Today I want to describe my town and its old market."),
                 seg(2, "Anna", "It is small but lively, and people are friendly.")]  # fmt: skip
    result = run(monologue)
    assert prompts_answered(monologue, "Anna") == (0, 0)
    assert result.comprehension == NEUTRAL_COMPREHENSION


def test_nobody_or_nothing_to_evaluate() -> None:
    only_teacher = [seg(1, "Teacher", "Hello?")]
    result = evaluate(only_teacher, None, [], analyse([], "en"))
    assert result.scores() == dict.fromkeys(CAPS, 0)
    assert result.overall == 0 and result.cefr_level == "A1"
    assert result.improvements and result.recommendations


def test_fluency_measures() -> None:
    segments = [
        seg(1, "T", "Question?", 0, 1),
        seg(2, "L", "one two three four five six seven eight nine ten", 1.5, 6.5),
        seg(3, "L", "eleven twelve um", 9.0, 10.0),  # a 2.5 s pause within the turn
    ]
    m = measure(segments, "L")
    assert m == FluencyMeasures(12, 1, 1, 6.0, 120.0, 2, 1)
    # pace 14 (120 wpm) + continuity 6 * 1/2 - fillers 50 * 1/13
    assert math.isclose(fluency_points(m), 14 + 3 - 50 / 13)
    assert measure(segments, "nobody").words == 0
    assert fluency_points(measure(segments, "nobody")) == 0


def test_prompts_are_questions_when_there_are_any() -> None:
    segments = [
        seg(1, "T", "Tell me about it."),
        seg(2, "L", "It was fun."),
        seg(3, "T", "Where was it?"),
        seg(4, "L", "Paris."),  # too short to count as an answer
        seg(5, "T", "Thanks."),
    ]
    assert prompts_answered(segments, "L") == (1, 0)
    no_questions = [s for s in segments if s.position != 3]
    assert prompts_answered(no_questions, "L") == (1, 1)  # the final turn is no prompt


def test_teacher_scores_within_the_caps() -> None:
    assert score_problems({"grammar": 25, "vocabulary": 0, "pronunciation": 15}) == []
    problems = score_problems({"grammar": 26, "fluency": -1, "pronunciation": 16})
    assert [(p.code, p.field) for p in problems] == [
        (ErrorCode.INVALID, "grammarScore"),
        (ErrorCode.INVALID, "fluencyScore"),
        (ErrorCode.INVALID, "pronunciationScore"),
    ]
    assert problems[0].message == "Must be between 0 and 25."


WORDS = ["I", "we", "go", "went", "museum", "ubiquitous", "um", "uh", "the", "beautiful",
         "xyzzyq", "photosynthesis", "because", "3", "?", "very", "cat", "serendipity"]  # fmt: skip
SPEAKERS = ["Teacher", "Anna", "Ben"]


@st.composite
def conversations(draw: st.DrawFn) -> tuple[list[Segment], list[tuple[str, str]]]:
    count = draw(st.integers(0, 12))
    timed = draw(st.booleans())
    clock = 0
    segments = []
    for i in range(1, count + 1):
        text = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=0, max_size=25)))
        start = clock + draw(st.integers(0, 8000))
        end = start + draw(st.integers(0, 20000))
        clock = end
        segments.append(
            Segment(
                i,
                draw(st.sampled_from(SPEAKERS)),
                text + draw(st.sampled_from(["", "?", "."])),
                start if timed else None,
                end if timed else None,
                draw(st.none() | st.floats(0, 1)),
            )
        )
    kinds = st.sampled_from(["grammar", "vocabulary", "spelling", "style", "pronunciation"])
    severities = st.sampled_from(["low", "medium", "high", "critical"])
    corrections = draw(st.lists(st.tuples(kinds, severities), max_size=30))
    return segments, corrections


@PROPERTIES
@given(conversations(), st.sampled_from(["en", "es", "xx"]))
def test_caps_are_never_exceeded(
    conversation: tuple[list[Segment], list[tuple[str, str]]], language: str
) -> None:
    segments, corrections = conversation
    result = run(segments, corrections, language)
    for name, value in result.scores().items():
        assert isinstance(value, int) and 0 <= value <= CAPS[name], (name, value)
    assert result.overall == sum(result.scores().values()) <= 100
    assert result.cefr_level == cefr_for(result.overall)
    assert result.recommendations
    assert all(isinstance(t, str) and t for t in result.strengths + result.improvements)
