"""The language tooling the local generator stands on, behind small deterministic functions.

- Sentences: simplemma's splitter (`split_sentences`: abbreviations of several languages,
  decimals and initials, a lowercase continuation after a dot). For languages it has no
  abbreviation list for, `ABBREVIATIONS` adds the commonest titles and references, so
  "el Sr. García" or "la pág. 12" stays one sentence.
- Words: simplemma's tokenizer; a word is a token with a letter or a digit.
- Lemmas: simplemma (50+ languages); a language it does not know keeps the word, casefolded.
- Key terms: YAKE (unsupervised, statistical, with its own stop-word list per language),
  single words and two-word phrases, scores rounded and ties broken by the text so the
  ranking never depends on set or hash order.
- Frequency: wordfreq's Zipf scale (log10 of occurrences per billion words: ~7 for "the", 3
  for "photosynthesis", 0 for a word it has never seen), for choosing words to teach and for
  difficulty. A phrase's frequency is wordfreq's estimate for its words together.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

import simplemma
import yake  # type: ignore[import-untyped]  # ships no type information

from rules.words import lemma

# Titles and references simplemma's splitter does not know in these languages (it has lists
# for cs, de, en, fr, nl, pl and pt). Lowercase, without the final dot.
_ABBREVIATION_LISTS = {
    "es": "sr sra srta dr dra ud uds lic ing prof pág núm art cap fig ej vol av",
    "it": "sig sigg dott prof ing avv arch pag art cap fig es vol",
    "ca": "sr sra dr dra prof pàg núm art cap fig ex vol av",
}
ABBREVIATIONS = {code: frozenset(words.split()) for code, words in _ABBREVIATION_LISTS.items()}
# YAKE names its Czech stop-word list by the country code.
_YAKE_CODES = {"cs": "cz"}
_WORD_CHARS = re.compile(r"[^\W_]")
_ALPHA_WORD = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*$")  # noqa: RUF001 (apostrophes)
_OPENERS = "¿¡\"'“‘«([—–- "  # noqa: RUF001 (what may open a sentence)


def sentences(text: str, language: str) -> list[str]:
    """The sentences of `text`, in order, as they occur in it (stripped)."""
    try:
        parts = simplemma.split_sentences(text, language)
    except ValueError:  # a language simplemma does not know: its generic rules
        parts = simplemma.split_sentences(text)
    abbreviations = ABBREVIATIONS.get(language)
    if not abbreviations:
        return parts
    merged: list[str] = []
    for part in parts:
        if merged and _ends_with_abbreviation(merged[-1], abbreviations):
            merged[-1] = f"{merged[-1]} {part}"
        else:
            merged.append(part)
    return merged


def _ends_with_abbreviation(sentence: str, abbreviations: frozenset[str]) -> bool:
    if not sentence.endswith("."):
        return False
    last = sentence.rsplit(None, 1)[-1].lstrip(_OPENERS).rstrip(".").lower()
    return last in abbreviations


def words(text: str) -> list[str]:
    return [t for t in simplemma.simple_tokenizer(text) if _WORD_CHARS.search(t)]


def word_count(text: str) -> int:
    return len(words(text))


def is_plain_word(token: str) -> bool:
    """Letters only (inner hyphens and apostrophes allowed): no digits, no symbols."""
    return bool(_ALPHA_WORD.match(token))


@functools.lru_cache(maxsize=65536)
def term_lemma(term: str, language: str) -> str:
    return " ".join(lemma(w, language) for w in term.split())


@functools.cache
def stopwords(language: str) -> frozenset[str]:
    """YAKE's stop words for the language (its language-neutral list when it has none)."""
    code = _YAKE_CODES.get(language, language)
    return frozenset(w for w in yake.KeywordExtractor(lan=code).stopword_set if w)


@dataclass(frozen=True)
class Keyword:
    term: str  # as YAKE found it in the text
    score: float  # YAKE's: lower is more relevant


def keywords(text: str, language: str, top: int = 20) -> list[Keyword]:
    """The key terms (one or two words) of `text`, most relevant first."""
    extractor = yake.KeywordExtractor(
        lan=_YAKE_CODES.get(language, language), n=2, top=top, stopwords=stopwords(language)
    )
    found = [
        Keyword(term, round(float(score), 9)) for term, score in extractor.extract_keywords(text)
    ]
    return sorted(found, key=lambda k: (k.score, k.term))


def term_pattern(term: str) -> re.Pattern[str]:
    """The term as whole words, any case, any white space between its words."""
    body = r"\s+".join(re.escape(w) for w in term.split())
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def occurrences(term: str, text: str) -> Iterator[re.Match[str]]:
    return term_pattern(term).finditer(text)


def starts_sentence(sentence: str, start: int) -> bool:
    """Is `start` the sentence's first word (after opening quotes or marks)?"""
    return not sentence[:start].strip(_OPENERS)
