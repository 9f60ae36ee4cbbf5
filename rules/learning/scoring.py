"""Lesson scores.

- A lesson's score is the share of its exercises answered correctly at the first try in the
  attempt being completed, as a whole percentage 0-100 (rounded half up). Exercises not
  answered count as wrong; a lesson without exercises scores 100.
- The best score is kept across completions.
- A completed lesson whose best score is under `NEEDS_REVIEW_THRESHOLD` (60) has the status
  `needs_review` instead of `completed`; it still counts as completed for unlocking,
  course completion and achievements.
"""

from __future__ import annotations

NEEDS_REVIEW_THRESHOLD = 60


def lesson_score(first_try_correct: int, exercise_count: int) -> int:
    if exercise_count <= 0:
        return 100
    correct = max(0, min(first_try_correct, exercise_count))
    return (correct * 200 + exercise_count) // (2 * exercise_count)


def best_score(previous: int | None, score: int) -> int:
    return score if previous is None else max(previous, score)


def completed_status(best: int) -> str:
    return "needs_review" if best < NEEDS_REVIEW_THRESHOLD else "completed"
