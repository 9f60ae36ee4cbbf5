"""Which achievements a learner's totals earn (awarded once each, by the caller).

Each achievement has a condition type and a threshold; it is earned when the learner's
metric for that type reaches the threshold:
lesson_count (distinct lessons completed), streak_days (current streak), xp_total
(all-time XP), perfect_lessons (lessons with a best score of 100), conversations_completed,
course_completed (courses completed).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    key: object
    condition_type: str
    threshold: int


def earned(
    rules: Iterable[Rule], metrics: Mapping[str, int], already: Iterable[object]
) -> list[object]:
    owned = set(already)
    return [
        r.key
        for r in rules
        if r.key not in owned and metrics.get(r.condition_type, 0) >= r.threshold
    ]
