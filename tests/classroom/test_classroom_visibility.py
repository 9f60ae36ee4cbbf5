"""Who reads what of a classroom, through every path of the graph: `node(id:)`, `nodes(ids:)`
and nested fields. Viewers: the student who owns the work, a classmate, a student who left
the class and a suspended one, the class's teacher, another teacher (who teaches the same
student elsewhere), an admin, nobody signed in.
Objects: the classroom, the student's membership, an assignment (and a retired one), the
student's submission, and the work it submits — a conversation session with its messages,
corrections and evaluation, lesson progress, a quiz attempt with its answer — next to the
same student's work that was not submitted. Every denied case reads as not found. The
class's teacher reads the submitted session exactly as the student does, loses it when
another replaces it, and grades the submitted quiz attempt (`can_grade`; the answers
through the API: test_classroom_grading_api.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import pytest

import resolvers.classroom  # noqa: F401  (registers the grants before `can_grade` is asked)
from engine.ids import global_id
from models.assessment import (
    AttemptStatus,
    QuestionType,
    QuizAnswer,
    QuizAttempt,
    QuizQuestion,
)
from models.classroom import MembershipStatus
from models.conversation import ConversationMessage, Correction, Evaluation, Sender
from models.identity import Role, User
from resolvers.assessment.policy import can_grade
from tests.classroom.test_classroom_work_api import _payload
from tests.factories.assessment import quiz
from tests.factories.catalog import course_tree
from tests.factories.classroom import (
    ClassWork,
    assignment,
    classroom,
    done_attempt,
    done_lesson,
    done_session,
    member,
    submission,
)
from tests.factories.conversation import scenario
from tests.factories.identity import signed_in
from tests.factories.learning import enrollment, progress_rows
from tests.graphql_client import GraphQLClient, operation

VIEWERS = (
    "owner",
    "classmate",
    "former_student",  # left the class (INACTIVE)
    "suspended_student",
    "teacher",
    "other_teacher",
    "admin",
    "anonymous",
)
CLASS = ("classroom", "membership", "assignment")
SUBMITTED = ("submission", "session", "message", "correction", "evaluation", "progress")
SUBMITTED_QUIZ = ("attempt", "answer")
PRIVATE = ("private_session", "private_progress", "private_attempt")
RETIRED = "retired_assignment"  # no longer active: for those who run the class
EVERYTHING = frozenset({*CLASS, *SUBMITTED, *SUBMITTED_QUIZ, *PRIVATE, RETIRED})
READS: dict[str, frozenset[str]] = {
    "owner": EVERYTHING - {RETIRED},
    "classmate": frozenset(CLASS),
    "former_student": frozenset({"classroom", "membership"}),
    "suspended_student": frozenset(),
    "teacher": frozenset({*CLASS, *SUBMITTED, *SUBMITTED_QUIZ, RETIRED}),
    "other_teacher": frozenset(),
    "admin": EVERYTHING,
    "anonymous": frozenset(),
}

NODE = "query($id: ID!) { node(id: $id) { __typename id } }"
NODES = "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"
SESSION_OPS = operation("conversation.graphql")
EVALUATION = """query($id: ID!) { node(id: $id) { ... on ConversationSession {
  status messageCount evaluation { id overallScore grammarScore cefrLevel evaluator } } } }"""
SUBMISSION = """query($id: ID!) { node(id: $id) { ... on Submission {
  id status student { id displayName } assignment { id classroom { id } }
  session { id messages { edges { node { id content corrections { id original corrected } } } }
            evaluation { id overallScore } }
  lessonProgress { id status bestScore lesson { id } }
  quizAttempt { id status student { id } answers { id answer } } } } }"""
ASSIGNMENTS = """query($ids: [ID!]!) { nodes(ids: $ids) { ... on Assignment {
  id classroom { id } viewerSubmission { id }
  submissions { totalCount edges { node { id session { id } lessonProgress { id }
                                          quizAttempt { id } } } } } } }"""
CLASSROOM = """query($id: ID!) { node(id: $id) { ... on Classroom { id
  members { edges { node { id classroom { id } } } } assignments { edges { node { id } } } } } }"""


@dataclass
class World:
    work: ClassWork
    users: dict[str, User]
    tokens: dict[str, str | None]
    ids: dict[str, str] = field(default_factory=dict)  # object name -> global id
    rows: dict[str, Any] = field(default_factory=dict)


async def _corrected_session(student: User, work: ClassWork, score: int) -> Any:
    """A completed, evaluated session of the class's scenario with a correction."""
    session = await done_session(student, work.scenario, score)
    message = await ConversationMessage.get(session_id=session.id, sender=Sender.USER)
    await Correction.create(
        message_id=message.id,
        original="goed",
        corrected="went",
        explanation="Irregular past.",
        type="grammar",
        severity="medium",
        rule="irregular_past",
        start=2,
        end=6,
    )
    return session


