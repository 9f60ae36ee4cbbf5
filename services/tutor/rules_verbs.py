"""Error families about verbs: agreement, tense forms, modals, infinitives, gerunds."""

from __future__ import annotations

import re
from collections.abc import Iterator

from services.tutor.findings import Finding, alternation, finding, previous_word, rule
from services.tutor.words import (
    BASE_OF_PAST,
    ED_ING_ADJECTIVES,
    GERUND_VERBS,
    IRREGULAR_PAST,
    MISSING_TO_VERBS,
    THIRD_PERSON_VERBS,
    gerund,
    third_person,
)

_ED_ING = re.compile(
    r"\b(?:I am|I'm|I was|I feel|I felt|I get|I got|we are|we're|we were|they are|they're"
    r"|they were)\s+(?:(?:very|so|really|quite|a bit|too)\s+)?("
    + alternation(ED_ING_ADJECTIVES)
    + r")"
    r"(?=\s+(?:in|about|with|by|of|at)\b|\s*[.!?,]|\s*$)",
    re.IGNORECASE,
)


@rule("ed_ing_adjective")
def ed_ing_adjective(text: str) -> Iterator[Finding]:
    for m in _ED_ING.finditer(text):
        word = m.group(1).lower()
        fixed = ED_ING_ADJECTIVES[word]
        yield finding(
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
    + alternation(THIRD_PERSON_VERBS)
    + r"|don't)\b(?!')",
    re.IGNORECASE,
)


@rule("third_person_s")
def third_person_s(text: str) -> Iterator[Finding]:
    for m in _THIRD.finditer(text):
        if previous_word(text, m.start()) in _THIRD_SKIP_AFTER:
            continue
        verb = m.group(2).lower()
        fixed = "doesn't" if verb == "don't" else third_person(verb)
        yield finding(
            "third_person_s", text, m.start(2), m.end(2), fixed,
            f"With he/she/it in the present simple the verb takes -s: '{fixed}'.",
            "grammar", "high",
        )  # fmt: skip


_IRREGULAR = re.compile(r"\b(" + alternation(IRREGULAR_PAST) + r")\b", re.IGNORECASE)


@rule("irregular_past")
def irregular_past(text: str) -> Iterator[Finding]:
    for m in _IRREGULAR.finditer(text):
        fixed = IRREGULAR_PAST[m.group(1).lower()]
        yield finding(
            "irregular_past", text, m.start(1), m.end(1), fixed,
            f"This verb is irregular: its past form is '{fixed}', not '{m.group(1)}'.",
            "grammar", "medium",
        )  # fmt: skip


_DID_PAST = re.compile(
    r"\b(?:didn't|did not|didnt)\s+(?:(?:really|even|ever|just|also)\s+)?("
    + alternation(BASE_OF_PAST)
    + r")\b",
    re.IGNORECASE,
)


@rule("did_past")
def did_past(text: str) -> Iterator[Finding]:
    for m in _DID_PAST.finditer(text):
        fixed = BASE_OF_PAST[m.group(1).lower()]
        yield finding(
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
        yield finding(
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
        yield finding(
            "be_agreement", text, m.start(2), m.end(2), fixed,
            f"With '{m.group(1)}' the verb 'be' is '{fixed}'.",
            "grammar", "high",
        )  # fmt: skip


def _preceded_by_question_word(text: str, start: int) -> bool:
    # "Are you" / "Is he" invert the verb; "if I were" and "I wish I were" are subjunctive.
    return previous_word(text, start) in {"are", "is", "am", "was", "were", "if", "wish"}


_MISSING_TO = re.compile(
    r"\b(?:want|wants|wanted|need|needs|needed|would like|'d like|decided|decide|plan|plans"
    r"|planned|hope|hopes|hoped|try|tried|learn|learned)\s+("
    + alternation(MISSING_TO_VERBS)
    + r")\b",
    re.IGNORECASE,
)


@rule("missing_to")
def missing_to(text: str) -> Iterator[Finding]:
    for m in _MISSING_TO.finditer(text):
        verb = m.group(1)
        yield finding(
            "missing_to", text, m.start(1), m.end(1), f"to {verb.lower()}",
            "Verbs like want, need, decide and hope are followed by 'to' + verb.",
            "grammar", "medium",
        )  # fmt: skip


_GERUND = re.compile(
    r"\b(?:" + alternation(GERUND_VERBS) + r")\s+(to\s+([a-z]+))\b", re.IGNORECASE
)  # fmt: skip


@rule("gerund_after")
def gerund_after(text: str) -> Iterator[Finding]:
    for m in _GERUND.finditer(text):
        fixed = gerund(m.group(2).lower())
        yield finding(
            "gerund_after", text, m.start(1), m.end(1), fixed,
            "Verbs like enjoy, finish, avoid and mind are followed by the -ing form.",
            "grammar", "medium",
        )  # fmt: skip
