"""Recordings' access rules.

- A recording is read by its owner (the learner it belongs to), by the teacher of its
  classroom (classroom's `taught_classrooms`) and by admins. Everyone else reads it as not
  found: `node` gives null, changes and subscriptions answer NOT_FOUND, and its media link
  is never made for them (a link is only ever part of a recording they read). A teacher who
  uploaded a student's recording reads it as the teacher of its classroom.
- Its segments, their corrections and its vocabulary are read through the recording.
- Its evaluations (conversation's `Evaluation` rows naming it, the AI's and teachers'): by
  whoever reads the recording. Granted to conversation's evaluation rule
  (`EVALUATION_READERS`) when this module is imported, so `node(Evaluation)` answers them
  through the same rule.
- Changing it (adding a transcript, deleting it) is for its owner and the teacher of its
  classroom (`can_change`); an admin, who reads it, is FORBIDDEN; anyone else NOT_FOUND.

Each rule is SQL over the row's alias (core/access.py), so `node`, lists and nested fields
apply the same one; `can_change` is the rule for a row already loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.access import EVERYONE, NOBODY, Param, Rule, any_of, column_is, related_row
from resolvers.classroom.policy import taught_classrooms
from resolvers.conversation.policy import EVALUATION_READERS
from resolvers.identity.policy import is_admin
from resolvers.recordings.queries import CLASSROOMS, RECORDINGS, SEGMENTS

if TYPE_CHECKING:
    from models.identity import User

NOT_YOURS = "Only the recording's owner and the teacher of its classroom may change it."


def _of_taught_classroom(viewer: User) -> Rule:
    """Recordings of a classroom the viewer teaches."""
    return related_row(CLASSROOMS, "classroom_id", taught_classrooms(viewer), alias="rc")


def recordings(viewer: User | None) -> Rule:
    """Recordings the viewer reads: their own, their classrooms' (as its teacher); all for an
    admin."""
    if viewer is None:
        return NOBODY
    if is_admin(viewer):
        return EVERYONE
    return any_of(column_is("user_id", viewer.id), _of_taught_classroom(viewer))


def segments(viewer: User | None) -> Rule:
    """Segments (and the vocabulary rows) of the recordings the viewer reads."""
    return related_row(RECORDINGS, "recording_id", recordings(viewer), alias="rs")


def corrections(viewer: User | None) -> Rule:
    """Corrections: through their segment's recording."""
    return related_row(SEGMENTS, "segment_id", segments(viewer), alias="sc")


def recording_evaluations(viewer: User) -> Rule:
    """The grant to conversation's evaluations: those of a recording the viewer reads."""

    def condition(alias: str, param: Param) -> str:
        r = f"re_{alias}"
        readable = recordings(viewer).sql(r, param)
        return (
            f'{alias}.recording_id IS NOT NULL AND EXISTS (SELECT 1 FROM "{RECORDINGS}" {r} '
            f"WHERE {r}.id = {alias}.recording_id AND {readable})"
        )

    return Rule(condition)


EVALUATION_READERS.add(recording_evaluations)


def can_change(viewer: User | None, owner_id: Any, teacher_id: Any) -> bool:
    """The owner, or the teacher of the recording's classroom (`teacher_id`, None without a
    classroom), changes it; admins read it only."""
    return viewer is not None and viewer.id in (owner_id, teacher_id)
