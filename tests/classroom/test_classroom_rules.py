"""Classroom rules: join codes, capacity, joining and leaving, assignment targets and due
times, submission statuses, grading, and the performance figures. No database."""

import itertools
import random
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from core.errors import ErrorCode, FieldError
from models.assessment import AttemptStatus
from models.classroom import AssignmentKind, MembershipStatus, SubmissionStatus
from models.conversation import SessionStatus
from models.learning import ProgressStatus
from rules.classroom.assignments import (
    ASSIGNMENT_KINDS,
    assignment_kind,
    due_problem,
    is_late,
    is_past,
    target_problem,
)
from rules.classroom.join_codes import (
    AMBIGUOUS,
    JOIN_CODE_ALPHABET,
    JOIN_CODE_LENGTH,
    new_join_code,
    normalize_join_code,
)
from rules.classroom.membership import (
    DEFAULT_CAPACITY,
    MAX_CAPACITY,
    MEMBERSHIP_STATUSES,
    JoinDecision,
    MembershipTimes,
    check_capacity_change,
    has_room,
    join_decision,
    status_after_leaving,
    times_after,
)
from rules.classroom.performance import average, on_time_rate, rate
from rules.classroom.submissions import (
    DONE_ATTEMPT_STATUSES,
    DONE_LESSON_STATUSES,
    DONE_SESSION_STATUSES,
    SUBMISSION_STATUSES,
    WORK_FIELDS,
    attempt_done,
    awaits_grading,
    grade_problems,
    lesson_done,
    not_started,
    score_problem,
    session_done,
    status_after_submitting,
    submit_refusal,
    work_done,
    work_input_problem,
)

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
SECOND = timedelta(seconds=1)


def codes(problem: FieldError | None) -> tuple[str | None, str] | None:
    return None if problem is None else (problem.field, problem.code.value)


# --- the rules and the models agree ----------------------------------------------------


def test_statuses_and_kinds_match_the_models() -> None:
    assert set(MEMBERSHIP_STATUSES) == {s.value for s in MembershipStatus}
    assert set(SUBMISSION_STATUSES) == {s.value for s in SubmissionStatus}
    assert set(ASSIGNMENT_KINDS) == {k.value for k in AssignmentKind}
    assert set(WORK_FIELDS) == set(ASSIGNMENT_KINDS)


def test_done_statuses_are_the_other_domains_values() -> None:
    assert DONE_LESSON_STATUSES.issubset({s.value for s in ProgressStatus})
    assert DONE_SESSION_STATUSES.issubset({s.value for s in SessionStatus})
    assert DONE_ATTEMPT_STATUSES.issubset({s.value for s in AttemptStatus})


# --- join codes ------------------------------------------------------------------------


def test_the_alphabet_has_no_ambiguous_characters() -> None:
    assert not AMBIGUOUS & set(JOIN_CODE_ALPHABET)
    assert len(set(JOIN_CODE_ALPHABET)) == len(JOIN_CODE_ALPHABET) == 31
    assert JOIN_CODE_ALPHABET.isupper()


def test_a_new_code_takes_one_pick_per_character() -> None:
    letters = itertools.cycle("ABCDEFGH")
    assert new_join_code(lambda alphabet: next(letters)) == "ABCDEFGH"


def test_new_codes_are_short_and_from_the_alphabet() -> None:
    rng = random.Random(7)
    for _ in range(200):
        code = new_join_code(rng.choice)
        assert len(code) == JOIN_CODE_LENGTH == 8
        assert set(code) <= set(JOIN_CODE_ALPHABET)
        assert normalize_join_code(code) == code


def test_the_random_source_is_offered_the_alphabet() -> None:
    offered: list[str] = []

    def pick(alphabet: str) -> str:
        offered.append(alphabet)
        return alphabet[0]

    assert new_join_code(pick) == "AAAAAAAA"
    assert offered == [JOIN_CODE_ALPHABET] * 8


def test_normalizing_ignores_case_spaces_and_dashes() -> None:
    assert normalize_join_code("ABCD-EFGH") == "ABCDEFGH"
    assert normalize_join_code("abcd efgh") == "ABCDEFGH"
    assert normalize_join_code("  aBc-D eF--gH \n") == "ABCDEFGH"
    assert normalize_join_code("ABCD\u2013EFGH") == "ABCDEFGH"  # en dash
    assert normalize_join_code("ABCD\u00a0EFGH") == "ABCDEFGH"  # no-break space


