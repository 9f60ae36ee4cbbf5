"""Smoke test of the benchmark's data set at a tiny size: every row encodes against the models'
columns (the COPY input), the sizes come out as asked, and the x10 slice is ten times larger.
Builds in memory only; the benchmark itself is `make bench`, never part of the suite."""

from __future__ import annotations

import pytest

from bench.bulk import records_for
from bench.dataset import Sizes, _Builder
from models.catalog import Course, ExerciseOption, Lesson
from models.conversation import ConversationMessage, Correction
from models.learning import Enrollment, LessonProgress


@pytest.mark.asyncio(loop_scope="session")
async def test_tiny_data_set_encodes_for_copy_with_the_asked_sizes(server: str) -> None:
    sizes = Sizes.tiny()
    builder = _Builder(sizes)
    data = builder.build()
    rows = builder.bulk.rows

    for model, model_rows in rows.items():
        columns, records = records_for(model, model_rows)
        assert len(records) == len(model_rows)
        assert all(len(record) == len(columns) for record in records)

    k = sizes.scale
    extra_courses = sizes.courses * k - 1
    assert len(rows[Course]) == sizes.courses + 1 + extra_courses
    default_lessons = sizes.courses * sizes.sections * sizes.units * sizes.lessons
    assert len(data.lesson_ids) == default_lessons
    big_lessons = sizes.sections * sizes.units * sizes.lessons * k
    assert len(rows[Lesson]) == default_lessons + big_lessons + extra_courses * 2 * sizes.progress
    default_options = default_lessons * sizes.exercises * sizes.options
    big_options = (sizes.exercises * k + big_lessons - 1) * sizes.options
    assert len(rows[ExerciseOption]) == default_options + big_options
    assert len(data.tokens) == sizes.learners
    assert len(rows[Enrollment]) == sizes.learners * sizes.enrollments + sizes.enrollments * k
    assert data.big["enrollments"] == sizes.enrollments * k
    learner_progress = sizes.learners * sizes.enrollments * sizes.progress
    assert len(rows[LessonProgress]) > learner_progress + sizes.progress * k
    messages = sizes.learners * sizes.sessions * sizes.messages + sizes.messages * k
    assert len(rows[ConversationMessage]) == messages
    learner_messages = sizes.learners * sizes.sessions * sizes.messages // 2
    assert len(rows[Correction]) == learner_messages + (sizes.messages * k // 2) * k
    assert [len(ids) for ids in data.session_ids] == [sizes.sessions] * sizes.learners
