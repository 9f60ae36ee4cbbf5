"""What a learner-error rule finds, the registry of rules, and helpers they share."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass


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


def alternation(options: Iterable[str]) -> str:
    """An alternation of `options`, longest first so that regex alternation prefers them."""
    return "|".join(sorted((re.escape(o) for o in options), key=len, reverse=True))


def finding(
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


def previous_word(text: str, start: int) -> str:
    before = re.findall(r"[\w']+", text[:start])
    return before[-1].lower() if before else ""