async def _open_attempt(student: User, work: ClassWork) -> tuple[QuizAttempt, QuizAnswer]:
    """A handed-in attempt waiting for review: its short answer needs a grader."""
    attempt = await done_attempt(student, work.quiz)
    await QuizAttempt.filter(id=attempt.id).update(
        status=AttemptStatus.PENDING_REVIEW, score=None, passed=None, points_earned=0.0
    )
    question = await QuizQuestion.get(quiz_id=work.quiz.id, type=QuestionType.SHORT_ANSWER)
    answer = await QuizAnswer.create(attempt_id=attempt.id, question_id=question.id, answer="fue")
    return attempt, answer


async def _class_work(teacher: User) -> ClassWork:
    """`class_work` of a course someone else wrote: the teacher is not one of its editors
    (who grade every attempt of its quizzes), only the class's teacher."""
    tree = await course_tree(lessons=1, exercises=0)
    return ClassWork(
        teacher=teacher,
        room=await classroom(teacher),
        tree=tree,
        lesson=tree.lessons[0],
        scenario=await scenario(lesson_id=tree.lessons[0].id),
        quiz=await quiz(tree.course),
    )


async def _world() -> World:
    people = {
        "teacher": await signed_in(Role.TEACHER, display_name="Ms Rivera"),
        "owner": await signed_in(display_name="Ana"),
        "classmate": await signed_in(display_name="Ben"),
        "former_student": await signed_in(),
        "suspended_student": await signed_in(),
        "other_teacher": await signed_in(Role.TEACHER),
        "admin": await signed_in(Role.ADMIN),
    }
    users = {who: user for who, (user, _) in people.items()}
    tokens: dict[str, str | None] = {who: token for who, (_, token) in people.items()}
    work = await _class_work(users["teacher"])
    world = World(work, users, {**tokens, "anonymous": None})
    owner, classmate = users["owner"], users["classmate"]
    membership = await member(work.room, owner)
    await member(work.room, classmate)
    await member(work.room, users["former_student"], MembershipStatus.INACTIVE)
    await member(work.room, users["suspended_student"], MembershipStatus.SUSPENDED)
    elsewhere = await classroom(users["other_teacher"])  # Ana's teacher in another class
    await member(elsewhere, owner)
    await assignment(elsewhere, scenario_row=work.scenario)
    lesson_task = await assignment(work.room, lesson=work.lesson)
    talk_task = await assignment(work.room, scenario_row=work.scenario)
    quiz_task = await assignment(work.room, quiz_row=work.quiz)
    retired = await assignment(work.room, lesson=work.lesson, is_active=False)

    progress = await done_lesson(owner, work)
    session = await _corrected_session(owner, work, 70)
    attempt, answer = await _open_attempt(owner, work)
    talk = await submission(talk_task, owner, session=session)
    lesson_sub = await submission(lesson_task, owner, lesson_progress=progress)
    quiz_sub = await submission(quiz_task, owner, attempt=attempt)
    # Ben's conversation, submitted too: his, not Ana's.
    bens = await submission(
        talk_task, classmate, session=await done_session(classmate, work.scenario)
    )
    # Ana's work that was not submitted: a later session of the very scenario assigned,
    # another attempt of the quiz, progress in another course.
    private_session = await _corrected_session(owner, work, 90)
    private_attempt, _ = await _open_attempt(owner, work)
    tree = await course_tree(lessons=1, exercises=0)
    (private_progress,) = await progress_rows(await enrollment(owner, tree.course), tree.lessons)

    message = await ConversationMessage.get(session_id=session.id, sender=Sender.USER)
    rows: dict[str, tuple[str, Any]] = {
        "classroom": ("Classroom", work.room),
        "membership": ("ClassMembership", membership),
        "assignment": ("Assignment", talk_task),
        "submission": ("Submission", talk),
        "session": ("ConversationSession", session),
        "message": ("ConversationMessage", message),
        "correction": ("Correction", await Correction.get(message_id=message.id)),
        "evaluation": ("Evaluation", await Evaluation.get(session_id=session.id)),
        "progress": ("LessonProgress", progress),
        "attempt": ("QuizAttempt", attempt),
        "answer": ("QuizAnswer", answer),
        "private_session": ("ConversationSession", private_session),
        "private_progress": ("LessonProgress", private_progress),
        "private_attempt": ("QuizAttempt", private_attempt),
        RETIRED: ("Assignment", retired),
    }
    assert set(rows) == EVERYTHING
    world.ids = {name: global_id(type_name, row.id) for name, (type_name, row) in rows.items()}
    world.rows = {name: row for name, (_, row) in rows.items()}
    world.rows.update(
        lesson_task=lesson_task, quiz_task=quiz_task, bens=bens, subs=[lesson_sub, talk, quiz_sub]
    )
    return world


