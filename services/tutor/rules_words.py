"""Error families about words and phrases: articles, nouns, comparatives, prepositions,
collocations, capitals and spelling."""

from __future__ import annotations

import re
from collections.abc import Iterator

from services.tutor.findings import Finding, alternation, finding, rule
from services.tutor.words import (
    DO_OBJECTS,
    MAKE_OBJECTS,
    MISSPELLINGS,
    PLURAL_COUNT_NOUNS,
    PREPOSITION_EXTRA,
    PREPOSITION_MISSING,
    PREPOSITION_WRONG,
    REDUNDANT_COMPARATIVES,
    UNCOUNTABLE_NOUNS,
    UNCOUNTABLE_PLURALS,
)

_AN_EXCEPTIONS = ("uni", "use", "usu", "uti", "eu", "one", "once", "ewe", "ura")
_A_EXCEPTIONS = ("hour", "honest", "honor", "honour", "heir")
_ARTICLE = re.compile(r"\b(a|an)\s+([A-Za-z][a-z]*)\b", re.IGNORECASE)


def _wants_an(word: str) -> bool | None:
    w = word.lower()
    if w.startswith(_A_EXCEPTIONS):
        return True
    if w.startswith(_AN_EXCEPTIONS):
        return False
    if word.isupper() and len(word) > 1:
        return None  # acronyms depend on pronunciation ("an MBA", "a NATO"): leave them
    return w[0] in "aeiou"


@rule("a_an")
def a_an(text: str) -> Iterator[Finding]:
    for m in _ARTICLE.finditer(text):
        article, word = m.group(1), m.group(2)
        if m.start() > 0 and text[m.start() - 1] in "'-":
            continue
        wants_an = _wants_an(word)
        if wants_an is None or (article.lower() == "an") == wants_an:
            continue
        fixed = "an" if wants_an else "a"
        yield finding(
            "a_an", text, m.start(1), m.end(1), fixed,
            f"Use '{fixed}' before '{word}': the choice follows the sound of the next word.",
            "grammar", "low",
        )  # fmt: skip


_UNCOUNTABLE_PLURAL = re.compile(r"\b(" + alternation(UNCOUNTABLE_PLURALS) + r")\b", re.IGNORECASE)


@rule("uncountable_plural")
def uncountable_plural(text: str) -> Iterator[Finding]:
    for m in _UNCOUNTABLE_PLURAL.finditer(text):
        fixed = UNCOUNTABLE_PLURALS[m.group(1).lower()]
        yield finding(
            "uncountable_plural", text, m.start(1), m.end(1), fixed,
            f"'{fixed}' is uncountable and has no plural; say 'some {fixed}' or "
            f"'a piece of {fixed}'.",
            "grammar", "medium",
        )  # fmt: skip


_DOUBLE_COMPARATIVE = re.compile(
    r"\b((?:more|most)\s+(" + alternation(REDUNDANT_COMPARATIVES) + r"))\b", re.IGNORECASE
)


@rule("double_comparative")
def double_comparative(text: str) -> Iterator[Finding]:
    for m in _DOUBLE_COMPARATIVE.finditer(text):
        fixed = m.group(2).lower()
        yield finding(
            "double_comparative", text, m.start(1), m.end(1), fixed,
            f"'{fixed}' is already a comparative or superlative; drop 'more'/'most'.",
            "grammar", "medium",
        )  # fmt: skip


_NUMBER = r"(?:\d+|a few|a couple of|several|two|three|four|five|six|seven|eight|nine|ten|many)"
_UNIT = r"(?:seconds|minutes|hours|days|weeks|months|years|decades|ages)"
_SINCE_DURATION = re.compile(
    rf"\b(since)\s+(?:{_NUMBER}\s+{_UNIT}|a long time|one (?:year|month|week|day|hour))\b",
    re.IGNORECASE,
)
_FOR_POINT = re.compile(
    r"\b(?:have|has|'ve|'s)\b[^.!?]*?\b(for)\s+(?:(?:19|20)\d\d|yesterday|last (?:year|month|"
    r"week|night)|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    re.IGNORECASE,
)


@rule("since_for")
def since_for(text: str) -> Iterator[Finding]:
    for m in _SINCE_DURATION.finditer(text):
        yield finding(
            "since_for", text, m.start(1), m.end(1), "for",
            "Use 'for' with a length of time (for two years) and 'since' with a starting "
            "point (since 2019).",
            "grammar", "medium",
        )  # fmt: skip
    for m in _FOR_POINT.finditer(text):
        yield finding(
            "since_for", text, m.start(1), m.end(1), "since",
            "Use 'since' with a starting point (since 2019) and 'for' with a length of time.",
            "grammar", "medium",
        )  # fmt: skip


