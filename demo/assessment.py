"""Demo assessment: a short quiz on the first free demo course, written by its author through
the same use case a teacher's `createQuiz` runs."""

from __future__ import annotations

import logging

from models.catalog import Course
from models.identity import User
from resolvers.assessment.authoring import QuestionInput, create_quiz

log = logging.getLogger(__name__)

DEMO_QUESTIONS = [
    QuestionInput(
        type="multiple_choice",
        prompt="Which greeting fits the morning?",
        options=("Good night", "Good morning", "Goodbye"),
        correct_answer="Good morning",
    ),
    QuestionInput(
        type="true_false", prompt="'See you later' is a way to say goodbye.", correct_answer="true"
    ),
    QuestionInput(
        type="short_answer",
        prompt="Complete: 'Nice to ___ you.'",
        correct_answer="meet",
    ),
    QuestionInput(type="essay", prompt="Introduce yourself in two or three sentences.", points=3.0),
]


async def load() -> None:
    course = (
        await Course.filter(is_published=True, price_amount=0, deleted_at=None)
        .order_by("slug")
        .first()
    )
    if course is None or course.author_id is None:
        return
    author = await User.get(id=course.author_id)
    await create_quiz(
        author,
        course_id=course.id,
        title="First steps check",
        description="Greetings and introductions; the essay is read by your teacher.",
        time_limit_minutes=15,
        questions=DEMO_QUESTIONS,
    )
    log.info("demo quiz added to %s", course.slug)
