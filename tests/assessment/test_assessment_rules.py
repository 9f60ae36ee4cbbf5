"""Assessment rules: marking each question type, authoring checks, score and pass, deadline
grace, attempts, the answer-key rule and certificates. No database."""

from datetime import UTC, datetime, timedelta

from core.errors import ErrorCode
from models.assessment import AttemptStatus, QuestionType
from rules.assessment.certificates import (
    all_lessons_completed,
    certificate_due,
    certificate_number,
    normalize_certificate_number,
)
from rules.assessment.key import key_visible
from rules.assessment.marking import (
    QUESTION_TYPES,
    Mark,
    Problem,
    QuestionKey,
    canonical_correct_answer,
    grade,
    grade_problem,
    mark,
    option_ids,
    option_rows,
    validate_question,
    validate_quiz,
)
from rules.assessment.scoring import (
    ATTEMPT_STATUSES,
    DEADLINE_GRACE,
    AttemptResult,
    attempt_result,
    attempts_left,
    attempts_used,
    deadline,
    effective_status,
    expired_result,
    is_late,
    marked_status,
    needs_review,
    passed,
    score,
)

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)

CHOICE = QuestionKey.of(
    "multiple_choice",
    2.0,
    [{"id": "a", "text": "Madrid"}, {"id": "b", "text": "Paris"}, {"id": "c", "text": "Rome"}],
    "b",
)
TRUE_FALSE = QuestionKey("true_false", 1.0, correct_answer="false")
SHORT = QuestionKey("short_answer", 3.0, correct_answer="Buenos días", accepted_answers=("Hola",))
ESSAY = QuestionKey("essay", 5.0)


def fields(problems: list[Problem]) -> list[tuple[str, str]]:
    return [(p.field, p.code.value) for p in problems]


# --- marking ---------------------------------------------------------------------------


def test_types_and_statuses_match_the_models() -> None:
    assert set(QUESTION_TYPES) == {t.value for t in QuestionType}
    assert set(ATTEMPT_STATUSES) == {s.value for s in AttemptStatus}


def test_multiple_choice_by_option_id() -> None:
    assert mark(CHOICE, "b") == Mark(True, 2.0)
    assert mark(CHOICE, " B ") == Mark(True, 2.0)
    assert mark(CHOICE, "a") == Mark(False, 0.0)
    assert mark(CHOICE, "d") == Mark(False, 0.0)


def test_multiple_choice_by_option_text() -> None:
    assert mark(CHOICE, "paris.") == Mark(True, 2.0)
    assert mark(CHOICE, "Rome") == Mark(False, 0.0)
    assert mark(CHOICE, "London") == Mark(False, 0.0)


def test_multiple_choice_key_naming_the_option_by_text_still_marks() -> None:
    key = QuestionKey("multiple_choice", 1.0, (("a", "yes"), ("b", "no")), "No")
    assert mark(key, "b") == Mark(True, 1.0)
    assert mark(key, "a") == Mark(False, 0.0)


def test_multiple_choice_ids_win_over_texts() -> None:
    key = QuestionKey("multiple_choice", 1.0, (("a", "b"), ("b", "c")), "a")
    assert mark(key, "b") == Mark(False, 0.0)  # option "b" (text "c"), not the text "b"
    assert mark(key, "a") == Mark(True, 1.0)


def test_multiple_choice_with_a_broken_key_is_never_right() -> None:
    key = QuestionKey("multiple_choice", 1.0, (("a", "x"), ("b", "y")), "z")
    assert mark(key, "z") == Mark(False, 0.0)
    assert mark(key, "a") == Mark(False, 0.0)


def test_true_false_ignores_case_spaces_and_final_punctuation() -> None:
    assert mark(TRUE_FALSE, "false") == Mark(True, 1.0)
    assert mark(TRUE_FALSE, "  FALSE. ") == Mark(True, 1.0)
    assert mark(TRUE_FALSE, "true") == Mark(False, 0.0)
    assert mark(QuestionKey("true_false", 1.0, correct_answer="True"), "true") == Mark(True, 1.0)


def test_true_false_accepts_only_true_or_false() -> None:
    for synonym in ("no", "f", "0", "falsch", "not true"):
        assert mark(TRUE_FALSE, synonym) == Mark(False, 0.0), synonym


