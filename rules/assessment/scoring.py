"""Quiz attempts: score, pass, time limit and attempt limit.

- Score = points earned / points possible x 100, rounded half up to 2 decimals (2 of 3
  points: 66.67); 0 when nothing can be earned. Passed = score >= the quiz's passing score,
  so 69.99 fails a 70 quiz.
- A timed attempt's deadline is its start plus the time limit. A submission is accepted up
  to `DEADLINE_GRACE` (10 s) after it, for the network; later it is late: stored EXPIRED
  with score 0 (`expired_result`). An attempt still in progress reads EXPIRED from then on,
  though nothing rewrites the row (`effective_status`).
- Statuses. On submission an attempt becomes GRADED when every answer is marked, or
  PENDING_REVIEW while an essay waits for a grader (GRADED once the last one is graded).
  SUBMITTED is never produced: marking runs in the submission's own transaction, so there
  is no moment when an attempt is submitted but not yet marked. It stays a valid status
  (counted as used, passed through unchanged) for a marking that might one day run later.
- While an attempt waits for review, its score and `passed` are unknown (None): a grader's
  points could still move it either way. Points earned so far are known.
- Attempts used are the finished ones (submitted, pending review, graded, expired — the
  effective status, so an abandoned attempt counts once its deadline has passed). An attempt
  in progress is not used yet: it is still being taken, and counting it would reveal the key
  (rules/assessment/key.py) during the learner's last attempt. Attempts left never go below
  0 (an editor may lower the limit).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from rules.assessment.marking import Mark

IN_PROGRESS = "in_progress"
SUBMITTED = "submitted"
PENDING_REVIEW = "pending_review"
GRADED = "graded"
EXPIRED = "expired"
ATTEMPT_STATUSES = (IN_PROGRESS, SUBMITTED, PENDING_REVIEW, GRADED, EXPIRED)

DEADLINE_GRACE = timedelta(seconds=10)
DEFAULT_PASSING_SCORE = 70
DEFAULT_MAX_ATTEMPTS = 3

_HUNDREDTH = Decimal("0.01")


def score(points_earned: float, points_possible: float) -> float:
    """Percentage 0-100 with 2 decimals, computed in decimal so halves round up exactly."""
    if points_possible <= 0:
        return 0.0
    share = Decimal(repr(float(points_earned))) * 100 / Decimal(repr(float(points_possible)))
    share = min(Decimal(100), max(Decimal(0), share))
    return float(share.quantize(_HUNDREDTH, rounding=ROUND_HALF_UP))


def passed(score: float, passing_score: float) -> bool:
    return score >= passing_score


def deadline(started_at: datetime, time_limit_minutes: int | None) -> datetime | None:
    """None: untimed."""
    if time_limit_minutes is None:
        return None
    return started_at + timedelta(minutes=time_limit_minutes)


def is_late(submitted_at: datetime, deadline: datetime | None) -> bool:
    """Later than the deadline plus the grace (exactly 10 s after is still on time)."""
    return deadline is not None and submitted_at > deadline + DEADLINE_GRACE


def effective_status(stored_status: str, deadline: datetime | None, now: datetime) -> str:
    """What an attempt is now: one in progress past its deadline (and grace) is expired."""
    status = str(getattr(stored_status, "value", stored_status))
    if status == IN_PROGRESS and is_late(now, deadline):
        return EXPIRED
    return status


def attempts_used(statuses: Iterable[str]) -> int:
    """How many of these (effective) statuses are finished attempts."""
    return sum(1 for s in statuses if str(getattr(s, "value", s)) != IN_PROGRESS)


def attempts_left(max_attempts: int, used: int) -> int:
    return max(0, max_attempts - used)


def needs_review(marks: Iterable[Mark]) -> bool:
    """Some answer (an essay) waits for a grader."""
    return any(m.awaiting_grader for m in marks)


def marked_status(marks: Iterable[Mark]) -> str:
    """The status of a submitted, on-time attempt with these marks."""
    return PENDING_REVIEW if needs_review(marks) else GRADED


@dataclass(frozen=True)
class AttemptResult:
    """What a submission (or a grader's mark) writes on the attempt."""

    status: str
    points_earned: float
    points_possible: float
    score: float | None
    passed: bool | None


def attempt_result(
    marks: Iterable[Mark], points_possible: float, passing_score: float
) -> AttemptResult:
    """The result of an on-time attempt: one mark per question of the quiz; points possible
    is the sum of the questions' points. Recomputed after each grade."""
    marks = list(marks)
    earned = float(sum(m.points_awarded or 0.0 for m in marks))
    if needs_review(marks):
        return AttemptResult(PENDING_REVIEW, earned, points_possible, None, None)
    value = score(earned, points_possible)
    return AttemptResult(GRADED, earned, points_possible, value, passed(value, passing_score))


def expired_result(points_possible: float) -> AttemptResult:
    """A late submission (or an attempt that ran out): score 0, failed."""
    return AttemptResult(EXPIRED, 0.0, points_possible, 0.0, False)
