"""Lesson unlocking within a course.

- Course order: sections by position, then units, then lessons (active lessons only).
- A lesson with explicit prerequisites is available once all of them are completed.
- A lesson without prerequisites is available once the lesson before it in course order is
  completed; the first lesson is available as soon as the learner is enrolled.
- "Completed" means completed at least once (a `needs_review` lesson counts).
- Starting a lesson that is not available fails with `LOCKED`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TypeVar

K = TypeVar("K")


def is_available(
    lesson: K,
    order: Sequence[K],
    prerequisites: Mapping[K, Collection[K]],
    completed: Collection[K],
) -> bool:
    required = prerequisites.get(lesson)
    if required:
        return all(p in completed for p in required)
    if lesson not in order:
        return False
    index = list(order).index(lesson)
    return index == 0 or order[index - 1] in completed


def available_lessons(
    order: Sequence[K], prerequisites: Mapping[K, Collection[K]], completed: Collection[K]
) -> set[K]:
    result = set()
    for index, lesson in enumerate(order):
        required = prerequisites.get(lesson)
        if required:
            ok = all(p in completed for p in required)
        else:
            ok = index == 0 or order[index - 1] in completed
        if ok:
            result.add(lesson)
    return result


def newly_unlocked(
    order: Sequence[K],
    prerequisites: Mapping[K, Collection[K]],
    completed_before: Collection[K],
    completed_after: Collection[K],
) -> list[K]:
    """Lessons (in course order, not yet completed) that a completion made available."""
    before = available_lessons(order, prerequisites, completed_before)
    after = available_lessons(order, prerequisites, completed_after)
    return [x for x in order if x in after and x not in before and x not in completed_after]