def test_short_answer_uses_lesson_normalisation() -> None:
    assert mark(SHORT, "buenos   DÍAS!") == Mark(True, 3.0)
    assert mark(SHORT, "  Buenos días ") == Mark(True, 3.0)
    assert mark(SHORT, "buenas noches") == Mark(False, 0.0)
    assert mark(SHORT, "buenos, días") == Mark(False, 0.0)  # inner punctuation counts


def test_short_answer_accepts_the_alternatives() -> None:
    assert mark(SHORT, "hola") == Mark(True, 3.0)
    assert mark(SHORT, "HOLA?") == Mark(True, 3.0)
    assert mark(SHORT, "hey") == Mark(False, 0.0)


def test_essay_waits_for_a_grader() -> None:
    assert mark(ESSAY, "Me gusta el español porque...") == Mark(None, None)
    assert mark(ESSAY, "...").awaiting_grader


def test_blank_answers_are_wrong_with_no_points_for_every_type() -> None:
    for key in (CHOICE, TRUE_FALSE, SHORT, ESSAY):
        for blank in (None, "", "   "):
            result = mark(key, blank)
            assert result == Mark(False, 0.0), (key.type, blank)
            assert not result.awaiting_grader


def test_right_answers_earn_the_question_points() -> None:
    assert mark(QuestionKey("short_answer", 0.5, correct_answer="si"), "Sí") == Mark(False, 0.0)
    assert mark(QuestionKey("short_answer", 0.5, correct_answer="sí"), "Sí") == Mark(True, 0.5)
    assert mark(QuestionKey.of("TRUE_FALSE", 7, correct_answer="true"), "true") == Mark(True, 7.0)


def test_a_grader_mark_counts_any_credit_as_right() -> None:
    assert grade(5.0) == Mark(True, 5.0)
    assert grade(0.5) == Mark(True, 0.5)
    assert grade(0) == Mark(False, 0.0)
    assert grade_problem(0, 5.0) is None
    assert grade_problem(5.0, 5.0) is None
    assert grade_problem(5.5, 5.0) == Problem(
        "pointsAwarded", ErrorCode.INVALID, "Award between 0 and 5 points."
    )
    assert grade_problem(-1, 5.0) is not None
    assert grade_problem(float("nan"), 5.0) is not None


# --- authoring -------------------------------------------------------------------------


def test_option_ids_follow_the_order_given() -> None:
    assert option_ids(0) == []
    assert option_ids(3) == ["a", "b", "c"]
    assert option_ids(28)[25:] == ["z", "aa", "ab"]
    assert option_rows([" Madrid ", {"text": "Paris"}]) == [
        {"id": "a", "text": "Madrid"},
        {"id": "b", "text": "Paris"},
    ]


def test_a_valid_question_of_each_type_has_no_problems() -> None:
    assert validate_question(
        type="multiple_choice", prompt="Capital of France?", options=["Madrid", "Paris"],
        correct_answer="b",
    ) == []  # fmt: skip
    assert validate_question(type="TRUE_FALSE", prompt="Snow is hot.", correct_answer="False") == []
    assert validate_question(
        type="short_answer", prompt="Say hello.", points=2, correct_answer="hola",
        accepted_answers=["buenas"], explanation="Both greet.",
    ) == []  # fmt: skip
    assert validate_question(type="essay", prompt="Describe your town.", points=10) == []
    assert validate_question(type=QuestionType.ESSAY, prompt="Why?", correct_answer="  ") == []


def test_prompt_is_required_and_bounded() -> None:
    blank = validate_question(type="essay", prompt="  ")
    assert blank == [Problem("prompt", ErrorCode.REQUIRED, "The prompt is required.")]
    assert fields(validate_question(type="essay", prompt=None)) == [("prompt", "REQUIRED")]
    assert validate_question(type="essay", prompt="x" * 2000) == []
    assert fields(validate_question(type="essay", prompt="x" * 2001)) == [("prompt", "TOO_LONG")]
    long_explanation = validate_question(type="essay", prompt="Why?", explanation="x" * 2001)
    assert fields(long_explanation) == [("explanation", "TOO_LONG")]


def test_points_are_more_than_zero_and_at_most_a_thousand() -> None:
    for ok in (0.5, 1, 1000, None):
        assert validate_question(type="essay", prompt="Why?", points=ok) == [], ok
    for bad in (0, -1, 1000.5, float("inf"), float("nan")):
        problems = validate_question(type="essay", prompt="Why?", points=bad)
        assert fields(problems) == [("points", "INVALID")], bad


