"""The rules the read compiler computes in SQL (resolvers/learning/sql_rules.py and the tier
in resolvers/identity/policy.py) answer what the Python rules answer, at their edges: the
4-hour heart boundary (to the microsecond), stored values out of range, unlimited tiers and
a premium period's last instant, DST days and unknown time zones, a time-zone change
between two activities, the daily goal at and around its value, and lessons locked,
available, started and completed, by the path or by prerequisites."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, date, datetime, timedelta
from typing import Any

from core.access import Params
from core.rows import fetch_records
from loaders.base import Loaders
from loaders.learning import ViewerProgressLoader
from models.catalog import Lesson, LessonPrerequisite
from models.learning import ProgressStatus
from resolvers.identity.policy import tier_sql
from resolvers.learning.sql_rules import (
    current_streak_sql,
    goal_met_sql,
    hearts_sql,
    local_date_sql,
    next_heart_sql,
    viewer_progress_sql,
)
from rules.identity.tiers import tier_now
from rules.learning import hearts as heart_rules
from rules.learning import streaks as streak_rules
from tests.factories.catalog import course_tree
from tests.factories.identity import signed_in
from tests.factories.learning import enrollment, progress_rows

NOW = datetime(2026, 3, 29, 1, 30, 0, 250_000, tzinfo=UTC)  # Madrid springs forward at 01:00
REGEN = heart_rules.REGEN_INTERVAL
TICK = timedelta(microseconds=1)


async def _values(expression: str, rows: list[tuple[Any, ...]], types: list[str]) -> list[Any]:
    """`expression` (over $1..$n, cast to `types`) for each row of parameters, in one
    statement."""
    columns = ", ".join(f"${i + 1}::{kind}[]" for i, kind in enumerate(types))
    names = ", ".join(f"p{i + 1}" for i in range(len(types)))
    body = expression
    for i in range(len(types), 0, -1):
        body = body.replace(f"${i}", f"r.p{i}")
    statement = (
        f"SELECT {body} AS v FROM unnest({columns}) WITH ORDINALITY AS r({names}, n) ORDER BY n"
    )
    params = [list(column) for column in zip(*rows, strict=True)]
    return [record["v"] for record in await fetch_records(statement, params)]


async def test_hearts_and_the_next_heart_match_the_python_rules(server: str) -> None:
    offsets = [
        -REGEN,
        timedelta(0),
        REGEN - TICK,
        REGEN,
        REGEN + TICK,
        2 * REGEN - TICK,
        3 * REGEN,
        20 * REGEN + timedelta(minutes=7),
    ]
    cases = list(itertools.product([-1, 0, 1, 4, 5, 7], offsets, ["free", "premium", "enterprise"]))
    rows = [(stored, NOW - offset, tier, NOW) for stored, offset, tier in cases]
    hearts = await _values(
        hearts_sql("$1", "$2", "$3", "$4"), rows, ["int", "timestamptz", "text", "timestamptz"]
    )
    nexts = await _values(
        next_heart_sql("$1", "$2", "$3", "$4"), rows, ["int", "timestamptz", "text", "timestamptz"]
    )
    for (stored, updated_at, tier, now), sql_hearts, sql_next in zip(
        rows, hearts, nexts, strict=True
    ):
        state = heart_rules.HeartState(stored, updated_at)
        assert sql_hearts == heart_rules.current_hearts(state, now, tier), (stored, updated_at)
        assert sql_next == heart_rules.next_heart_at(state, now, tier), (stored, updated_at)


async def test_the_tier_matches_the_python_rule(server: str) -> None:
    untils = [None, NOW - TICK, NOW, NOW + TICK, NOW + timedelta(days=30)]
    rows = [
        (granted, until, NOW)
        for granted, until in itertools.product(["free", "premium", "enterprise"], untils)
    ]
    tiers = await _values(tier_sql("$1", "$2", "$3"), rows, ["text", "timestamptz", "timestamptz"])
    for (granted, until, now), tier in zip(rows, tiers, strict=True):
        assert tier == tier_now(granted, until, now), (granted, until)


ZONES = [
    "UTC",
    "Europe/Madrid",
    "America/New_York",
    "Australia/Lord_Howe",  # a half-hour DST shift
    "Pacific/Kiritimati",  # UTC+14
    "Pacific/Pago_Pago",  # UTC-11
    "Not/AZone",
    "",
]


async def test_local_dates_match_on_dst_days_and_unknown_zones(server: str) -> None:
    instants = [
        datetime(2026, 3, 29, 0, 59, 59, tzinfo=UTC),
        datetime(2026, 3, 29, 1, 0, tzinfo=UTC),
        datetime(2026, 3, 28, 23, 30, tzinfo=UTC),
        datetime(2026, 11, 1, 3, 59, 59, 999_999, tzinfo=UTC),
        datetime(2026, 11, 1, 4, 0, tzinfo=UTC),
        datetime(2026, 10, 4, 14, 45, tzinfo=UTC),
        datetime(2026, 12, 31, 10, 0, tzinfo=UTC),
    ]
    rows = list(itertools.product(instants, ZONES))
    dates = await _values(local_date_sql("$1", "$2"), rows, ["timestamptz", "text"])
    for (at, zone), local in zip(rows, dates, strict=True):
        assert local == streak_rules.local_date(at, zone), (at, zone)


async def test_the_streak_reads_as_the_python_rule_across_time_zone_changes(server: str) -> None:
    # The last activity: stored as the date it was in the zone used then (Madrid), read now
    # from zones east and west of it; days missed or not, by either reading.
    activities = [
        (None, None),
        (date(2026, 3, 28), datetime(2026, 3, 28, 22, 30, tzinfo=UTC)),  # the 28th in Madrid
        (date(2026, 3, 27), datetime(2026, 3, 27, 23, 30, tzinfo=UTC)),  # Madrid's 28th, UTC's 27th
        (date(2026, 3, 26), datetime(2026, 3, 26, 12, 0, tzinfo=UTC)),
        (date(2026, 3, 29), None),
        (date(2026, 3, 30), datetime(2026, 3, 29, 23, 0, tzinfo=UTC)),  # after today, westward
    ]
    nows = [NOW, NOW + timedelta(hours=22), NOW + timedelta(days=1, hours=23)]
    rows = [
        (7, last_date, last_at, now, zone)
        for (last_date, last_at), now, zone in itertools.product(activities, nows, ZONES)
    ]
    streaks = await _values(
        current_streak_sql("$1", "$2", "$3", "$4", "$5"),
        rows,
        ["int", "date", "timestamptz", "timestamptz", "text"],
    )
    for (current, last_date, last_at, now, zone), streak in zip(rows, streaks, strict=True):
        state = streak_rules.StreakState(current, current, last_date, last_at)
        assert streak == streak_rules.current_streak(state, now, zone), (last_date, last_at, zone)


async def test_the_daily_goal_matches_the_python_rule(server: str) -> None:
    rows = list(itertools.product([0, 1, 19, 20, 21, 200], [0, 1, 20, 50]))
    met = await _values(goal_met_sql("$1", "$2"), rows, ["int", "int"])
    for (xp, goal), value in zip(rows, met, strict=True):
        assert value == streak_rules.goal_met(xp, goal), (xp, goal)


async def test_viewer_progress_matches_the_loader_for_locked_available_and_done_lessons(
    server: str,
) -> None:
    # 2 sections x 2 units x 3 lessons: the first two completed (one needing review), the
    # third in progress; lesson 8 requires lessons 0 and 9 (one done, one not), lesson 10
    # requires lesson 1 (done); lesson 5 is inactive (skipped by the path: lesson 6 follows
    # lesson 4); and a learner who is not enrolled.
    tree = await course_tree(sections=2, units=2, lessons=3, exercises=0)
    lessons = tree.lessons
    user, _ = await signed_in()
    outsider, _ = await signed_in()
    taken = await enrollment(user, tree.course)
    await progress_rows(taken, lessons[:1])
    await progress_rows(taken, lessons[1:2], status=ProgressStatus.NEEDS_REVIEW, score=40)
    await progress_rows(taken, lessons[2:3], status=ProgressStatus.IN_PROGRESS)
    await progress_rows(taken, lessons[4:5])
    await Lesson.filter(id=lessons[5].id).update(is_active=False)
    for index, required in ((8, 0), (8, 9), (10, 1)):
        await LessonPrerequisite.create(
            lesson_id=lessons[index].id, prerequisite_id=lessons[required].id
        )
    for viewer in (user, outsider):
        loaders = Loaders()
        expected = await loaders.get(ViewerProgressLoader).load_many(
            [(viewer.id, lesson.id) for lesson in lessons]
        )
        params = Params()
        source = viewer_progress_sql(params(viewer.id), "l", "r")
        course = params(tree.course.id)
        records = await fetch_records(
            f"SELECT l.id AS lesson, (SELECT json_build_object('id', r.id, 'status', r.status) "
            f'FROM {source} LIMIT 1)::text AS progress FROM "lessons" l '
            f"WHERE l.course_id = {course}",
            params,
        )
        found = {record["lesson"]: record["progress"] for record in records}
        for lesson, progress in zip(lessons, expected, strict=True):
            answer = found[lesson.id]
            if progress is None:
                assert answer is None, (viewer, lesson.position)
                continue
            assert json.loads(answer) == {"id": str(progress.id), "status": progress.status.value}
    statuses = [
        p.status
        for p in await Loaders()
        .get(ViewerProgressLoader)
        .load_many([(user.id, lesson.id) for lesson in lessons])
    ]
    assert ProgressStatus.LOCKED in statuses and ProgressStatus.AVAILABLE in statuses