@pytest.mark.parametrize("viewer", VIEWERS)
async def test_node_and_nodes_answer_what_the_viewer_reads(gql: GraphQLClient, viewer: str) -> None:
    world = await _world()
    token, names = world.tokens[viewer], list(world.ids)
    expected = [world.ids[name] if name in READS[viewer] else None for name in names]
    one_by_one = [(await gql(NODE, {"id": world.ids[n]}, token=token))["node"] for n in names]
    assert [found and found["id"] for found in one_by_one] == expected
    together = (await gql(NODES, {"ids": [world.ids[n] for n in names]}, token=token))["nodes"]
    assert [found and found["id"] for found in together] == expected


async def _read(gql: GraphQLClient, world: World, viewer: str) -> dict[str, Any]:
    """What the viewer reads of the session (as the student's app asks), the submission,
    the assignments and the classroom."""
    token, ids = world.tokens[viewer], world.ids
    tasks = [
        global_id("Assignment", world.rows[task].id)
        for task in ("lesson_task", "assignment", "quiz_task")
    ]

    async def node(query: str, object_id: str, **more: Any) -> Any:
        return (await gql(query, {"id": object_id}, token=token, **more))["node"]

    return {
        "session": await node(SESSION_OPS, ids["session"], operation_name="ConversationDetail"),
        "evaluation": await node(EVALUATION, ids["session"]),
        "submissions": [
            await node(SUBMISSION, global_id("Submission", row.id)) for row in world.rows["subs"]
        ],
        "assignments": (await gql(ASSIGNMENTS, {"ids": tasks}, token=token))["nodes"],
        "classroom": await node(CLASSROOM, ids["classroom"]),
    }


def _submissions_seen(found: list[Any]) -> list[list[str]]:
    """Per assignment, the submissions listed, each as "its id/its work's id"."""
    rows = [[edge["node"] for edge in task["submissions"]["edges"]] for task in found]
    return [
        [f"{r['id']}/{next(v['id'] for v in r.values() if isinstance(v, dict))}" for r in task]
        for task in rows
    ]