def test_unknown_type_is_invalid() -> None:
    assert fields(validate_question(type="matching", prompt="Pair them.")) == [("type", "INVALID")]


def test_multiple_choice_needs_two_options() -> None:
    one = validate_question(type="multiple_choice", prompt="?", options=["a"], correct_answer="a")
    assert one == [Problem("options", ErrorCode.REQUIRED, "Give at least 2 options.")]
    none = validate_question(type="multiple_choice", prompt="?", correct_answer="a")
    assert fields(none) == [("options", "REQUIRED")]
    many = validate_question(
        type="multiple_choice", prompt="?", options=[str(i) for i in range(11)], correct_answer="a"
    )
    assert fields(many) == [("options", "INVALID")]


def test_multiple_choice_options_are_not_blank_long_or_repeated() -> None:
    problems = validate_question(
        type="multiple_choice", prompt="?", options=["Paris", " ", "paris!", "x" * 501],
        correct_answer="a",
    )  # fmt: skip
    assert fields(problems) == [
        ("options.1", "REQUIRED"),
        ("options.2", "UNIQUE"),
        ("options.3", "TOO_LONG"),
    ]


def test_multiple_choice_answer_must_be_among_the_options() -> None:
    options = ["Madrid", "Paris"]
    missing = validate_question(type="multiple_choice", prompt="?", options=options)
    assert fields(missing) == [("correctAnswer", "REQUIRED")]
    wrong = validate_question(
        type="multiple_choice", prompt="?", options=options, correct_answer="c"
    )
    assert wrong == [
        Problem("correctAnswer", ErrorCode.INVALID, 'The correct answer must be one of "a", "b".')
    ]
    by_text = validate_question(
        type="multiple_choice", prompt="?", options=options, correct_answer="paris"
    )
    assert by_text == []


def test_the_stored_key_is_canonical() -> None:
    options: list[str | dict[str, str]] = ["Madrid", {"text": "Paris"}]
    assert canonical_correct_answer("multiple_choice", options, "Paris") == "b"
    assert canonical_correct_answer("multiple_choice", options, " A ") == "a"
    assert canonical_correct_answer("multiple_choice", options, "Rome") is None
    assert canonical_correct_answer("true_false", [], " TRUE ") == "true"
    assert canonical_correct_answer("short_answer", [], "  Hola ") == "Hola"
    assert canonical_correct_answer("essay", [], "anything") is None
    assert canonical_correct_answer("short_answer", [], "  ") is None


def test_true_false_answer_is_true_or_false() -> None:
    missing = validate_question(type="true_false", prompt="?")
    assert fields(missing) == [("correctAnswer", "REQUIRED")]
    yes = validate_question(type="true_false", prompt="?", correct_answer="yes")
    message = 'The correct answer is "true" or "false".'
    assert yes == [Problem("correctAnswer", ErrorCode.INVALID, message)]
    with_options = validate_question(
        type="true_false", prompt="?", options=["true", "false"], correct_answer="true"
    )
    assert fields(with_options) == [("options", "INVALID")]


def test_short_answer_needs_a_correct_answer() -> None:
    assert fields(validate_question(type="short_answer", prompt="?", correct_answer=" ")) == [
        ("correctAnswer", "REQUIRED")
    ]
    too_long = validate_question(type="short_answer", prompt="?", correct_answer="x" * 501)
    assert fields(too_long) == [("correctAnswer", "TOO_LONG")]


def test_accepted_answers_belong_to_short_answers_and_are_not_blank() -> None:
    blank = validate_question(
        type="short_answer", prompt="?", correct_answer="hola", accepted_answers=["hey", " "]
    )
    assert fields(blank) == [("acceptedAnswers.1", "REQUIRED")]
    too_many = validate_question(
        type="short_answer", prompt="?", correct_answer="hola", accepted_answers=["x"] * 21
    )
    assert fields(too_many) == [("acceptedAnswers", "INVALID")]
    on_choice = validate_question(
        type="multiple_choice", prompt="?", options=["x", "y"], correct_answer="a",
        accepted_answers=["x"],
    )  # fmt: skip
    assert fields(on_choice) == [("acceptedAnswers", "INVALID")]


