"""Classroom loaders: classrooms, memberships, assignments, submissions, their counts and
pages, and the class's performance.

Pages of memberships, assignments and submissions take the viewer's `Condition` (from
resolvers/classroom/policy.py) as part of their key: the keys of one viewer share it and load
together, so a classroom's lists cost the same statements however long they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from core.rows import fetch_records
from loaders.base import (
    CountByKeyLoader,
    CountUnderConditionLoader,
    ModelByIdLoader,
    ModelByPairLoader,
    PageOfConditionLoader,
    PageUnderConditionLoader,
    RecordLoader,
    VisibleByIdLoader,
)
from models.classroom import (
    Assignment,
    ClassMembership,
    Classroom,
    MembershipStatus,
    Submission,
    SubmissionStatus,
)
from models.conversation import Evaluation
from models.learning import LessonProgress

CLASSROOMS = Classroom._meta.db_table
MEMBERSHIPS = ClassMembership._meta.db_table
ASSIGNMENTS = Assignment._meta.db_table
SUBMISSIONS = Submission._meta.db_table
_ACTIVE = f"t.status = '{MembershipStatus.ACTIVE.value}'"


class ClassroomByIdLoader(ModelByIdLoader):
    model = Classroom


class VisibleClassroomLoader(VisibleByIdLoader):
    """Keys `(classroom_id, Condition)`: the classroom if the viewer reads it."""

    model = Classroom


class ClassMembershipByIdLoader(ModelByIdLoader):
    model = ClassMembership


class ActiveMemberCountByClassroomLoader(CountByKeyLoader):
    """`memberCount`: a classroom's ACTIVE members (one GROUP BY for many classrooms)."""

    table = MEMBERSHIPS
    key_column = "t.classroom_id"
    condition = _ACTIVE


class MembershipByClassroomStudentLoader(ModelByPairLoader):
    """Keys `(classroom_id, student_id)`: that student's membership, or None."""

    model = ClassMembership
    columns = ("classroom_id", "student_id")


_CREATED_ORDER = ["t.created_at", "t.id"]


class MemberCountByClassroomLoader(CountUnderConditionLoader):
    """Keys `(classroom_id, Condition)`: how many of its memberships meet the condition."""

    table = MEMBERSHIPS
    parent_column = "classroom_id"


class MembersPageByClassroomLoader(PageUnderConditionLoader):
    """Keys `(classroom_id, PageArgs, Condition)`: a page of the classroom's memberships that
    meet the condition, in the order they were created."""

    model = ClassMembership
    parent_column = "classroom_id"
    order = _CREATED_ORDER
    count_loader = MemberCountByClassroomLoader


class ClassroomsPageLoader(PageOfConditionLoader):
    """Keys `(PageArgs, Condition)`: a page of the classrooms meeting the condition (a
    viewer's own: taught or belonged to), newest first."""

    model = Classroom
    order = _CREATED_ORDER


class AssignmentByIdLoader(ModelByIdLoader):
    model = Assignment


class SubmissionByIdLoader(ModelByIdLoader):
    model = Submission


class SubmissionByAssignmentStudentLoader(ModelByPairLoader):
    """Keys `(assignment_id, student_id)`: that student's submission, or None."""

    model = Submission
    columns = ("assignment_id", "student_id")


class SubmissionCountByAssignmentLoader(CountByKeyLoader):
    """`submissionCount`: an assignment's submissions (one GROUP BY for many)."""

    table = SUBMISSIONS
    key_column = "t.assignment_id"


class AssignmentCountByClassroomLoader(CountUnderConditionLoader):
    table = ASSIGNMENTS
    parent_column = "classroom_id"


class AssignmentsPageByClassroomLoader(PageUnderConditionLoader):
    """Keys `(classroom_id, PageArgs, Condition)`: a page of the classroom's assignments the
    condition lets through, in the order they were set."""

    model = Assignment
    parent_column = "classroom_id"
    order = _CREATED_ORDER
    count_loader = AssignmentCountByClassroomLoader


class SubmissionCountByAssignmentUnderConditionLoader(CountUnderConditionLoader):
    table = SUBMISSIONS
    parent_column = "assignment_id"


class SubmissionsPageByAssignmentLoader(PageUnderConditionLoader):
    """Keys `(assignment_id, PageArgs, Condition)`: a page of the assignment's submissions
    the condition lets through, in the order they were first made."""

    model = Submission
    parent_column = "assignment_id"
    order = _CREATED_ORDER
    count_loader = SubmissionCountByAssignmentUnderConditionLoader


class AssignmentsPageLoader(PageOfConditionLoader):
    """Keys `(PageArgs, Condition)`: a page of the assignments meeting the condition (a
    student's: of the classrooms they actively belong to), newest first."""

    model = Assignment
    order = _CREATED_ORDER


_AWAITING = ", ".join(
    f"'{status.value}'" for status in (SubmissionStatus.SUBMITTED, SubmissionStatus.RESUBMITTED)
)

# The class's figures per classroom, in one statement for many classrooms. The submissions'
# averages come from their own work: the session's evaluation, the lesson's best score.
_PERFORMANCE = f"""
SELECT c.id AS k,
  (SELECT count(*) FROM "{MEMBERSHIPS}" m WHERE m.classroom_id = c.id
     AND m.status = '{MembershipStatus.ACTIVE.value}') AS active_students,
  (SELECT count(*) FROM "{ASSIGNMENTS}" a WHERE a.classroom_id = c.id AND a.is_active)
     AS assignments_set,
  w.to_grade, w.submitted, w.on_time, w.average_score, w.average_conversation,
  w.average_lesson
FROM "{CLASSROOMS}" c
CROSS JOIN LATERAL (
  SELECT count(*) FILTER (WHERE s.status IN ({_AWAITING})) AS to_grade,
    count(*) AS submitted,
    count(*) FILTER (WHERE NOT s.is_late) AS on_time,
    avg(s.score) AS average_score,
    avg(e.overall_score) AS average_conversation,
    avg(p.best_score) AS average_lesson
  FROM "{SUBMISSIONS}" s
  JOIN "{ASSIGNMENTS}" a ON a.id = s.assignment_id
  LEFT JOIN "{Evaluation._meta.db_table}" e ON e.session_id = s.session_id
  LEFT JOIN "{LessonProgress._meta.db_table}" p ON p.id = s.lesson_progress_id
  WHERE a.classroom_id = c.id
) w
WHERE c.id = ANY($1)
"""


class PerformanceByClassroomLoader(RecordLoader):
    """`performance`: a classroom's figures as SQL gives them (counts, raw averages); the
    schema turns them into the API's units (rules/classroom/performance.py)."""

    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        rows = await fetch_records(_PERFORMANCE, [list(keys)])
        return {row["k"]: dict(row) for row in rows}