def test_normalizing_folds_full_width_forms() -> None:
    assert normalize_join_code("\uff21\uff22\uff23\uff24\uff25\uff26\uff27\uff28") == "ABCDEFGH"


def test_text_that_cannot_be_a_code_normalizes_to_none() -> None:
    assert normalize_join_code("") is None
    assert normalize_join_code("ABCDEFG") is None  # too short
    assert normalize_join_code("ABCDEFGHJ") is None  # too long
    assert normalize_join_code("ABCDEFG0") is None  # zero is not in the alphabet
    assert normalize_join_code("ABCDEFGO") is None
    assert normalize_join_code("ABCDEFG1") is None
    assert normalize_join_code("ABCDEFGI") is None
    assert normalize_join_code("ABCD.EFGH") is None
    assert normalize_join_code("ABCDÉFGH") is None


# --- capacity --------------------------------------------------------------------------


def test_room_while_active_members_are_below_capacity() -> None:
    assert has_room(0, 30) is True
    assert has_room(29, 30) is True
    assert has_room(30, 30) is False
    assert has_room(31, 30) is False
    assert has_room(0, 1) is True
    assert DEFAULT_CAPACITY == 30


def test_capacity_in_range() -> None:
    assert check_capacity_change(1) is None
    assert check_capacity_change(30) is None
    assert check_capacity_change(MAX_CAPACITY) is None
    assert codes(check_capacity_change(0)) == ("capacity", "INVALID")
    assert codes(check_capacity_change(-5)) == ("capacity", "INVALID")
    assert codes(check_capacity_change(MAX_CAPACITY + 1)) == ("capacity", "INVALID")


def test_capacity_not_below_the_active_members() -> None:
    assert check_capacity_change(10, 10) is None
    assert check_capacity_change(11, 10) is None
    problem = check_capacity_change(9, 10)
    assert problem == FieldError(
        ErrorCode.INVALID,
        "The classroom has 10 active members: capacity cannot be lower.",
        "capacity",
    )


# --- joining and leaving ---------------------------------------------------------------


def test_join_decisions() -> None:
    assert join_decision(None) is JoinDecision.JOIN
    assert join_decision(MembershipStatus.ACTIVE) is JoinDecision.ALREADY_MEMBER
    assert join_decision(MembershipStatus.INACTIVE) is JoinDecision.REJOIN
    assert join_decision(MembershipStatus.COMPLETED) is JoinDecision.REJOIN
    assert join_decision(MembershipStatus.SUSPENDED) is JoinDecision.REFUSED
    assert join_decision("suspended") is JoinDecision.REFUSED  # plain stored values too


def test_only_new_active_members_need_room() -> None:
    assert JoinDecision.JOIN.needs_room is True
    assert JoinDecision.REJOIN.needs_room is True
    assert JoinDecision.ALREADY_MEMBER.needs_room is False
    assert JoinDecision.REFUSED.needs_room is False


def test_leaving_sets_an_active_membership_inactive_only() -> None:
    assert status_after_leaving(MembershipStatus.ACTIVE) == "inactive"
    assert status_after_leaving(MembershipStatus.INACTIVE) == "inactive"
    assert status_after_leaving(MembershipStatus.SUSPENDED) == "suspended"
    assert status_after_leaving(MembershipStatus.COMPLETED) == "completed"


def after(
    current: str | None, new: str, joined_at: datetime | None, left_at: datetime | None
) -> MembershipTimes:
    return times_after(current, new, joined_at=joined_at, left_at=left_at, now=T0)


def test_times_of_a_new_membership() -> None:
    assert after(None, "active", None, None) == MembershipTimes(T0, None)
    # Set up by the teacher as suspended: never active, so left at once.
    assert after(None, "suspended", None, None) == MembershipTimes(T0, T0)


def test_times_when_leaving_and_rejoining() -> None:
    joined = T0 - timedelta(days=10)
    left = T0 - timedelta(days=2)
    assert after("active", "inactive", joined, None) == MembershipTimes(joined, T0)
    assert after("inactive", "active", joined, left) == MembershipTimes(T0, None)
    # From one inactive status to another: still left when it first stopped being active.
    assert after("inactive", "suspended", joined, left) == MembershipTimes(joined, left)
    # Unchanged.
    assert after("active", "active", joined, None) == MembershipTimes(joined, None)