def test_an_essay_has_no_key_and_no_options() -> None:
    keyed = validate_question(type="essay", prompt="?", correct_answer="Anything")
    assert keyed == [Problem("correctAnswer", ErrorCode.INVALID, "An essay has no correct answer.")]
    extras = validate_question(type="essay", prompt="?", options=["x"], accepted_answers=["y"])
    assert fields(extras) == [("options", "INVALID"), ("acceptedAnswers", "INVALID")]


def test_every_problem_of_a_question_is_listed() -> None:
    problems = validate_question(
        type="multiple_choice", prompt="", points=0, options=["x", "y"], correct_answer="q"
    )
    assert fields(problems) == [
        ("prompt", "REQUIRED"),
        ("points", "INVALID"),
        ("correctAnswer", "INVALID"),
    ]


def test_quiz_settings() -> None:
    assert validate_quiz() == []
    assert validate_quiz(
        title="Unit 1", passing_score=0, time_limit_minutes=1, max_attempts=1, question_count=1
    ) == []  # fmt: skip
    assert validate_quiz(passing_score=100, time_limit_minutes=1440, max_attempts=100) == []
    problems = validate_quiz(
        title=" ", passing_score=101, time_limit_minutes=0, max_attempts=0, question_count=0
    )
    assert fields(problems) == [
        ("title", "REQUIRED"),
        ("passingScore", "INVALID"),
        ("timeLimitMinutes", "INVALID"),
        ("maxAttempts", "INVALID"),
        ("questions", "REQUIRED"),
    ]
    assert fields(validate_quiz(passing_score=-1)) == [("passingScore", "INVALID")]
    assert fields(validate_quiz(question_count=201)) == [("questions", "INVALID")]
    assert fields(validate_quiz(title="x" * 201)) == [("title", "TOO_LONG")]


# --- scoring ---------------------------------------------------------------------------


def test_score_is_the_share_of_points_rounded_to_two_decimals() -> None:
    assert score(2, 3) == 66.67
    assert score(1, 3) == 33.33
    assert score(3, 3) == 100.0
    assert score(0, 3) == 0.0
    assert score(1, 8) == 12.5
    assert score(1, 800) == 0.13  # 0.125 rounds half up
    assert score(2.5, 4) == 62.5


def test_score_with_nothing_possible_is_zero_and_stays_within_bounds() -> None:
    assert score(0, 0) == 0.0
    assert score(5, 0) == 0.0
    assert score(4, 3) == 100.0
    assert score(-1, 3) == 0.0


def test_passing_is_score_at_least_the_passing_score() -> None:
    assert passed(70, 70)
    assert passed(70.01, 70)
    assert not passed(69.99, 70)
    assert passed(0, 0)
    assert passed(100, 100)


def test_deadline_is_start_plus_limit_or_none() -> None:
    assert deadline(T0, 30) == T0 + timedelta(minutes=30)
    assert deadline(T0, None) is None


def test_deadline_grace_is_ten_seconds_inclusive() -> None:
    end = T0 + timedelta(minutes=30)
    assert timedelta(seconds=10) == DEADLINE_GRACE
    assert not is_late(end, end)
    assert not is_late(end + timedelta(seconds=10), end)
    assert is_late(end + timedelta(seconds=10, milliseconds=1), end)
    assert not is_late(T0 + timedelta(days=365), None)


def test_an_attempt_in_progress_reads_expired_after_deadline_and_grace() -> None:
    end = T0 + timedelta(minutes=30)
    assert effective_status("in_progress", end, end + timedelta(seconds=10)) == "in_progress"
    assert effective_status("in_progress", end, end + timedelta(seconds=11)) == "expired"
    assert effective_status("in_progress", None, T0 + timedelta(days=30)) == "in_progress"
    assert effective_status(AttemptStatus.IN_PROGRESS, end, end + timedelta(hours=1)) == "expired"
    for finished in ("submitted", "pending_review", "graded", "expired"):
        assert effective_status(finished, end, end + timedelta(hours=1)) == finished


def test_attempts_used_are_the_finished_ones_and_left_never_negative() -> None:
    assert attempts_used([]) == 0
    assert attempts_used(["in_progress"]) == 0
    assert attempts_used(["graded", "expired", "pending_review", "submitted", "in_progress"]) == 4
    assert attempts_used([AttemptStatus.GRADED, AttemptStatus.IN_PROGRESS]) == 1
    assert attempts_left(3, 0) == 3
    assert attempts_left(3, 2) == 1
    assert attempts_left(3, 3) == 0
    assert attempts_left(2, 3) == 0