_DO_FORMS = {"do": "make", "does": "makes", "did": "made", "doing": "making", "done": "made"}
_MAKE_FORMS = {"make": "do", "makes": "does", "made": "did", "making": "doing"}
_DETERMINER = r"(?:(?:a|an|the|my|your|his|her|our|their|some|many|more|new|big|lots of)\s+)?"
_DO_WRONG = re.compile(
    r"\b("
    + alternation(_DO_FORMS)
    + r")\s+"
    + _DETERMINER
    + r"("
    + alternation(MAKE_OBJECTS)
    + r")\b",
    re.IGNORECASE,
)
_MAKE_WRONG = re.compile(
    r"\b("
    + alternation(_MAKE_FORMS)
    + r")\s+"
    + _DETERMINER
    + r"("
    + alternation(DO_OBJECTS)
    + r")\b",
    re.IGNORECASE,
)


@rule("make_do")
def make_do(text: str) -> Iterator[Finding]:
    for pattern, forms, right in ((_DO_WRONG, _DO_FORMS, "make"), (_MAKE_WRONG, _MAKE_FORMS, "do")):
        for m in pattern.finditer(text):
            fixed = forms[m.group(1).lower()]
            if m.group(1).lower() == "made" and right == "do":
                fixed = "did"
            if m.group(1).lower() == "done":
                fixed = "made"
            yield finding(
                "make_do", text, m.start(1), m.end(1), fixed,
                f"We say '{right} {m.group(2).lower()}': it is a fixed collocation.",
                "vocabulary", "medium",
            )  # fmt: skip


_LOWER_I = re.compile(r"(?<![\w'])(i)(?=(?:'m|'ve|'ll|'d)?(?![\w'.]))")


@rule("lowercase_i")
def lowercase_i(text: str) -> Iterator[Finding]:
    for m in _LOWER_I.finditer(text):
        yield finding(
            "lowercase_i", text, m.start(1), m.end(1), "I",
            "The pronoun 'I' is always a capital letter.",
            "spelling", "low",
        )  # fmt: skip


_MUCH = re.compile(r"\b(much)\s+(" + alternation(PLURAL_COUNT_NOUNS) + r")\b", re.IGNORECASE)
_MANY = re.compile(r"\b(many)\s+(" + alternation(UNCOUNTABLE_NOUNS) + r")\b", re.IGNORECASE)


@rule("much_many")
def much_many(text: str) -> Iterator[Finding]:
    for pattern, fixed, why in (
        (_MUCH, "many", "countable plural nouns take 'many'"),
        (_MANY, "much", "uncountable nouns take 'much'"),
    ):
        for m in pattern.finditer(text):
            yield finding(
                "much_many", text, m.start(1), m.end(1), fixed,
                f"'{m.group(2).lower()}': {why}.", "grammar", "medium",
            )  # fmt: skip


_PREP_EXTRA = re.compile(r"\b(" + alternation(PREPOSITION_EXTRA) + r")\b", re.IGNORECASE)
_PREP_WRONG = re.compile(r"\b(" + alternation(PREPOSITION_WRONG) + r")\b", re.IGNORECASE)
_PREP_MISSING = re.compile(r"\b(" + alternation(PREPOSITION_MISSING) + r")\b", re.IGNORECASE)


@rule("preposition")
def preposition(text: str) -> Iterator[Finding]:
    tables = (
        (_PREP_EXTRA, PREPOSITION_EXTRA, "This verb takes a direct object, with no preposition."),
        (_PREP_WRONG, PREPOSITION_WRONG, "This word goes with a different preposition."),
        (_PREP_MISSING, PREPOSITION_MISSING, "This verb needs a preposition before its object."),
    )
    for pattern, table, why in tables:
        for m in pattern.finditer(text):
            fixed = table[m.group(1).lower()]
            yield finding(
                "preposition", text, m.start(1), m.end(1), fixed,
                f"{why} Say '{fixed}'.", "grammar", "low",
            )  # fmt: skip


_MISSPELLED = re.compile(r"\b(" + alternation(MISSPELLINGS) + r")\b", re.IGNORECASE)


@rule("spelling")
def spelling(text: str) -> Iterator[Finding]:
    for m in _MISSPELLED.finditer(text):
        fixed = MISSPELLINGS[m.group(1).lower()]
        yield finding(
            "spelling", text, m.start(1), m.end(1), fixed,
            f"'{fixed}' is spelled {'-'.join(fixed)}.", "spelling", "low",
        )  # fmt: skip


_THERE_IS = re.compile(
    r"\b(there\s+(is|was))\s+(?:many|several|few|two|three|four|five|lots of|\d+)\s+[a-z]+s\b",
    re.IGNORECASE,
)


@rule("there_are")
def there_are(text: str) -> Iterator[Finding]:
    for m in _THERE_IS.finditer(text):
        verb = "are" if m.group(2).lower() == "is" else "were"
        yield finding(
            "there_are", text, m.start(1), m.end(1), f"there {verb}",
            f"With a plural noun use 'there {verb}'.", "grammar", "medium",
        )  # fmt: skip
