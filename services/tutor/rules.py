"""Deterministic rules for common learner errors in English: pure functions, no I/O.

`check(text)` returns `Finding`s sorted by position, each with the exact character span
`[start, end)` of the wrong text in `text`, the replacement for that span, a type, a
severity, and an explanation. Every family favours precision over recall: a correct
sentence must not be flagged, so patterns are narrow and rely on small word lists. The
families live in tutor.rules_verbs and tutor.rules_words and register themselves here.
"""

from __future__ import annotations

from services.tutor import rules_verbs, rules_words
from services.tutor.findings import RULES, Finding, match_case

__all__ = ["RULES", "Finding", "apply", "check", "match_case", "rules_verbs", "rules_words"]


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
