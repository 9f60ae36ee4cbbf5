"""Recordings: a class's spoken conversations, uploaded, transcribed, segmented, corrected,
analysed and evaluated."""

from strawberry.tools import merge_types

from engine.domain import Domain
from schema.recordings import evaluations, operations
from schema.recordings.classroom import ClassroomFields, SubmissionFields
from schema.recordings.types import RECORDING_TYPES, UserFields

DOMAIN = Domain(
    "recordings",
    mutation=merge_types("RecordingsMutation", (operations.Mutation, evaluations.Mutation)),
    subscription=operations.Subscription,
    types=[*RECORDING_TYPES, operations.RecordingEvent],
    operations=("recordings.graphql",),
    job_modules=["resolvers.recordings.jobs"],
)

__all__ = ["DOMAIN", "ClassroomFields", "SubmissionFields", "UserFields"]
