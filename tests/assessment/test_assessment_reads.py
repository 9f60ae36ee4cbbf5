"""The assessment read side through the API: quizzes, questions, attempts and answers, who
sees them, the answer key on every path, the review queue, and statement counts that do not
grow with a quiz's questions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from core.sqlcount import StatementLog
from engine.ids import global_id
from models.assessment import AttemptStatus, QuestionType, QuizQuestion
from models.identity import Role, User
from schema.assessment.quizzes import option_id
from tests.assessment.read_factories import attempt, quiz
from tests.factories.catalog import course_tree
from tests.factories.identity import signed_in
from tests.factories.learning import enrollment
from tests.graphql_client import GraphQLClient

# The queries of ../shared/operations/assessment.graphql, as a frontend sends them.
OPERATIONS = """
fragment QuizSummary on Quiz {
  id
  title
  description
  passingScore
  timeLimitMinutes
  maxAttempts
  questionCount
  totalPoints
  section { id title }
  viewerAttemptsLeft
  viewerBestAttempt { id score passed completedAt }
}

query CourseQuizzes($slug: String!) {
  course(slug: $slug) {
    id
    quizzes { ...QuizSummary }
  }
}

query Quiz($id: ID!) {
  node(id: $id) {
    ... on Quiz {
      ...QuizSummary
      course { id slug title }
      questions {
        id
        type
        prompt
        points
        position
        options { id text }
        correctAnswer
      }
    }
  }
}

query QuizAttemptsToReview($quizId: ID!, $first: Int = 20, $after: String) {
  node(id: $quizId) {
    ... on Quiz {
      id
      title
      attemptsToReview(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          node {
            id
            completedAt
            student { id displayName }
            answers {
              id
              question { id type prompt points }
              answer
              pointsAwarded
              feedback
            }
          }
        }
      }
    }
  }
}

