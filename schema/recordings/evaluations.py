"""`evaluateRecording`: a teacher's evaluation of a recording of their classroom (admins:
any), kept beside the AI's and the other teachers'. A thin layer over
resolvers/recordings/evaluations.py; the payload's `evaluation` is conversation's
`Evaluation` type (evaluator TEACHER, `evaluatedBy` the teacher)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, cast

import strawberry

from engine.context import AppInfo
from engine.ids import NodeRef, node_id
from engine.mutations import Payload, payload_mutation
from engine.permissions import SIGNED_IN
from resolvers.recordings import evaluations
from schema.identity.types import CefrLevel

if TYPE_CHECKING:
    from schema.conversation.types import Evaluation

EvaluationRef = Annotated["Evaluation", strawberry.lazy("schema.conversation.types")]


@strawberry.input(
    description="Whole-number sub-scores within their caps (INVALID on each field outside "
    "it); the overall score is their sum. Notes: at most 20 of each, 1000 characters each."
)
class EvaluateRecordingInput:
    recording_id: NodeRef = node_id("Recording")
    grammar_score: int = strawberry.field(description="0 to 25.")
    vocabulary_score: int = strawberry.field(description="0 to 20.")
    fluency_score: int = strawberry.field(description="0 to 20.")
    pronunciation_score: int = strawberry.field(description="0 to 15.")
    comprehension_score: int = strawberry.field(description="0 to 20.")
    cefr_level: CefrLevel
    strengths: list[str] | None = None
    improvements: list[str] | None = None
    recommendations: list[str] | None = None


@strawberry.type
class EvaluateRecordingPayload(Payload):
    evaluation: EvaluationRef | None = None


@strawberry.type
class Mutation:
    @payload_mutation(
        permission=SIGNED_IN,
        description="Evaluate a recording (the teacher of its classroom, admins) once it is "
        "TRANSCRIBED or EVALUATED (INVALID on recordingId before); every evaluation is kept.",
    )
    async def evaluate_recording(
        self, info: AppInfo, input: EvaluateRecordingInput
    ) -> EvaluateRecordingPayload:
        evaluation = await evaluations.evaluate_recording(
            info.context.user,
            input.recording_id,
            grammar_score=input.grammar_score,
            vocabulary_score=input.vocabulary_score,
            fluency_score=input.fluency_score,
            pronunciation_score=input.pronunciation_score,
            comprehension_score=input.comprehension_score,
            cefr_level=input.cefr_level,
            strengths=input.strengths,
            improvements=input.improvements,
            recommendations=input.recommendations,
        )
        # The row is returned as conversation's `Evaluation` type (`model_type`).
        return EvaluateRecordingPayload(evaluation=cast("Evaluation", evaluation))
