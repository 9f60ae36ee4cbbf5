"""Quiz questions: marking a learner's answer, and checking a question before it is written.

Marking (`mark`) uses lesson exercises' answer checking (rules/learning/answers.py), so a quiz
and a lesson agree on what "the same answer" is: case, surrounding and repeated white space,
and final punctuation are ignored ("Paris." equals " paris").

- MULTIPLE_CHOICE: the answer names an option by its id ("a", "b", ...; case ignored) or by
  its text; it is right when that is the option the key names. Ids win over texts when an
  answer could be both (the options "b" and "c" have the ids "a" and "b").
- TRUE_FALSE: the answer is "true" or "false" (normalised as above, so "True." counts).
  Nothing else is accepted ("yes", "t", "1" are wrong): the question offers two buttons, and
  a guessable synonym would only hide a client's bug.
- SHORT_ANSWER: the key's correct answer or one of its accepted alternatives.
- ESSAY: a person grades it (`grade`); until then the mark is unknown (`correct` and
  `points_awarded` None), which is what puts an attempt in PENDING_REVIEW. A blank essay is
  not sent to a grader: it is wrong with 0 points straight away.
- A blank answer (None, empty, only spaces) is wrong and earns 0 points, whatever the type.
- A right answer earns the question's points; a wrong one 0 (no partial credit, except what
  a grader awards an essay).

Authoring (`validate_question`, `validate_quiz`) lists every problem of an input, as
`Problem(field, code, message)` with `field` relative to the question (`correctAnswer`,
`options.2`), so the use case can prefix it (`questions.0.correctAnswer`) and write nothing.
Options get the ids "a", "b", "c", ... in the order given (`option_ids`, `option_rows`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from string import ascii_lowercase
from typing import Any, NamedTuple

from core.errors import ErrorCode
from rules.learning.answers import Option, check_text, chosen_option, normalize

MULTIPLE_CHOICE = "multiple_choice"
TRUE_FALSE = "true_false"
SHORT_ANSWER = "short_answer"
ESSAY = "essay"
QUESTION_TYPES = (MULTIPLE_CHOICE, TRUE_FALSE, SHORT_ANSWER, ESSAY)
TRUE_FALSE_ANSWERS = ("true", "false")

MIN_OPTIONS = 2
MAX_OPTIONS = 10
MAX_POINTS = 1000.0
MAX_PROMPT_LENGTH = 2000
MAX_EXPLANATION_LENGTH = 2000
MAX_OPTION_LENGTH = 500
MAX_ANSWER_KEY_LENGTH = 500  # the correct answer and each accepted alternative
MAX_ACCEPTED_ANSWERS = 20

MAX_TITLE_LENGTH = 200
MAX_QUESTIONS = 200
MAX_TIME_LIMIT_MINUTES = 24 * 60
MAX_ATTEMPTS_LIMIT = 100


def question_type(value: Any) -> str:
    """The type as the models spell it, from a model or GraphQL enum or a string."""
    return str(getattr(value, "value", value)).lower()


# --- marking ---------------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionKey:
    """What marking needs of a question. `options` are (id, text) pairs in order."""

    type: str
    points: float
    options: tuple[tuple[str, str], ...] = ()
    correct_answer: str | None = None
    accepted_answers: tuple[str, ...] = ()

    @classmethod
    def of(
        cls,
        type: Any,
        points: float,
        options: Iterable[Mapping[str, Any] | tuple[str, str]] = (),
        correct_answer: str | None = None,
        accepted_answers: Iterable[str] = (),
    ) -> QuestionKey:
        """From stored values: options as the model keeps them (`{"id", "text"}` dicts)."""
        pairs = tuple(
            (str(o["id"]), str(o["text"])) if isinstance(o, Mapping) else (o[0], o[1])
            for o in options
        )
        return cls(question_type(type), points, pairs, correct_answer, tuple(accepted_answers))


@dataclass(frozen=True)
class Mark:
    """`correct` None: an essay waiting for a grader (and then `points_awarded` is None)."""

    correct: bool | None
    points_awarded: float | None

    @property
    def awaiting_grader(self) -> bool:
        return self.correct is None


WRONG = Mark(False, 0.0)


def is_blank(answer: str | None) -> bool:
    return answer is None or not answer.strip()


def _options(key: QuestionKey) -> list[Option]:
    return [Option(id=i, text=t, is_correct=False) for i, t in key.options]


def correct_option_id(key: QuestionKey) -> str | None:
    """The id of the option the key names (by id, or by text), or None if it names none."""
    if not key.correct_answer:
        return None
    option = chosen_option(key.correct_answer, _options(key))
    return option.id if option is not None else None


def _is_right(key: QuestionKey, answer: str) -> bool:
    if key.type == MULTIPLE_CHOICE:
        expected = correct_option_id(key)
        chosen = chosen_option(answer, _options(key))
        return expected is not None and chosen is not None and chosen.id == expected
    if key.type == TRUE_FALSE:
        given = normalize(answer)
        return given in TRUE_FALSE_ANSWERS and given == normalize(key.correct_answer or "")
    if key.type == SHORT_ANSWER:
        return check_text(answer, key.correct_answer or "", key.accepted_answers)
    raise ValueError(f"unknown question type {key.type!r}")


def mark(key: QuestionKey, answer: str | None) -> Mark:
    if answer is None or is_blank(answer):
        return WRONG
    if key.type == ESSAY:
        return Mark(None, None)
    if _is_right(key, answer):
        return Mark(True, float(key.points))
    return WRONG


def grade(points_awarded: float) -> Mark:
    """A grader's mark (essays). Any credit counts as right: `correct` answers "did this
    earn anything?", the points say how much. Check the points first (`grade_problem`)."""
    return Mark(points_awarded > 0, float(points_awarded))


