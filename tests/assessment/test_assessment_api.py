"""The assessment contract (../shared/operations/assessment.graphql) end to end, as the
frontends send it: an author writes a quiz, a learner completes the course's lessons and takes
the quiz until passing, the answer key appears only then, the certificate follows the passed
quiz, its PDF opens, and anyone can verify it by number. Essays are graded by the course's
editors only."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

import httpx
import pypdf

from engine.ids import global_id
from models.assessment import Certificate
from models.identity import Role
from tests.factories.catalog import course_tree
from tests.factories.identity import signed_in
from tests.factories.learning import enrollment
from tests.factories.learning_play import perfect
from tests.graphql_client import GraphQLClient, operation

OPS = operation("assessment.graphql")
LEARNING = operation("learning.graphql")

QUESTIONS: list[dict[str, Any]] = [
    {
        "type": "MULTIPLE_CHOICE",
        "prompt": "The capital of France?",
        "options": ["Madrid", "Paris", "Rome"],
        "correctAnswer": "Paris",
    },
    {"type": "TRUE_FALSE", "prompt": "'Hola' means hello.", "correctAnswer": "true"},
    {
        "type": "SHORT_ANSWER",
        "prompt": "'Good morning' in Spanish?",
        "correctAnswer": "buenos días",
        "acceptedAnswers": ["buen día"],
    },
]


async def run(gql: GraphQLClient, name: str, token: str | None, **variables: Any) -> Any:
    return await gql(OPS, variables, token=token, operation_name=name)


async def _quiz(gql: GraphQLClient, token: str, course_id: Any, **fields: Any) -> dict:
    created = await run(
        gql,
        "CreateQuiz",
        token,
        courseId=global_id("Course", course_id),
        title="Unit check",
        **{"questions": QUESTIONS, "maxAttempts": 2, **fields},
    )
    assert created["createQuiz"]["errors"] == []
    return created["createQuiz"]["quiz"]


def _answers(quiz: dict, *texts: str) -> list[dict[str, str]]:
    return [
        {"questionId": q["id"], "answer": text}
        for q, text in zip(quiz["questions"], texts, strict=True)
    ]


async def test_a_learner_passes_and_earns_a_verifiable_certificate(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    author, author_token = await signed_in(Role.TEACHER)
    tree = await course_tree(lessons=2, exercises=1, author=author)
    quiz = await _quiz(gql, author_token, tree.course.id)
    options = quiz["questions"][0]["options"]
    assert [o["text"] for o in options] == ["Madrid", "Paris", "Rome"]
    assert len({o["id"] for o in options}) == 3  # ids unique across questions too
    paris = options[1]["id"]
    key = [paris, "true", "buenos días"]
    assert [q["correctAnswer"] for q in quiz["questions"]] == key

    learner, token = await signed_in(display_name="Zoë Núñez")
    enrolled = await gql(
        LEARNING, {"courseId": global_id("Course", tree.course.id)}, token, "Enroll"
    )
    assert enrolled["enroll"]["errors"] == []
    done = [await perfect(gql, token, tree, lesson) for lesson in tree.lessons]
    assert done[-1]["errors"] == []
    assert done[-1]["certificate"] is None  # the quiz is still to pass

    listed = (await run(gql, "CourseQuizzes", token, slug=tree.course.slug))["course"]
    [summary] = listed["quizzes"]
    assert (summary["viewerAttemptsLeft"], summary["viewerBestAttempt"]) == (2, None)
    assert (summary["questionCount"], summary["totalPoints"]) == (3, 3.0)
    hidden = (await run(gql, "Quiz", token, id=quiz["id"]))["node"]
    assert [q["correctAnswer"] for q in hidden["questions"]] == [None, None, None]

    first = (await run(gql, "StartQuizAttempt", token, quizId=quiz["id"]))["startQuizAttempt"]
    assert (first["errors"], first["attempt"]["status"]) == ([], "IN_PROGRESS")
    failed = (
        await run(
            gql,
            "SubmitQuizAttempt",
            token,
            attemptId=first["attempt"]["id"],
            answers=_answers(quiz, paris, "false", "buen día!"),
        )
    )["submitQuizAttempt"]
    assert failed["errors"] == []
    attempt = failed["attempt"]
    assert (attempt["status"], attempt["score"], attempt["passed"]) == ("GRADED", 66.67, False)
    assert [a["correct"] for a in attempt["answers"]] == [True, False, True]
    assert [a["correctAnswer"] for a in attempt["answers"]] == [None, None, None]  # 1 try left

    second = (await run(gql, "StartQuizAttempt", token, quizId=quiz["id"]))["startQuizAttempt"]
    assert second["attempt"]["attemptNumber"] == 2
    passed = (
        await run(
            gql,
            "SubmitQuizAttempt",
            token,
            attemptId=second["attempt"]["id"],
            answers=_answers(quiz, "Paris", "True", "Buenos días."),
        )
    )["submitQuizAttempt"]["attempt"]
    assert (passed["status"], passed["score"], passed["passed"]) == ("GRADED", 100.0, True)
    assert [a["correctAnswer"] for a in passed["answers"]] == key
    shown = (await run(gql, "Quiz", token, id=quiz["id"]))["node"]
    assert [q["correctAnswer"] for q in shown["questions"]] == key
    again = (await run(gql, "StartQuizAttempt", token, quizId=quiz["id"]))["startQuizAttempt"]
    assert [(e["field"], e["code"]) for e in again["errors"]] == [("quizId", "ATTEMPTS_EXHAUSTED")]

    mine = (await run(gql, "MyQuizAttempts", token))["me"]["quizAttempts"]
    assert [e["node"]["attemptNumber"] for e in mine["edges"]] == [2, 1]
    [certificate] = (await run(gql, "MyCertificates", token))["me"]["certificates"]
    assert certificate["course"]["slug"] == tree.course.slug

    pdf = await http.get(certificate["pdfUrl"])
    assert (pdf.status_code, pdf.headers["content-type"]) == (200, "application/pdf")
    assert pdf.content.startswith(b"%PDF")
    text = pypdf.PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert certificate["number"] in text and "Zoë Núñez" in text

    typed = " " + certificate["number"].lower() + " "  # as someone might type it
    verified = (await run(gql, "VerifyCertificate", None, number=typed))["certificate"]
    assert verified == {
        "id": certificate["id"],
        "number": certificate["number"],
        "issuedAt": certificate["issuedAt"],
        "expiresAt": None,
        "holderName": "Zoë Núñez",
        "valid": True,
        "course": {"title": tree.course.title},
    }
    unknown = await run(gql, "VerifyCertificate", None, number="LG-2026-0000000000")
    assert unknown == {"certificate": None}
    assert learner.id is not None


async def test_essays_are_graded_by_the_course_editors_only(gql: GraphQLClient) -> None:
    author, author_token = await signed_in(Role.TEACHER)
    tree = await course_tree(lessons=1, exercises=0, author=author)
    essay = [{"type": "ESSAY", "prompt": "Describe your town.", "points": 4}]
    quiz = await _quiz(gql, author_token, tree.course.id, questions=essay)
    _, token = await signed_in()
    await gql(LEARNING, {"courseId": global_id("Course", tree.course.id)}, token, "Enroll")
    started = (await run(gql, "StartQuizAttempt", token, quizId=quiz["id"]))["startQuizAttempt"]
    submitted = (
        await run(
            gql,
            "SubmitQuizAttempt",
            token,
            attemptId=started["attempt"]["id"],
            answers=_answers(quiz, "Mi ciudad es pequeña."),
        )
    )["submitQuizAttempt"]["attempt"]
    assert (submitted["status"], submitted["score"], submitted["passed"]) == (
        "PENDING_REVIEW",
        None,
        None,
    )
    answer_id = submitted["answers"][0]["id"]

    _, other_teacher = await signed_in(Role.TEACHER)
    for viewer in (other_teacher, token):
        page = (await run(gql, "QuizAttemptsToReview", viewer, quizId=quiz["id"]))["node"]
        assert page is None or page["attemptsToReview"]["totalCount"] == 0
    review = (await run(gql, "QuizAttemptsToReview", author_token, quizId=quiz["id"]))["node"]
    [edge] = review["attemptsToReview"]["edges"]
    assert edge["node"]["answers"][0]["answer"] == "Mi ciudad es pequeña."

    grade = {"answerId": answer_id, "pointsAwarded": 3.0, "feedback": "Good."}
    refused = (await run(gql, "GradeQuizAnswer", token, **grade))["gradeQuizAnswer"]
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [(None, "FORBIDDEN")]
    stranger = (await run(gql, "GradeQuizAnswer", other_teacher, **grade))["gradeQuizAnswer"]
    assert [(e["field"], e["code"]) for e in stranger["errors"]] == [("answerId", "NOT_FOUND")]
    graded = (await run(gql, "GradeQuizAnswer", author_token, **grade))["gradeQuizAnswer"]
    assert graded["errors"] == []
    assert graded["attempt"] == {
        "id": submitted["id"],
        "status": "GRADED",
        "score": 75.0,
        "passed": True,
        "pointsEarned": 3.0,
    }


async def test_a_quiz_is_validated_before_anything_is_written(gql: GraphQLClient) -> None:
    author, token = await signed_in(Role.TEACHER)
    tree = await course_tree(lessons=1, exercises=0, author=author)
    bad = [{**QUESTIONS[0], "correctAnswer": "Berlin"}]
    refused = (
        await run(
            gql,
            "CreateQuiz",
            token,
            courseId=global_id("Course", tree.course.id),
            title="Broken",
            passingScore=150,
            questions=bad,
        )
    )["createQuiz"]
    assert refused["quiz"] is None
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [
        ("passingScore", "INVALID"),
        ("questions.0.correctAnswer", "INVALID"),
    ]
    empty = (
        await run(
            gql,
            "CreateQuiz",
            token,
            courseId=global_id("Course", tree.course.id),
            title="Empty",
            questions=[],
        )
    )["createQuiz"]
    assert [(e["field"], e["code"]) for e in empty["errors"]] == [("questions", "REQUIRED")]
    listed = (await run(gql, "CourseQuizzes", token, slug=tree.course.slug))["course"]
    assert listed["quizzes"] == []


async def test_verification_shows_only_what_the_certificate_says(gql: GraphQLClient) -> None:
    """A course unpublished since stays hidden from a verifier: only its certificate shows."""
    tree = await course_tree(lessons=1, exercises=0, published=False)
    holder, _ = await signed_in(display_name="Ana Ruiz")
    row = await enrollment(holder, tree.course)
    issued = await Certificate.create(
        user=holder,
        course=tree.course,
        enrollment=row,
        number="LG-2026-ABCDE12345",
        issued_at=datetime.now(UTC),
    )
    verified = await run(gql, "VerifyCertificate", None, number="lg-2026-abcde12345")
    assert verified["certificate"] == {
        "id": global_id("Certificate", issued.id),
        "number": "LG-2026-ABCDE12345",
        "issuedAt": issued.issued_at.isoformat(),
        "expiresAt": None,
        "holderName": "Ana Ruiz",
        "valid": True,
        "course": None,
    }
    # node(id:) is the holder's: nobody else finds it by id.
    found = await gql(
        "query($id: ID!) { node(id: $id) { id } }", {"id": global_id("Certificate", issued.id)}
    )
    assert found == {"node": None}
