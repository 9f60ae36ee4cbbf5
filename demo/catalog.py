"""Demo catalog: the languages and the courses under content/courses."""

from __future__ import annotations

import logging
from pathlib import Path

from models.identity import User
from resolvers.catalog.importing import ensure_languages, import_course_text

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
DEMO_COURSES = ROOT / "content" / "courses"
DEMO_AUTHOR_EMAIL = "teacher@lingograph.dev"


async def load() -> None:
    """Languages and the demo courses under content/courses (author: the demo teacher)."""
    await ensure_languages()
    author = await User.get_or_none(email=DEMO_AUTHOR_EMAIL)
    for path in sorted(DEMO_COURSES.glob("*.yaml")):
        result = await import_course_text(
            path.read_text(encoding="utf-8"), viewer=None, author=author
        )
        log.info("demo course %s: %d lessons", result.course.slug, result.lesson_count)