class Problem(NamedTuple):
    field: str
    code: ErrorCode
    message: str


def grade_problem(points_awarded: float, points: float) -> Problem | None:
    """Why a grader's points cannot be stored (0 up to the question's points), or None."""
    if not math.isfinite(points_awarded) or not 0 <= points_awarded <= points:
        return Problem(
            "pointsAwarded", ErrorCode.INVALID, f"Award between 0 and {points:g} points."
        )
    return None


# --- authoring -------------------------------------------------------------------------


def option_ids(count: int) -> list[str]:
    """Ids "a" ... "z", then "aa", "ab", ... (like spreadsheet columns)."""
    ids = []
    for index in range(max(0, count)):
        name, n = "", index + 1
        while n:
            n, rest = divmod(n - 1, 26)
            name = ascii_lowercase[rest] + name
        ids.append(name)
    return ids


def option_text(option: str | Mapping[str, Any]) -> str:
    """An input option: its text, or a mapping with `text` (ids are assigned, not taken)."""
    if isinstance(option, Mapping):
        value = option.get("text")
        return value if isinstance(value, str) else ""
    return option if isinstance(option, str) else ""


def option_rows(options: Sequence[str | Mapping[str, Any]]) -> list[dict[str, str]]:
    """The options as the model stores them: `[{"id": "a", "text": "..."}]`, in order."""
    texts = [option_text(o).strip() for o in options]
    return [{"id": i, "text": t} for i, t in zip(option_ids(len(texts)), texts, strict=True)]


def canonical_correct_answer(
    type: Any, options: Sequence[str | Mapping[str, Any]], correct_answer: str | None
) -> str | None:
    """The key as it is stored, for a valid question: the option's id (multiple choice; the
    author may name it by id or by text), "true"/"false", the trimmed text; None for essays."""
    kind = question_type(type)
    if kind == ESSAY or correct_answer is None or not correct_answer.strip():
        return None
    if kind == MULTIPLE_CHOICE:
        rows = option_rows(options)
        key = QuestionKey(kind, 1.0, tuple((r["id"], r["text"]) for r in rows), correct_answer)
        return correct_option_id(key)
    if kind == TRUE_FALSE:
        return normalize(correct_answer)
    return correct_answer.strip()


def _text_problems(
    field: str, value: str | None, max_length: int, required: bool, what: str
) -> list[Problem]:
    if value is None or not value.strip():
        return [Problem(field, ErrorCode.REQUIRED, f"{what} is required.")] if required else []
    if len(value) > max_length:
        return [Problem(field, ErrorCode.TOO_LONG, f"{what} is over {max_length} characters.")]
    return []


def _option_problems(options: Sequence[str | Mapping[str, Any]]) -> list[Problem]:
    if len(options) < MIN_OPTIONS:
        return [Problem("options", ErrorCode.REQUIRED, f"Give at least {MIN_OPTIONS} options.")]
    if len(options) > MAX_OPTIONS:
        return [Problem("options", ErrorCode.INVALID, f"Give at most {MAX_OPTIONS} options.")]
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, option in enumerate(options):
        field, text = f"options.{index}", option_text(option)
        found = _text_problems(field, text, MAX_OPTION_LENGTH, True, "The option's text")
        if not found and normalize(text) in seen:
            found = [Problem(field, ErrorCode.UNIQUE, "Two options say the same thing.")]
        problems += found
        seen.add(normalize(text))
    return problems


def _key_problems(
    kind: str, options: Sequence[str | Mapping[str, Any]], correct_answer: str | None
) -> list[Problem]:
    field = "correctAnswer"
    if kind == ESSAY:
        if correct_answer is not None and correct_answer.strip():
            return [Problem(field, ErrorCode.INVALID, "An essay has no correct answer.")]
        return []
    if correct_answer is None or not correct_answer.strip():
        return [Problem(field, ErrorCode.REQUIRED, "The correct answer is required.")]
    if len(correct_answer) > MAX_ANSWER_KEY_LENGTH:
        message = f"The correct answer is over {MAX_ANSWER_KEY_LENGTH} characters."
        return [Problem(field, ErrorCode.TOO_LONG, message)]
    if kind == MULTIPLE_CHOICE and canonical_correct_answer(kind, options, correct_answer) is None:
        ids = ", ".join(f'"{i}"' for i in option_ids(len(options)))
        return [Problem(field, ErrorCode.INVALID, f"The correct answer must be one of {ids}.")]
    if kind == TRUE_FALSE and normalize(correct_answer) not in TRUE_FALSE_ANSWERS:
        return [Problem(field, ErrorCode.INVALID, 'The correct answer is "true" or "false".')]
    return []


