"""Demo classroom: the demo teacher's evening class on the first free demo course, with the
demo student in it and one assignment, written through the use cases a teacher's
`createClassroom` and `createAssignment` and a student's `joinClassroom` run.

Idempotent: a second run finds the classroom (by teacher and name), the membership and the
assignment (by title) and creates nothing again."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Final

from tortoise import connections

from models.catalog import Course, Language
from models.classroom import Assignment, ClassMembership, Classroom
from models.identity import CefrLevel, User
from resolvers.classroom.assignments import create_assignment
from resolvers.classroom.classrooms import create_classroom, join_classroom
from resolvers.learning.enrollment import course_path
from rules.classroom.membership import DEFAULT_CAPACITY

log = logging.getLogger(__name__)

DEMO_TEACHER_EMAIL: Final = "teacher@lingograph.dev"
DEMO_STUDENT_EMAIL: Final = "student@lingograph.dev"
DEMO_CLASS_DESCRIPTION: Final = "Tuesdays and Thursdays at 7 pm: conversation first, then a lesson."
# Readable aloud and from a whiteboard: 8 characters of the join-code alphabet.
DEMO_JOIN_CODE: Final = "TEACH2ME"
DEMO_ASSIGNMENT_TITLE: Final = "This week: the first lesson"
DEMO_ASSIGNMENT_INSTRUCTIONS: Final = (
    "Play the course's first lesson through, then submit it here. Aim for a perfect score!"
)
DUE_IN: Final = timedelta(days=7)


async def load() -> None:
    """The demo teacher's classroom with the demo student and one assignment (nothing when
    the demo accounts or courses are missing)."""
    teacher = await User.get_or_none(email=DEMO_TEACHER_EMAIL)
    student = await User.get_or_none(email=DEMO_STUDENT_EMAIL)
    course = (
        await Course.filter(is_published=True, price_amount=0, deleted_at=None)
        .order_by("slug")
        .first()
    )
    if teacher is None or student is None or course is None:
        return
    classroom = await demo_classroom(teacher, student, course)
    if classroom is not None:
        log.info("demo classroom %r: join code %s", classroom.name, classroom.join_code)


def class_name(language: Language, level: CefrLevel) -> str:
    return f"{language.name} {level.value} — evening class"


async def demo_classroom(
    teacher: User, student: User, course: Course, now: datetime | None = None
) -> Classroom | None:
    """`teacher`'s evening class in `course`'s language and at its first level, with
    `student` as an ACTIVE member and the course's first lesson set as work due in a week
    from `now`; the existing one when there is one already. None for a course without
    lessons."""
    path = await course_path(connections.get("default"), course.id)
    if not path.order:
        return None
    language = await Language.get(id=course.to_language_id)
    level = CefrLevel(course.cefr_min)
    name = class_name(language, level)
    classroom = await Classroom.filter(teacher_id=teacher.id, name=name).first()
    if classroom is None:
        classroom = await create_classroom(
            teacher,
            name=name,
            description=DEMO_CLASS_DESCRIPTION,
            language=language.code,
            level=level,
            capacity=DEFAULT_CAPACITY,
        )
        classroom = await _with_demo_code(classroom)
    if not classroom.is_active:  # closed by its teacher since: left as it is
        return classroom
    if not await ClassMembership.exists(classroom_id=classroom.id, student_id=student.id):
        assert classroom.join_code is not None
        await join_classroom(student, classroom.join_code)
    if not await Assignment.exists(classroom_id=classroom.id, title=DEMO_ASSIGNMENT_TITLE):
        await create_assignment(
            teacher,
            classroom.id,
            title=DEMO_ASSIGNMENT_TITLE,
            instructions=DEMO_ASSIGNMENT_INSTRUCTIONS,
            due_at=(now or datetime.now(UTC)) + DUE_IN,
            lesson_id=path.order[0],
        )
    return classroom


async def _with_demo_code(classroom: Classroom) -> Classroom:
    """The classroom with DEMO_JOIN_CODE instead of its drawn code, unless another active
    classroom already has it (codes are unique among active classrooms): then the drawn one."""
    taken = (
        await Classroom.filter(join_code=DEMO_JOIN_CODE, is_active=True)
        .exclude(id=classroom.id)
        .exists()
    )
    if not taken:
        await Classroom.filter(id=classroom.id).update(join_code=DEMO_JOIN_CODE)
    return await Classroom.get(id=classroom.id)
