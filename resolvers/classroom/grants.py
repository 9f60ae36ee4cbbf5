"""What the classroom domain grants in the lower domains' access rules (core.access
`GrantPoint`): the teacher of a classroom (admins see everything anyway) reads the work
submitted to it — conversation sessions with their messages, corrections and evaluation,
lesson progress, quiz attempts, which they also grade — through every path that applies
those rules (`node`, `nodes`, nested fields, subscriptions). Work not submitted to one of
their classrooms stays private. And those who share a classroom see each other's public
profile through `node` (people.py `classmates`).

Imported by the package (resolvers/classroom/__init__.py), so any use of the classroom
domain registers the grants once.
"""

from __future__ import annotations

from resolvers.assessment.policy import GRADERS
from resolvers.classroom.people import classmates
from resolvers.classroom.policy import submitted_work
from resolvers.conversation.policy import SESSION_READERS
from resolvers.identity.policy import PROFILE_READERS
from resolvers.learning.policy import PROGRESS_READERS

submitted_sessions = submitted_work("session_id")
submitted_progress = submitted_work("lesson_progress_id")
submitted_attempts = submitted_work("quiz_attempt_id")

SESSION_READERS.add(submitted_sessions)
PROGRESS_READERS.add(submitted_progress)
GRADERS.add(submitted_attempts)
PROFILE_READERS.add(classmates)
