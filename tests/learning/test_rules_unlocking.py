"""Unlocking: prerequisites, else the previous lesson in course order; first is open."""

from rules.learning.unlocking import available_lessons, is_available, newly_unlocked

ORDER = ["a", "b", "c", "d"]


def test_first_lesson_is_available_on_enrollment() -> None:
    assert available_lessons(ORDER, {}, set()) == {"a"}
    assert is_available("a", ORDER, {}, set())
    assert not is_available("b", ORDER, {}, set())


def test_without_prerequisites_the_previous_lesson_unlocks_the_next() -> None:
    assert available_lessons(ORDER, {}, {"a"}) == {"a", "b"}
    assert is_available("c", ORDER, {}, {"a", "b"})
    assert not is_available("d", ORDER, {}, {"a", "b"})


def test_explicit_prerequisites_replace_course_order() -> None:
    prereqs = {"d": ["a"], "c": ["a", "b"]}
    assert available_lessons(ORDER, prereqs, {"a"}) == {"a", "b", "d"}
    assert not is_available("c", ORDER, prereqs, {"a"})
    assert is_available("c", ORDER, prereqs, {"a", "b"})


def test_newly_unlocked_lists_lessons_a_completion_opened_in_order() -> None:
    prereqs = {"d": ["a"]}
    assert newly_unlocked(ORDER, prereqs, set(), {"a"}) == ["b", "d"]
    assert newly_unlocked(ORDER, prereqs, {"a"}, {"a", "b"}) == ["c"]
    assert newly_unlocked(ORDER, prereqs, {"a", "b"}, {"a", "b"}) == []


def test_unknown_lesson_is_not_available() -> None:
    assert not is_available("z", ORDER, {}, {"a", "b", "c", "d"})
