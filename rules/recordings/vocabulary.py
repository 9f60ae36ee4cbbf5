"""Vocabulary analysis of the learner's speech: each word with its count, frequency band and
advanced flag, and two summaries.

- Words are the learner's words (segments.words), letters only (inner hyphens and apostrophes
  allowed: no numbers, no symbols), fillers excluded, each reduced to its lemma with simplemma
  for the recording's language ("went" → "go"; a language simplemma does not know keeps the
  word) and case-folded; a word is counted once per occurrence under its lemma.
- Frequency: wordfreq's Zipf scale for the language (log10 of occurrences per billion words:
  about 7 for "the", 3 for "photosynthesis"), of the lemma, or of the word as said when the
  lemma is unknown. Bands: common ≥ 5, intermediate 4-5, advanced 3-4, rare < 3 (which
  includes words wordfreq has never seen, Zipf 0). A word is advanced when it is in the
  advanced or rare band, known to wordfreq (Zipf > 0: an unknown word is more likely a
  misspelling, a name or another language than a rare word), and not a name: a word every
  occurrence of which is capitalised, one at least inside a sentence ("in Lisbon"), is taken
  for a name, except in languages that capitalise their nouns (German, Luxembourgish).
- Complexity (0-1): the mean rarity of the distinct known words, each word's rarity running
  from 0 for the commonest words (Zipf ≥ 6) to 1 for advanced and rarer ones (Zipf ≤ 3),
  linear between.
- Appropriateness (0-1): the share of the learner's words that are known words of the
  language (Zipf > 0): misspellings, invented words and words of another language lower it.
- A language wordfreq has no list for (the language's primary subtag: "pt-BR" → "pt") gets
  no frequencies: no band, no advanced words, no summaries. No words: no summaries.
- The list is ordered by count (most used first), then alphabetically.

wordfreq and simplemma read their data shipped in their packages; the results depend on the
words and the language only.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import wordfreq

from rules.recordings.segments import EDGE_PUNCTUATION, ends_sentence, is_filler
from rules.words import lemma as dictionary_form
from rules.words import zipf

COMMON = "common"
INTERMEDIATE = "intermediate"
ADVANCED = "advanced"
RARE = "rare"
BANDS = ((5.0, COMMON), (4.0, INTERMEDIATE), (3.0, ADVANCED))  # lower Zipf bounds
COMMONEST_ZIPF = 6.0  # rarity 0 at and above
ADVANCED_ZIPF = 3.0  # rarity 1 at and below
CAPITALISED_NOUNS = frozenset({"de", "lb"})
_PLAIN_WORD = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*$")  # noqa: RUF001 (apostrophe)


@dataclass(frozen=True)
class WordUse:
    word: str  # the lemma, case-folded
    count: int
    zipf: float | None  # None: no frequency list for the language
    band: str | None
    is_advanced: bool


@dataclass(frozen=True)
class VocabularyAnalysis:
    words: list[WordUse]
    total_words: int  # the learner's words counted here
    complexity: float | None
    appropriateness: float | None
    has_frequencies: bool = True  # False: wordfreq has no list for the language

    @property
    def distinct_words(self) -> int:
        return len(self.words)

    @property
    def advanced_words(self) -> list[str]:
        return [w.word for w in self.words if w.is_advanced]


def language_code(language: str) -> str:
    return language.strip().replace("_", "-").split("-")[0].lower()


@functools.cache
def has_frequencies(language: str) -> bool:
    return language in wordfreq.available_languages()


@functools.lru_cache(maxsize=65536)
def lemma(word: str, language: str) -> str:
    """The word's dictionary form, case-folded: the key words are counted under."""
    return dictionary_form(word, language).casefold()


def band_for(value: float) -> str:
    return next((band for floor, band in BANDS if value >= floor), RARE)


def rarity(value: float) -> float:
    span = COMMONEST_ZIPF - ADVANCED_ZIPF
    return min(1.0, max(0.0, (COMMONEST_ZIPF - value) / span))


def is_plain_word(token: str) -> bool:
    return bool(_PLAIN_WORD.match(token))


def learner_words(texts: Iterable[str]) -> list[tuple[str, bool]]:
    """The plain words said (fillers aside), each with whether it is capitalised inside a
    sentence."""
    found = []
    for text in texts:
        opening = True
        for token in text.split():
            word = token.strip(EDGE_PUNCTUATION)
            if is_plain_word(word) and not is_filler(word):
                found.append((word, not opening and word[0].isupper()))
            if word:
                opening = ends_sentence(token)
    return found


def analyse(texts: Iterable[str], language: str) -> VocabularyAnalysis:
    """The vocabulary of `texts` (the learner's segments) in `language` (a code like "en")."""
    code = language_code(language)
    said = learner_words(texts)
    lemmas = Counter(lemma(w, code) for w, _ in said)
    if not has_frequencies(code):
        uses = [WordUse(w, n, None, None, False) for w, n in lemmas.items()]
        return VocabularyAnalysis(_ordered(uses), len(said), None, None, has_frequencies=False)
    surface: dict[str, str] = {}
    capitalised: dict[str, bool] = {}  # every occurrence capitalised
    named: set[str] = set()  # capitalised inside a sentence at least once
    for word, inside in said:
        key = lemma(word, code)
        surface.setdefault(key, word.casefold())
        capitalised[key] = capitalised.get(key, True) and word[0].isupper()
        if inside:
            named.add(key)
    names = set() if code in CAPITALISED_NOUNS else {k for k in named if capitalised[k]}
    uses = []
    for word, count in lemmas.items():
        value = zipf(word, code) or zipf(surface[word], code)
        band = band_for(value)
        advanced = band in (ADVANCED, RARE) and value > 0 and word not in names
        uses.append(WordUse(word, count, value, band, advanced))
    known = [u for u in uses if u.zipf]
    complexity = round(sum(rarity(u.zipf or 0.0) for u in known) / len(known), 3) if known else None
    appropriateness = round(sum(u.count for u in known) / len(said), 3) if said else None
    return VocabularyAnalysis(_ordered(uses), len(said), complexity, appropriateness)


def _ordered(uses: list[WordUse]) -> list[WordUse]:
    return sorted(uses, key=lambda u: (-u.count, u.word))
