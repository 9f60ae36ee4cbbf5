"""Whose a new recording is, and which classroom and assignment it belongs to.

- Without `studentId` the recording is the uploader's own. A classroom it names must be one
  they are an ACTIVE member of: a classroom they cannot read is NOT_FOUND on `classroomId`;
  one they read without being an active member of it is INVALID there, or, for those who
  run it, INVALID on `studentId` (a teacher names the student whose recording it is).
- With `studentId` (a teacher uploading for a student; naming oneself is the same as naming
  no one): a classroom is REQUIRED on `classroomId`; the viewer must run it (its teacher, or
  an admin: a member who reads it is FORBIDDEN, anyone else gets NOT_FOUND) and the student
  must be its ACTIVE member (NOT_FOUND on `studentId` otherwise: who is in another class is
  not told). The recording belongs to the student; the uploader is kept (`uploaded_by`).
- An assignment it names must exist and be active (NOT_FOUND on `assignmentId`), ask for a
  recording (INVALID), and be of the classroom named (INVALID) — or, with no classroom named,
  its classroom becomes the recording's, checked as above with the errors on `assignmentId`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tortoise import connections

from core.errors import AppError, ErrorCode, not_found
from loaders.base import select_visible
from models.classroom import Assignment, Classroom
from resolvers.classroom.policy import classrooms, runs
from resolvers.recordings.queries import ACTIVE_MEMBER

if TYPE_CHECKING:
    from models.identity import User

NOT_A_RECORDING_TASK = "This assignment does not ask for a recording."
OTHER_CLASSROOM = "This assignment belongs to another classroom."
NAME_THE_STUDENT = "Name the student (studentId) whose recording this is."
NAME_THE_CLASSROOM = "Name the classroom (classroomId) of the student."
ONLY_THE_TEACHER = "Only the classroom's teacher uploads a recording for a student."
NOT_A_MEMBER = "You are not an active member of this classroom."


@dataclass(frozen=True)
class Placement:
    owner_id: Any
    classroom_id: Any
    assignment_id: Any


async def _is_active_member(classroom_id: Any, student_id: Any) -> bool:
    client = connections.get("default")
    return bool(await client.execute_query_dict(ACTIVE_MEMBER, [classroom_id, student_id]))


async def _assignment(assignment_id: Any, classroom_id: Any) -> Assignment:
    assignment = await Assignment.get_or_none(id=assignment_id, is_active=True)
    if assignment is None:
        raise not_found("Assignment", "assignmentId")
    if not assignment.expects_recording:
        raise AppError.of(ErrorCode.INVALID, NOT_A_RECORDING_TASK, "assignmentId")
    if classroom_id is not None and assignment.classroom_id != classroom_id:
        raise AppError.of(ErrorCode.INVALID, OTHER_CLASSROOM, "assignmentId")
    return assignment


async def place(
    viewer: User, *, classroom_id: Any, assignment_id: Any, student_id: Any
) -> Placement:
    """The recording's owner, classroom and assignment (see the module's docstring)."""
    if student_id == viewer.id:
        student_id = None
    field = "classroomId"
    if assignment_id is not None:
        assignment = await _assignment(assignment_id, classroom_id)
        if classroom_id is None:
            classroom_id, field = assignment.classroom_id, "assignmentId"
    if classroom_id is None:
        if student_id is not None:
            raise AppError.of(ErrorCode.REQUIRED, NAME_THE_CLASSROOM, "classroomId")
        return Placement(viewer.id, None, None)
    readable = await select_visible(Classroom, [classroom_id], classrooms(viewer))
    classroom = readable.get(classroom_id)
    if classroom is None:
        raise not_found("Assignment" if field == "assignmentId" else "Classroom", field)
    if student_id is None:
        if await _is_active_member(classroom.id, viewer.id):
            return Placement(viewer.id, classroom.id, assignment_id)
        if runs(viewer, classroom.teacher_id):
            raise AppError.of(ErrorCode.INVALID, NAME_THE_STUDENT, "studentId")
        raise AppError.of(ErrorCode.INVALID, NOT_A_MEMBER, field)
    if not runs(viewer, classroom.teacher_id):
        raise AppError.of(ErrorCode.FORBIDDEN, ONLY_THE_TEACHER, field)
    if not await _is_active_member(classroom.id, student_id):
        raise not_found("User", "studentId")
    return Placement(student_id, classroom.id, assignment_id)
