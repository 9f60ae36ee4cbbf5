"""Classroom factories, written directly: a classroom (with a join code) and its members; a
teacher's class with something of each kind to assign (a lesson, a scenario, a quiz of a
published course); assignments; a student's finished work of each kind; submissions. And the
classroom operations (../shared/operations/classroom.graphql, or a named subset of them)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from graphql import DocumentNode, FragmentDefinitionNode, OperationDefinitionNode, parse, print_ast
from graphql.language import FragmentSpreadNode, Visitor, visit

from models.assessment import AttemptStatus, Quiz, QuizAttempt
from models.catalog import ConversationScenario, Lesson
from models.classroom import (
    Assignment,
    ClassMembership,
    Classroom,
    MembershipStatus,
    Submission,
    SubmissionStatus,
)
from models.conversation import ConversationSession, Evaluation, SessionStatus
from models.identity import CefrLevel, Role, User
from models.learning import LessonProgress, ProgressStatus
from rules.classroom.join_codes import new_join_code
from tests.factories.assessment import quiz
from tests.factories.catalog import CourseTree, course_tree, language
from tests.factories.conversation import scenario, session_for
from tests.factories.identity import create_user
from tests.factories.learning import enrollment, progress_rows

ROOT = Path(__file__).resolve().parents[2]
CLASSROOM_FILES = [
    ROOT.parent / "shared" / "operations" / "classroom.graphql",
    ROOT / "tests" / "operations" / "classroom.graphql",
]
# Every operation of classroom.graphql.
IN_SCOPE = (
    "CreateClassroom",
    "UpdateClassroom",
    "RegenerateJoinCode",
    "JoinClassroom",
    "LeaveClassroom",
    "SetMembershipStatus",
    "MyClassrooms",
    "ClassroomDetail",
    "CreateAssignment",
    "MyAssignments",
    "SubmitAssignment",
    "AssignmentSubmissions",
    "GradeSubmission",
    "ClassroomEvents",
)


def classroom_file() -> Path | None:
    return next((path for path in CLASSROOM_FILES if path.is_file()), None)


class _Spreads(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def enter_fragment_spread(self, node: FragmentSpreadNode, *_: Any) -> None:
        self.names.add(node.name.value)


def in_scope_document(text: str, names: tuple[str, ...] = IN_SCOPE) -> DocumentNode:
    """The named operations of `text` with the fragments they use (transitively)."""
    document = parse(text)
    operations = [
        d
        for d in document.definitions
        if isinstance(d, OperationDefinitionNode) and d.name and d.name.value in names
    ]
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    wanted: set[str] = set()
    pending: list[Any] = list(operations)
    while pending:
        spreads = _Spreads()
        visit(pending.pop(), spreads)
        for name in spreads.names - wanted:
            wanted.add(name)
            pending.append(fragments[name])
    kept = [*operations, *(fragments[name] for name in sorted(wanted))]
    return DocumentNode(definitions=tuple(kept))


def in_scope_operations() -> str | None:
    """The in-scope operations as text, or None when classroom.graphql is absent."""
    path = classroom_file()
    return None if path is None else print_ast(in_scope_document(path.read_text()))


async def classroom(teacher: User | None = None, *, capacity: int = 30, **fields: Any) -> Classroom:
    """An active classroom (Spanish, A2) with a fresh join code."""
    teacher = teacher or await create_user(role=Role.TEACHER)
    spanish = await language("es", "Spanish")
    return await Classroom.create(
        teacher_id=teacher.id,
        name=fields.pop("name", "Spanish A2"),
        language_id=spanish.id,
        level=fields.pop("level", CefrLevel.A2),
        capacity=capacity,
        join_code=fields.pop("join_code", new_join_code(secrets.choice)),
        join_code_created_at=datetime.now(UTC),
        **fields,
    )


async def member(
    room: Classroom,
    student: User | None = None,
    status: MembershipStatus = MembershipStatus.ACTIVE,
) -> ClassMembership:
    student = student or await create_user()
    now = datetime.now(UTC)
    return await ClassMembership.create(
        classroom_id=room.id,
        student_id=student.id,
        status=status,
        joined_at=now,
        left_at=None if status == MembershipStatus.ACTIVE else now,
    )


async def members(room: Classroom, count: int) -> list[ClassMembership]:
    """`count` ACTIVE members (new students), written in one statement each."""
    students = [await create_user() for _ in range(count)]
    now = datetime.now(UTC)
    rows = [
        ClassMembership(
            classroom_id=room.id, student_id=s.id, status=MembershipStatus.ACTIVE, joined_at=now
        )
        for s in students
    ]
    await ClassMembership.bulk_create(rows)
    return rows


@dataclass
class ClassWork:
    """A teacher's classroom, and something of each kind to assign: a lesson of a published
    course, a scenario of that lesson, a published quiz of the course."""

    teacher: User
    room: Classroom
    tree: CourseTree
    lesson: Lesson
    scenario: ConversationScenario
    quiz: Quiz


async def class_work(teacher: User | None = None, *, capacity: int = 30) -> ClassWork:
    teacher = teacher or await create_user(role=Role.TEACHER)
    room = await classroom(teacher, capacity=capacity)
    tree = await course_tree(lessons=1, exercises=0, author=teacher)
    lesson = tree.lessons[0]
    return ClassWork(
        teacher=teacher,
        room=room,
        tree=tree,
        lesson=lesson,
        scenario=await scenario(lesson_id=lesson.id),
        quiz=await quiz(tree.course),
    )


async def assignment(
    room: Classroom,
    *,
    lesson: Lesson | None = None,
    scenario_row: ConversationScenario | None = None,
    quiz_row: Quiz | None = None,
    due_at: datetime | None = None,
    **fields: Any,
) -> Assignment:
    """An active assignment of exactly the target given."""
    return await Assignment.create(
        classroom_id=room.id,
        created_by_id=room.teacher_id,
        title=fields.pop("title", "Homework"),
        lesson_id=lesson.id if lesson else None,
        scenario_id=scenario_row.id if scenario_row else None,
        quiz_id=quiz_row.id if quiz_row else None,
        due_at=due_at,
        **fields,
    )


async def done_lesson(student: User, work: ClassWork, score: int = 80) -> LessonProgress:
    """The student enrolled in the class's course, with the lesson completed at `score`."""
    row = await enrollment(student, work.tree.course)
    return (await progress_rows(row, [work.lesson], ProgressStatus.COMPLETED, score))[0]


