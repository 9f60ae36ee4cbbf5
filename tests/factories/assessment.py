"""Assessment factories: a course with its author and an enrolled learner, quizzes with a
given number of questions of each type (written directly), question inputs for authoring,
and the answers a learner gives."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from models.assessment import QuestionType, Quiz, QuizAttempt, QuizQuestion
from models.catalog import Course
from models.identity import Role, User
from models.learning import Enrollment, EnrollmentStatus
from resolvers.assessment.authoring import QuestionInput
from tests.factories.catalog import CourseTree, course_tree
from tests.factories.identity import create_user
from tests.factories.learning import enrollment

# What every factory question expects, by type.
CHOICES = ["Madrid", "Paris", "Rome"]
CHOICE_KEY = "b"  # Paris
TRUE_FALSE_KEY = "true"
SHORT_KEY, SHORT_ALTERNATIVE = "buenos días", "buen día"
ESSAY_TEXT = "Mi ciudad es grande y bonita."
RIGHT = {
    QuestionType.MULTIPLE_CHOICE: CHOICE_KEY,
    QuestionType.TRUE_FALSE: TRUE_FALSE_KEY,
    QuestionType.SHORT_ANSWER: "Buenos días.",  # normalised as lesson answers are
    QuestionType.ESSAY: ESSAY_TEXT,
}
WRONG = {
    QuestionType.MULTIPLE_CHOICE: "a",
    QuestionType.TRUE_FALSE: "false",
    QuestionType.SHORT_ANSWER: "adiós",
    QuestionType.ESSAY: ESSAY_TEXT,
}


@dataclass
class Setting:
    """A published course (`lessons` lessons) by a teacher, and a learner enrolled in it."""

    author: User
    learner: User
    tree: CourseTree
    enrollment: Enrollment

    @property
    def course(self) -> Course:
        return self.tree.course


async def setting(lessons: int = 1, *, completed: bool = False, **course: Any) -> Setting:
    """`completed`: the learner's enrollment is completed (every lesson done), so passing
    the course's quizzes is what the certificate still waits for."""
    author = await create_user(role=Role.TEACHER)
    learner = await create_user()
    tree = await course_tree(lessons=lessons, exercises=0, author=author, **course)
    status = EnrollmentStatus.COMPLETED if completed else EnrollmentStatus.ACTIVE
    row = await enrollment(learner, tree.course, status=status)
    return Setting(author=author, learner=learner, tree=tree, enrollment=row)


async def learner_in(course: Course, **fields: Any) -> User:
    user = await create_user(**fields)
    await enrollment(user, course)
    return user


async def quiz(
    course: Course,
    *,
    choice: int = 1,
    true_false: int = 1,
    short: int = 1,
    essay: int = 0,
    points: float = 1.0,
    section_id: Any = None,
    **fields: Any,
) -> Quiz:
    """A published quiz (defaults: passing 70, 3 attempts, untimed) with `choice` multiple
    choice, `true_false`, `short` and `essay` questions, in that order, each worth `points`."""
    row = await Quiz.create(
        course=course,
        section_id=section_id,
        title=fields.pop("title", "Checkpoint"),
        **fields,
    )
    kinds = (
        [QuestionType.MULTIPLE_CHOICE] * choice
        + [QuestionType.TRUE_FALSE] * true_false
        + [QuestionType.SHORT_ANSWER] * short
        + [QuestionType.ESSAY] * essay
    )
    questions = []
    for position, kind in enumerate(kinds):
        options, key, accepted = [], None, []
        if kind == QuestionType.MULTIPLE_CHOICE:
            options = [{"id": i, "text": t} for i, t in zip("abc", CHOICES, strict=True)]
            key = CHOICE_KEY
        elif kind == QuestionType.TRUE_FALSE:
            key = TRUE_FALSE_KEY
        elif kind == QuestionType.SHORT_ANSWER:
            key, accepted = SHORT_KEY, [SHORT_ALTERNATIVE]
        questions.append(
            QuizQuestion(
                id=uuid.uuid4(),
                quiz_id=row.id,
                position=position,
                type=kind,
                prompt=f"Question {position + 1} ({kind.value})",
                points=points,
                options=options,
                correct_answer=key,
                accepted_answers=accepted,
            )
        )
    await QuizQuestion.bulk_create(questions)
    return row


async def questions_of(quiz_row: Quiz) -> list[QuizQuestion]:
    return await QuizQuestion.filter(quiz_id=quiz_row.id).order_by("position")


async def answers(quiz_row: Quiz, right: bool = True) -> list[tuple[Any, str]]:
    """An answer to every question: the right ones (essays get a text) or the wrong ones."""
    table = RIGHT if right else WRONG
    return [(q.id, table[q.type]) for q in await questions_of(quiz_row)]


async def move_back(attempt: QuizAttempt, delta: timedelta) -> QuizAttempt:
    """The attempt as if started `delta` earlier (its deadline too): no sleeping."""
    fields: dict[str, Any] = {"started_at": attempt.started_at - delta}
    if attempt.deadline_at is not None:
        fields["deadline_at"] = attempt.deadline_at - delta
    await QuizAttempt.filter(id=attempt.id).update(**fields)
    return await QuizAttempt.get(id=attempt.id)


def question_inputs() -> list[QuestionInput]:
    """One valid question of each type, as an author gives them."""
    return [
        QuestionInput(
            type=QuestionType.MULTIPLE_CHOICE,
            prompt="The capital of France?",
            points=2.0,
            options=list(CHOICES),
            correct_answer="Paris",  # by text: stored as its id, "b"
        ),
        QuestionInput(
            type=QuestionType.TRUE_FALSE, prompt="Hola means hello.", correct_answer="True"
        ),
        QuestionInput(
            type=QuestionType.SHORT_ANSWER,
            prompt="Say good morning.",
            correct_answer="  Buenos días ",
            accepted_answers=["Buen día"],
            explanation="Días is plural.",
        ),
        QuestionInput(type=QuestionType.ESSAY, prompt="Describe your city.", points=5.0),
    ]


def now() -> datetime:
    return datetime.now(UTC)
