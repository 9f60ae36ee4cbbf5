"""Answer checking: case, space and final punctuation ignored; alternatives; options."""

import base64

from rules.learning.answers import Option, check_choice, check_text, correct_choice_text, normalize


def test_case_surrounding_space_and_final_punctuation_are_ignored() -> None:
    assert check_text("  hola!  ", "Hola")
    assert check_text("BUENOS   días.", "buenos días")
    assert check_text("¿Cómo estás?", "¿cómo estás")
    assert check_text("Good morning...", "good morning")
    assert normalize(" I'm  fine, thanks ! ") == "i'm fine, thanks"


def test_inner_punctuation_and_wrong_words_still_count() -> None:
    assert not check_text("hola amigo", "hola")
    assert not check_text("I'm fine thanks", "I'm fine, thanks")
    assert not check_text("", "")
    assert not check_text("   ", "hola")


def test_accepted_alternatives_are_honoured() -> None:
    assert check_text("hi", "hello", ["hi", "hey"])
    assert not check_text("yo", "hello", ["hi", "hey"])


OPTIONS = [
    Option("6f1c7a0e-0000-4000-8000-000000000001", "perro", False),
    Option("6f1c7a0e-0000-4000-8000-000000000002", "gato", True),
]


def test_multiple_choice_by_option_id_or_global_id() -> None:
    right = OPTIONS[1].id
    wrong = OPTIONS[0].id
    as_global = base64.b64encode(f"ExerciseOption:{right}".encode()).decode()
    assert check_choice(right, OPTIONS)
    assert check_choice(right.upper(), OPTIONS)
    assert check_choice(as_global, OPTIONS)
    assert not check_choice(wrong, OPTIONS)
    assert not check_choice(base64.b64encode(f"ExerciseOption:{wrong}".encode()).decode(), OPTIONS)
    assert not check_choice("unknown", OPTIONS)


def test_multiple_choice_by_option_text_and_revealed_answer() -> None:
    assert check_choice("Gato.", OPTIONS)
    assert correct_choice_text(OPTIONS) == "gato"
