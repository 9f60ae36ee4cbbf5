"""The AI evaluation of a recorded conversation: capped sub-scores, their sum, a CEFR estimate
(scores.py), strengths, improvements and recommendations (feedback.py).

Everything is measured on the learner's segments (speakers.py chooses the learner):

- Grammar: 25 * (1 - w / 20), w being the weighted grammar and style corrections per 100
  learner words (severities weigh low 1 ... critical 4, as in the text tutor): 20 weighted
  points per 100 words or more leave nothing.
- Vocabulary: lexical variety, 12 * (Guiraud's index - 2) / 5 within 0-12 (distinct lemmas /
  √words, which unlike the plain type-token ratio barely depends on how long the learner
  spoke), plus advanced words, 8 * min(1, distinct advanced words / 5), less 2 per
  vocabulary correction (as the text tutor does). Without a frequency list for the language,
  the advanced-word part is a neutral 4.
- Fluency: fluency.py (words per minute and pauses when timed, turn length otherwise).
- Pronunciation: the transcription engine's confidence in the learner's segments (their mean,
  weighted by words), 15 * (c - 0.5) / 0.4 within 0-15: 0.9 or more is full marks, 0.5 or
  less none. A proxy (how recognisable the speech was), not a phonetic judgement. Without
  confidences (a transcript written by a person) it is `NEUTRAL_PRONUNCIATION`, 9 (60%: neither
  a strength nor an improvement), and a recommendation asks for the audio.
- Comprehension, from turn-taking: the prompts are the other speakers' turns that contain a
  question mark or, when nobody asked a question, all their turns but a final one. A prompt
  is answered when the learner's next turn follows it with at least 3 words (fillers
  aside). Score: 4 + 12 * answered / prompts + 4 * min(1, learner turns / 5). Whether an
  answer is relevant is not judged. Without prompts (a monologue) it is
  `NEUTRAL_COMPREHENSION`, 12 (60%).
- No learner words: every sub-score is 0.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from rules.recordings.feedback import Measures, improvements, recommendations, strengths
from rules.recordings.fluency import fluency_points, measure
from rules.recordings.scores import CAPS, SEVERITY_WEIGHT, cefr_for, clamp
from rules.recordings.segments import Segment, is_filler, turns, words
from rules.recordings.vocabulary import VocabularyAnalysis

GRAMMAR_KINDS = ("grammar", "style")
GRAMMAR_ZERO_PER_100_WORDS = 20.0
VARIETY_POINTS, GUIRAUD_FLOOR, GUIRAUD_SPAN = 12.0, 2.0, 5.0
ADVANCED_POINTS, ADVANCED_FOR_FULL = 8.0, 5
VOCABULARY_ERROR_COST = 2.0
CONFIDENCE_FLOOR, CONFIDENCE_SPAN = 0.5, 0.4
NEUTRAL_PRONUNCIATION = 9
NEUTRAL_COMPREHENSION = 12
MIN_ANSWER_WORDS = 3
FULL_PARTICIPATION_TURNS = 5
SEVERE = ("high", "critical")


@dataclass(frozen=True)
class EvaluationResult:
    grammar: int
    vocabulary: int
    fluency: int
    pronunciation: int
    comprehension: int
    cefr_level: str
    measures: Measures
    strengths: list[str] = field(default_factory=list)
    improvements: list[str] = field(default_factory=list)
    recommendations: list[str] = field(default_factory=list)

    @property
    def overall(self) -> int:
        return sum(self.scores().values())

    def scores(self) -> dict[str, int]:
        return {
            "grammar": self.grammar,
            "vocabulary": self.vocabulary,
            "fluency": self.fluency,
            "pronunciation": self.pronunciation,
            "comprehension": self.comprehension,
        }


def grammar_weight(corrections: Sequence[tuple[str, str]]) -> int:
    return sum(SEVERITY_WEIGHT.get(sev, 1) for kind, sev in corrections if kind in GRAMMAR_KINDS)


def grammar_points(weight_per_100_words: float) -> float:
    return CAPS["grammar"] * (1 - weight_per_100_words / GRAMMAR_ZERO_PER_100_WORDS)


def guiraud(vocabulary: VocabularyAnalysis) -> float:
    if vocabulary.total_words == 0:
        return 0.0
    return vocabulary.distinct_words / math.sqrt(vocabulary.total_words)


def vocabulary_points(vocabulary: VocabularyAnalysis, vocabulary_errors: int) -> float:
    share = (guiraud(vocabulary) - GUIRAUD_FLOOR) / GUIRAUD_SPAN
    variety = VARIETY_POINTS * min(1.0, max(0.0, share))
    if vocabulary.has_frequencies:
        found = len(vocabulary.advanced_words) / ADVANCED_FOR_FULL
        advanced = ADVANCED_POINTS * min(1.0, found)
    else:
        advanced = ADVANCED_POINTS / 2
    return variety + advanced - VOCABULARY_ERROR_COST * vocabulary_errors


def learner_confidence(segments: Sequence[Segment], learner: str | None) -> float | None:
    """The mean confidence of the learner's segments that have one, weighted by words."""
    weighted = [
        (s.confidence, max(1, len(words(s.text))))
        for s in segments
        if s.speaker == learner and s.confidence is not None
    ]
    total = sum(n for _, n in weighted)
    return sum(c * n for c, n in weighted) / total if total else None


