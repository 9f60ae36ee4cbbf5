"""A transcript segment, whoever produced it (a client's transcript or a transcription engine),
and the turns and words the other rules count.

- A segment is one stretch of speech by one speaker: its 1-based `position` in the transcript,
  the speaker's label, the text, and its start and end in milliseconds from the start of the
  recording when known (both or neither; plain-text transcripts have none). `confidence` is
  the transcription's confidence in 0-1, None when a person wrote the transcript.
- A turn is a run of consecutive segments by the same speaker.
- Words are counted by white-space separated tokens holding a letter or a digit, so a count
  never depends on a language's tooling; fillers are hesitation sounds ("uh", "um", "euh",
  "ähm"...) written as words, counted apart (they are words of no language).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_WORDISH = re.compile(r"[^\W_]")
EDGE_PUNCTUATION = ".,;:!?¡¿…\"'“”‘’«»()[]{}-–—"  # noqa: RUF001 (quotes and dashes)
FILLERS = frozenset(
    "uh uhm um umm hm hmm mm er erm ah eh euh heu bah ähm äh öhm hmm eeh ehm mmm".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class Segment:
    position: int
    speaker: str
    text: str
    start_ms: int | None = None
    end_ms: int | None = None
    confidence: float | None = None

    @property
    def timed(self) -> bool:
        return self.start_ms is not None and self.end_ms is not None

    @property
    def duration_ms(self) -> int | None:
        if self.start_ms is None or self.end_ms is None:
            return None
        return max(0, self.end_ms - self.start_ms)


@dataclass(frozen=True)
class Turn:
    speaker: str
    segments: tuple[Segment, ...]

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)


def words(text: str) -> list[str]:
    """The text's words: white-space separated tokens with a letter or a digit, stripped of
    the punctuation around them."""
    found = (token.strip(EDGE_PUNCTUATION) for token in text.split())
    return [w for w in found if _WORDISH.search(w)]


def ends_sentence(token: str) -> bool:
    """Does this white-space separated token close a sentence ("done.", "why?\"")?"""
    return token.rstrip("\"'”’»)]").endswith((".", "!", "?", "…"))  # noqa: RUF001


def is_filler(word: str) -> bool:
    return word.casefold() in FILLERS


def speakers(segments: Iterable[Segment]) -> list[str]:
    """The speakers in the order they first speak."""
    seen: dict[str, None] = {}
    for segment in segments:
        seen.setdefault(segment.speaker, None)
    return list(seen)


def turns(segments: Sequence[Segment]) -> list[Turn]:
    grouped: list[list[Segment]] = []
    for segment in segments:
        if grouped and grouped[-1][-1].speaker == segment.speaker:
            grouped[-1].append(segment)
        else:
            grouped.append([segment])
    return [Turn(group[0].speaker, tuple(group)) for group in grouped]


def word_counts(segments: Iterable[Segment]) -> dict[str, int]:
    """Words (fillers excluded) per speaker."""
    counts: dict[str, int] = {}
    for segment in segments:
        n = sum(1 for w in words(segment.text) if not is_filler(w))
        counts[segment.speaker] = counts.get(segment.speaker, 0) + n
    return counts