async def done_session(
    student: User, scenario_row: ConversationScenario, score: int = 70
) -> ConversationSession:
    """A COMPLETED session of the scenario, with two messages and an evaluation of `score`."""
    session = await session_for(
        student, scenario_row=scenario_row, messages=2, status=SessionStatus.COMPLETED
    )
    session.completed_at = datetime.now(UTC)
    await session.save(update_fields=["completed_at"])
    await Evaluation.create(
        session_id=session.id,
        overall_score=score,
        grammar_score=min(25, score // 4),
        vocabulary_score=min(20, score // 5),
        fluency_score=min(20, score // 5),
        pronunciation_score=min(15, score // 7),
        comprehension_score=min(20, score // 5),
        cefr_level="B1",
    )
    return session


async def done_attempt(student: User, quiz_row: Quiz, score: float = 90.0) -> QuizAttempt:
    """A handed-in (SUBMITTED) attempt of the quiz, scored `score`."""
    now = datetime.now(UTC)
    count = await QuizAttempt.filter(user_id=student.id, quiz_id=quiz_row.id).count()
    return await QuizAttempt.create(
        quiz_id=quiz_row.id,
        user_id=student.id,
        attempt_number=count + 1,
        status=AttemptStatus.SUBMITTED,
        started_at=now,
        submitted_at=now,
        points_earned=score / 100 * 3,
        points_possible=3.0,
        score=score,
        passed=score >= 70,
    )


async def submission(
    task: Assignment,
    student: User,
    *,
    lesson_progress: LessonProgress | None = None,
    session: ConversationSession | None = None,
    attempt: QuizAttempt | None = None,
    status: SubmissionStatus = SubmissionStatus.SUBMITTED,
    late: bool = False,
    score: float | None = None,
) -> Submission:
    return await Submission.create(
        assignment_id=task.id,
        student_id=student.id,
        lesson_progress_id=lesson_progress.id if lesson_progress else None,
        session_id=session.id if session else None,
        quiz_attempt_id=attempt.id if attempt else None,
        status=status,
        submitted_at=datetime.now(UTC),
        is_late=late,
        score=score,
    )
