"""Conversation's access rules. A learner's sessions — and their messages, corrections and
evaluations — are private to the learner; admins see all of them (DESIGN.md). System
teachers are shared; a custom teacher is its creator's. Higher domains may grant more
readers (`SESSION_READERS`; `EVALUATION_READERS` for evaluations of their own subjects, e.g.
a recording's). Acting in a session (sending, ending, pausing) stays the learner's own: see
`owned_session` in sessions.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.access import EVERYONE, NOBODY, GrantPoint, Rule, any_of, column_is, related_row
from models.conversation import ConversationMessage, ConversationSession
from resolvers.identity.policy import is_admin, private_rows

if TYPE_CHECKING:
    from models.conversation import TeacherProfile
    from models.identity import User

SESSIONS = ConversationSession._meta.db_table
MESSAGES = ConversationMessage._meta.db_table

# Who else reads a learner's sessions: higher domains add readers here (a classroom's
# teacher reads the sessions submitted to the class).
SESSION_READERS = GrantPoint("conversation sessions")
# Who else reads evaluations: higher domains add readers here (a recording's evaluations
# are read by those who read the recording).
EVALUATION_READERS = GrantPoint("conversation evaluations")


def sessions(viewer: User | None) -> Rule:
    """The learner's own sessions (every one for an admin), and those `SESSION_READERS`
    grant."""
    return SESSION_READERS.widen(private_rows(viewer), viewer)


def in_visible_session(viewer: User | None) -> Rule:
    """Messages and evaluations: through their session."""
    return related_row(SESSIONS, "session_id", sessions(viewer), alias="s")


def evaluations(viewer: User | None) -> Rule:
    """Evaluations: a session's through the session (`in_visible_session`), and those
    `EVALUATION_READERS` grant (a recording's, to whoever reads the recording)."""
    return EVALUATION_READERS.widen(in_visible_session(viewer), viewer)


def corrections(viewer: User | None) -> Rule:
    """Corrections: through their message's session."""
    return related_row(MESSAGES, "message_id", in_visible_session(viewer), alias="m")


def teacher_preferences(viewer: User | None) -> Rule:
    return private_rows(viewer)


def teachers(viewer: User | None) -> Rule:
    """Active system teachers and the viewer's own custom ones; every teacher for an admin."""
    if is_admin(viewer):
        return EVERYONE
    mine = column_is("created_by_id", viewer.id) if viewer is not None else NOBODY
    shared = Rule(lambda alias, param: f"{alias}.is_system")
    return Rule(
        lambda alias, param: f"{alias}.is_active AND {any_of(shared, mine).sql(alias, param)}"
    )


def can_use_teacher(viewer: User, teacher: TeacherProfile | None) -> bool:
    """Whom a learner may practise with: `teachers` without the admin's view of all."""
    if teacher is None or not teacher.is_active:
        return False
    return teacher.is_system or teacher.created_by_id == viewer.id
