"""The cross-domain types, composed once: `User`, `Course`, `Lesson`, `Enrollment`,
`ConversationSession`, `Classroom`, `Submission` and `CompleteLessonPayload`.

The owning domain's fields class comes last among the bases: it is the `Node`, with the `id`
and `resolve_nodes` (its access rule).
Each domain declares its fields of these types in its own schema package (`UserFields`,
`CourseFields`, ...); this module only lists them, in domain order. Every other module refers
to these types lazily (`Annotated["User", strawberry.lazy("schema.graph")]`), so nothing
imports this module at import time and there is no import cycle.
"""

from __future__ import annotations

import strawberry

from engine.relations import model_type
from models import catalog as catalog_models
from models import classroom as classroom_models
from models import conversation as conversation_models
from models import identity as identity_models
from models import learning as learning_models
from schema import (
    assessment,
    catalog,
    classroom,
    conversation,
    identity,
    learning,
    recordings,
    studio,
)
from schema.commerce import reads as commerce
from schema.insight import analytics as insight_analytics
from schema.insight import privacy as insight_privacy
from schema.insight import progress as insight_progress


@strawberry.type
@model_type(identity_models.User)
class User(
    insight_progress.UserFields,
    insight_privacy.UserFields,
    recordings.UserFields,
    studio.UserFields,
    studio.StudyUserFields,
    commerce.UserFields,
    classroom.UserFields,
    assessment.UserFields,
    learning.UserFields,
    conversation.UserFields,
    identity.UserFields,
):
    pass


@strawberry.type
@model_type(catalog_models.Course)
class Course(
    insight_analytics.CourseFields,
    commerce.CourseFields,
    assessment.CourseFields,
    learning.CourseFields,
    catalog.CourseFields,
):
    pass


@strawberry.type
@model_type(catalog_models.Lesson)
class Lesson(learning.LessonFields, catalog.LessonFields):
    pass


@strawberry.type
@model_type(learning_models.Enrollment)
class Enrollment(assessment.EnrollmentFields, learning.EnrollmentFields):
    pass


@strawberry.type
class CompleteLessonPayload(
    assessment.CompleteLessonPayloadFields, learning.CompleteLessonPayloadFields
):
    pass


@strawberry.type
@model_type(conversation_models.ConversationSession)
class ConversationSession(conversation.ConversationSessionFields):
    pass


@strawberry.type(description=classroom.CLASSROOM_DESCRIPTION)
@model_type(classroom_models.Classroom)
class Classroom(recordings.ClassroomFields, classroom.ClassroomFields):
    pass


@strawberry.type(description=classroom.SUBMISSION_DESCRIPTION)
@model_type(classroom_models.Submission)
class Submission(recordings.SubmissionFields, classroom.SubmissionFields):
    pass


TYPES: list[type] = [User, Course, Lesson, Enrollment, ConversationSession, Classroom, Submission]
