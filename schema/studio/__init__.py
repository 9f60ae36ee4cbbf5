"""Studio: a learner's study materials, the cards generated from them and from their
mistakes, studied in sessions and reviewed on a spaced-repetition schedule."""

from strawberry.tools import merge_types

from engine.domain import Domain
from schema.studio import material_operations, study
from schema.studio.materials import MATERIAL_TYPES, UserFields
from schema.studio.study import STUDY_TYPES
from schema.studio.study import UserFields as StudyUserFields

DOMAIN = Domain(
    "studio",
    mutation=merge_types("StudioMutation", (material_operations.Mutation, study.Mutation)),
    subscription=material_operations.Subscription,
    types=[*MATERIAL_TYPES, material_operations.StudyMaterialEvent, *STUDY_TYPES],
    operations=("studio.graphql",),
    job_modules=["resolvers.studio.jobs"],
)

__all__ = ["DOMAIN", "StudyUserFields", "UserFields"]
