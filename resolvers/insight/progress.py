"""The learner's dashboard reads: who may see it, the current local week, and the activity
log (learning's `activity_events`) page by page with one sentence per entry.

- Private: the learner and admins (`can_see_private`); anyone else reads null.
- `weeks` of XP: 1 to 52 (INVALID otherwise); the current week is the one (Monday to Sunday,
  local) containing the learner's local today in their time zone.
- Activity: newest first by (created_at, id), keyset-paginated. Summaries name the lesson,
  course, quiz or conversation scenario, loaded for a whole page in one statement; a row
  whose target is gone reads "a lesson", "a course", ...
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from uuid import UUID

from core.errors import AppError, ErrorCode
from core.pagination import KeysetQuery, Page, PageArgs, fetch_page
from core.rows import fetch_records
from models.identity import User
from models.learning import ActivityEvent, ActivityKind
from resolvers.identity.policy import can_see_private
from rules.learning.streaks import local_date

MAX_WEEKS = 52


def may_read(viewer: User | None, owner_id: UUID) -> bool:
    return can_see_private(viewer, owner_id)


def check_weeks(weeks: int) -> int:
    if not 1 <= weeks <= MAX_WEEKS:
        raise AppError.of(ErrorCode.INVALID, f"`weeks` must be between 1 and {MAX_WEEKS}.", "weeks")
    return weeks


def week_start(now: datetime, tz: str) -> date:
    """The Monday of the learner's current local week."""
    today = local_date(now, tz)
    return today - timedelta(days=today.weekday())


async def activity_page(user_id: UUID, args: PageArgs) -> Page[ActivityEvent]:
    query = KeysetQuery(model=ActivityEvent, order=["t.created_at", "t.id"], descending=True)
    query.filter(f"t.user_id = {query.param(user_id)}")
    return await fetch_page(query, args)


# Titles of everything a page of entries names, in one statement.
TITLES_SQL = """
SELECT 'lesson' AS kind, id, title FROM lessons WHERE id = ANY($1::uuid[])
UNION ALL SELECT 'course', id, title FROM courses WHERE id = ANY($2::uuid[])
UNION ALL SELECT 'quiz', id, title FROM quizzes WHERE id = ANY($3::uuid[])
UNION ALL SELECT 'session', s.id, sc.name FROM conversation_sessions s
    LEFT JOIN conversation_scenarios sc ON sc.id = s.scenario_id WHERE s.id = ANY($4::uuid[])
"""


def _uuid(value: Any) -> UUID | None:
    try:
        return UUID(str(value))
    except ValueError:
        return None


def _ids(rows: list[ActivityEvent], kind: ActivityKind, key: str) -> list[UUID]:
    found = (_uuid(row.data.get(key)) for row in rows if row.kind == kind)
    return list({value for value in found if value is not None})


async def titles_of(rows: list[ActivityEvent]) -> dict[tuple[str, UUID], str | None]:
    lessons = list({row.lesson_id for row in rows if row.lesson_id is not None})
    courses = _ids(rows, ActivityKind.ENROLLED, "course_id")
    quizzes = _ids(rows, ActivityKind.QUIZ_SUBMITTED, "quiz_id")
    sessions = _ids(rows, ActivityKind.CONVERSATION_ENDED, "session_id")
    if not (lessons or courses or quizzes or sessions):
        return {}
    records = await fetch_records(TITLES_SQL, [lessons, courses, quizzes, sessions])
    return {(r["kind"], r["id"]): r["title"] for r in records}


def _quoted(title: str | None, fallback: str) -> str:
    return f"“{title}”" if title else fallback


def _percent(value: Any) -> str:
    return f"{round(float(value))}%" if isinstance(value, int | float) else ""


def summary(row: ActivityEvent, titles: dict[tuple[str, UUID], str | None]) -> str:
    """One human-readable sentence for an entry."""
    data = row.data or {}

    def title(kind: str, key: UUID | None, fallback: str) -> str:
        return _quoted(titles.get((kind, key)) if key is not None else None, fallback)

    lesson = title("lesson", row.lesson_id, "a lesson")
    match row.kind:
        case ActivityKind.SIGNED_IN:
            method = str(data.get("method") or "password")
            how = "" if method == "password" else f" with {method.capitalize()}"
            return f"Signed in{how}"
        case ActivityKind.ENROLLED:
            course = title("course", _uuid(data.get("course_id")), "a course")
            return f"Enrolled in the course {course}"
        case ActivityKind.LESSON_STARTED:
            return f"Started the lesson {lesson}"
        case ActivityKind.LESSON_COMPLETED:
            score = _percent(data.get("score"))
            return f"Completed the lesson {lesson}" + (f" with {score}" if score else "")
        case ActivityKind.ANSWER_SUBMITTED:
            how = "correctly" if data.get("correct") else "incorrectly"
            return f"Answered an exercise in {lesson} {how}"
        case ActivityKind.CONVERSATION_ENDED:
            session = _uuid(data.get("session_id"))
            scenario = titles.get(("session", session)) if session is not None else None
            about = f" {_quoted(scenario, '')}" if scenario else ""
            done = data.get("status") == "completed"
            return ("Completed" if done else "Ended") + f" a conversation{about}"
        case ActivityKind.QUIZ_SUBMITTED:
            quiz = title("quiz", _uuid(data.get("quiz_id")), "a quiz")
            score = _percent(data.get("score"))
            return f"Submitted the quiz {quiz}" + (f": {score}" if score else "")
        case ActivityKind.PURCHASE_COMPLETED:
            if data.get("kind") == "subscription":
                return "Paid for a Premium subscription"
            return "Bought a course"
    return str(row.kind.value).replace("_", " ").capitalize()
