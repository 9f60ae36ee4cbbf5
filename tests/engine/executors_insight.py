"""The insight part of the executors' comparison world (test_executors_agree.py): the learner's
dashboard and activity (from the world's lessons, conversation and quiz), the course's
analytics for its author, the platform's figures for an admin."""

from __future__ import annotations

from typing import Any

from tests.factories.catalog import CourseTree

# Insight queries run as the course's author or an admin; the others as the learner.
AS_AUTHOR = {"CourseAnalytics"}
AS_ADMIN = {"PlatformStats"}


def insight_variables(tree: CourseTree) -> dict[str, list[dict[str, Any]]]:
    """The variable sets of the insight queries over the world already built."""
    return {
        "MyProgressSummary": [{}],
        "MyActivity": [{}, {"first": 1}],
        "CourseAnalytics": [
            {"slug": tree.course.slug},
            {"slug": tree.course.slug, "inactiveDays": 1},
        ],
        "PlatformStats": [{}],
    }
