"""Fluency of the learner's speech, from words per minute and pauses when the transcript has
timings, from the length of turns when it has none.

Measures (the learner's segments only; words exclude fillers, see segments.py):
- Timed: every learner segment has a start and an end. Speaking time is the sum of their
  durations; words per minute = words / speaking time. A pause is the silence before a
  learner segment, after the segment just before it (the learner's own, within a turn, or
  another speaker's, before an answer); it is long at `LONG_PAUSE_MS` (2 s) or more.
- Fillers per word: fillers / (words + fillers).

Score (0-`FLUENCY_CAP`, 20):
- Timed: pace, 14 * min(1, words per minute / `TARGET_WPM` (120, an unhurried conversational
  pace): speaking faster earns nothing more), plus continuity, 6 * the share of pauses that
  are not long (6 when there is no pause to measure).
- Untimed: 1.5 points per word per learner turn, as the text tutor scores fluency from the
  words per message (about 13 words per turn for full marks).
- Either way, fillers cost 50 * their share of the words, at most 5 (10% fillers: 5 points).
- No learner words: 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from rules.recordings.segments import Segment, is_filler, turns, words

FLUENCY_CAP = 20
TARGET_WPM = 120.0
LONG_PAUSE_MS = 2000
PACE_POINTS = 14.0
CONTINUITY_POINTS = 6.0
POINTS_PER_WORD_PER_TURN = 1.5
FILLER_PENALTY_RATE = 50.0
MAX_FILLER_PENALTY = 5.0


@dataclass(frozen=True)
class FluencyMeasures:
    words: int
    fillers: int
    turns: int
    speaking_seconds: float | None  # None: untimed
    words_per_minute: float | None
    pauses: int | None  # silences measured before learner segments
    long_pauses: int | None

    @property
    def timed(self) -> bool:
        return self.words_per_minute is not None

    @property
    def words_per_turn(self) -> float:
        return self.words / self.turns if self.turns else 0.0

    @property
    def filler_share(self) -> float:
        said = self.words + self.fillers
        return self.fillers / said if said else 0.0


def measure(segments: Sequence[Segment], learner: str | None) -> FluencyMeasures:
    mine = [s for s in segments if s.speaker == learner]
    tokens = [w for s in mine for w in words(s.text)]
    fillers = sum(1 for w in tokens if is_filler(w))
    said = len(tokens) - fillers
    learner_turns = sum(1 for t in turns(segments) if t.speaker == learner)
    if not mine or not all(s.timed for s in mine):
        return FluencyMeasures(said, fillers, learner_turns, None, None, None, None)
    speaking_ms = sum(s.duration_ms or 0 for s in mine)
    if speaking_ms <= 0:
        return FluencyMeasures(said, fillers, learner_turns, None, None, None, None)
    pauses = long_pauses = 0
    for before, segment in pairwise(segments):
        if segment.speaker != learner or before.end_ms is None or segment.start_ms is None:
            continue
        pauses += 1
        if segment.start_ms - before.end_ms >= LONG_PAUSE_MS:
            long_pauses += 1
    seconds = speaking_ms / 1000
    return FluencyMeasures(
        said, fillers, learner_turns, round(seconds, 3), round(said / seconds * 60, 1),
        pauses, long_pauses,
    )  # fmt: skip


def fluency_points(m: FluencyMeasures) -> float:
    """The unrounded, uncapped score (evaluation.py rounds and caps every sub-score alike)."""
    if m.words == 0:
        return 0.0
    if m.words_per_minute is not None:
        pace = PACE_POINTS * min(1.0, m.words_per_minute / TARGET_WPM)
        fluent = 1 - (m.long_pauses or 0) / m.pauses if m.pauses else 1.0
        points = pace + CONTINUITY_POINTS * fluent
    else:
        points = POINTS_PER_WORD_PER_TURN * m.words_per_turn
    return points - min(MAX_FILLER_PENALTY, FILLER_PENALTY_RATE * m.filler_share)