async def test_nested_fields_read_as_node_does(gql: GraphQLClient) -> None:
    world = await _world()
    seen = {viewer: await _read(gql, world, viewer) for viewer in VIEWERS}
    owner = seen["owner"]
    # Ana's own reads are whole: the session with its messages, corrections, evaluation.
    session = owner["session"]
    assert session["id"] == world.ids["session"]
    messages = [edge["node"] for edge in session["messages"]["edges"]]
    assert [len(m["corrections"]) for m in messages] == [1, 0]
    assert owner["evaluation"]["evaluation"]["overallScore"] == 70
    lesson_sub, sub, quiz_sub = owner["submissions"]
    assert sub["id"] == world.ids["submission"]
    assert sub["session"]["evaluation"]["id"] == world.ids["evaluation"]
    corrections = sub["session"]["messages"]["edges"][0]["node"]["corrections"]
    assert [c["id"] for c in corrections] == [world.ids["correction"]]
    ana_id = global_id("User", world.users["owner"].id)
    assert sub["student"] == {"id": ana_id, "displayName": "Ana"}
    progress, attempt = lesson_sub["lessonProgress"], quiz_sub["quizAttempt"]
    assert (progress["id"], progress["status"], progress["bestScore"]) == (
        world.ids["progress"],
        "COMPLETED",
        80,
    )
    assert (attempt["id"], attempt["status"], attempt["student"]) == (
        world.ids["attempt"],
        "PENDING_REVIEW",
        {"id": ana_id},
    )
    assert attempt["answers"] == [{"id": world.ids["answer"], "answer": "fue"}]
    works = [(s["session"], s["lessonProgress"], s["quizAttempt"]) for s in owner["submissions"]]
    assert works == [(None, progress, None), (sub["session"], None, None), (None, None, attempt)]

    # The teacher and admins read exactly what the student reads; the rest nothing of it.
    for viewer in ("teacher", "admin"):
        for key in ("session", "evaluation", "submissions"):
            assert seen[viewer][key] == owner[key], (viewer, key)
    for viewer in set(VIEWERS) - {"owner", "teacher", "admin"}:
        read = [seen[viewer]["session"], seen[viewer]["evaluation"], *seen[viewer]["submissions"]]
        assert read == [None] * 5, viewer

    # Through the assignments: each their own submissions, the teacher and admins all.
    ana = world.ids["submission"]
    ana_talk = f"{ana}/{world.ids['session']}"
    bens = world.rows["bens"]
    ben_talk = (
        f"{global_id('Submission', bens.id)}/{global_id('ConversationSession', bens.session_id)}"
    )
    all_of_them = _submissions_seen(seen["teacher"]["assignments"])
    assert all_of_them == [
        [f"{lesson_sub['id']}/{world.ids['progress']}"],
        [ana_talk, ben_talk],
        [f"{quiz_sub['id']}/{world.ids['attempt']}"],
    ]
    assert _submissions_seen(seen["admin"]["assignments"]) == all_of_them
    assert _submissions_seen(owner["assignments"]) == [all_of_them[0], [ana_talk], all_of_them[2]]
    assert _submissions_seen(seen["classmate"]["assignments"]) == [[], [ben_talk], []]
    assert owner["assignments"][1]["viewerSubmission"] == {"id": ana}
    assert seen["teacher"]["assignments"][1]["viewerSubmission"] is None
    for viewer in ("former_student", "suspended_student", "other_teacher", "anonymous"):
        assert seen[viewer]["assignments"] == [None, None, None], viewer

    # The classroom: how many members and assignments each who reads it is shown.
    def shown(room: dict | None) -> tuple[int, int] | None:
        if room is None:
            return None
        return len(room["members"]["edges"]), len(room["assignments"]["edges"])

    assert {viewer: shown(seen[viewer]["classroom"]) for viewer in VIEWERS} == {
        "owner": (2, 3),  # the ACTIVE members; the active work
        "classmate": (2, 3),
        "former_student": (3, 0),  # and their own membership; no work
        "suspended_student": None,
        "teacher": (4, 4),  # everyone; all work, the retired assignment too
        "other_teacher": None,
        "admin": (4, 4),
        "anonymous": None,
    }
    room = seen["teacher"]["classroom"]
    assert {e["node"]["classroom"]["id"] for e in room["members"]["edges"]} == {room["id"]}
    assert seen["admin"]["classroom"] == room