def _accepted_problems(kind: str, accepted_answers: Sequence[str]) -> list[Problem]:
    field = "acceptedAnswers"
    if not accepted_answers:
        return []
    if kind != SHORT_ANSWER:
        message = "Only short-answer questions take accepted answers."
        return [Problem(field, ErrorCode.INVALID, message)]
    if len(accepted_answers) > MAX_ACCEPTED_ANSWERS:
        message = f"Give at most {MAX_ACCEPTED_ANSWERS} accepted answers."
        return [Problem(field, ErrorCode.INVALID, message)]
    problems: list[Problem] = []
    for index, text in enumerate(accepted_answers):
        what = "An accepted answer"
        problems += _text_problems(f"{field}.{index}", text, MAX_ANSWER_KEY_LENGTH, True, what)
    return problems


def validate_question(
    *,
    type: Any,
    prompt: str | None,
    points: float | None = 1.0,
    options: Sequence[str | Mapping[str, Any]] | None = None,
    correct_answer: str | None = None,
    accepted_answers: Sequence[str] | None = None,
    explanation: str | None = None,
) -> list[Problem]:
    """Every problem of one question input (empty: it can be written and marked).

    - `prompt`: not blank, at most 2000 characters; `explanation` at most 2000.
    - `points` (None: the default 1): more than 0, at most 1000.
    - MULTIPLE_CHOICE: 2 to 10 options, none blank or repeated (case and final punctuation
      ignored, since an answer may name an option by its text); the correct answer names
      one of them by id ("a" for the first) or by text. Other types take no options.
    - TRUE_FALSE: the correct answer is "true" or "false". SHORT_ANSWER: it is not blank.
    - ESSAY: no correct answer (a grader decides), rather than one silently ignored.
    - `acceptedAnswers`: short answers only, up to 20, none blank.
    """
    options = options or []
    accepted_answers = accepted_answers or []
    problems = _text_problems("prompt", prompt, MAX_PROMPT_LENGTH, True, "The prompt")
    problems += _text_problems(
        "explanation", explanation, MAX_EXPLANATION_LENGTH, False, "The explanation"
    )
    if points is not None and (not math.isfinite(points) or not 0 < points <= MAX_POINTS):
        message = f"Points must be more than 0 and at most {MAX_POINTS:g}."
        problems.append(Problem("points", ErrorCode.INVALID, message))
    kind = question_type(type)
    if kind not in QUESTION_TYPES:
        message = f"The type is one of {', '.join(t.upper() for t in QUESTION_TYPES)}."
        return [*problems, Problem("type", ErrorCode.INVALID, message)]
    if kind == MULTIPLE_CHOICE:
        option_problems = _option_problems(options)
        problems += option_problems
        if option_problems:  # the key cannot be checked against broken options
            return problems
    elif options:
        problems.append(Problem("options", ErrorCode.INVALID, "Only multiple choice has options."))
    problems += _key_problems(kind, options, correct_answer)
    problems += _accepted_problems(kind, accepted_answers)
    return problems


def validate_quiz(
    *,
    title: str | None = None,
    passing_score: int | None = None,
    time_limit_minutes: int | None = None,
    max_attempts: int | None = None,
    question_count: int | None = None,
) -> list[Problem]:
    """Every problem of a quiz's own fields; None means "not given" (left as it is, or the
    default), so the same check serves create and update.

    Title not blank, at most 200 characters; passing score 0-100; time limit 1 minute to
    24 hours; 1-100 attempts; 1-200 questions (a quiz without questions cannot be passed).
    """
    problems = []
    if title is not None:
        problems += _text_problems("title", title, MAX_TITLE_LENGTH, True, "The title")
    if passing_score is not None and not 0 <= passing_score <= 100:
        message = "The passing score is a percentage, 0 to 100."
        problems.append(Problem("passingScore", ErrorCode.INVALID, message))
    if time_limit_minutes is not None and not 1 <= time_limit_minutes <= MAX_TIME_LIMIT_MINUTES:
        message = f"The time limit is 1 to {MAX_TIME_LIMIT_MINUTES} minutes (or none)."
        problems.append(Problem("timeLimitMinutes", ErrorCode.INVALID, message))
    if max_attempts is not None and not 1 <= max_attempts <= MAX_ATTEMPTS_LIMIT:
        message = f"Allow 1 to {MAX_ATTEMPTS_LIMIT} attempts."
        problems.append(Problem("maxAttempts", ErrorCode.INVALID, message))
    if question_count is not None:
        if question_count < 1:
            message = "A quiz needs at least one question."
            problems.append(Problem("questions", ErrorCode.REQUIRED, message))
        elif question_count > MAX_QUESTIONS:
            message = f"A quiz has at most {MAX_QUESTIONS} questions."
            problems.append(Problem("questions", ErrorCode.INVALID, message))
    return problems