def test_an_essay_awaiting_a_grader_means_pending_review() -> None:
    auto = [Mark(True, 1.0), Mark(False, 0.0)]
    assert not needs_review(auto)
    assert marked_status(auto) == "graded"
    assert needs_review([*auto, Mark(None, None)])
    assert marked_status([*auto, Mark(None, None)]) == "pending_review"
    assert marked_status([]) == "graded"


def test_attempt_result_when_fully_marked() -> None:
    marks = [mark(CHOICE, "b"), mark(TRUE_FALSE, "true"), mark(SHORT, "hola")]
    assert attempt_result(marks, 6.0, 70) == AttemptResult("graded", 5.0, 6.0, 83.33, True)
    assert attempt_result(marks, 6.0, 84) == AttemptResult("graded", 5.0, 6.0, 83.33, False)


def test_attempt_result_waits_for_the_grader_then_recomputes() -> None:
    marks = [mark(CHOICE, "b"), mark(ESSAY, "Mi ciudad es...")]
    pending = attempt_result(marks, 7.0, 70)
    assert pending == AttemptResult("pending_review", 2.0, 7.0, None, None)
    graded = attempt_result([marks[0], grade(3.0)], 7.0, 70)
    assert graded == AttemptResult("graded", 5.0, 7.0, 71.43, True)
    boundary = attempt_result([marks[0], grade(2.9)], 7.0, 70)
    assert boundary == AttemptResult("graded", 4.9, 7.0, 70.0, True)
    assert attempt_result([marks[0], grade(2.8)], 7.0, 70).passed is False  # 68.57


def test_a_late_attempt_scores_zero_and_fails() -> None:
    assert expired_result(6.0) == AttemptResult("expired", 0.0, 6.0, 0.0, False)
    assert expired_result(6.0).passed is False


# --- the answer key --------------------------------------------------------------------


def test_key_rule_truth_table() -> None:
    for is_editor in (False, True):
        for passed_any in (False, True):
            for left in (0, 1, 2):
                expected = is_editor or passed_any or left == 0
                shown = key_visible(is_editor=is_editor, passed_any=passed_any, attempts_left=left)
                assert shown is expected, (is_editor, passed_any, left)


def test_a_learner_on_the_last_attempt_does_not_see_the_key() -> None:
    during = attempts_left(3, attempts_used(["graded", "graded", "in_progress"]))
    assert during == 1
    assert not key_visible(is_editor=False, passed_any=False, attempts_left=during)
    after = attempts_left(3, attempts_used(["graded", "graded", "graded"]))
    assert key_visible(is_editor=False, passed_any=False, attempts_left=after)
    ran_out = effective_status("in_progress", T0, T0 + timedelta(minutes=1))
    left = attempts_left(3, attempts_used(["graded", "graded", ran_out]))
    assert key_visible(is_editor=False, passed_any=False, attempts_left=left)


# --- certificates ----------------------------------------------------------------------


def test_all_lessons_completed_needs_lessons() -> None:
    assert all_lessons_completed(3, 3)
    assert not all_lessons_completed(3, 2)
    assert not all_lessons_completed(0, 0)


def test_certificate_due_needs_every_lesson_and_every_published_quiz() -> None:
    assert certificate_due(lessons_done=True, quizzes_published=set(), quizzes_passed=set())
    assert certificate_due(lessons_done=True, quizzes_published={1, 2}, quizzes_passed={1, 2})
    assert certificate_due(lessons_done=True, quizzes_published={1}, quizzes_passed={1, 9})
    assert not certificate_due(lessons_done=True, quizzes_published={1, 2}, quizzes_passed={1})
    assert not certificate_due(lessons_done=False, quizzes_published={1}, quizzes_passed={1})
    assert not certificate_due(lessons_done=False, quizzes_published=set(), quizzes_passed=set())
    no_lessons = all_lessons_completed(0, 0)
    assert not certificate_due(
        lessons_done=no_lessons, quizzes_published=set(), quizzes_passed=set()
    )


def test_certificate_number_keeps_the_learning_format() -> None:
    assert certificate_number(T0, "3f9a0c12be") == "LG-2026-3F9A0C12BE"
    assert normalize_certificate_number(" lg-2026- 3f9a0c12be ") == "LG-2026-3F9A0C12BE"