async def test_the_teacher_reads_only_the_work_submitted_now(gql: GraphQLClient) -> None:
    teacher, teacher_token = await signed_in(Role.TEACHER)
    work = await _class_work(teacher)
    ana, ana_token = await signed_in()
    await member(work.room, ana)
    talk = global_id("Assignment", (await assignment(work.room, scenario_row=work.scenario)).id)
    test = global_id("Assignment", (await assignment(work.room, quiz_row=work.quiz)).id)

    async def readable(token: str, type_name: str, row: Any) -> bool:
        found = await gql(NODE, {"id": global_id(type_name, row.id)}, token=token)
        return found["node"] is not None

    async def submit(task_id: str, work_field: str = "", work_id: str = "") -> Any:
        named = {work_field: work_id} if work_field else {}
        sent = await _payload(gql, "SubmitAssignment", ana_token, assignmentId=task_id, **named)
        assert sent["errors"] == []
        return sent["submission"]

    # A session: submitted, returned, and resubmitted with another one.
    first = await _corrected_session(ana, work, 60)
    sent = await submit(talk)
    message = await ConversationMessage.get(session_id=first.id, sender=Sender.USER)
    first_parts = [
        ("ConversationSession", first),
        ("Evaluation", await Evaluation.get(session_id=first.id)),
        ("ConversationMessage", message),
        ("Correction", await Correction.get(message_id=message.id)),
    ]
    assert [await readable(teacher_token, t, row) for t, row in first_parts] == [True] * 4
    returned = await _payload(
        gql, "GradeSubmission", teacher_token, submissionId=sent["id"], score=40, status="RETURNED"
    )
    assert returned["errors"] == []
    second = await _corrected_session(ana, work, 85)
    third = await _corrected_session(ana, work, 95)  # later, not submitted
    back = await submit(talk, "sessionId", global_id("ConversationSession", second.id))
    assert (back["id"], back["status"]) == (sent["id"], "RESUBMITTED")
    assert [await readable(teacher_token, t, row) for t, row in first_parts] == [False] * 4
    assert await readable(teacher_token, "ConversationSession", second)
    assert not await readable(teacher_token, "ConversationSession", third)
    assert [await readable(ana_token, t, row) for t, row in first_parts] == [True] * 4

    # An attempt replaced while SUBMITTED: the teacher no longer reads nor grades the old one.
    old, new = await done_attempt(ana, work.quiz), await done_attempt(ana, work.quiz)
    for attempt in (old, new):
        await submit(test, "quizAttemptId", global_id("QuizAttempt", attempt.id))
        assert await readable(teacher_token, "QuizAttempt", attempt)
        assert await can_grade(teacher, attempt.id)
    assert not await readable(teacher_token, "QuizAttempt", old)
    assert not await can_grade(teacher, old.id)


async def test_a_suspended_student_reads_no_classroom_through_their_own_rows(
    gql: GraphQLClient,
) -> None:
    work = await _class_work((await signed_in(Role.TEACHER))[0])
    suspended, token = await signed_in()
    await member(work.room, (await signed_in(display_name="Zoe Active"))[0])
    membership = await member(work.room, suspended, MembershipStatus.SUSPENDED)
    assert (await gql(NODE, {"id": global_id("Classroom", work.room.id)}, token=token)) == {
        "node": None
    }
    nested = """query($id: ID!) { node(id: $id) { ... on ClassMembership {
      status classroom { name members { edges { node { student { displayName } } } } } } } }"""
    found = await gql.raw(nested, {"id": global_id("ClassMembership", membership.id)}, token)
    assert found["data"]["node"] is None or found["data"]["node"]["status"] == "SUSPENDED"
    text = json.dumps(found)
    assert (work.room.name in text, "Zoe Active" in text) == (False, False)
    # Nor through their own earlier submission's assignment.
    task = await assignment(work.room, lesson=work.lesson)
    handed_in = await submission(task, suspended)
    through_work = """query($id: ID!) { node(id: $id) { ... on Submission {
      assignment { title classroom { name } } } } }"""
    found = await gql.raw(through_work, {"id": global_id("Submission", handed_in.id)}, token)
    assert found["data"]["node"] == {"assignment": {"title": task.title, "classroom": None}}
