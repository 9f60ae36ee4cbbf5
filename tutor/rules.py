"""Deterministic rules for common learner errors in English: pure functions, no I/O.

`check(text)` returns `Finding`s sorted by position, each with the exact character span
`[start, end)` of the wrong text in `text`, the replacement for that span, a type, a
severity, and an explanation. Every family favours precision over recall: a correct
sentence must not be flagged, so patterns are narrow and rely on small word lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from tutor.words import (
    BASE_OF_PAST,
    DO_OBJECTS,
    ED_ING_ADJECTIVES,
    GERUND_VERBS,
    IRREGULAR_PAST,
    MAKE_OBJECTS,
    MISSING_TO_VERBS,
    MISSPELLINGS,
    PLURAL_COUNT_NOUNS,
    PREPOSITION_EXTRA,
    PREPOSITION_MISSING,
    PREPOSITION_WRONG,
    REDUNDANT_COMPARATIVES,
    THIRD_PERSON_VERBS,
    UNCOUNTABLE_NOUNS,
    UNCOUNTABLE_PLURALS,
    gerund,
    third_person,
)


@dataclass(frozen=True)
class Finding:
    rule: str
    original: str  # text[start:end]
    corrected: str  # what the span should read
    explanation: str
    type: str  # grammar | vocabulary | spelling | style | pronunciation
    severity: str  # low | medium | high | critical
    start: int
    end: int


Rule = Callable[[str], Iterator[Finding]]
RULES: list[tuple[str, Rule]] = []


def rule(name: str) -> Callable[[Rule], Rule]:
    def register(fn: Rule) -> Rule:
        RULES.append((name, fn))
        return fn

    return register


def match_case(source: str, replacement: str) -> str:
    """The replacement, capitalised like the text it replaces."""
    if source[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _words(options: Iterable[str]) -> str:
    """An alternation of `options`, longest first so that regex alternation prefers them."""
    return "|".join(sorted((re.escape(o) for o in options), key=len, reverse=True))


def _finding(
    name: str,
    text: str,
    start: int,
    end: int,
    corrected: str,
    explanation: str,
    kind: str,
    sev: str,
) -> Finding:
    original = text[start:end]
    return Finding(
        name, original, match_case(original, corrected), explanation, kind, sev, start, end
    )


_ED_ING = re.compile(
    r"\b(?:I am|I'm|I was|I feel|I felt|I get|I got|we are|we're|we were|they are|they're"
    r"|they were)\s+(?:(?:very|so|really|quite|a bit|too)\s+)?(" + _words(ED_ING_ADJECTIVES) + r")"
    r"(?=\s+(?:in|about|with|by|of|at)\b|\s*[.!?,]|\s*$)",
    re.IGNORECASE,
)


@rule("ed_ing_adjective")
def ed_ing_adjective(text: str) -> Iterator[Finding]:
    for m in _ED_ING.finditer(text):
        word = m.group(1).lower()
        fixed = ED_ING_ADJECTIVES[word]
        yield _finding(
            "ed_ing_adjective", text, m.start(1), m.end(1), fixed,
            f"Use '{fixed}' for how you feel; '{word}' describes what causes the feeling.",
            "grammar", "medium",
        )  # fmt: skip


# Words after which "he/she/it + base verb" is correct: questions and negatives ("does she
# like"), modals ("can he go"), and causatives/perception verbs ("let it go", "saw him go").
_THIRD_SKIP_AFTER = {
    "did", "does", "do", "didn't", "doesn't", "can", "could", "will", "would", "should",
    "must", "may", "might", "shall", "to", "let", "lets", "make", "makes", "made", "help",
    "helps", "helped", "have", "has", "had", "see", "saw", "watch", "watched", "hear", "heard",
    "feel", "felt", "that", "whether", "why", "not", "won't", "can't", "cannot", "couldn't",
}  # fmt: skip
_THIRD = re.compile(
    r"\b(he|she|it)\s+(?:(?:always|usually|often|never|sometimes|also|really)\s+)?("
    + _words(THIRD_PERSON_VERBS)
    + r"|don't)\b(?!')",
    re.IGNORECASE,
)


@rule("third_person_s")
def third_person_s(text: str) -> Iterator[Finding]:
    for m in _THIRD.finditer(text):
        if _previous_word(text, m.start()) in _THIRD_SKIP_AFTER:
            continue
        verb = m.group(2).lower()
        fixed = "doesn't" if verb == "don't" else third_person(verb)
        yield _finding(
            "third_person_s", text, m.start(2), m.end(2), fixed,
            f"With he/she/it in the present simple the verb takes -s: '{fixed}'.",
            "grammar", "high",
        )  # fmt: skip


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
        yield _finding(
            "a_an", text, m.start(1), m.end(1), fixed,
            f"Use '{fixed}' before '{word}': the choice follows the sound of the next word.",
            "grammar", "low",
        )  # fmt: skip


_IRREGULAR = re.compile(r"\b(" + _words(IRREGULAR_PAST) + r")\b", re.IGNORECASE)


@rule("irregular_past")
def irregular_past(text: str) -> Iterator[Finding]:
    for m in _IRREGULAR.finditer(text):
        fixed = IRREGULAR_PAST[m.group(1).lower()]
        yield _finding(
            "irregular_past", text, m.start(1), m.end(1), fixed,
            f"This verb is irregular: its past form is '{fixed}', not '{m.group(1)}'.",
            "grammar", "medium",
        )  # fmt: skip


_UNCOUNTABLE_PLURAL = re.compile(r"\b(" + _words(UNCOUNTABLE_PLURALS) + r")\b", re.IGNORECASE)


@rule("uncountable_plural")
def uncountable_plural(text: str) -> Iterator[Finding]:
    for m in _UNCOUNTABLE_PLURAL.finditer(text):
        fixed = UNCOUNTABLE_PLURALS[m.group(1).lower()]
        yield _finding(
            "uncountable_plural", text, m.start(1), m.end(1), fixed,
            f"'{fixed}' is uncountable and has no plural; say 'some {fixed}' or "
            f"'a piece of {fixed}'.",
            "grammar", "medium",
        )  # fmt: skip


_DOUBLE_COMPARATIVE = re.compile(
    r"\b((?:more|most)\s+(" + _words(REDUNDANT_COMPARATIVES) + r"))\b", re.IGNORECASE
)


@rule("double_comparative")
def double_comparative(text: str) -> Iterator[Finding]:
    for m in _DOUBLE_COMPARATIVE.finditer(text):
        fixed = m.group(2).lower()
        yield _finding(
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
        yield _finding(
            "since_for", text, m.start(1), m.end(1), "for",
            "Use 'for' with a length of time (for two years) and 'since' with a starting "
            "point (since 2019).",
            "grammar", "medium",
        )  # fmt: skip
    for m in _FOR_POINT.finditer(text):
        yield _finding(
            "since_for", text, m.start(1), m.end(1), "since",
            "Use 'since' with a starting point (since 2019) and 'for' with a length of time.",
            "grammar", "medium",
        )  # fmt: skip


_DO_FORMS = {"do": "make", "does": "makes", "did": "made", "doing": "making", "done": "made"}
_MAKE_FORMS = {"make": "do", "makes": "does", "made": "did", "making": "doing"}
_DETERMINER = r"(?:(?:a|an|the|my|your|his|her|our|their|some|many|more|new|big|lots of)\s+)?"
_DO_WRONG = re.compile(
    r"\b(" + _words(_DO_FORMS) + r")\s+" + _DETERMINER + r"(" + _words(MAKE_OBJECTS) + r")\b",
    re.IGNORECASE,
)
_MAKE_WRONG = re.compile(
    r"\b(" + _words(_MAKE_FORMS) + r")\s+" + _DETERMINER + r"(" + _words(DO_OBJECTS) + r")\b",
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
            yield _finding(
                "make_do", text, m.start(1), m.end(1), fixed,
                f"We say '{right} {m.group(2).lower()}': it is a fixed collocation.",
                "vocabulary", "medium",
            )  # fmt: skip


_LOWER_I = re.compile(r"(?<![\w'])(i)(?=(?:'m|'ve|'ll|'d)?(?![\w'.]))")


@rule("lowercase_i")
def lowercase_i(text: str) -> Iterator[Finding]:
    for m in _LOWER_I.finditer(text):
        yield _finding(
            "lowercase_i", text, m.start(1), m.end(1), "I",
            "The pronoun 'I' is always a capital letter.",
            "spelling", "low",
        )  # fmt: skip


_DID_PAST = re.compile(
    r"\b(?:didn't|did not|didnt)\s+(?:(?:really|even|ever|just|also)\s+)?("
    + _words(BASE_OF_PAST)
    + r")\b",
    re.IGNORECASE,
)


@rule("did_past")
def did_past(text: str) -> Iterator[Finding]:
    for m in _DID_PAST.finditer(text):
        fixed = BASE_OF_PAST[m.group(1).lower()]
        yield _finding(
            "did_past", text, m.start(1), m.end(1), fixed,
            f"After 'did'/'didn't' use the base form '{fixed}': 'did' already marks the past.",
            "grammar", "high",
        )  # fmt: skip


_MODAL_TO = re.compile(
    r"\b((can|could|must|should|will|would|might|may)\s+to)\s+(?!be\b)[a-z]+", re.IGNORECASE
)


@rule("modal_to")
def modal_to(text: str) -> Iterator[Finding]:
    for m in _MODAL_TO.finditer(text):
        yield _finding(
            "modal_to", text, m.start(1), m.end(1), m.group(2),
            f"Modal verbs like '{m.group(2).lower()}' take the bare infinitive, without 'to'.",
            "grammar", "medium",
        )  # fmt: skip


_BE_RIGHT = {"i": "am", "he": "is", "she": "is", "it": "is", "we": "are", "you": "are"}
_BE_RIGHT["they"] = "are"
_BE = re.compile(
    r"(?<![\w'])(I|he|she|it|we|you|they)\s+(is|are|am|was|were)\b(?!')",
    re.IGNORECASE,
)
_BE_FORMS_PAST = {"i": "was", "he": "was", "she": "was", "it": "was"}


@rule("be_agreement")
def be_agreement(text: str) -> Iterator[Finding]:
    for m in _BE.finditer(text):
        subject, verb = m.group(1).lower(), m.group(2).lower()
        if m.start() > 0 and text[m.start() - 1 : m.start()] == "?":
            continue
        if verb in ("was", "were"):
            fixed = _BE_FORMS_PAST.get(subject, "were")
            if verb == "were" and fixed == "was":
                continue  # "if it were", "as it were": the subjunctive is fine
        else:
            fixed = _BE_RIGHT[subject]
        if fixed == verb:
            continue
        if _preceded_by_question_word(text, m.start()):
            continue
        yield _finding(
            "be_agreement", text, m.start(2), m.end(2), fixed,
            f"With '{m.group(1)}' the verb 'be' is '{fixed}'.",
            "grammar", "high",
        )  # fmt: skip


def _previous_word(text: str, start: int) -> str:
    before = re.findall(r"[\w']+", text[:start])
    return before[-1].lower() if before else ""


def _preceded_by_question_word(text: str, start: int) -> bool:
    # "Are you" / "Is he" invert the verb; "if I were" and "I wish I were" are subjunctive.
    return _previous_word(text, start) in {"are", "is", "am", "was", "were", "if", "wish"}


_MUCH = re.compile(r"\b(much)\s+(" + _words(PLURAL_COUNT_NOUNS) + r")\b", re.IGNORECASE)
_MANY = re.compile(r"\b(many)\s+(" + _words(UNCOUNTABLE_NOUNS) + r")\b", re.IGNORECASE)


@rule("much_many")
def much_many(text: str) -> Iterator[Finding]:
    for pattern, fixed, why in (
        (_MUCH, "many", "countable plural nouns take 'many'"),
        (_MANY, "much", "uncountable nouns take 'much'"),
    ):
        for m in pattern.finditer(text):
            yield _finding(
                "much_many", text, m.start(1), m.end(1), fixed,
                f"'{m.group(2).lower()}': {why}.", "grammar", "medium",
            )  # fmt: skip


_PREP_EXTRA = re.compile(r"\b(" + _words(PREPOSITION_EXTRA) + r")\b", re.IGNORECASE)
_PREP_WRONG = re.compile(r"\b(" + _words(PREPOSITION_WRONG) + r")\b", re.IGNORECASE)
_PREP_MISSING = re.compile(r"\b(" + _words(PREPOSITION_MISSING) + r")\b", re.IGNORECASE)


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
            yield _finding(
                "preposition", text, m.start(1), m.end(1), fixed,
                f"{why} Say '{fixed}'.", "grammar", "low",
            )  # fmt: skip


_MISSPELLED = re.compile(r"\b(" + _words(MISSPELLINGS) + r")\b", re.IGNORECASE)


@rule("spelling")
def spelling(text: str) -> Iterator[Finding]:
    for m in _MISSPELLED.finditer(text):
        fixed = MISSPELLINGS[m.group(1).lower()]
        yield _finding(
            "spelling", text, m.start(1), m.end(1), fixed,
            f"'{fixed}' is spelled {'-'.join(fixed)}.", "spelling", "low",
        )  # fmt: skip


_MISSING_TO = re.compile(
    r"\b(?:want|wants|wanted|need|needs|needed|would like|'d like|decided|decide|plan|plans"
    r"|planned|hope|hopes|hoped|try|tried|learn|learned)\s+(" + _words(MISSING_TO_VERBS) + r")\b",
    re.IGNORECASE,
)


@rule("missing_to")
def missing_to(text: str) -> Iterator[Finding]:
    for m in _MISSING_TO.finditer(text):
        verb = m.group(1)
        yield _finding(
            "missing_to", text, m.start(1), m.end(1), f"to {verb.lower()}",
            "Verbs like want, need, decide and hope are followed by 'to' + verb.",
            "grammar", "medium",
        )  # fmt: skip


_GERUND = re.compile(
    r"\b(?:" + _words(GERUND_VERBS) + r")\s+(to\s+([a-z]+))\b", re.IGNORECASE
)  # fmt: skip


@rule("gerund_after")
def gerund_after(text: str) -> Iterator[Finding]:
    for m in _GERUND.finditer(text):
        fixed = gerund(m.group(2).lower())
        yield _finding(
            "gerund_after", text, m.start(1), m.end(1), fixed,
            "Verbs like enjoy, finish, avoid and mind are followed by the -ing form.",
            "grammar", "medium",
        )  # fmt: skip


_THERE_IS = re.compile(
    r"\b(there\s+(is|was))\s+(?:many|several|few|two|three|four|five|lots of|\d+)\s+[a-z]+s\b",
    re.IGNORECASE,
)


@rule("there_are")
def there_are(text: str) -> Iterator[Finding]:
    for m in _THERE_IS.finditer(text):
        verb = "are" if m.group(2).lower() == "is" else "were"
        yield _finding(
            "there_are", text, m.start(1), m.end(1), f"there {verb}",
            f"With a plural noun use 'there {verb}'.", "grammar", "medium",
        )  # fmt: skip


def check(text: str) -> list[Finding]:
    """Every finding in `text`, sorted by position; overlapping findings keep the first."""
    found = [finding for _, fn in RULES for finding in fn(text)]
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Finding] = []
    for finding in found:
        if kept and finding.start < kept[-1].end:
            continue
        kept.append(finding)
    return kept


def apply(text: str, findings: list[Finding]) -> str:
    """`text` with every (non-overlapping) finding's correction applied."""
    out, cursor = [], 0
    for finding in sorted(findings, key=lambda f: f.start):
        out.append(text[cursor : finding.start])
        out.append(finding.corrected)
        cursor = finding.end
    out.append(text[cursor:])
    return "".join(out)
