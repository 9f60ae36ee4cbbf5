"""The classroom part of the executors' comparison world (test_executors_agree.py): the
course's author teaches a class the learner belongs to, with an assignment of each kind and
the learner's work submitted for it (a graded lesson, the completed conversation, the quiz
attempt awaiting review)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from engine.ids import global_id
from models.assessment import Quiz, QuizAttempt
from models.catalog import ConversationScenario
from models.classroom import SubmissionStatus
from models.conversation import ConversationSession
from models.identity import User
from models.learning import LessonProgress
from tests.factories.catalog import CourseTree
from tests.factories.classroom import assignment, classroom, member, submission

# Classroom queries run as the teacher (the course's author); the others as the learner.
AS_TEACHER = {"ClassroomDetail", "AssignmentSubmissions"}


async def classroom_variables(
    teacher: User, learner: User, tree: CourseTree, session: ConversationSession, quiz: Quiz
) -> dict[str, list[dict[str, Any]]]:
    """Builds the class and returns the variable sets of the classroom queries."""
    room = await classroom(teacher, name="Evening class", description="Tuesdays")
    await member(room, learner)
    await member(room)  # a classmate, with nothing submitted
    week = datetime.now(UTC) + timedelta(days=7)
    lesson = tree.lessons[0]
    scenario_row = await ConversationScenario.get(id=session.scenario_id)
    by_lesson = await assignment(room, lesson=lesson, due_at=week, title="Lesson one")
    by_talk = await assignment(room, scenario_row=scenario_row, title="Talk it through")
    by_quiz = await assignment(room, quiz_row=quiz, due_at=week, title="Checkpoint")
    progress = await LessonProgress.get(user_id=learner.id, lesson_id=lesson.id)
    await submission(
        by_lesson, learner, lesson_progress=progress, status=SubmissionStatus.GRADED, score=88
    )
    await submission(by_talk, learner, session=session, late=True)
    attempt = await QuizAttempt.filter(user_id=learner.id, quiz_id=quiz.id).first()
    await submission(by_quiz, learner, attempt=attempt)
    room_id = global_id("Classroom", room.id)
    return {
        "MyClassrooms": [{}, {"first": 1}],
        "ClassroomDetail": [{"id": room_id}, {"id": room_id, "first": 1}],
        "MyAssignments": [{}, {"first": 2}],
        "AssignmentSubmissions": [
            {"id": global_id("Assignment", row.id)} for row in (by_lesson, by_talk, by_quiz)
        ],
    }
