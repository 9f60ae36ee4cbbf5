"""The classroom tables hold their constraints at the database: one membership per student
and classroom, one submission per student and assignment, exactly one target per
assignment, at most one piece of work per submission, scores 0-100, and join codes unique
among active classrooms only."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from tortoise.exceptions import IntegrityError

from models.catalog import Lesson
from models.classroom import (
    Assignment,
    ClassMembership,
    Classroom,
    MembershipStatus,
    Submission,
    SubmissionStatus,
)
from models.conversation import SessionStatus
from models.identity import CefrLevel, Role, User
from models.learning import LessonProgress, ProgressStatus
from rules.classroom.join_codes import new_join_code
from tests.factories.assessment import quiz, setting
from tests.factories.catalog import language
from tests.factories.conversation import scenario, session_for
from tests.factories.identity import create_user
from tests.factories.learning import progress_rows

pytestmark = pytest.mark.usefixtures("server")  # its lifespan opens the ORM

NOW = datetime.now(UTC)


async def classroom(teacher: User, **fields: Any) -> Classroom:
    return await Classroom.create(
        teacher=teacher,
        name=fields.pop("name", "Spanish B1, Tuesdays"),
        language=await language("es", "Spanish"),
        level=fields.pop("level", CefrLevel.B1),
        join_code=fields.pop("join_code", new_join_code(secrets.choice)),
        join_code_created_at=NOW,
        **fields,
    )


async def test_a_classroom_with_a_member_an_assignment_and_a_submission() -> None:
    s = await setting(lessons=1)
    lesson = s.tree.lessons[0]
    room = await classroom(s.author)
    assert (room.capacity, room.is_active, room.description) == (30, True, "")

    member = await ClassMembership.create(classroom=room, student=s.learner, joined_at=NOW)
    assert member.status is MembershipStatus.ACTIVE
    assert member.left_at is None

    work = await Assignment.create(
        classroom=room,
        created_by=s.author,
        title="Greetings",
        lesson=lesson,
        due_at=NOW + timedelta(days=7),
    )
    (progress,) = await progress_rows(s.enrollment, [lesson], ProgressStatus.COMPLETED)
    submitted = await Submission.create(
        assignment=work, student=s.learner, lesson_progress_id=progress.id, submitted_at=NOW
    )
    row = await Submission.get(id=submitted.id)
    assert (row.status, row.is_late, row.score, row.feedback) == (
        SubmissionStatus.SUBMITTED,
        False,
        None,
        None,
    )
    assert row.lesson_progress_id == progress.id

    await Submission.filter(id=row.id).update(
        status=SubmissionStatus.GRADED, score=100.0, grader_id=s.author.id, graded_at=NOW
    )
    assert (await Submission.get(id=row.id)).score == 100.0

    # One membership per student and classroom; one submission per student and assignment.
    with pytest.raises(IntegrityError):
        await ClassMembership.create(classroom=room, student=s.learner, joined_at=NOW)
    with pytest.raises(IntegrityError):
        await Submission.create(assignment=work, student=s.learner, submitted_at=NOW)


async def test_an_assignment_has_exactly_one_target() -> None:
    s = await setting(lessons=1)
    room = await classroom(s.author)
    lesson = s.tree.lessons[0]
    talk = await scenario()
    test = await quiz(s.course)

    right: list[dict[str, Any]] = [{"lesson": lesson}, {"scenario": talk}, {"quiz": test}]
    for target in right:
        await Assignment.create(classroom=room, title="One target", **target)

    wrong: list[dict[str, Any]] = [
        {},
        {"lesson": lesson, "scenario": talk},
        {"lesson": lesson, "quiz": test},
        {"scenario": talk, "quiz": test},
        {"lesson": lesson, "scenario": talk, "quiz": test},
    ]
    for targets in wrong:
        with pytest.raises(IntegrityError, match="assignments_one_target"):
            await Assignment.create(classroom=room, title="Not one target", **targets)
    assert await Assignment.filter(classroom_id=room.id).count() == 3


async def test_a_submission_names_at_most_one_piece_of_work_and_a_score_in_range() -> None:
    s = await setting(lessons=1)
    room = await classroom(s.author)
    talk = await scenario()
    work = await Assignment.create(classroom=room, title="Interview", scenario=talk)
    session = await session_for(s.learner, scenario_row=talk, status=SessionStatus.COMPLETED)
    (progress,) = await progress_rows(s.enrollment, s.tree.lessons)

    with pytest.raises(IntegrityError, match="assignment_submissions_one_work"):
        await Submission.create(
            assignment=work,
            student=s.learner,
            session=session,
            lesson_progress_id=progress.id,
            submitted_at=NOW,
        )
    for score in (-1.0, 100.5):
        with pytest.raises(IntegrityError, match="assignment_submissions_score_range"):
            await Submission.create(
                assignment=work, student=s.learner, session=session, score=score, submitted_at=NOW
            )
    row = await Submission.create(
        assignment=work, student=s.learner, session=session, score=0.0, submitted_at=NOW
    )

    # The work deleted: the submission stays, naming none.
    await session.delete()
    assert (await Submission.get(id=row.id)).session_id is None


async def test_join_codes_are_unique_among_active_classrooms_only() -> None:
    teacher = await create_user(role=Role.TEACHER)
    code = new_join_code(secrets.choice)
    first = await classroom(teacher, join_code=code)
    with pytest.raises(IntegrityError, match="classrooms_active_join_code"):
        await classroom(teacher, join_code=code)

    # An inactive classroom keeps its code, and an active one may take it meanwhile.
    await Classroom.filter(id=first.id).update(is_active=False)
    second = await classroom(teacher, join_code=code)
    with pytest.raises(IntegrityError, match="classrooms_active_join_code"):
        await Classroom.filter(id=first.id).update(is_active=True)
    assert await Classroom.filter(join_code=code).count() == 2

    # No code at all: any number of classrooms.
    await classroom(teacher, join_code=None)
    await classroom(teacher, join_code=None)
    assert second.is_active


async def test_capacity_is_positive() -> None:
    teacher = await create_user(role=Role.TEACHER)
    with pytest.raises(IntegrityError, match="classrooms_capacity_positive"):
        await classroom(teacher, capacity=0)


async def test_a_deleted_target_takes_its_assignments_and_their_submissions() -> None:
    s = await setting(lessons=1)
    lesson = s.tree.lessons[0]
    room = await classroom(s.author)
    work = await Assignment.create(classroom=room, title="Greetings", lesson=lesson)
    await Submission.create(assignment=work, student=s.learner, submitted_at=NOW)

    await Lesson.filter(id=lesson.id).delete()
    assert not await Assignment.exists(id=work.id)
    assert not await Submission.exists(assignment_id=work.id)
    assert not await LessonProgress.exists(lesson_id=lesson.id)