def pronunciation_points(confidence: float | None) -> float:
    if confidence is None:
        return NEUTRAL_PRONUNCIATION
    share = (confidence - CONFIDENCE_FLOOR) / CONFIDENCE_SPAN
    return CAPS["pronunciation"] * min(1.0, max(0.0, share))


def prompts_answered(segments: Sequence[Segment], learner: str | None) -> tuple[int, int]:
    """(prompts, answered), as the module's docstring defines them."""
    runs = turns(segments)
    theirs = [i for i, turn in enumerate(runs) if turn.speaker != learner]
    prompts = [i for i in theirs if "?" in runs[i].text] or [i for i in theirs if i < len(runs) - 1]
    answered = sum(
        1
        for i in prompts
        if i + 1 < len(runs)
        and runs[i + 1].speaker == learner
        and _said(runs[i + 1].text) >= MIN_ANSWER_WORDS
    )
    return len(prompts), answered


def _said(text: str) -> int:
    return sum(1 for w in words(text) if not is_filler(w))


def comprehension_points(prompts: int, answered: int, learner_turns: int) -> float:
    if prompts == 0:
        return NEUTRAL_COMPREHENSION
    participation = min(1.0, learner_turns / FULL_PARTICIPATION_TURNS)
    return 4 + 12 * answered / prompts + 4 * participation


def evaluate(
    segments: Sequence[Segment],
    learner: str | None,
    corrections: Sequence[tuple[str, str]],
    vocabulary: VocabularyAnalysis,
) -> EvaluationResult:
    """The evaluation of `learner`'s part of the conversation.

    `segments` in order; `corrections`, the (type, severity) of every correction found in the
    learner's segments; `vocabulary`, the analysis of the learner's segments."""
    fluency = measure(segments, learner)
    prompts, answered = prompts_answered(segments, learner)
    confidence = learner_confidence(segments, learner)
    kinds = Counter(kind for kind, _ in corrections)
    words_said = fluency.words
    weight_per_100 = 100 * grammar_weight(corrections) / words_said if words_said else None
    measures = Measures(
        fluency=fluency,
        grammar_weight_per_100_words=None if weight_per_100 is None else round(weight_per_100, 2),
        guiraud=round(guiraud(vocabulary), 2),
        advanced_words=vocabulary.advanced_words,
        has_frequencies=vocabulary.has_frequencies,
        confidence=None if confidence is None else round(confidence, 3),
        prompts=prompts,
        answered=answered,
        correction_kinds=dict(sorted(kinds.items())),
        severe_corrections=sum(1 for _, severity in corrections if severity in SEVERE),
    )
    if weight_per_100 is None:
        return EvaluationResult(
            0, 0, 0, 0, 0, cefr_for(0), measures,
            strengths=[],
            improvements=["Speak more in the conversation so that it can be evaluated."],
            recommendations=["Record a conversation in which you answer in full sentences."],
        )  # fmt: skip
    scores = {
        "grammar": clamp(grammar_points(weight_per_100), CAPS["grammar"]),
        "vocabulary": clamp(vocabulary_points(vocabulary, kinds["vocabulary"]), CAPS["vocabulary"]),
        "fluency": clamp(fluency_points(fluency), CAPS["fluency"]),
        "pronunciation": clamp(pronunciation_points(confidence), CAPS["pronunciation"]),
        "comprehension": clamp(
            comprehension_points(prompts, answered, fluency.turns), CAPS["comprehension"]
        ),
    }
    return EvaluationResult(
        **scores,
        cefr_level=cefr_for(sum(scores.values())),
        measures=measures,
        strengths=strengths(scores, measures),
        improvements=improvements(scores, measures),
        recommendations=recommendations(measures),
    )
