"""Teachers, sessions with many messages and corrections, scenarios."""

from __future__ import annotations

import itertools
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from demo.conversation import SYSTEM_TEACHERS
from models.catalog import ConversationScenario
from models.conversation import (
    ConversationMessage,
    ConversationSession,
    Correction,
    Sender,
    SessionStatus,
    TeacherProfile,
)
from models.identity import User

_counter = itertools.count(1)


async def teacher(index: int = 0, **fields: Any) -> TeacherProfile:
    """A system teacher shaped like demo persona `index`, with a unique name."""
    spec = {**SYSTEM_TEACHERS[index % len(SYSTEM_TEACHERS)], **fields}
    spec["name"] = fields.get("name", f"{spec['name']} #{next(_counter)}")
    spec.setdefault("is_system", True)
    return await TeacherProfile.create(**spec)


async def scenario(**fields: Any) -> ConversationScenario:
    """A free-standing active scenario (no lesson), a job interview by default."""
    n = next(_counter)
    return await ConversationScenario.create(
        name=fields.pop("name", f"Job interview {n}"),
        context=fields.pop("context", "A corporate office interview room."),
        role_play_instructions=fields.pop(
            "role_play_instructions",
            "I am the hiring manager and you are the candidate; introduce yourself.",
        ),
        key_phrases=fields.pop(
            "key_phrases", ["I have experience in", "My strength is", "Could you tell me more"]
        ),
        **fields,
    )


async def session_for(
    user: User,
    teacher_row: TeacherProfile | None = None,
    scenario_row: ConversationScenario | None = None,
    *,
    messages: int = 0,
    corrections_each: int = 0,
    status: SessionStatus = SessionStatus.ACTIVE,
    started_at: datetime | None = None,
) -> ConversationSession:
    """A session with `messages` alternating user/ai messages; each user message gets
    `corrections_each` corrections. Rows are bulk-inserted (fast for hundreds)."""
    teacher_row = teacher_row or await teacher()
    session = await ConversationSession.create(
        user=user,
        teacher=teacher_row,
        scenario=scenario_row,
        status=status,
        started_at=started_at or datetime.now(UTC) - timedelta(minutes=5),
        message_count=messages,
    )
    rows = [
        ConversationMessage(
            id=uuid.uuid4(),
            session_id=session.id,
            sequence=i + 1,
            sender=Sender.USER if i % 2 == 0 else Sender.AI,
            content=f"I goed to the office number {i}." if i % 2 == 0 else f"Reply {i}.",
            suggestions=[] if i % 2 == 0 else [f"Tip {i}"],
        )
        for i in range(messages)
    ]
    await ConversationMessage.bulk_create(rows)
    fixes = [
        Correction(
            message_id=row.id,
            position=k,
            original="goed",
            corrected="went",
            explanation="Irregular past.",
            type="grammar",
            severity="medium",
            rule="irregular_past",
            start=2,
            end=6,
        )
        for row in rows
        if row.sender == Sender.USER
        for k in range(corrections_each)
    ]
    if fixes:
        await Correction.bulk_create(fixes)
    return session