# --- assignments -----------------------------------------------------------------------


def test_exactly_one_target() -> None:
    assert target_problem("lesson", None, None) is None
    assert target_problem(None, "scenario", None) is None
    assert target_problem(None, None, "quiz") is None
    assert codes(target_problem(None, None, None)) == ("lessonId", "REQUIRED")
    assert codes(target_problem("lesson", "scenario", None)) == ("scenarioId", "INVALID")
    assert codes(target_problem("lesson", None, "quiz")) == ("quizId", "INVALID")
    assert codes(target_problem(None, "scenario", "quiz")) == ("quizId", "INVALID")
    assert codes(target_problem("lesson", "scenario", "quiz")) == ("scenarioId", "INVALID")


def test_the_kind_follows_from_the_target() -> None:
    assert assignment_kind("lesson", None, None) == "lesson"
    assert assignment_kind(None, "scenario", None) == "conversation"
    assert assignment_kind(None, None, "quiz") == "quiz"
    with pytest.raises(ValueError):
        assignment_kind(None, None, None)
    with pytest.raises(ValueError):
        assignment_kind("lesson", None, "quiz")


def test_past_due_times() -> None:
    assert is_past(T0 - SECOND, T0) is True
    assert is_past(T0, T0) is True
    assert is_past(T0 + SECOND, T0) is False
    assert is_past(None, T0) is False


def test_a_due_time_at_creation_lies_in_the_future() -> None:
    assert due_problem(T0 + SECOND, T0) is None
    assert due_problem(None, T0) is None
    assert due_problem(T0, T0) == FieldError(
        ErrorCode.INVALID, "The due time must be in the future.", "dueAt"
    )
    assert codes(due_problem(T0 - timedelta(days=1), T0)) == ("dueAt", "INVALID")


def test_late_after_the_due_time_only() -> None:
    assert is_late(T0 + SECOND, T0) is True
    assert is_late(T0, T0) is False
    assert is_late(T0 - SECOND, T0) is False
    assert is_late(T0 + timedelta(days=400), None) is False


# --- submissions: the work -------------------------------------------------------------


def test_which_work_each_kind_takes() -> None:
    assert WORK_FIELDS == {
        "lesson": "lesson_progress",
        "conversation": "session",
        "quiz": "quiz_attempt",
        "recording": "recording",
    }
    no = {"session_given": False, "attempt_given": False}
    assert work_input_problem("lesson", **no) is None
    assert work_input_problem("conversation", **no) is None
    assert work_input_problem("quiz", **no) is None
    assert work_input_problem("conversation", session_given=True, attempt_given=False) is None
    assert work_input_problem("quiz", session_given=False, attempt_given=True) is None


def test_work_that_does_not_fit_the_kind() -> None:
    session = {"session_given": True, "attempt_given": False}
    attempt = {"session_given": False, "attempt_given": True}
    assert codes(work_input_problem("lesson", **session)) == ("sessionId", "INVALID")
    assert codes(work_input_problem("quiz", **session)) == ("sessionId", "INVALID")
    assert codes(work_input_problem("lesson", **attempt)) == ("quizAttemptId", "INVALID")
    assert codes(work_input_problem("conversation", **attempt)) == ("quizAttemptId", "INVALID")
    recording = {"session_given": False, "attempt_given": False, "recording_given": True}
    assert codes(work_input_problem("quiz", **recording)) == ("recordingId", "INVALID")
    assert work_input_problem("recording", **recording) is None


def test_completed_lessons_may_be_submitted() -> None:
    assert lesson_done(ProgressStatus.COMPLETED) is True
    assert lesson_done(ProgressStatus.NEEDS_REVIEW) is True
    assert lesson_done(ProgressStatus.IN_PROGRESS) is False
    assert lesson_done(ProgressStatus.AVAILABLE) is False
    assert lesson_done(ProgressStatus.LOCKED) is False


def test_completed_sessions_may_be_submitted() -> None:
    assert session_done(SessionStatus.COMPLETED) is True
    assert session_done(SessionStatus.ACTIVE) is False
    assert session_done(SessionStatus.PAUSED) is False
    assert session_done(SessionStatus.ABANDONED) is False


