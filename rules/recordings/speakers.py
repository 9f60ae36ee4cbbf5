"""Which speaker of a transcript is the learner, whose speech is corrected and evaluated.

- Given: the `learnerSpeaker` label the uploader named, matched to the transcript's labels
  ignoring case and surrounding or repeated white space. A transcript supplied together with
  a label it does not contain is refused (`INVALID` on `learnerSpeaker`, naming the speakers
  it has). When the transcript comes later from a transcription engine, whose labels nobody
  could know in advance, an unmatched label is ignored and the learner is inferred.
- Inferred:
  - one speaker: that speaker (a monologue, or an engine that does not tell speakers apart);
  - two speakers: the one who is not the first to speak (the teacher or partner usually
    opens the conversation, the learner answers);
  - more than two: the most talkative speaker other than the first (most words, fillers
    excluded; a tie goes to whoever spoke first). This is a guess that keeps a class
    discussion evaluable rather than refused; to be sure, the uploader names the speaker
    (`learnerSpeaker`) with the transcript, or with a new one while the recording waits for
    one (UPLOADED) or failed;
  - no segments: no learner.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from core.errors import ErrorCode, FieldError
from rules.recordings.segments import Segment, speakers, word_counts

FIELD = "learnerSpeaker"


class Basis(str, Enum):
    GIVEN = "given"
    ONLY_SPEAKER = "only_speaker"
    NOT_FIRST_OF_TWO = "not_first_of_two"
    MOST_TALKATIVE = "most_talkative"
    NONE = "none"


@dataclass(frozen=True)
class LearnerChoice:
    speaker: str | None
    basis: Basis


def normalize_label(label: str) -> str:
    return " ".join(label.split()).casefold()


def match_label(given: str, segments: Sequence[Segment]) -> str | None:
    """The transcript's own spelling of the `given` label, or None when no one is called so."""
    wanted = normalize_label(given)
    return next((s for s in speakers(segments) if normalize_label(s) == wanted), None)


def learner_speaker_problem(given: str | None, segments: Sequence[Segment]) -> FieldError | None:
    """A label given with a transcript must be one of its speakers."""
    if given is None or not segments or match_label(given, segments) is not None:
        return None
    names = ", ".join(speakers(segments))
    return FieldError(
        ErrorCode.INVALID,
        f"No segment of the transcript is spoken by “{given.strip()}”; its speakers are {names}.",
        FIELD,
    )


def choose_learner(segments: Sequence[Segment], given: str | None = None) -> LearnerChoice:
    if given is not None:
        matched = match_label(given, segments)
        if matched is not None:
            return LearnerChoice(matched, Basis.GIVEN)
    order = speakers(segments)
    if not order:
        return LearnerChoice(None, Basis.NONE)
    if len(order) == 1:
        return LearnerChoice(order[0], Basis.ONLY_SPEAKER)
    if len(order) == 2:
        return LearnerChoice(order[1], Basis.NOT_FIRST_OF_TWO)
    counts = word_counts(segments)
    # max() keeps the first of equals: candidates are in speaking order.
    chosen = max(order[1:], key=lambda speaker: counts.get(speaker, 0))
    return LearnerChoice(chosen, Basis.MOST_TALKATIVE)
