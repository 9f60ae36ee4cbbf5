"""XP awarded for completing a lesson.

- First completion of a lesson: the lesson's `xpReward` (e.g. 10).
- Each later completion (practice): half of it, rounded down, at least 1
  (`REPEAT_FRACTION`, e.g. 5 for a 10-XP lesson).
- A perfect lesson (score 100: every exercise right at the first try) adds
  `PERFECT_BONUS` = 5 XP, on first completions and repeats alike.
- Answering an exercise earns no XP by itself (`submitAnswer.xpEarned` is 0); XP comes
  with the completion, so a lesson abandoned half-way earns nothing.
- An achievement's `xpReward` is added when it is earned (counted in the completion's
  `xpEarned`, the course's total and the day's XP).
"""

from __future__ import annotations

REPEAT_FRACTION = 0.5
PERFECT_BONUS = 5
PERFECT_SCORE = 100
ANSWER_XP = 0


def completion_xp(xp_reward: int, first_completion: bool, score: int) -> int:
    base = max(0, xp_reward)
    if not first_completion:
        base = max(1, int(base * REPEAT_FRACTION)) if base > 0 else 0
    bonus = PERFECT_BONUS if score >= PERFECT_SCORE else 0
    return base + bonus
