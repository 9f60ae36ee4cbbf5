"""The benchmark's deterministic data set, written with COPY (bench/bulk.py), not ORM saves.

Default sizes: 200 learners; 3 courses x 4 sections x 5 units x 6 lessons x 8 exercises x 4
options; every learner enrolled in 2 courses with 30 lesson-progress rows each; 5 conversation
sessions per learner with 40 messages and one correction per learner message.

The "x10" slice exists next to it, for the statement-count comparison: one course whose units
hold ten times the lessons and whose first lesson has ten times the exercises, options,
prerequisites and scenarios; one learner with ten times the enrollments and progress rows; one
session with ten times the messages and corrections; and ten times the courses matching a search
term. (GraphQL pages cap at 100 rows, so a x10 list is what the page shows, up to that cap.)
"""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg

from bench.bulk import Bulk
from core.security import new_token
from models.catalog import (
    ConversationScenario,
    Course,
    Exercise,
    ExerciseOption,
    Language,
    Lesson,
    LessonExercise,
    LessonPrerequisite,
    MediaAsset,
    Section,
    Unit,
)
from models.conversation import ConversationMessage, ConversationSession, Correction, TeacherProfile
from models.identity import AuthToken, LearningProfile, User
from models.learning import Enrollment, LessonProgress, UserStreak

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
SEARCH_TERM = "Core"  # matches the default courses' titles
BIG_SEARCH_TERM = "Extended"  # matches the x10 catalog


@dataclass(frozen=True)
class Sizes:
    learners: int = 200
    courses: int = 3
    sections: int = 4
    units: int = 5
    lessons: int = 6
    exercises: int = 8
    options: int = 4
    enrollments: int = 2
    progress: int = 30  # per enrollment (≈60 per learner)
    sessions: int = 5
    messages: int = 40
    corrections: int = 1  # per learner message
    scale: int = 10  # the xN slice

    @classmethod
    def tiny(cls) -> Sizes:
        return cls(
            learners=4,
            courses=2,
            sections=2,
            units=2,
            lessons=3,
            exercises=3,
            options=2,
            enrollments=2,
            progress=5,
            sessions=2,
            messages=6,
            scale=10,
        )


@dataclass
class Dataset:
    sizes: Sizes
    tokens: list[str] = field(default_factory=list)  # one per learner
    session_ids: list[list[str]] = field(default_factory=list)  # per learner
    lesson_ids: list[str] = field(default_factory=list)  # every default-course lesson
    course_slugs: list[str] = field(default_factory=list)
    search_term: str = SEARCH_TERM
    big: dict[str, Any] = field(default_factory=dict)  # the xN slice: token, slug, ids, term
    rows: dict[str, int] = field(default_factory=dict)
    load_seconds: float = 0.0

    def summary(self) -> dict[str, Any]:
        return {
            "sizes": dataclasses.asdict(self.sizes),
            "rows": self.rows,
            "load_seconds": round(self.load_seconds, 2),
        }


