"""The classroom use cases' hand-written SQL, in one place; table names come from the models."""

from __future__ import annotations

from models.classroom import Assignment, ClassMembership, Classroom, MembershipStatus, Submission

CLASSROOMS = Classroom._meta.db_table
MEMBERSHIPS = ClassMembership._meta.db_table
ASSIGNMENTS = Assignment._meta.db_table
SUBMISSIONS = Submission._meta.db_table
ACTIVE = MembershipStatus.ACTIVE.value

# $1 classroom: lock it. Everything that changes the number of active members (joining,
# rejoining, a teacher setting a status) or the capacity holds this lock while it counts, so
# two students taking the last seat at once serialise and the second finds the room full.
LOCK_CLASSROOM = f'SELECT id FROM "{CLASSROOMS}" WHERE id = $1 FOR UPDATE'

# $1 normalized code: the active classroom it opens, locked as `LOCK_CLASSROOM` does.
LOCK_CLASSROOM_BY_CODE = (
    f'SELECT id FROM "{CLASSROOMS}" WHERE join_code = $1 AND is_active FOR UPDATE'
)

# $1 classroom: its active members (under the classroom's lock).
ACTIVE_MEMBERS = (
    f"SELECT count(*) AS n FROM \"{MEMBERSHIPS}\" WHERE classroom_id = $1 AND status = '{ACTIVE}'"
)

# $1 code, $2 classroom: another active classroom already has this code.
CODE_TAKEN = f'SELECT 1 AS hit FROM "{CLASSROOMS}" WHERE join_code = $1 AND is_active AND id <> $2'
