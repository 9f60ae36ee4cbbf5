"""The local generator's assets and scores, built from chosen terms and sentences.

Scores are computed, never constant:
- difficulty (1-10) = 1 + 9 * (0.75 * rarity + 0.25 * length), where rarity maps the term's
  Zipf frequency from 6.5 (everyday: 0) to 1.5 (rare: 1) and length maps the sentence's
  words from 6 (0) to 36 (1); a quiz question is one step harder when its wrong options
  are as frequent as the answer (close distractors are harder to rule out).
- quality (0-1) = 0.4 * relevance (YAKE's score s as 1 / (1 + 4s)) + 0.35 * sentence fit
  (1 for 8-30 words, less for shorter or longer ones) + 0.25 * band fit (1 for a Zipf
  frequency of 2.5-5, 0.25 less per unit outside); a quiz question also weighs how close
  its distractors' frequencies are to the answer's.
- a summary's quality is the share of the material's key-term weight its sentences cover;
  its difficulty that of its sentences (their words' rarity and length).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from rules.words import zipf
from services.generator import nlp
from services.generator.base import BLANK, QUIZ_OPTIONS, Asset, AssetType

DISTRACTORS = QUIZ_OPTIONS - 1


@dataclass(frozen=True)
class Term:
    """A candidate key term of the material."""

    text: str  # how it is shown: as in the text, lowercase unless it is written capitalised
    key: str  # its lemmas: two surface forms of one word share a key
    score: float  # YAKE's, the best over the chunks it is a key term of (lower is better)
    zipf: float
    chunk_index: int  # the first chunk it is a key term of

    @property
    def size(self) -> int:
        return len(self.text.split())

    @property
    def lemma_words(self) -> frozenset[str]:
        return frozenset(self.key.casefold().split())


def _clamp(value: float, low: float = 0.0, high: float = 1.0) -> float:
    return max(low, min(high, value))


def rarity(zipf: float) -> float:
    return _clamp((6.5 - zipf) / 5.0)


def difficulty(zipf: float, sentence_words: int, bonus: int = 0) -> int:
    length = _clamp((sentence_words - 6) / 30)
    return int(min(10, max(1, 1 + round(9 * (0.75 * rarity(zipf) + 0.25 * length)) + bonus)))


def sentence_fit(sentence_words: int) -> float:
    if sentence_words < 8:
        return sentence_words / 8
    return _clamp(1 - (sentence_words - 30) / 30) if sentence_words > 30 else 1.0


def band_fit(zipf: float) -> float:
    outside = max(0.0, 2.5 - zipf, zipf - 5.0)
    return _clamp(1 - 0.25 * outside)


def relevance(score: float) -> float:
    return 1 / (1 + 4 * max(0.0, score))


def quality(term: Term, sentence_words: int) -> float:
    value = (
        0.4 * relevance(term.score)
        + 0.35 * sentence_fit(sentence_words)
        + 0.25 * band_fit(term.zipf)
    )
    return round(value, 3)


def blanked(sentence: str, start: int, end: int) -> str:
    return f"{sentence[:start]}{BLANK}{sentence[end:]}"


def flashcard(
    term: Term, sentence: str, chunk: int, generator: str, parameters: dict[str, object]
) -> Asset:
    size = nlp.word_count(sentence)
    return Asset(
        AssetType.FLASHCARD,
        chunk,
        {"front": term.text, "back": sentence, "lemma": term.key},
        quality(term, size),
        difficulty(term.zipf, size),
        generator,
        parameters,
    )


def cloze(
    term: Term,
    sentence: str,
    span: tuple[int, int],
    chunk: int,
    generator: str,
    parameters: dict[str, object],
) -> Asset:
    size = nlp.word_count(sentence)
    answer = sentence[span[0] : span[1]]
    return Asset(
        AssetType.CLOZE,
        chunk,
        {"text": blanked(sentence, *span), "answer": answer, "sentence": sentence},
        quality(term, size),
        difficulty(term.zipf, size),
        generator,
        parameters,
    )


def distractors(term: Term, pool: Sequence[Term], prompt: str) -> list[Term]:
    """Up to three other key terms of the material that could fill the blank: the same
    number of words, the nearest frequencies, the same ending preferred (often the same
    part of speech and inflection: -s, -ción, -ly, ...); never the answer, a form of it, a
    word the prompt already shows, or one another."""
    answer = term.text.casefold()

    def cost(other: Term) -> tuple[float, str]:
        text = other.text.casefold()
        ending = 0.0 if text[-2:] == answer[-2:] else 0.2 if text[-1:] == answer[-1:] else 0.5
        length = abs(len(text) - len(answer)) / max(1, len(answer))
        return (round(abs(other.zipf - term.zipf) + ending + 0.2 * length, 6), other.text)

    chosen: list[Term] = []
    seen_words = set(term.lemma_words)
    seen_texts = {term.text.casefold()}
    for other in sorted(pool, key=cost):
        if len(chosen) == DISTRACTORS:
            break
        if (
            other.size != term.size
            or other.zipf <= 0
            or other.text.casefold() in seen_texts
            or other.lemma_words & seen_words
            or any(True for _ in nlp.occurrences(other.text, prompt))
        ):
            continue
        chosen.append(other)
        seen_words |= other.lemma_words
        seen_texts.add(other.text.casefold())
    return chosen


def quiz_question(
    term: Term,
    sentence: str,
    span: tuple[int, int],
    pool: Sequence[Term],
    chunk: int,
    generator: str,
    parameters: dict[str, object],
) -> Asset | None:
    """A multiple-choice cloze: which of four terms fills the blank? None when the material
    has too few other terms to offer three wrong options."""
    prompt = blanked(sentence, *span)
    wrong = distractors(term, pool, prompt)
    if len(wrong) < DISTRACTORS:
        return None
    answer = sentence[span[0] : span[1]]
    capitalise = nlp.starts_sentence(sentence, span[0]) and answer[:1].isupper()
    shown = [w.text[:1].upper() + w.text[1:] if capitalise else w.text for w in wrong]
    # The answer's position comes from the prompt's hash: stable, and spread over 0-3.
    position = int(hashlib.sha256(prompt.encode()).hexdigest(), 16) % QUIZ_OPTIONS
    options = [*shown[:position], answer, *shown[position:]]
    spread = sum(abs(w.zipf - term.zipf) for w in wrong) / len(wrong)
    size = nlp.word_count(sentence)
    closeness = 1 / (1 + spread)
    return Asset(
        AssetType.QUIZ_QUESTION,
        chunk,
        {"prompt": prompt, "options": options, "answer": position, "explanation": sentence},
        round(0.8 * quality(term, size) + 0.2 * closeness, 3),
        difficulty(term.zipf, size, bonus=1 if spread < 0.5 else 0),
        generator,
        parameters,
    )


def sentence_difficulty(sentence: str, language: str) -> float:
    """0-1: the rarity of the sentence's content words and its length."""
    stop = nlp.stopwords(language)
    content = [w for w in nlp.words(sentence) if nlp.is_plain_word(w) and w.casefold() not in stop]
    rare = sum(rarity(zipf(w, language)) for w in content) / len(content) if content else 0
    return 0.75 * rare + 0.25 * _clamp((len(nlp.words(sentence)) - 6) / 30)


def summary(
    sentences: Sequence[str],
    covered: float,
    language: str,
    chunk: int | None,
    generator: str,
    parameters: dict[str, object],
) -> Asset:
    hardness = sum(sentence_difficulty(s, language) for s in sentences) / max(1, len(sentences))
    return Asset(
        AssetType.SUMMARY,
        chunk,
        {"text": " ".join(sentences), "sentences": list(sentences)},
        round(_clamp(covered), 3),
        int(min(10, max(1, 1 + round(9 * hardness)))),
        generator,
        parameters,
    )
