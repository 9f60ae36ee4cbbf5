"""Classroom's mutations: classrooms, their join codes and memberships, assignments,
submissions and grading. Each is a thin layer over the use cases in resolvers/classroom/."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from engine.context import AppInfo
from engine.ids import NodeRef, node_id
from engine.mutations import Payload, payload_mutation
from engine.permissions import SIGNED_IN
from engine.relations import as_type
from resolvers.classroom import assignments, classrooms, submissions
from schema.classroom.types import ClassMembership, ClassroomRef, MembershipStatus, as_classroom
from schema.classroom.work import Assignment, SubmissionRef, SubmissionStatus, as_submission
from schema.identity.types import CefrLevel

UNSET: Any = strawberry.UNSET


@strawberry.input
class CreateClassroomInput:
    name: str
    description: str | None = None
    language: str = strawberry.field(description="The language taught, by code (`es`).")
    level: CefrLevel
    capacity: int | None = strawberry.field(
        default=None, description="ACTIVE members at most (1-500); null: 30."
    )


@strawberry.input(description="Fields left out (or null) stay as they are.")
class UpdateClassroomInput:
    id: NodeRef = node_id("Classroom")
    name: str | None = UNSET
    description: str | None = UNSET
    level: CefrLevel | None = UNSET
    capacity: int | None = strawberry.field(
        default=UNSET, description="Not below the ACTIVE members (INVALID)."
    )
    is_active: bool | None = UNSET


@strawberry.input
class RegenerateJoinCodeInput:
    classroom_id: NodeRef = node_id("Classroom")


@strawberry.input
class JoinClassroomInput:
    join_code: str = strawberry.field(description="Case, spaces and dashes do not matter.")


@strawberry.input
class LeaveClassroomInput:
    classroom_id: NodeRef = node_id("Classroom")


@strawberry.input
class SetMembershipStatusInput:
    membership_id: NodeRef = node_id("ClassMembership")
    status: MembershipStatus


@strawberry.input(
    description="Exactly one of lessonId, scenarioId, quizId and recording: the kind follows."
)
class CreateAssignmentInput:
    classroom_id: NodeRef = node_id("Classroom")
    title: str
    instructions: str | None = None
    due_at: dt.datetime | None = strawberry.field(
        default=None, description="In the future (INVALID on dueAt); null: no deadline."
    )
    lesson_id: NodeRef | None = node_id("Lesson", default=None)
    scenario_id: NodeRef | None = node_id("ConversationScenario", default=None)
    quiz_id: NodeRef | None = node_id("Quiz", default=None)
    recording: bool | None = strawberry.field(
        default=None,
        description="True: each student hands in a recording of their own (kind RECORDING); "
        "it counts as the one target.",
    )


@strawberry.input(
    description="The work: a session, an attempt or a recording for the assignment (the "
    "latest done one when left out); a lesson assignment submits the lesson's progress."
)
class SubmitAssignmentInput:
    assignment_id: NodeRef = node_id("Assignment")
    session_id: NodeRef | None = node_id("ConversationSession", default=None)
    quiz_attempt_id: NodeRef | None = node_id("QuizAttempt", default=None)
    recording_id: NodeRef | None = node_id(
        "Recording",
        default=None,
        description="A recording assignment's work: your TRANSCRIBED or EVALUATED recording, "
        "of its classroom or of none (it then joins the classroom and the assignment).",
    )


@strawberry.input
class GradeSubmissionInput:
    submission_id: NodeRef = node_id("Submission")
    score: float = strawberry.field(description="0-100.")
    feedback: str | None = None
    status: SubmissionStatus = strawberry.field(
        default=SubmissionStatus.GRADED, description="GRADED, or RETURNED for another try."
    )


@strawberry.type
class AssignmentPayload(Payload):
    assignment: Assignment | None = None


@strawberry.type
class SubmissionPayload(Payload):
    submission: SubmissionRef | None = None


@strawberry.type
class ClassroomPayload(Payload):
    classroom: ClassroomRef | None = None


@strawberry.type
class ClassMembershipPayload(Payload):
    membership: ClassMembership | None = None


def _changes(input: UpdateClassroomInput) -> dict[str, Any]:
    names = ("name", "description", "level", "capacity", "is_active")
    return {name: getattr(input, name) for name in names if getattr(input, name) is not UNSET}


@strawberry.type
class Mutation:
    @payload_mutation(
        permission=SIGNED_IN,
        description="Create a classroom (teachers and admins), with a join code.",
    )
    async def create_classroom(
        self, info: AppInfo, input: CreateClassroomInput
    ) -> ClassroomPayload:
        classroom = await classrooms.create_classroom(
            info.context.user,
            name=input.name,
            description=input.description,
            language=input.language,
            level=input.level,
            capacity=input.capacity,
        )
        return ClassroomPayload(classroom=as_classroom(classroom))

    @payload_mutation(
        permission=SIGNED_IN,
        description="Change a classroom (its teacher and admins); capacity not below the "
        "ACTIVE members.",
    )
    async def update_classroom(
        self, info: AppInfo, input: UpdateClassroomInput
    ) -> ClassroomPayload:
        classroom = await classrooms.update_classroom(
            info.context.user, input.id, changes=_changes(input)
        )
        return ClassroomPayload(classroom=as_classroom(classroom))

    @payload_mutation(
        permission=SIGNED_IN,
        description="A new join code (its teacher and admins): the old one stops working.",
    )
    async def regenerate_join_code(
        self, info: AppInfo, input: RegenerateJoinCodeInput
    ) -> ClassroomPayload:
        classroom = await classrooms.regenerate_join_code(info.context.user, input.classroom_id)
        return ClassroomPayload(classroom=as_classroom(classroom))

    @payload_mutation(
        permission=SIGNED_IN,
        description="Join by code: NOT_FOUND (wrong or stale code), CAPACITY_REACHED, "
        "FORBIDDEN (suspended); joining twice gives the same membership.",
    )
    async def join_classroom(
        self, info: AppInfo, input: JoinClassroomInput
    ) -> ClassMembershipPayload:
        membership = await classrooms.join_classroom(info.context.user, input.join_code)
        return ClassMembershipPayload(membership=as_type(ClassMembership, membership))

    @payload_mutation(
        permission=SIGNED_IN,
        description="Leave a classroom: the membership becomes INACTIVE (its history stays).",
    )
    async def leave_classroom(
        self, info: AppInfo, input: LeaveClassroomInput
    ) -> ClassMembershipPayload:
        membership = await classrooms.leave_classroom(info.context.user, input.classroom_id)
        return ClassMembershipPayload(membership=as_type(ClassMembership, membership))

    @payload_mutation(
        permission=SIGNED_IN,
        description="Set a member's status (the classroom's teacher and admins).",
    )
    async def set_membership_status(
        self, info: AppInfo, input: SetMembershipStatusInput
    ) -> ClassMembershipPayload:
        membership = await classrooms.set_membership_status(
            info.context.user, input.membership_id, input.status
        )
        return ClassMembershipPayload(membership=as_type(ClassMembership, membership))

    @payload_mutation(
        permission=SIGNED_IN,
        description="Set work for a classroom (its teacher and admins): a published lesson or "
        "scenario, a published quiz of a published course, or a recording to hand in.",
    )
    async def create_assignment(
        self, info: AppInfo, input: CreateAssignmentInput
    ) -> AssignmentPayload:
        assignment = await assignments.create_assignment(
            info.context.user,
            input.classroom_id,
            title=input.title,
            instructions=input.instructions,
            due_at=input.due_at,
            lesson_id=input.lesson_id,
            scenario_id=input.scenario_id,
            quiz_id=input.quiz_id,
            recording=bool(input.recording),
        )
        return AssignmentPayload(assignment=as_type(Assignment, assignment))

    @payload_mutation(
        permission=SIGNED_IN,
        description="Submit your work (a student of the classroom): NOT_STARTED without done "
        "work; after the due time it is marked late; a returned one becomes RESUBMITTED.",
    )
    async def submit_assignment(
        self, info: AppInfo, input: SubmitAssignmentInput
    ) -> SubmissionPayload:
        submission = await submissions.submit_assignment(
            info.context.user,
            input.assignment_id,
            session_id=input.session_id,
            quiz_attempt_id=input.quiz_attempt_id,
            recording_id=input.recording_id,
        )
        return SubmissionPayload(submission=as_submission(submission))

    @payload_mutation(
        permission=SIGNED_IN,
        description="Grade a submission (the classroom's teacher and admins): GRADED, or "
        "RETURNED for another try.",
    )
    async def grade_submission(
        self, info: AppInfo, input: GradeSubmissionInput
    ) -> SubmissionPayload:
        submission = await submissions.grade_submission(
            info.context.user,
            input.submission_id,
            score=input.score,
            feedback=input.feedback,
            status=input.status,
        )
        return SubmissionPayload(submission=as_submission(submission))
