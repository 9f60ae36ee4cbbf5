"""`make soak`: mixed traffic from 16 clients against `main.py serve --workers 2`, then a check
that every acknowledged write is in the database and the hearts and XP invariants hold.

    make soak                                  # 60 s
    make soak SOAK_SECONDS=300
    .venv/bin/python -m bench.soak --help      # every option

1. Drops and recreates the database `lingograph_soak` (DATABASE_URL's server, else the
   embedded pgserver; never the development database), migrates it and loads, with COPY
   (bench/dataset.py's builder), three published courses (2 sections x 2 units x 4 lessons,
   4 multiple-choice exercises each) and a pool of learners with bearer tokens, no
   enrollment and no XP.
2. Serves the API as production would (bench/servers.py: `main.py serve --workers 2`, debug
   and access log off).
3. Runs the clients for the given time, each over one keep-alive connection, one request at
   a time, as a learner would: enroll (the API, not the seed, makes every enrollment), read
   the course tree, start the next lesson, load it, answer its exercises (about one answer
   in seven wrong, which costs a heart; half the wrong ones are answered again), complete
   it (nine lessons in ten; the rest are abandoned), now and then edit the profile; reads
   (Me, MyLearning, Courses search, MyAchievements, DailyActivity) in between. A learner
   out of hearts in a course moves to another course, then the client takes the next
   learner of its own (no two clients share one). Every write the server acknowledged (an
   answer without errors) is recorded with what identifies it in the database.
4. Stops the server (SIGTERM; in-flight requests drain) and checks the database:
   - every acknowledged enrollment, lesson start, answer (its lesson attempt, its number,
     its text, its verdict), completion (its XP) and profile edit is there;
   - hearts: every enrollment's hearts within 0..MAX_HEARTS; its heart events a chain
     5 -> 4 -> ... one heart each, as many as the hearts missing (no heart regenerates
     within a run: REGEN_INTERVAL is 4 h); the hearts lost recorded on answers and on
     progress rows add up to the events; only wrong answers cost one; the last hearts a
     learner was told are the stored ones;
   - XP: nothing negative; per learner, the streak row's total = the enrollments' totals =
     the days' XP = the lesson-completed events' XP = the progress rows' XP + the rewards
     of the achievements earned = the XP the learner was told (acknowledged completions);
   - progress: attempts and completions counted on a progress row = the started and
     completed events; an exercise's answers within one lesson attempt numbered 1..n
     without gaps or repeats.
   A learner with a write whose outcome is unknown (a timeout, a 5xx) is checked with
   "at least" instead of "equal" where that write could count.
5. Prints requests, throughput, outcomes by code and p50/p99 per operation, the checks, and
   the server log's tracebacks; writes the figures to bench/results-soak.json. Exit status
   1 when a write is missing, an invariant fails, or any request failed (5xx, INTERNAL,
   transport error).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import resource
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import asyncpg
from graphql import FragmentDefinitionNode, OperationDefinitionNode, parse, print_ast
from graphql.language import FragmentSpreadNode, Visitor, visit

from bench import servers
from bench.dataset import NOW, SEARCH_TERM, Sizes, _Builder
from core import db
from core.security import new_token
from core.settings import get_settings
from engine.ids import decode_global_id, global_id
from models.identity import AuthToken, LearningProfile, User
from models.learning import (
    Achievement,
    ActivityEvent,
    ActivityKind,
    DailyActivity,
    Enrollment,
    ExerciseAttempt,
    HeartEvent,
    LessonProgress,
    UserAchievement,
    UserStreak,
)
from rules.learning.hearts import MAX_HEARTS, REGEN_INTERVAL
from schema.root import MODEL_MODULES

SOAK_DB = "lingograph_soak"
HERE = Path(__file__).resolve().parent
OPERATIONS = HERE.parent / "tests" / "operations"
OPERATION_FILES = ("identity.graphql", "catalog.graphql", "learning.graphql")
READS = ("Me", "MyLearning", "Courses", "MyAchievements", "DailyActivity")
READ_VARIABLES: dict[str, dict[str, Any]] = {"Courses": {"filter": {"search": SEARCH_TERM}}}
CORRECT_OPTION = "option 0"  # the builder's correct option of every exercise
REQUEST_TIMEOUT = 30.0
# Top-level codes after which a write may or may not have happened.
UNKNOWN_OUTCOME_CODES = {"INTERNAL", "UNAVAILABLE"}
SIZES = Sizes(courses=3, sections=2, units=2, lessons=4, exercises=4, options=3)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    default_seconds = float(os.environ.get("SOAK_SECONDS") or 60)
    parser.add_argument("--seconds", type=float, default=default_seconds, help="run time")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2, help="server worker processes")
    parser.add_argument("--wrong", type=float, default=0.15, help="share of wrong answers")
    parser.add_argument("--read", type=float, default=0.25, help="a read after a write, odds")
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--output", default=str(HERE / "results-soak.json"))
    return parser.parse_args(argv)


# --- the data set ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CourseSeed:
    id: str
    slug: str


@dataclass(frozen=True)
class LearnerSeed:
    id: str
    token: str


def build_seed(learners: int) -> tuple[_Builder, list[CourseSeed], list[LearnerSeed]]:
    builder = _Builder(SIZES)
    builder.catalog_base()
    courses = []
    for number in range(SIZES.courses):
        title = f"{SEARCH_TERM} Spanish {number + 1}"
        course = builder.course(title, SIZES.sections, SIZES.units, SIZES.lessons)
        for lesson in course["_lessons"]:
            builder.exercises(lesson, SIZES.exercises, SIZES.options)
        courses.append(CourseSeed(str(course["id"]), course["slug"]))
    people = []
    for i in range(learners):
        user = builder.bulk.add(
            User,
            email=f"soak{i}@soak.example",
            username=f"soak{i}",
            display_name=f"Soak {i}",
            timezone="UTC",
            role="student",
            email_verified_at=NOW,
        )
        builder.bulk.add(
            LearningProfile, user_id=user["id"], target_language="es", proficiency_level="A2"
        )
        raw, digest = new_token()
        builder.bulk.add(
            AuthToken, user_id=user["id"], token_hash=digest, expires_at=NOW + timedelta(3650)
        )
        people.append(LearnerSeed(str(user["id"]), raw))
    return builder, courses, people


async def prepare(learners: int) -> tuple[str, list[CourseSeed], list[LearnerSeed]]:
    server_url = db.resolve_database_url(get_settings().database_url)
    await db.drop_database(server_url, SOAK_DB)
    url = await db.create_database(server_url, SOAK_DB)
    config = db.tortoise_config(url, MODEL_MODULES, 1, 2)
    await db.apply_migrations(config)
    await db.init_orm(config)  # the builder reads the models' _meta
    try:
        builder, courses, people = build_seed(learners)
        conn = await asyncpg.connect(**db.credentials(url))
        try:
            async with conn.transaction():
                await builder.bulk.copy(conn)
            await conn.execute("ANALYZE")
        finally:
            await conn.close()
    finally:
        await db.close_orm()
    return url, courses, people


# --- operations ------------------------------------------------------------------------------


def operation_texts() -> dict[str, str]:
    """Each frontend operation with the fragments it spreads (directly or not)."""
    operations: dict[str, OperationDefinitionNode] = {}
    fragments: dict[str, FragmentDefinitionNode] = {}
    for file in OPERATION_FILES:
        for definition in parse((OPERATIONS / file).read_text()).definitions:
            if isinstance(definition, OperationDefinitionNode) and definition.name:
                operations[definition.name.value] = definition
            elif isinstance(definition, FragmentDefinitionNode):
                fragments[definition.name.value] = definition

    def spreads(node: Any) -> set[str]:
        names: set[str] = set()

        class Spreads(Visitor):
            def enter_fragment_spread(self, spread: FragmentSpreadNode, *_: Any) -> None:
                names.add(spread.name.value)

        visit(node, Spreads())
        return names

    texts = {}
    for name, operation in operations.items():
        needed: set[str] = set()
        todo = spreads(operation)
        while todo:
            fragment = todo.pop()
            if fragment not in needed:
                needed.add(fragment)
                todo |= spreads(fragments[fragment])
        parts = [print_ast(operation)] + [print_ast(fragments[f]) for f in sorted(needed)]
        texts[name] = "\n".join(parts)
    return texts


# --- the record of what the server acknowledged ----------------------------------------------

AnswerKey = tuple[
    str, str, str, int, int, str, bool
]  # user, lesson, exercise, attempt, n, text, ok


@dataclass
class Ledger:
    enrollments: set[tuple[str, str]] = field(default_factory=set)
    starts: Counter[tuple[str, str]] = field(default_factory=Counter)
    attempts: dict[tuple[str, str], int] = field(default_factory=dict)  # highest acknowledged
    answers: list[AnswerKey] = field(default_factory=list)
    completions: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(list))
    xp: Counter[str] = field(default_factory=Counter)
    hearts: dict[tuple[str, str], int] = field(default_factory=dict)  # (user, course): last told
    profiles: dict[str, str] = field(default_factory=dict)  # last acknowledged display name
    profile_edits: int = 0
    uncertain: set[str] = field(default_factory=set)  # users with a write of unknown outcome
    verdicts: list[str] = field(default_factory=list)  # answers judged otherwise than meant

    def acknowledged(self) -> dict[str, int]:
        return {
            "enroll": len(self.enrollments),
            "startLesson": sum(self.starts.values()),
            "submitAnswer": len(self.answers),
            "completeLesson": sum(len(xp) for xp in self.completions.values()),
            "updateProfile": self.profile_edits,
        }


@dataclass
class Result:
    kind: str  # ok | refused (nothing written) | failed (unknown outcome)
    code: str
    data: Any = None


@dataclass
class OperationStats:
    latencies: list[float] = field(default_factory=list)
    outcomes: Counter[str] = field(default_factory=Counter)


class Failure(Exception):
    pass


class Connection:
    """One keep-alive HTTP/1.1 connection on asyncio streams (like bench/loadgen.py)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def post(self, body: dict[str, Any], token: str | None) -> tuple[int, bytes]:
        if self.streams is None:
            self.streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self.streams
        payload = json.dumps(body).encode()
        head = [
            "POST /graphql HTTP/1.1",
            f"Host: {self.host}:{self.port}",
            "Content-Type: application/json",
            "Accept: application/json",
            f"Content-Length: {len(payload)}",
        ]
        if token:
            head.append(f"Authorization: Bearer {token}")
        writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + payload)
        try:
            status_line = await reader.readline()
            if not status_line:
                raise Failure("connection closed")
            length, close = None, False
            while (line := await reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.partition(b":")
                name = name.strip().lower()
                if name == b"content-length":
                    length = int(value)
                elif name == b"connection" and value.strip().lower() == b"close":
                    close = True
            if length is None:
                raise Failure("no content-length")
            answer = await reader.readexactly(length)
        except BaseException:
            self.close()
            raise
        if close:
            self.close()
        return int(status_line.split()[1]), answer

    def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


@dataclass
class LearnerState:
    seed: LearnerSeed
    enrolled: set[str] = field(default_factory=set)  # course ids
    out_of_hearts: set[str] = field(default_factory=set)


class Client:
    """One learner at a time, one request at a time, until the deadline."""

    def __init__(
        self,
        index: int,
        connection: Connection,
        learners: list[LearnerSeed],
        courses: list[CourseSeed],
        texts: dict[str, str],
        args: argparse.Namespace,
        stats: dict[str, OperationStats],
        ledger: Ledger,
    ) -> None:
        self.index = index
        self.connection = connection
        self.queue = [LearnerState(seed) for seed in learners]
        self.courses = courses
        self.texts = texts
        self.args = args
        self.stats = stats
        self.ledger = ledger
        self.rng = random.Random(args.seed * 1000 + index)
        self.deadline = 0.0
        self.sequence = 0
        self.last_token = learners[0].token if learners else ""

    def over(self) -> bool:
        return time.perf_counter() >= self.deadline

    async def call(
        self, name: str, variables: dict[str, Any], token: str, payload: str | None = None
    ) -> Result:
        """One operation; for a mutation, `payload` names its field (errors there refuse)."""
        body = {"query": self.texts[name], "operationName": name, "variables": variables}
        began = time.perf_counter()
        try:
            async with asyncio.timeout(REQUEST_TIMEOUT):
                status, raw = await self.connection.post(body, token)
        except TimeoutError:
            result = Result("failed", "timeout")
        except (Failure, OSError, asyncio.IncompleteReadError) as error:
            result = Result("failed", f"connection: {type(error).__name__}")
        else:
            result = classify(status, raw, payload)
        stats = self.stats.setdefault(name, OperationStats())
        stats.latencies.append(time.perf_counter() - began)
        stats.outcomes[result.code] += 1
        return result

    async def maybe_read(self, learner: LearnerState) -> None:
        if self.rng.random() < self.args.read:
            name = self.rng.choice(READS)
            await self.call(name, READ_VARIABLES.get(name, {}), learner.seed.token)

    async def run(self, deadline: float) -> None:
        self.deadline = deadline
        try:
            while not self.over():
                if not self.queue:  # every learner out of hearts: reads only
                    name = self.rng.choice(READS)
                    await self.call(name, READ_VARIABLES.get(name, {}), self.last_token)
                    continue
                learner = self.queue[0]
                self.last_token = learner.seed.token
                course = await self.choose_course(learner)
                if course is None:
                    self.queue.pop(0)
                    continue
                await self.play_lesson(learner, course)
                if self.rng.random() < 0.1 and not self.over():
                    await self.update_profile(learner)
        finally:
            self.connection.close()

    async def choose_course(self, learner: LearnerState) -> CourseSeed | None:
        playable = [
            c
            for c in self.courses
            if c.id in learner.enrolled and c.id not in learner.out_of_hearts
        ]
        if playable:
            return self.rng.choice(playable)
        fresh = [c for c in self.courses if c.id not in learner.enrolled]
        if not fresh:
            return None
        course = fresh[0]
        user = learner.seed.id
        result = await self.call(
            "Enroll", {"courseId": global_id("Course", course.id)}, learner.seed.token, "enroll"
        )
        if result.kind == "ok":
            self.ledger.enrollments.add((user, course.id))
            learner.enrolled.add(course.id)
            self.ledger.hearts[(user, course.id)] = result.data["enrollment"]["hearts"]
        elif result.kind == "failed":
            self.ledger.uncertain.add(user)  # enrolling is idempotent: the next turn retries
        else:
            learner.enrolled.add(course.id)  # refused: no use asking again
            learner.out_of_hearts.add(course.id)
        await self.maybe_read(learner)
        return None if result.kind != "ok" else course

    async def play_lesson(self, learner: LearnerState, course: CourseSeed) -> None:
        user, token = learner.seed.id, learner.seed.token
        tree = await self.call("CourseTree", {"slug": course.slug}, token)
        if tree.kind != "ok" or self.over():
            return
        lessons = [
            lesson
            for section in tree.data["course"]["sections"]
            for unit in section["units"]
            for lesson in unit["lessons"]
        ]

        def status(lesson: dict[str, Any]) -> str:
            return (lesson["viewerProgress"] or {}).get("status") or "LOCKED"

        open_ = [x for x in lessons if status(x) in ("IN_PROGRESS", "AVAILABLE")]
        done = [x for x in lessons if status(x) in ("COMPLETED", "NEEDS_REVIEW")]
        if not open_ and not done:
            return
        lesson_gid = (open_[0] if open_ else self.rng.choice(done))["id"]
        lesson = str(decode_global_id(lesson_gid, "Lesson"))
        start = await self.call("StartLesson", {"lessonId": lesson_gid}, token, "startLesson")
        if start.kind == "failed":
            self.ledger.uncertain.add(user)
            return
        if start.kind == "refused":
            if start.code == "NO_HEARTS":
                learner.out_of_hearts.add(course.id)
            return
        attempt = start.data["lessonProgress"]["attempts"]
        key = (user, lesson)
        self.ledger.starts[key] += 1
        self.ledger.attempts[key] = max(attempt, self.ledger.attempts.get(key, 0))
        self.ledger.hearts[(user, course.id)] = start.data["hearts"]
        content = await self.call("Lesson", {"id": lesson_gid}, token)
        if content.kind != "ok":
            return
        answered: Counter[str] = Counter()
        for exercise in content.data["node"]["exercises"]:
            right = next(o["id"] for o in exercise["options"] if o["text"] == CORRECT_OPTION)
            wrong = self.rng.random() < self.args.wrong
            tries = [False, True] if wrong and self.rng.random() < 0.5 else [not wrong]
            for correct in tries:
                if self.over():
                    return
                self.sequence += 1
                text = right if correct else f"not this one {self.index}.{self.sequence}"
                variables = {
                    "lessonId": lesson_gid,
                    "exerciseId": exercise["id"],
                    "answer": text,
                    "timeSpentMs": self.rng.randint(500, 9000),
                }
                result = await self.call("SubmitAnswer", variables, token, "submitAnswer")
                if result.kind == "failed":
                    self.ledger.uncertain.add(user)
                    return  # abandon the attempt: its numbering is no longer known
                if result.kind == "refused":
                    return
                exercise_id = str(decode_global_id(exercise["id"], "Exercise"))
                answered[exercise_id] += 1
                self.ledger.answers.append(
                    (user, lesson, exercise_id, attempt, answered[exercise_id], text, correct)
                )
                if result.data["correct"] is not correct:
                    self.ledger.verdicts.append(f"{user} {exercise_id} {text!r}")
                self.ledger.hearts[(user, course.id)] = result.data["hearts"]
                await self.maybe_read(learner)
        if self.rng.random() < 0.1 or self.over():
            return  # abandoned: the next start begins a new attempt
        result = await self.call(
            "CompleteLesson", {"lessonId": lesson_gid}, token, "completeLesson"
        )
        if result.kind == "failed":
            self.ledger.uncertain.add(user)
        elif result.kind == "ok":
            self.ledger.completions[key].append(result.data["xpEarned"])
            self.ledger.xp[user] += result.data["xpEarned"]
            await self.maybe_read(learner)

    async def update_profile(self, learner: LearnerState) -> None:
        self.sequence += 1
        name = f"Soak {self.index}.{self.sequence}"
        result = await self.call(
            "UpdateProfile", {"input": {"displayName": name}}, learner.seed.token, "updateProfile"
        )
        if result.kind == "ok":
            self.ledger.profiles[learner.seed.id] = name
            self.ledger.profile_edits += 1
        elif result.kind == "failed":
            self.ledger.uncertain.add(learner.seed.id)


def classify(status: int, raw: bytes, payload: str | None) -> Result:
    """ok, refused (a coded answer: nothing was written) or failed (the outcome is unknown)."""
    try:
        answer = json.loads(raw)
    except ValueError:
        return Result("failed", f"HTTP {status} not JSON")
    errors = answer.get("errors") if isinstance(answer, dict) else None
    if errors:
        code = str((errors[0].get("extensions") or {}).get("code") or "NO_CODE")
        kind = "failed" if status >= 500 or code in UNKNOWN_OUTCOME_CODES else "refused"
        return Result(kind, f"HTTP {status} {code}" if status != 200 else code)
    if status != 200:
        return Result("failed", f"HTTP {status}")
    data = answer.get("data")
    if payload is None:
        return Result("ok", "ok", data)
    body = (data or {}).get(payload)
    if body is None:
        return Result("failed", "null payload")
    if body.get("errors"):
        return Result("refused", str(body["errors"][0].get("code")), body)
    return Result("ok", "ok", body)


async def drive(
    base: str,
    courses: list[CourseSeed],
    people: list[LearnerSeed],
    args: argparse.Namespace,
) -> tuple[dict[str, OperationStats], Ledger, float, float]:
    host, port = base.removeprefix("http://").split(":")
    texts = operation_texts()
    stats: dict[str, OperationStats] = {}
    ledger = Ledger()
    share = len(people) // args.clients
    clients = []
    # Connected one at a time, each answered once before the next connects, so the workers
    # share the connections (see bench/loadgen.py).
    for index in range(args.clients):
        connection = Connection(host, int(port))
        learners = people[index * share : (index + 1) * share]
        client = Client(index, connection, learners, courses, texts, args, stats, ledger)
        await client.call("Me", {}, learners[0].token)
        clients.append(client)
    stats.clear()  # the connecting requests are not measured
    started, cpu = time.perf_counter(), time.process_time()
    deadline = started + args.seconds
    await asyncio.gather(*(client.run(deadline) for client in clients))
    elapsed = time.perf_counter() - started
    return stats, ledger, elapsed, round(100 * (time.process_time() - cpu) / elapsed, 1)


# --- the checks ------------------------------------------------------------------------------


class Checks:
    def __init__(self) -> None:
        self.results: dict[str, dict[str, Any]] = {}
        self.figures: dict[str, int] = {}  # what the run left in the database

    def check(self, name: str, checked: int, problems: list[str]) -> None:
        self.results[name] = {"checked": checked, "failed": len(problems), "examples": problems[:5]}

    @property
    def failed(self) -> bool:
        return any(result["failed"] for result in self.results.values())


def table(model: Any) -> str:
    return str(model._meta.db_table)


async def check_database(url: str, ledger: Ledger) -> Checks:
    conn = await asyncpg.connect(**db.credentials(url))
    try:
        return await _check(conn, ledger)
    finally:
        await conn.close()


async def _check(conn: asyncpg.Connection, ledger: Ledger) -> Checks:
    checks = Checks()

    async def rows(sql: str) -> list[asyncpg.Record]:
        return list(await conn.fetch(sql))

    def s(value: Any) -> str:
        return str(value)

    enrollments = await rows(
        f"SELECT id, user_id, course_id, hearts, total_xp, status FROM {table(Enrollment)}"
    )
    progress = await rows(
        "SELECT id, user_id, lesson_id, enrollment_id, attempts, completion_count, xp_earned, "
        f"hearts_lost FROM {table(LessonProgress)}"
    )
    attempts = await rows(
        "SELECT user_id, lesson_id, exercise_id, progress_id, lesson_attempt, attempt_number, "
        f"answer, is_correct, hearts_lost, xp_earned FROM {table(ExerciseAttempt)}"
    )
    heart_events = await rows(
        "SELECT enrollment_id, hearts_before, hearts_after FROM "
        f"{table(HeartEvent)} ORDER BY enrollment_id, created_at, hearts_before DESC"
    )
    events = await rows(f"SELECT user_id, lesson_id, kind, data FROM {table(ActivityEvent)}")
    streaks = {
        s(r["user_id"]): r["total_xp"]
        for r in await rows(f"SELECT user_id, total_xp FROM {table(UserStreak)}")
    }
    days = await rows(f"SELECT user_id, xp FROM {table(DailyActivity)}")
    rewards = await rows(
        f"SELECT ua.user_id, a.xp_reward FROM {table(UserAchievement)} ua "
        f"JOIN {table(Achievement)} a ON a.id = ua.achievement_id"
    )
    names = {
        s(r["id"]): r["display_name"]
        for r in await rows(f"SELECT id, display_name FROM {table(User)}")
    }

    started, completed = ActivityKind.LESSON_STARTED.value, ActivityKind.LESSON_COMPLETED.value
    checks.figures = {
        "enrollments": len(enrollments),
        "lesson starts": sum(1 for e in events if e["kind"] == started),
        "answers": len(attempts),
        "wrong answers": sum(1 for a in attempts if not a["is_correct"]),
        "hearts lost": len(heart_events),
        "completions": sum(1 for e in events if e["kind"] == completed),
        "achievements": len(rewards),
        "XP": sum(streaks.values()),
    }

    # -- every acknowledged write is there --------------------------------------------------
    enrolled = {(s(r["user_id"]), s(r["course_id"])) for r in enrollments}
    missing = [f"{u} {c}" for u, c in sorted(ledger.enrollments - enrolled)]
    checks.check("acknowledged enrollments present", len(ledger.enrollments), missing)

    by_key = {(s(r["user_id"]), s(r["lesson_id"])): r for r in progress}
    kinds: Counter[tuple[str, str, str]] = Counter(
        (s(e["user_id"]), s(e["lesson_id"]), e["kind"]) for e in events
    )
    problems = []
    for key, count in ledger.starts.items():
        row = by_key.get(key)
        if row is None or row["attempts"] < ledger.attempts[key]:
            problems.append(f"{key}: attempts {row and row['attempts']} < {ledger.attempts[key]}")
        elif kinds[(*key, started)] < count:
            problems.append(f"{key}: {kinds[(*key, started)]} started events < {count}")
    checks.check("acknowledged lesson starts present", sum(ledger.starts.values()), problems)

    stored = {
        (
            s(r["user_id"]),
            s(r["lesson_id"]),
            s(r["exercise_id"]),
            r["lesson_attempt"],
            r["attempt_number"],
            r["answer"],
            r["is_correct"],
        )
        for r in attempts
    }
    missing = [repr(a) for a in ledger.answers if a not in stored]
    checks.check("acknowledged answers present", len(ledger.answers), missing)
    checks.check("answers judged as meant", len(ledger.answers), ledger.verdicts)

    completion_xp: dict[tuple[str, str], Counter[int]] = defaultdict(Counter)
    for e in events:
        if e["kind"] == completed:
            data = json.loads(e["data"]) if isinstance(e["data"], str) else e["data"]
            completion_xp[(s(e["user_id"]), s(e["lesson_id"]))][data["xp"]] += 1
    problems = []
    for key, xps in ledger.completions.items():
        row = by_key.get(key)
        if row is None or row["completion_count"] < len(xps):
            problems.append(f"{key}: {row and row['completion_count']} completions < {len(xps)}")
        elif Counter(xps) - completion_xp[key]:
            problems.append(f"{key}: XP {sorted(xps)} not in {dict(completion_xp[key])}")
    acked = sum(len(x) for x in ledger.completions.values())
    checks.check("acknowledged completions present (with their XP)", acked, problems)

    problems = [
        f"{user}: {names.get(user)!r} != {name!r}"
        for user, name in ledger.profiles.items()
        if user not in ledger.uncertain and names.get(user) != name
    ]
    checks.check("last acknowledged profile edit present", len(ledger.profiles), problems)

    # -- hearts -----------------------------------------------------------------------------
    chains: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for e in heart_events:
        chains[s(e["enrollment_id"])].append((e["hearts_before"], e["hearts_after"]))
    lost_on_answers: Counter[str] = Counter()
    lost_on_progress: Counter[str] = Counter()
    enrollment_of_progress = {s(r["id"]): s(r["enrollment_id"]) for r in progress}
    per_progress: Counter[str] = Counter()
    problems_cost = []
    for a in attempts:
        lost_on_answers[enrollment_of_progress[s(a["progress_id"])]] += a["hearts_lost"]
        per_progress[s(a["progress_id"])] += a["hearts_lost"]
        if a["hearts_lost"] not in (0, 1) or (a["hearts_lost"] and a["is_correct"]):
            problems_cost.append(f"{a['user_id']} {a['exercise_id']}: {a['hearts_lost']} lost")
    for r in progress:
        lost_on_progress[s(r["enrollment_id"])] += r["hearts_lost"]
    range_problems, chain_problems, sum_problems, told_problems = [], [], [], []
    for r in enrollments:
        eid, hearts = s(r["id"]), r["hearts"]
        if not 0 <= hearts <= MAX_HEARTS:
            range_problems.append(f"{eid}: {hearts}")
        chain = chains.get(eid, [])
        expected = [(MAX_HEARTS - i, MAX_HEARTS - i - 1) for i in range(len(chain))]
        if chain != expected or hearts != MAX_HEARTS - len(chain):
            chain_problems.append(f"{eid}: stored {hearts}, events {chain}")
        if not lost_on_answers[eid] == lost_on_progress[eid] == len(chain):
            sum_problems.append(
                f"{eid}: answers {lost_on_answers[eid]}, progress {lost_on_progress[eid]}, "
                f"events {len(chain)}"
            )
        told = ledger.hearts.get((s(r["user_id"]), s(r["course_id"])))
        if told is not None and s(r["user_id"]) not in ledger.uncertain and told != hearts:
            told_problems.append(f"{eid}: told {told}, stored {hearts}")
    for r in progress:
        if per_progress[s(r["id"])] != r["hearts_lost"]:
            sum_problems.append(f"progress {r['id']}: {r['hearts_lost']} != answers")
    count = len(enrollments)
    checks.check(f"hearts within 0..{MAX_HEARTS}", count, range_problems)
    checks.check("heart events a chain of single hearts = hearts missing", count, chain_problems)
    checks.check("hearts lost on answers = on progress rows = events", count, sum_problems)
    checks.check("only a wrong answer costs a heart, one at most", len(attempts), problems_cost)
    checks.check("hearts last told = hearts stored", len(ledger.hearts), told_problems)

    # -- XP ---------------------------------------------------------------------------------
    negative = [
        f"{what} {value}"
        for what, values in (
            ("enrollment", [r["total_xp"] for r in enrollments]),
            ("progress", [r["xp_earned"] for r in progress]),
            ("answer", [r["xp_earned"] for r in attempts]),
            ("day", [r["xp"] for r in days]),
            ("streak", list(streaks.values())),
        )
        for value in values
        if value < 0
    ]
    values = len(enrollments) + len(progress) + len(attempts) + len(days) + len(streaks)
    checks.check("no negative XP", values, negative)

    totals: dict[str, Counter[str]] = defaultdict(Counter)
    for r in enrollments:
        totals[s(r["user_id"])]["enrollments"] += r["total_xp"]
    for r in days:
        totals[s(r["user_id"])]["days"] += r["xp"]
    for key, counts in completion_xp.items():
        totals[key[0]]["completed events"] += sum(xp * n for xp, n in counts.items())
    for r in progress:
        totals[s(r["user_id"])]["progress + rewards"] += r["xp_earned"]
    for r in rewards:
        totals[s(r["user_id"])]["progress + rewards"] += r["xp_reward"]
    users = set(totals) | set(streaks) | set(ledger.xp)
    problems, told_xp = [], []
    for user in sorted(users):
        figures = {"streak": streaks.get(user, 0)}
        for source in ("enrollments", "days", "completed events", "progress + rewards"):
            figures[source] = totals[user][source]
        if len(set(figures.values())) > 1:
            problems.append(f"{user}: {dict(figures)}")
        told = ledger.xp.get(user, 0)
        total = streaks.get(user, 0)
        if total < told or (user not in ledger.uncertain and total != told):
            told_xp.append(f"{user}: told {told}, stored {total}")
    checks.check(
        "XP: streak = enrollments = days = completed events = progress + rewards",
        len(users),
        problems,
    )
    checks.check("XP told (acknowledged completions) = XP stored", len(ledger.xp), told_xp)

    # -- progress bookkeeping ---------------------------------------------------------------
    problems = []
    for r in progress:
        key = (s(r["user_id"]), s(r["lesson_id"]))
        if r["attempts"] != kinds[(*key, started)]:
            problems.append(f"{key}: attempts {r['attempts']} != {kinds[(*key, started)]} events")
        if r["completion_count"] != kinds[(*key, completed)]:
            problems.append(f"{key}: completions {r['completion_count']} != events")
    checks.check("progress counts = started / completed events", len(progress), problems)

    numbers: dict[tuple[str, int, str], list[int]] = defaultdict(list)
    for a in attempts:
        numbers[(s(a["progress_id"]), a["lesson_attempt"], s(a["exercise_id"]))].append(
            a["attempt_number"]
        )
    problems = [
        f"{key}: {sorted(n)}"
        for key, n in numbers.items()
        if sorted(n) != list(range(1, len(n) + 1))
    ]
    checks.check("answers numbered 1..n per exercise and attempt", len(numbers), problems)
    return checks


# --- the report ------------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000, 1)


def server_log_figures(path: Path) -> dict[str, int]:
    text = path.read_text(errors="replace") if path.exists() else ""
    lines = text.splitlines()
    return {
        "tracebacks": text.count("Traceback (most recent call last)"),
        "error_lines": sum(1 for line in lines if " ERROR " in line or '"ERROR"' in line),
        "lines": len(lines),
    }


def summarize(
    stats: dict[str, OperationStats], ledger: Ledger, elapsed: float, args: argparse.Namespace
) -> dict[str, Any]:
    operations = {}
    for name in sorted(stats, key=lambda n: -len(stats[n].latencies)):
        st = stats[name]
        operations[name] = {
            "requests": len(st.latencies),
            "rps": round(len(st.latencies) / elapsed, 1),
            "p50_ms": percentile(st.latencies, 0.50),
            "p99_ms": percentile(st.latencies, 0.99),
            "max_ms": round(max(st.latencies) * 1000, 1) if st.latencies else None,
            "outcomes": dict(st.outcomes),
        }
    outcomes: Counter[str] = Counter()
    for st in stats.values():
        outcomes.update(st.outcomes)
    every = [latency for st in stats.values() for latency in st.latencies]
    return {
        "seconds": round(elapsed, 1),
        "clients": args.clients,
        "workers": args.workers,
        "requests": len(every),
        "rps": round(len(every) / elapsed, 1),
        "p50_ms": percentile(every, 0.50),
        "p99_ms": percentile(every, 0.99),
        "outcomes": dict(outcomes),
        "operations": operations,
        "acknowledged_writes": ledger.acknowledged(),
        "uncertain_learners": len(ledger.uncertain),
    }


def failures(summary: dict[str, Any]) -> int:
    """Requests whose outcome is unknown (5xx, INTERNAL/UNAVAILABLE, timeouts, transport)."""
    return sum(
        count
        for code, count in summary["outcomes"].items()
        if code.startswith(("HTTP 5", "connection", "timeout", "null payload"))
        or code in UNKNOWN_OUTCOME_CODES
    )


def print_report(results: dict[str, Any]) -> None:
    run, checks = results["run"], results["checks"]
    print()
    print(
        f"soak: {run['seconds']} s, {run['clients']} clients, `serve --workers {run['workers']}`:"
        f" {run['requests']} requests, {run['rps']} req/s, p50 {run['p50_ms']} ms,"
        f" p99 {run['p99_ms']} ms, client cpu {results['client_cpu_percent']}%"
    )
    print(
        f"{'operation':16} {'requests':>8} {'req/s':>7} {'p50':>7} {'p99':>7} {'max':>8}  outcomes"
    )
    for name, op in run["operations"].items():
        outcomes = ", ".join(f"{code} {n}" for code, n in sorted(op["outcomes"].items()))
        print(
            f"{name:16} {op['requests']:>8} {op['rps']:>7} {op['p50_ms']:>7} {op['p99_ms']:>7} "
            f"{op['max_ms']:>8}  {outcomes}"
        )
    acked = ", ".join(f"{k} {v}" for k, v in run["acknowledged_writes"].items())
    print(
        f"acknowledged writes: {acked}; learners with an unknown outcome: "
        f"{run['uncertain_learners']}"
    )
    print(f"failed requests (unknown outcome): {results['failed_requests']}")
    log = results["server_log"]
    print(
        f"server log: {log['tracebacks']} tracebacks, {log['error_lines']} ERROR lines; "
        f"stopped {results['shutdown_seconds']} s after SIGTERM"
    )
    print(f"machine load average (1, 5, 15 min) at the end: {results['load_average']}")
    print("in the database: " + ", ".join(f"{k} {v}" for k, v in results["database"].items()))
    print("checks:")
    for name, result in checks.items():
        verdict = "ok" if not result["failed"] else f"FAILED {result['failed']}"
        print(f"  {verdict:>10}  {name} ({result['checked']} checked)")
        for example in result["examples"]:
            print(f"              {example}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if timedelta(seconds=args.seconds) >= REGEN_INTERVAL:
        print("soak: runs of 4 h or more would see hearts regenerate; the checks assume not")
        return 2
    # Roughly one learner every 3 s per client runs out of hearts in all three courses.
    per_client = max(8, int(args.seconds / 3) + 4)
    print(f"soak: loading {SOAK_DB} ({args.clients * per_client} learners)", flush=True)
    url, courses, people = asyncio.run(prepare(args.clients * per_client))
    logs = Path("/tmp") / "lingograph-soak"
    logs.mkdir(exist_ok=True)
    log_path = logs / "server.log"
    print(
        f"soak: {args.seconds:g} s, {args.clients} clients, serve --workers {args.workers}"
        f" (server log {log_path})",
        flush=True,
    )
    with servers.api_server(url, args.workers, True, log_path) as base:
        stats, ledger, elapsed, cpu = asyncio.run(drive(base, courses, people, args))
        stopping = time.perf_counter()  # leaving the block sends SIGTERM, waits for the exit
    shutdown = round(time.perf_counter() - stopping, 1)
    load = [round(x, 1) for x in os.getloadavg()]  # 1, 5, 15 min: other work on the machine
    checks = asyncio.run(check_database(url, ledger))
    summary = summarize(stats, ledger, elapsed, args)
    results = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": {
            "python": sys.version.split()[0],
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "run": summary,
        "failed_requests": failures(summary),
        "client_cpu_percent": cpu,
        "client_max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "server_log": server_log_figures(log_path),
        "shutdown_seconds": shutdown,
        "load_average": load,
        "database": checks.figures,
        "checks": checks.results,
    }
    Path(args.output).write_text(json.dumps(results, indent=2) + "\n")
    print_report(results)
    print(f"soak: wrote {args.output}")
    ok = not checks.failed and not results["failed_requests"]
    print("soak: " + ("every acknowledged write is there; invariants hold" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
