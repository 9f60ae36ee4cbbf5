"""What an evaluation was computed from, and the sentences it tells the learner.

- Strengths: the sub-scores at 80% of their cap or more, each with the figure behind it; when
  none is, "You took part in the conversation." Pronunciation is never a strength nor an
  improvement without the transcription's confidences (a transcript written by a person).
- Improvements: the sub-scores under 60% of their cap, each with its figure.
- Recommendations: concrete next steps from the measures: the most frequent kind of
  correction and the severe ones first; pace under 90 words per minute, long pauses, fillers
  (5% of the words or more), short untimed turns (under 8 words); fewer than 3 advanced
  words; pronunciation without audio or with a confidence under 0.7; fewer than 60% of the
  prompts answered. At least one is always given.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from rules.recordings.fluency import TARGET_WPM, FluencyMeasures
from rules.recordings.scores import CAPS

STRENGTH_SHARE = 0.8
IMPROVEMENT_SHARE = 0.6
SLOW_WPM = 0.75 * TARGET_WPM
FILLER_SHARE = 0.05
SHORT_TURN_WORDS = 8
FEW_ADVANCED = 3
LOW_CONFIDENCE = 0.7
LOW_ANSWER_SHARE = 0.6


@dataclass(frozen=True)
class Measures:
    """What the scores were computed from (kept as the evaluation's detailed feedback)."""

    fluency: FluencyMeasures
    grammar_weight_per_100_words: float | None = None
    guiraud: float | None = None  # distinct lemmas / √words
    advanced_words: list[str] = field(default_factory=list)
    has_frequencies: bool = True  # the language has a frequency list
    confidence: float | None = None  # None: no confidences
    prompts: int = 0
    answered: int = 0
    correction_kinds: dict[str, int] = field(default_factory=dict)
    severe_corrections: int = 0  # high or critical


def _share(scores: Mapping[str, int], name: str) -> float:
    return scores[name] / CAPS[name]


def _judged(name: str, m: Measures) -> bool:
    return name != "pronunciation" or m.confidence is not None


def strengths(scores: Mapping[str, int], m: Measures) -> list[str]:
    f = m.fluency
    texts = {
        "grammar": "Accurate grammar: few mistakes for the amount you said.",
        "vocabulary": "A varied vocabulary"
        + (
            f", including less common words such as {_quoted(m.advanced_words[:3])}."
            if m.advanced_words
            else "."
        ),
        "fluency": (
            f"A steady pace ({f.words_per_minute:.0f} words per minute) with few long pauses."
            if f.words_per_minute is not None
            else f"Full, well-developed turns ({f.words_per_turn:.0f} words each on average)."
        ),
        "pronunciation": "Clear speech that was easy to recognise.",
        "comprehension": (
            f"You answered {m.answered} of the {m.prompts} prompts from your partners in full."
            if m.prompts
            else "You kept talking without needing prompts."
        ),
    }
    found = [
        texts[name] for name in CAPS if _judged(name, m) and _share(scores, name) >= STRENGTH_SHARE
    ]
    return found or ["You took part in the conversation."]


def improvements(scores: Mapping[str, int], m: Measures) -> list[str]:
    f = m.fluency
    texts = {
        "grammar": (
            f"Grammar: {m.grammar_weight_per_100_words or 0:.1f} weighted corrections per 100 "
            "words; go over the corrected sentences."
        ),
        "vocabulary": "Vocabulary: use a wider range of words, including less common ones.",
        "fluency": (
            f"Fluency: speak more continuously ({f.words_per_minute:.0f} words per minute, "
            f"{f.long_pauses} long pauses)."
            if f.words_per_minute is not None
            else f"Fluency: give longer answers (about {f.words_per_turn:.0f} words per turn)."
        ),
        "pronunciation": "Pronunciation: parts of your speech were hard to recognise.",
        "comprehension": (
            f"Comprehension: answer your partners' questions in full ({m.answered} of "
            f"{m.prompts} answered)."
        ),
    }
    return [
        texts[name]
        for name in CAPS
        if _judged(name, m) and _share(scores, name) < IMPROVEMENT_SHARE
    ]


def recommendations(m: Measures) -> list[str]:
    f = m.fluency
    found = []
    if m.correction_kinds:
        kind, count = max(m.correction_kinds.items(), key=lambda item: (item[1], item[0]))
        found.append(f"Review your {kind} corrections: {count} in this conversation.")
    if m.severe_corrections:
        found.append(
            f"Start with your high-severity corrections ({m.severe_corrections}): they change "
            "or obscure what you meant."
        )
    if f.words_per_minute is not None and f.words_per_minute < SLOW_WPM:
        found.append(
            "Build your pace by retelling short stories aloud: aim for about "
            f"{TARGET_WPM:.0f} words per minute."
        )
    if f.long_pauses:
        found.append(
            "Learn a few phrases to gain time (“Let me think…”, “That's a good question”) "
            "instead of falling silent."
        )
    if f.filler_share >= FILLER_SHARE:
        found.append(
            f"Replace fillers such as “um” and “uh” ({f.fillers} in this recording) with a "
            "short pause or a linking phrase."
        )
    if f.words_per_minute is None and 0 < f.words_per_turn < SHORT_TURN_WORDS:
        found.append("Answer in two or three sentences rather than a few words.")
    if m.has_frequencies and len(m.advanced_words) < FEW_ADVANCED:
        found.append("Learn and use a few less common words on the conversation's topic.")
    if m.confidence is None:
        found.append("Upload the conversation's audio so that pronunciation can be assessed.")
    elif m.confidence < LOW_CONFIDENCE:
        found.append(
            "Record yourself and compare with a native speaker: some words were hard to recognise."
        )
    if m.prompts and m.answered / m.prompts < LOW_ANSWER_SHARE:
        found.append(
            "When you are asked a question, answer it directly and add a reason or an example."
        )
    return found or ["Keep practising with longer conversations on new topics."]


def _quoted(items: list[str]) -> str:
    return ", ".join(f"“{item}”" for item in items)
