"""Which speaker is the learner: the label given, else inferred from the transcript (one
speaker, the second of two, the most talkative but the first of more). No database."""

from __future__ import annotations

from core.errors import ErrorCode
from rules.recordings.segments import Segment, speakers, turns, word_counts, words
from rules.recordings.speakers import (
    Basis,
    LearnerChoice,
    choose_learner,
    learner_speaker_problem,
)


def transcript(*lines: tuple[str, str]) -> list[Segment]:
    return [Segment(i, speaker, text) for i, (speaker, text) in enumerate(lines, start=1)]


TWO = transcript(
    ("Teacher", "Hello, how are you?"),
    ("Anna", "I am fine, thank you."),
    ("Teacher", "What did you do at the weekend?"),
    ("Anna", "I visited my grandmother."),
)
THREE = transcript(
    ("Teacher", "Let us talk about holidays. Who starts?"),
    ("Ben", "Me. I went to Spain."),
    ("Anna", "I stayed at home and read many books about history and art."),
    ("Ben", "Um, uh, er, nice."),
    ("Anna", "Yes, it was very relaxing."),
)


def test_the_given_label_wins_whatever_its_spelling() -> None:
    assert choose_learner(TWO, "Teacher") == LearnerChoice("Teacher", Basis.GIVEN)
    assert choose_learner(TWO, "  anna ") == LearnerChoice("Anna", Basis.GIVEN)
    assert learner_speaker_problem("ANNA", TWO) is None


def test_a_label_not_in_the_transcript() -> None:
    problem = learner_speaker_problem("Zoe", TWO)
    assert problem is not None
    assert problem.code is ErrorCode.INVALID and problem.field == "learnerSpeaker"
    assert "Teacher, Anna" in problem.message
    # From a transcription engine, whose labels no one knew in advance: inferred instead.
    assert choose_learner(TWO, "Zoe") == LearnerChoice("Anna", Basis.NOT_FIRST_OF_TWO)
    assert learner_speaker_problem(None, TWO) is None
    assert learner_speaker_problem("Zoe", []) is None


def test_inferred_learner() -> None:
    assert choose_learner(TWO) == LearnerChoice("Anna", Basis.NOT_FIRST_OF_TWO)
    monologue = transcript(("Anna", "Today I talk about my town."), ("Anna", "It is small."))
    assert choose_learner(monologue) == LearnerChoice("Anna", Basis.ONLY_SPEAKER)
    assert choose_learner(THREE) == LearnerChoice("Anna", Basis.MOST_TALKATIVE)
    assert choose_learner([]) == LearnerChoice(None, Basis.NONE)


def test_more_than_two_never_picks_the_first_and_ties_go_to_the_earlier() -> None:
    opener_talks_most = transcript(
        ("Teacher", "one two three four five six seven eight nine ten"),
        ("Ben", "one two"),
        ("Anna", "one two"),
    )
    assert choose_learner(opener_talks_most) == LearnerChoice("Ben", Basis.MOST_TALKATIVE)


def test_segment_helpers() -> None:
    assert speakers(THREE) == ["Teacher", "Ben", "Anna"]
    assert [t.speaker for t in turns(THREE)] == ["Teacher", "Ben", "Anna", "Ben", "Anna"]
    merged = turns(transcript(("A", "Hi."), ("A", "Again."), ("B", "Yes.")))
    assert [(t.speaker, t.text) for t in merged] == [("A", "Hi. Again."), ("B", "Yes.")]
    assert words("Well... I—um, it's 3 o'clock!") == ["Well", "I—um", "it's", "3", "o'clock"]
    assert word_counts(THREE) == {"Teacher": 7, "Ben": 6, "Anna": 17}
    timed = Segment(1, "A", "x", start_ms=1000, end_ms=2500)
    assert timed.timed and timed.duration_ms == 1500
    assert not Segment(1, "A", "x").timed and Segment(1, "A", "x").duration_ms is None
