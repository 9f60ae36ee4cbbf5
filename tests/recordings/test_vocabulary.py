"""Vocabulary analysis: lemmas per language, counts, Zipf frequency bands, advanced words,
and the complexity and appropriateness summaries. No database."""

from __future__ import annotations

import pytest

from rules import words
from rules.recordings.vocabulary import (
    ADVANCED,
    COMMON,
    INTERMEDIATE,
    RARE,
    WordUse,
    analyse,
    band_for,
    language_code,
    lemma,
    rarity,
    zipf,
)

SAID = [
    "I went to the museum, um, 3 times. We go there often!",
    "The exhibition was ubiquitous; photosynthesis xyzzyq.",
]


@pytest.mark.parametrize(
    ("value", "band"),
    [(7.7, COMMON), (5.0, COMMON), (4.99, INTERMEDIATE), (4.0, INTERMEDIATE),
     (3.99, ADVANCED), (3.0, ADVANCED), (2.99, RARE), (0.0, RARE)],
)  # fmt: skip
def test_bands(value: float, band: str) -> None:
    assert band_for(value) == band


def test_rarity() -> None:
    assert [rarity(z) for z in (7.0, 6.0, 4.5, 3.0, 1.0)] == [0.0, 0.0, 0.5, 1.0, 1.0]


def test_words_lemmas_counts_and_bands() -> None:
    analysis = analyse(SAID, "en-GB")
    by_word = {w.word: w for w in analysis.words}
    assert by_word["go"].count == 2  # "went" and "go"
    assert by_word["time"].count == 1  # "times"
    assert "um" not in by_word and "3" not in by_word  # fillers and numbers are not words
    assert analysis.total_words == 16
    assert by_word["the"] == WordUse("the", 2, zipf("the", "en"), COMMON, False)
    assert by_word["museum"].band == INTERMEDIATE and not by_word["museum"].is_advanced
    assert by_word["ubiquitous"].band == ADVANCED and by_word["ubiquitous"].is_advanced
    # Unknown to wordfreq: rare, yet not advanced (a misspelling, a name, another language).
    assert by_word["xyzzyq"] == WordUse("xyzzyq", 1, 0.0, RARE, False)
    assert analysis.advanced_words == ["photosynthesis", "ubiquitous"]
    assert analysis.distinct_words == 14
    # Most used first, then alphabetical.
    assert [w.word for w in analysis.words[:4]] == ["go", "the", "be", "exhibition"]


def test_summaries() -> None:
    analysis = analyse(SAID, "en")
    assert analysis.appropriateness == round(15 / 16, 3)  # one unknown word in 16
    known = [w for w in analysis.words if w.zipf]
    expected = sum(rarity(w.zipf or 0) for w in known) / len(known)
    assert analysis.complexity == round(expected, 3)
    plain = analyse(["I like the dog. The dog likes me."], "en")
    assert plain.complexity is not None and analysis.complexity is not None
    assert plain.complexity < analysis.complexity
    assert plain.appropriateness == 1.0 and plain.advanced_words == []


def test_other_languages() -> None:
    spanish = analyse(["Fuimos al museo y vimos cuadros magníficos."], "es")
    assert {"ir", "ver", "cuadro", "magnífico"} <= {w.word for w in spanish.words}
    assert spanish.advanced_words == ["magnífico"]
    unknown = analyse(["hello world hello"], "xx")
    assert not unknown.has_frequencies
    assert unknown.words == [
        WordUse("hello", 2, None, None, False),
        WordUse("world", 1, None, None, False),
    ]
    assert unknown.complexity is None and unknown.appropriateness is None


def test_nothing_said() -> None:
    empty = analyse(["", "um, uh... 42"], "en")
    assert empty.words == [] and empty.total_words == 0
    assert empty.complexity is None and empty.appropriateness is None


def test_language_codes_and_agreement_with_the_generator() -> None:
    assert [language_code(c) for c in ("en", "pt-BR", "zh_Hant", " DE ")] == [
        "en",
        "pt",
        "zh",
        "de",
    ]
    # Lemmas are case-folded dictionary forms (rules/words.py, shared with the generator).
    for word, language in (("went", "en"), ("houses", "en"), ("fuimos", "es"), ("xyzzyq", "en")):
        assert lemma(word, language) == words.lemma(word, language).casefold()


def test_names_are_not_advanced_words() -> None:
    named = analyse(["We went to Lisbon. Lisbon has an aqueduct."], "en")
    assert named.advanced_words == ["aqueduct"]
    assert {w.word for w in named.words} >= {"lisbon", "aqueduct"}  # still counted
    # Only ever at the start of a sentence: nothing tells it from a word.
    assert analyse(["Lisbon has an aqueduct."], "en").advanced_words == ["aqueduct", "lisbon"]
    # German capitalises its nouns: they stay words.
    german = analyse(["Wir besuchten die Kathedrale und das Aquädukt."], "de")
    assert german.advanced_words == ["aquädukt", "kathedrale"]