query MyQuizAttempts($first: Int = 20, $after: String) {
  me {
    id
    quizAttempts(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          attemptNumber
          status
          score
          passed
          startedAt
          completedAt
          quiz { id title course { id title } }
        }
      }
    }
  }
}
"""

QUESTION = """query($id: ID!) { node(id: $id) { ... on QuizQuestion {
  id correctAnswer acceptedAnswers explanation } } }"""

ATTEMPT = """query($id: ID!) { node(id: $id) { ... on QuizAttempt {
  id status score passed pointsEarned student { id displayName avatarUrl }
  answers { id answer correct pointsAwarded correctAnswer
            question { id correctAnswer explanation } } } } }"""

ANSWER = "query($id: ID!) { node(id: $id) { ... on QuizAnswer { id correctAnswer } } }"


async def _op(gql: GraphQLClient, name: str, variables: dict, token: str | None) -> Any:
    return await gql(OPERATIONS, variables, token=token, operation_name=name)


async def _quiz(gql: GraphQLClient, quiz_id: Any, token: str | None) -> Any:
    return (await _op(gql, "Quiz", {"id": global_id("Quiz", quiz_id)}, token))["node"]


async def _node(gql: GraphQLClient, query: str, node_id: str, token: str | None) -> Any:
    return (await gql(query, {"id": node_id}, token=token))["node"]


async def _keys_seen(
    gql: GraphQLClient, token: str, questions: list[QuizQuestion], attempt_id: Any = None
) -> set[Any]:
    """The answer keys this viewer gets through every path: the quiz's questions, each
    question by `node`, and (with an attempt) its answers and their questions."""
    seen: set[Any] = set()
    data = await _quiz(gql, questions[0].quiz_id, token)
    seen |= {q["correctAnswer"] for q in data["questions"]}
    for question in questions:
        found = await _node(gql, QUESTION, global_id("QuizQuestion", question.id), token)
        seen |= {found["correctAnswer"], found["explanation"]}
        seen |= {None if found["acceptedAnswers"] is None else tuple(found["acceptedAnswers"])}
    if attempt_id is not None:
        found = await _node(gql, ATTEMPT, global_id("QuizAttempt", attempt_id), token)
        for answer in found["answers"]:
            seen |= {answer["correctAnswer"], answer["question"]["correctAnswer"]}
            seen |= {answer["question"]["explanation"]}
            by_node = await _node(gql, ANSWER, answer["id"], token)
            seen |= {by_node["correctAnswer"]}
    return seen


async def _learner_in(course: Any) -> tuple[User, str]:
    user, token = await signed_in()
    await enrollment(user, course)
    return user, token


# --- the answer key -----------------------------------------------------------------------


async def test_key_hidden_from_a_learner_with_attempts_left_on_every_path(
    gql: GraphQLClient,
) -> None:
    tree = await course_tree(lessons=1, exercises=0)
    row, questions = await quiz(tree.course, 3, max_attempts=2)
    learner, token = await _learner_in(tree.course)
    taken, _ = await attempt(learner, row, questions, right=1, score=33.33, passed=False)

    assert await _keys_seen(gql, token, questions, taken.id) == {None}
    data = await _quiz(gql, row.id, token)
    assert data["viewerAttemptsLeft"] == 1
    assert [q["options"] for q in data["questions"]] == [
        [
            {"id": option_id(questions[0], "a"), "text": "Madrid"},
            {"id": option_id(questions[0], "b"), "text": "Lisbon"},
        ],
        [],
        [],
    ]
    assert [q["type"] for q in data["questions"]] == [
        "MULTIPLE_CHOICE",
        "TRUE_FALSE",
        "SHORT_ANSWER",
    ]
    # What the learner may know: which answers were right, and the points.
    found = await _node(gql, ATTEMPT, global_id("QuizAttempt", taken.id), token)
    assert [(a["correct"], a["pointsAwarded"]) for a in found["answers"]] == [
        (True, 2.0),
        (False, 0.0),
        (False, 0.0),
    ]


async def test_key_hidden_during_the_last_attempt_and_shown_once_it_is_used(
    gql: GraphQLClient,
) -> None:
    tree = await course_tree(lessons=1, exercises=0)
    row, questions = await quiz(tree.course, 3, max_attempts=2)
    learner, token = await _learner_in(tree.course)
    first, _ = await attempt(learner, row, questions, number=1, score=0.0, passed=False)
    last, _ = await attempt(learner, row, questions, number=2, status=AttemptStatus.IN_PROGRESS)
    # The last attempt is being taken: not used yet, so the key stays hidden.
    assert await _keys_seen(gql, token, questions, first.id) == {None}
    assert (await _quiz(gql, row.id, token))["viewerAttemptsLeft"] == 1

    last.status, last.submitted_at = AttemptStatus.GRADED, datetime.now(UTC)
    last.score, last.passed = 0.0, False
    await last.save()
    keys = await _keys_seen(gql, token, questions, first.id)
    assert {option_id(questions[0], "a"), "true", "hola", ("buenas",), "Because 1."} <= keys
    assert (await _quiz(gql, row.id, token))["viewerAttemptsLeft"] == 0


async def test_key_shown_once_the_learner_passed(gql: GraphQLClient) -> None:
    tree = await course_tree(lessons=1, exercises=0)
    row, questions = await quiz(tree.course, 3, max_attempts=3)
    learner, token = await _learner_in(tree.course)
    passed, _ = await attempt(learner, row, questions, right=3, score=100.0, passed=True)
    data = await _quiz(gql, row.id, token)
    key = [option_id(questions[0], "a"), "true", "hola"]
    assert [q["correctAnswer"] for q in data["questions"]] == key
    assert data["viewerAttemptsLeft"] == 2
    found = await _node(gql, ATTEMPT, global_id("QuizAttempt", passed.id), token)
    assert [a["correctAnswer"] for a in found["answers"]] == key


async def test_key_always_shown_to_the_author_and_admins_never_to_other_teachers(
    gql: GraphQLClient,
) -> None:
    author, author_token = await signed_in(Role.TEACHER)
    _, admin_token = await signed_in(Role.ADMIN)
    _, teacher_token = await signed_in(Role.TEACHER)
    tree = await course_tree(lessons=1, exercises=0, author=author)
    row, questions = await quiz(tree.course, 3)
    learner, _ = await _learner_in(tree.course)
    taken, _ = await attempt(learner, row, questions, right=1)
    for token in (author_token, admin_token):
        keys = await _keys_seen(gql, token, questions, taken.id)
        assert {option_id(questions[0], "a"), "true", "hola", ("buenas",)} <= keys
        assert None not in keys
    assert await _keys_seen(gql, teacher_token, questions) == {None}
    assert await _node(gql, ATTEMPT, global_id("QuizAttempt", taken.id), teacher_token) is None
    assert await _keys_seen(gql, "", questions) == {None}  # signed out


# --- who sees what ------------------------------------------------------------------------


async def test_another_learner_cannot_see_an_attempt_or_its_answers(gql: GraphQLClient) -> None:
    tree = await course_tree(lessons=1, exercises=0)
    row, questions = await quiz(tree.course, 2)
    learner, token = await _learner_in(tree.course)
    _, other = await _learner_in(tree.course)
    taken, answers = await attempt(learner, row, questions, right=1)
    attempt_id = global_id("QuizAttempt", taken.id)
    answer_id = global_id("QuizAnswer", answers[0].id)

    own = await _node(gql, ATTEMPT, attempt_id, token)
    assert own["id"] == attempt_id
    # The learner appears as a public profile: the id is their `User` id.
    assert own["student"] == {
        "id": global_id("User", learner.id),
        "displayName": learner.display_name,
        "avatarUrl": None,
    }
    assert await _node(gql, ATTEMPT, attempt_id, other) is None
    assert await _node(gql, ANSWER, answer_id, other) is None
    assert await _node(gql, ANSWER, answer_id, token) == {"id": answer_id, "correctAnswer": None}
    assert await _node(gql, ATTEMPT, attempt_id, None) is None
    # The profile's id finds the `User`, for that user only.
    user_query = "query($id: ID!) { node(id: $id) { __typename ... on User { email } } }"
    profile_id = own["student"]["id"]
    assert await _node(gql, user_query, profile_id, token) == {
        "__typename": "User",
        "email": learner.email,
    }
    assert await _node(gql, user_query, profile_id, other) is None


async def test_drafts_are_for_the_courses_editors(gql: GraphQLClient) -> None:
    author, author_token = await signed_in(Role.TEACHER)
    tree = await course_tree(sections=2, lessons=1, exercises=0, author=author)
    first, _ = await quiz(tree.course, 2, title="First")
    draft, draft_questions = await quiz(tree.course, 2, title="Draft", published=False)
    last, _ = await quiz(tree.course, 4, title="Last", section=tree.sections[1])
    _, student = await _learner_in(tree.course)
    slug = {"slug": tree.course.slug}

    seen = (await _op(gql, "CourseQuizzes", slug, student))["course"]["quizzes"]
    assert [q["title"] for q in seen] == ["First", "Last"]
    assert seen[1]["section"] == {
        "id": global_id("Section", tree.sections[1].id),
        "title": tree.sections[1].title,
    }
    assert (seen[0]["section"], seen[0]["questionCount"], seen[0]["totalPoints"]) == (None, 2, 4)
    assert (seen[1]["questionCount"], seen[1]["totalPoints"]) == (4, 8.0)
    assert seen[0]["viewerAttemptsLeft"] == 3 and seen[0]["viewerBestAttempt"] is None
    assert await _quiz(gql, draft.id, student) is None
    question_id = global_id("QuizQuestion", draft_questions[0].id)
    assert await _node(gql, QUESTION, question_id, student) is None

    edited = (await _op(gql, "CourseQuizzes", slug, author_token))["course"]["quizzes"]
    assert [q["title"] for q in edited] == ["First", "Draft", "Last"]
    assert (await _quiz(gql, draft.id, author_token))["title"] == "Draft"
    anonymous = (await _op(gql, "CourseQuizzes", slug, None))["course"]["quizzes"]
    assert [q["viewerAttemptsLeft"] for q in anonymous] == [None, None]
    assert (await _quiz(gql, first.id, None))["course"]["slug"] == tree.course.slug
    assert last.id != first.id


async def test_attempts_to_review_for_graders_only(gql: GraphQLClient) -> None:
    author, author_token = await signed_in(Role.TEACHER)
    _, admin_token = await signed_in(Role.ADMIN)
    _, teacher_token = await signed_in(Role.TEACHER)
    tree = await course_tree(lessons=1, exercises=0, author=author)
    essay_types = [QuestionType.SHORT_ANSWER, QuestionType.ESSAY]
    row, questions = await quiz(tree.course, 2, types=essay_types)
    learners = [await _learner_in(tree.course) for _ in range(3)]
    now = datetime.now(UTC)
    pending = [
        (
            await attempt(
                user,
                row,
                questions,
                status=AttemptStatus.PENDING_REVIEW,
                score=None,
                passed=None,
                right=1,
                started_at=now - timedelta(hours=3 - i),
            )
        )[0]
        for i, (user, _) in enumerate(learners[:2])
    ]
    await attempt(learners[2][0], row, questions, right=1)  # graded: not to review

    variables = {"quizId": global_id("Quiz", row.id), "first": 1}
    for token in (author_token, admin_token):
        page = (await _op(gql, "QuizAttemptsToReview", variables, token))["node"]
        queue = page["attemptsToReview"]
        assert queue["totalCount"] == 2 and queue["pageInfo"]["hasNextPage"]
        [edge] = queue["edges"]
        assert edge["node"]["id"] == global_id("QuizAttempt", pending[0].id)  # waited longest
        assert edge["node"]["student"] == {
            "id": global_id("User", learners[0][0].id),
            "displayName": learners[0][0].display_name,
        }
        assert [a["question"]["type"] for a in edge["node"]["answers"]] == [
            "SHORT_ANSWER",
            "ESSAY",
        ]
        after = {**variables, "after": queue["pageInfo"]["endCursor"]}
        rest = (await _op(gql, "QuizAttemptsToReview", after, token))["node"]
        assert [e["node"]["id"] for e in rest["attemptsToReview"]["edges"]] == [
            global_id("QuizAttempt", pending[1].id)
        ]
        assert rest["attemptsToReview"]["totalCount"] == 2
        assert not rest["attemptsToReview"]["pageInfo"]["hasNextPage"]
        # Graders get the key in the attempts they grade.
        found = await _node(gql, ATTEMPT, global_id("QuizAttempt", pending[0].id), token)
        assert [a["correctAnswer"] for a in found["answers"]] == ["hola", None]

    empty = {"totalCount": 0, "pageInfo": {"hasNextPage": False, "endCursor": None}, "edges": []}
    for outsider in (teacher_token, learners[0][1], None):
        page = (await _op(gql, "QuizAttemptsToReview", variables, outsider))["node"]
        assert page["attemptsToReview"] == empty


# --- attempts -----------------------------------------------------------------------------


async def test_an_attempt_past_its_deadline_reads_expired_and_counts_as_used(
    gql: GraphQLClient,
) -> None:
    tree = await course_tree(lessons=1, exercises=0)
    row, questions = await quiz(tree.course, 2, max_attempts=2, time_limit_minutes=30)
    learner, token = await _learner_in(tree.course)
    started = datetime.now(UTC) - timedelta(minutes=31)
    ran_out, _ = await attempt(
        learner,
        row,
        questions,
        status=AttemptStatus.IN_PROGRESS,
        started_at=started,
        deadline_at=started + timedelta(minutes=30),
    )
    found = await _node(gql, ATTEMPT, global_id("QuizAttempt", ran_out.id), token)
    assert (found["status"], found["score"], found["passed"]) == ("EXPIRED", 0.0, False)
    assert (await _quiz(gql, row.id, token))["viewerAttemptsLeft"] == 1

    # Within the grace after the deadline it is still in progress, and not used yet.
    ran_out.deadline_at = datetime.now(UTC) - timedelta(seconds=5)
    await ran_out.save()
    found = await _node(gql, ATTEMPT, global_id("QuizAttempt", ran_out.id), token)
    assert (found["status"], found["score"], found["passed"]) == ("IN_PROGRESS", None, None)
    assert (await _quiz(gql, row.id, token))["viewerAttemptsLeft"] == 2


async def test_my_attempts_newest_first_and_the_best_attempt(gql: GraphQLClient) -> None:
    tree = await course_tree(lessons=1, exercises=0)
    row, questions = await quiz(tree.course, 3, max_attempts=5)
    learner, token = await _learner_in(tree.course)
    _, other_token = await _learner_in(tree.course)
    now = datetime.now(UTC)
    made = []
    for number, score in enumerate([40.0, 80.0, 80.0, 60.0], start=1):
        taken, _ = await attempt(
            learner,
            row,
            questions,
            number=number,
            score=score,
            passed=score >= 70,
            started_at=now - timedelta(hours=10 - number),
        )
        made.append(taken)
    best = (await _quiz(gql, row.id, token))["viewerBestAttempt"]
    assert best["id"] == global_id("QuizAttempt", made[1].id)  # 80, the earlier of two
    assert (best["score"], best["passed"]) == (80.0, True)
    assert (await _quiz(gql, row.id, other_token))["viewerBestAttempt"] is None

    mine = (await _op(gql, "MyQuizAttempts", {"first": 3}, token))["me"]["quizAttempts"]
    assert mine["totalCount"] == 4 and mine["pageInfo"]["hasNextPage"]
    assert [e["node"]["attemptNumber"] for e in mine["edges"]] == [4, 3, 2]
    assert mine["edges"][0]["node"]["quiz"]["course"]["title"] == tree.course.title
    after = {"first": 3, "after": mine["pageInfo"]["endCursor"]}
    rest = (await _op(gql, "MyQuizAttempts", after, token))["me"]["quizAttempts"]
    assert [e["node"]["attemptNumber"] for e in rest["edges"]] == [1]
    others = (await _op(gql, "MyQuizAttempts", {}, other_token))["me"]["quizAttempts"]
    assert others["totalCount"] == 0


# --- statements ---------------------------------------------------------------------------


async def _statements(gql: GraphQLClient, sql: StatementLog, query: Any, token: str) -> int:
    """Statements of one request (after a first one warmed the token)."""
    await query(token)
    sql.clear()
    await query(token)
    return sql.count


async def _quiz_statements(
    gql: GraphQLClient, sql: StatementLog, questions: int, author: User, token: str | None
) -> tuple[int, int]:
    """Statements of the `Quiz` operation and of an attempt with its answers (by the viewer
    of `token`; the learner who took it when None), for a quiz of `questions` questions."""
    tree = await course_tree(sections=1, lessons=1, exercises=0, author=author)
    row, rows = await quiz(tree.course, questions, types=list(QuestionType))
    learner, learner_token = await _learner_in(tree.course)
    taken, _ = await attempt(learner, row, rows, right=2)
    viewer = token or learner_token

    async def quiz_op(token: str) -> None:
        data = await _quiz(gql, row.id, token)
        assert len(data["questions"]) == questions
        assert (data["questionCount"], data["totalPoints"]) == (questions, 2.0 * questions)

    async def attempt_op(token: str) -> None:
        found = await _node(gql, ATTEMPT, global_id("QuizAttempt", taken.id), token)
        assert len(found["answers"]) == questions

    return (
        await _statements(gql, sql, quiz_op, viewer),
        await _statements(gql, sql, attempt_op, viewer),
    )


async def test_quiz_statements_do_not_grow_with_questions(
    gql: GraphQLClient, sql: StatementLog
) -> None:
    author, author_token = await signed_in(Role.TEACHER)
    _, admin_token = await signed_in(Role.ADMIN)
    for token in (None, author_token, admin_token):  # the learner, the author, an admin
        small = await _quiz_statements(gql, sql, 5, author, token)
        large = await _quiz_statements(gql, sql, 50, author, token)
        assert small == large, sql
