"""Pure scoring: vocabulary extraction from a message and the end-of-session evaluation.

Sub-scores are capped (grammar 25, vocabulary 20, fluency 20, pronunciation 15,
comprehension 20) and the overall score is their sum, so it lies in 0-100. A text chat has
no audio, so "pronunciation" is estimated from spelling, the closest written signal.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rules.conversation.scoring import CAPS, SEVERITY_WEIGHT, cefr_for

STOPWORDS = frozenset(
    """a an the and or but if so to of in on at by for with from up as is am are was were be
    been being it its i me my we our you your he him his she her they them their this that
    these those do does did have has had not no yes can will would should could may might
    must shall there here what who whom which when where why how than then too very just
    also about into over out off again all any some such only own same other""".split()  # noqa: SIM905
)
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def vocabulary(text: str) -> Counter[str]:
    """Content words (lower-cased, 3 to 40 letters, no stop words) and how often each appears."""
    words = (w for w in _WORD.findall(text.lower()) if 3 <= len(w) <= 40 and w not in STOPWORDS)
    return Counter(w for w in words if "'" not in w)


@dataclass(frozen=True)
class SessionStats:
    user_messages: int
    total_words: int
    distinct_words: int
    # (type, severity) of every correction of the learner's messages
    corrections: list[tuple[str, str]] = field(default_factory=list)
    key_phrases_used: int = 0


@dataclass(frozen=True)
class EvaluationResult:
    grammar: int
    vocabulary: int
    fluency: int
    pronunciation: int
    comprehension: int
    cefr_level: str
    strengths: list[str]
    improvements: list[str]

    @property
    def overall(self) -> int:
        return (
            self.grammar + self.vocabulary + self.fluency + self.pronunciation + self.comprehension
        )


def _clamp(value: float, cap: int) -> int:
    return max(0, min(cap, round(value)))


def evaluate(stats: SessionStats) -> EvaluationResult:
    if stats.user_messages == 0:
        return EvaluationResult(
            0, 0, 0, 0, 0, "A1", [], ["Send a few messages to get a meaningful evaluation."]
        )
    n = stats.user_messages
    grammar_weight = sum(
        SEVERITY_WEIGHT[sev] for kind, sev in stats.corrections if kind in ("grammar", "style")
    )
    vocab_errors = sum(1 for kind, _ in stats.corrections if kind == "vocabulary")
    spelling_errors = sum(1 for kind, _ in stats.corrections if kind == "spelling")
    words_per_message = stats.total_words / n
    # Weighted grammar errors per message: 0 → full marks, 4 or more → none.
    grammar = _clamp(CAPS["grammar"] * (1 - grammar_weight / n / 4), CAPS["grammar"])
    vocabulary_score = _clamp(stats.distinct_words / 2 - 2 * vocab_errors, CAPS["vocabulary"])
    fluency = _clamp(words_per_message * 1.5, CAPS["fluency"])
    pronunciation = _clamp(CAPS["pronunciation"] * (1 - spelling_errors / n / 2), 15)
    comprehension = _clamp(6 + 2 * n + 3 * stats.key_phrases_used, CAPS["comprehension"])
    scores = {
        "grammar": grammar,
        "vocabulary": vocabulary_score,
        "fluency": fluency,
        "pronunciation": pronunciation,
        "comprehension": comprehension,
    }
    strengths = [_STRENGTH[k] for k, v in scores.items() if v >= 0.8 * CAPS[k]]
    improvements = [_IMPROVE[k] for k, v in scores.items() if v < 0.6 * CAPS[k]]
    if not strengths:
        strengths = ["You kept the conversation going."]
    overall = sum(scores.values())
    return EvaluationResult(
        grammar,
        vocabulary_score,
        fluency,
        pronunciation,
        comprehension,
        cefr_for(overall),
        strengths,
        improvements,
    )


_STRENGTH = {
    "grammar": "Accurate grammar with few mistakes",
    "vocabulary": "A varied vocabulary",
    "fluency": "Full, well-developed answers",
    "pronunciation": "Careful spelling",
    "comprehension": "Good engagement with the scenario",
}
_IMPROVE = {
    "grammar": "Review the grammar points in your corrections",
    "vocabulary": "Use a wider range of words and collocations",
    "fluency": "Write longer answers with more detail",
    "pronunciation": "Check the spelling of common words",
    "comprehension": "Respond to the teacher's questions and use the scenario's key phrases",
}
