"""Certificates: when a course's certificate is due, and its number.

- Due when every lesson of the course is completed and every published quiz of the course
  is passed (by at least one attempt). Unpublished quizzes do not count, and passing a quiz
  that was later unpublished is no substitute for a published one. A course without lessons
  never issues one: there is nothing to certify.
- The condition is checked by whatever change may satisfy it last (a lesson completed, a
  quiz passed, an essay graded); the issue itself happens once (a unique key per enrollment).
- Numbers read `LG-<year>-<10 upper-case hex digits>` (`LG-2026-3F9A0C12BE`), the format of
  the certificates issued before assessment took them over. The random part is passed in
  (`secrets.token_hex(CERTIFICATE_RANDOM_BYTES)`), so numbers are not guessable and these
  rules stay pure; the unique index rejects the rare collision and the caller draws again.
- Verification is by number, as printed: spaces and case do not matter.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from datetime import datetime

CERTIFICATE_RANDOM_BYTES = 5
CERTIFICATE_PREFIX = "LG"


def all_lessons_completed(lessons_total: int, lessons_completed: int) -> bool:
    return lessons_total > 0 and lessons_completed >= lessons_total


def certificate_due(
    *,
    lessons_done: bool,
    quizzes_published: AbstractSet[object],
    quizzes_passed: AbstractSet[object],
) -> bool:
    """`lessons_done`: every lesson completed, and the course has some (see
    `all_lessons_completed`, or an enrollment whose status is completed)."""
    return lessons_done and quizzes_published <= quizzes_passed


def certificate_number(now: datetime, random_part: str) -> str:
    return f"{CERTIFICATE_PREFIX}-{now:%Y}-{random_part.strip().upper()}"


def normalize_certificate_number(text: str) -> str:
    """A number as typed by someone verifying it: spaces dropped, upper case."""
    return "".join(text.split()).upper()