class _Builder:
    def __init__(self, sizes: Sizes) -> None:
        self.sizes = sizes
        self.bulk = Bulk(NOW, seed=20261122)
        self.data = Dataset(sizes)
        self.tick = 0

    def stamp(self) -> datetime:
        # Strictly increasing timestamps keep every keyset order deterministic.
        self.tick += 1
        return NOW - timedelta(days=30) + timedelta(seconds=self.tick)

    # -- catalog ---------------------------------------------------------------------------

    def catalog_base(self) -> None:
        add = self.bulk.add
        self.en = add(Language, code="en", name="English", native_name="English")
        self.es = add(Language, code="es", name="Spanish", native_name="Español")
        self.audio = add(
            MediaAsset,
            kind="audio",
            url="https://cdn.example/a.mp3",
            mime_type="audio/mpeg",
            duration_seconds=2.5,
        )
        self.teachers = [
            add(
                TeacherProfile,
                name=f"Teacher {i}",
                description="A patient teacher",
                personality={"warmth": 3},
                teaching_style={"pace": "steady"},
            )
            for i in range(3)
        ]

    def course(self, title: str, sections: int, units: int, lessons: int) -> dict[str, Any]:
        add, n = self.bulk.add, self.bulk.count(Course)
        course = add(
            Course,
            slug=f"course-{n}",
            title=title,
            description=f"{title}: a benchmark course with spoken practice",
            from_language_id=self.en["id"],
            to_language_id=self.es["id"],
            is_published=True,
            published_at=NOW,
            created_at=self.stamp(),
            tags=["bench"],
            category="daily",
        )
        course["_lessons"] = []
        for s in range(sections):
            section = add(Section, course_id=course["id"], title=f"Section {s + 1}", position=s)
            for u in range(units):
                unit = add(
                    Unit, section_id=section["id"], title=f"Unit {s + 1}.{u + 1}", position=u
                )
                previous = None
                for p in range(lessons):
                    lesson = add(
                        Lesson,
                        unit_id=unit["id"],
                        title=f"Lesson {s + 1}.{u + 1}.{p + 1}",
                        description="Greetings and introductions",
                        position=p,
                        objectives=["Greet someone", "Introduce yourself"],
                        vocabulary={"hola": "hello", "adiós": "goodbye"},
                        grammar_focus="ser vs estar",
                    )
                    course["_lessons"].append(lesson)
                    if previous is not None:
                        add(
                            LessonPrerequisite,
                            lesson_id=lesson["id"],
                            prerequisite_id=previous["id"],
                        )
                    previous = lesson
        return course

    def exercises(self, lesson: dict[str, Any], count: int, options: int) -> None:
        add = self.bulk.add
        for e in range(count):
            exercise = add(
                Exercise,
                type="multiple_choice",
                prompt=f"Choose the word {e}",
                correct_answer="hola",
                hint="It starts with h",
                media_id=self.audio["id"] if e % 4 == 0 else None,
            )
            add(LessonExercise, lesson_id=lesson["id"], exercise_id=exercise["id"], position=e)
            for o in range(options):
                add(
                    ExerciseOption,
                    exercise_id=exercise["id"],
                    text=f"option {o}",
                    is_correct=o == 0,
                    position=o,
                )

    def scenarios(self, lesson: dict[str, Any] | None, count: int) -> list[dict[str, Any]]:
        return [
            self.bulk.add(
                ConversationScenario,
                lesson_id=lesson["id"] if lesson else None,
                name=f"Café order {i}",
                context="Ordering coffee in Madrid",
            )
            for i in range(count)
        ]

    # -- learners --------------------------------------------------------------------------

    def learner(self, i: int, tag: str = "") -> tuple[dict[str, Any], str]:
        add = self.bulk.add
        user = add(
            User,
            email=f"learner{tag}{i}@bench.example",
            username=f"learner{tag}{i}",
            display_name=f"Learner {tag}{i}",
            timezone="UTC",
            role="student",
            email_verified_at=NOW,
            created_at=self.stamp(),
        )
        add(LearningProfile, user_id=user["id"], target_language="es", proficiency_level="A2")
        add(
            UserStreak,
            user_id=user["id"],
            current=3,
            longest=7,
            total_xp=420,
            last_active_local_date=NOW.date(),
            last_active_at=NOW,
        )
        raw, digest = new_token()
        add(
            AuthToken,
            user_id=user["id"],
            token_hash=digest,
            expires_at=NOW + timedelta(days=3650),
            last_used_at=datetime.now(UTC),
        )
        return user, raw

    def enroll(self, user: dict[str, Any], course: dict[str, Any], progress: int) -> None:
        add = self.bulk.add
        enrollment = add(
            Enrollment,
            user_id=user["id"],
            course_id=course["id"],
            total_xp=100,
            hearts=5,
            hearts_updated_at=NOW,
            last_active_at=NOW,
            created_at=self.stamp(),
        )
        for lesson in course["_lessons"][:progress]:
            add(
                LessonProgress,
                user_id=user["id"],
                lesson_id=lesson["id"],
                enrollment_id=enrollment["id"],
                status="completed",
                best_score=90,
                attempts=2,
                completion_count=1,
                xp_earned=10,
                first_completed_at=NOW,
                last_completed_at=NOW,
                created_at=self.stamp(),
            )

    def session(
        self, user: dict[str, Any], scenario: dict[str, Any], messages: int, corrections: int
    ) -> str:
        add = self.bulk.add
        teacher = self.teachers[self.bulk.count(ConversationSession) % len(self.teachers)]
        session = add(
            ConversationSession,
            user_id=user["id"],
            teacher_id=teacher["id"],
            scenario_id=scenario["id"],
            status="completed",
            started_at=self.stamp(),
            completed_at=NOW,
            duration_seconds=600,
            message_count=messages,
        )
        for m in range(messages):
            learner = m % 2 == 0
            content = "Yo quiero un café con leche, por favor" if learner else "¡Claro! ¿Algo más?"
            message = add(
                ConversationMessage,
                session_id=session["id"],
                sequence=m,
                sender="user" if learner else "ai",
                content=content,
                suggestions=[] if learner else ["Sí, un croissant"],
                created_at=self.stamp(),
            )
            if learner:
                for c in range(corrections):
                    add(
                        Correction,
                        message_id=message["id"],
                        position=c,
                        original="Yo quiero",
                        corrected="Quisiera",
                        explanation="The conditional is more polite",
                        type="style",
                        severity="low",
                        rule="politeness",
                        start=0,
                        end=9,
                    )
        return str(session["id"])

    # -- the whole set ---------------------------------------------------------------------

    def build(self) -> Dataset:
        z, data = self.sizes, self.data
        self.catalog_base()
        courses = [
            self.course(f"{SEARCH_TERM} Spanish {c + 1}", z.sections, z.units, z.lessons)
            for c in range(z.courses)
        ]
        for course in courses:
            for lesson in course["_lessons"]:
                self.exercises(lesson, z.exercises, z.options)
        data.course_slugs = [c["slug"] for c in courses]
        data.lesson_ids = [str(lesson["id"]) for c in courses for lesson in c["_lessons"]]
        scenarios = self.scenarios(courses[0]["_lessons"][0], 1) + self.scenarios(None, 4)
        for i in range(z.learners):
            user, token = self.learner(i)
            data.tokens.append(token)
            for k in range(z.enrollments):
                self.enroll(user, courses[(i + k) % len(courses)], z.progress)
            data.session_ids.append(
                [
                    self.session(
                        user, scenarios[(i + s) % len(scenarios)], z.messages, z.corrections
                    )
                    for s in range(z.sessions)
                ]
            )
        self.build_big(courses, scenarios)
        return data

    def build_big(self, courses: list[dict[str, Any]], scenarios: list[dict[str, Any]]) -> None:
        z, k = self.sizes, self.sizes.scale
        big = self.course(f"{BIG_SEARCH_TERM} Spanish", z.sections, z.units, z.lessons * k)
        lesson = big["_lessons"][z.lessons * k - 1]  # the last of its unit: the most prerequisites
        for other in big["_lessons"]:
            self.exercises(other, z.exercises * k if other is lesson else 1, z.options)
        for prerequisite in big["_lessons"][: k * 2]:
            if prerequisite is not lesson:
                self.bulk.add(
                    LessonPrerequisite, lesson_id=lesson["id"], prerequisite_id=prerequisite["id"]
                )
        self.scenarios(lesson, k)
        # xk catalog matches for the search term (a small tree each), also enrollments below.
        extra = [
            self.course(f"{BIG_SEARCH_TERM} Spanish {c + 2}", 1, 2, z.progress)
            for c in range(z.courses * k - 1)
        ]
        user, token = self.learner(0, tag="big")
        enrolled = [*courses, big, *extra][: z.enrollments * k]
        for course in enrolled:
            self.enroll(user, course, min(z.progress * k, len(course["_lessons"])))
        session = self.session(user, scenarios[0], z.messages * k, z.corrections * k)
        self.data.big = {
            "token": token,
            "course_slug": big["slug"],
            "lesson_id": str(lesson["id"]),
            "session_id": session,
            "search_term": BIG_SEARCH_TERM,
            "enrollments": len(enrolled),
        }


async def load(conn: asyncpg.Connection, sizes: Sizes) -> Dataset:
    """Build the data set and COPY it in (Tortoise must be initialised for the models' _meta)."""
    started = time.perf_counter()
    builder = _Builder(sizes)
    data = builder.build()
    async with conn.transaction():
        data.rows = await builder.bulk.copy(conn)
    await conn.execute("ANALYZE")
    data.load_seconds = time.perf_counter() - started
    return data