def test_handed_in_attempts_may_be_submitted() -> None:
    assert attempt_done(AttemptStatus.SUBMITTED) is True
    assert attempt_done(AttemptStatus.PENDING_REVIEW) is True
    assert attempt_done(AttemptStatus.GRADED) is True
    assert attempt_done(AttemptStatus.EXPIRED) is True
    assert attempt_done(AttemptStatus.IN_PROGRESS) is False


def test_work_done_by_kind() -> None:
    assert work_done("lesson", "completed") is True
    assert work_done("conversation", "completed") is True
    assert work_done("quiz", "graded") is True
    assert work_done("lesson", "in_progress") is False
    assert work_done("conversation", "abandoned") is False
    assert work_done("quiz", "in_progress") is False


def test_nothing_to_submit_is_not_started() -> None:
    assert not_started("lesson") == FieldError(
        ErrorCode.NOT_STARTED, "Complete the lesson before submitting it.", "assignmentId"
    )
    assert codes(not_started("conversation")) == ("assignmentId", "NOT_STARTED")
    assert codes(not_started("quiz")) == ("assignmentId", "NOT_STARTED")


# --- submissions: statuses -------------------------------------------------------------


def test_status_after_submitting() -> None:
    assert status_after_submitting(None) == "submitted"
    assert status_after_submitting(SubmissionStatus.SUBMITTED) == "submitted"
    assert status_after_submitting(SubmissionStatus.RETURNED) == "resubmitted"
    assert status_after_submitting(SubmissionStatus.RESUBMITTED) == "resubmitted"
    with pytest.raises(ValueError):
        status_after_submitting(SubmissionStatus.GRADED)


def test_a_graded_submission_is_final_for_the_student() -> None:
    assert submit_refusal(None) is None
    assert submit_refusal(SubmissionStatus.SUBMITTED) is None
    assert submit_refusal(SubmissionStatus.RETURNED) is None
    assert submit_refusal(SubmissionStatus.RESUBMITTED) is None
    assert codes(submit_refusal(SubmissionStatus.GRADED)) == ("assignmentId", "ALREADY_SUBMITTED")
    assert codes(submit_refusal("graded")) == ("assignmentId", "ALREADY_SUBMITTED")


def test_which_submissions_wait_for_grading() -> None:
    assert awaits_grading(SubmissionStatus.SUBMITTED) is True
    assert awaits_grading(SubmissionStatus.RESUBMITTED) is True
    assert awaits_grading(SubmissionStatus.GRADED) is False
    assert awaits_grading(SubmissionStatus.RETURNED) is False


# --- grading ---------------------------------------------------------------------------


def test_scores_from_0_to_100() -> None:
    assert score_problem(0.0) is None
    assert score_problem(100.0) is None
    assert score_problem(87.5) is None
    assert score_problem(-0.01) == FieldError(
        ErrorCode.INVALID, "Give a score from 0 to 100.", "score"
    )
    assert codes(score_problem(100.01)) == ("score", "INVALID")
    assert codes(score_problem(float("nan"))) == ("score", "INVALID")
    assert codes(score_problem(float("inf"))) == ("score", "INVALID")


def test_grading_statuses() -> None:
    assert grade_problems(90.0, SubmissionStatus.GRADED) == []
    assert grade_problems(40.0, SubmissionStatus.RETURNED) == []
    assert [codes(p) for p in grade_problems(90.0, SubmissionStatus.SUBMITTED)] == [
        ("status", "INVALID")
    ]
    assert [codes(p) for p in grade_problems(90.0, "resubmitted")] == [("status", "INVALID")]
    assert [codes(p) for p in grade_problems(120.0, "submitted")] == [
        ("score", "INVALID"),
        ("status", "INVALID"),
    ]


# --- performance -----------------------------------------------------------------------


def test_rates_from_0_to_1_or_none() -> None:
    assert rate(0, 0) is None
    assert rate(3, 0) is None
    assert rate(0, 4) == 0.0
    assert rate(3, 4) == 0.75
    assert rate(4, 4) == 1.0
    assert on_time_rate(0, 0) is None
    assert on_time_rate(2, 3) == 2 / 3
    assert on_time_rate(5, 5) == 1.0


def test_averages_with_two_decimals() -> None:
    assert average(None) is None
    assert average(Decimal("87.505")) == 87.51
    assert average(Decimal("66.666666")) == 66.67
    assert average(80) == 80.0
    assert average(72.125) == 72.13
    assert average(Decimal("0")) == 0.0
