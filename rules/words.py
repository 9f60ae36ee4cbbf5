"""Words as the language tooling sees them, shared by every domain that weighs vocabulary
(the studio's generator, a recording's vocabulary analysis): a word's lemma (simplemma) and
its Zipf frequency (wordfreq: about 7 for "the", 1 for a word seen once in a billion)."""

from __future__ import annotations

import functools
import warnings

import simplemma
import wordfreq


def lemma(word: str, language: str) -> str:
    """The word's dictionary form; the word case-folded for a language simplemma lacks."""
    try:
        return simplemma.lemmatize(word, language)
    except ValueError:
        return word.casefold()


@functools.lru_cache(maxsize=65536)
def zipf(word: str, language: str) -> float:
    """wordfreq's Zipf frequency; 0.0 for an unknown word or a language it has no list for."""
    try:
        with warnings.catch_warnings():
            # wordfreq warns about scripts it tokenizes approximately; the value still holds.
            warnings.simplefilter("ignore")
            return float(wordfreq.zipf_frequency(word, language))
    except (LookupError, ImportError):  # no list, or a tokenizer it would need
        return 0.0
