"""The study-material generator interface: a material's text in, chunks and assets out.

`services.generator.build_generator(settings)` picks an engine; every engine returns the same
typed results, so the studio's use cases store them without knowing which one ran.

A `Generation` holds, in order, the material's `Chunk`s (index 0, 1, ...: headings,
paragraphs and lists, long paragraphs split at sentence boundaries) and its `Asset`s. An
asset's `content` is JSON-able and has one shape per type:

- FLASHCARD: `{"front": term, "back": sentence, "lemma": lemma}`: a key term of the
  material as it occurs in the text, the sentence of the chunk it occurs in (the context that
  gives its meaning), and its dictionary form (lemmas joined by spaces for a phrase).
- CLOZE: `{"text": sentence with the term replaced by "____", "answer": term,
  "sentence": original sentence}`: `answer` is the term exactly as it occurs in `sentence`,
  which is a sentence of the asset's chunk.
- QUIZ_QUESTION: `{"prompt": sentence with "____", "options": [4 texts], "answer": index of
  the right option in options (0-3), "explanation": the original sentence}`: the three wrong
  options are other key terms of the material (never the answer, nor a form of it, nor one
  another).
- SUMMARY: `{"text": the sentences joined by spaces, "sentences": [sentences]}`: sentences
  taken verbatim from the text, in the text's order. `chunk_index` is None for the material's
  summary (a chunk's own summary is `Chunk.summary`).

Every asset has a `quality` (0-1: how well-formed the engine judges it), a `difficulty`
(1-10: how hard for a learner, computed from the words' frequency and the sentence's
length), the engine's name (`generator`) and the `parameters` it ran with. `fingerprint`
identifies an asset by its type and content, so regenerating a material can keep the review
cards of assets whose text did not change.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

BLANK = "____"  # what a cloze or quiz prompt shows in place of the term
QUIZ_OPTIONS = 4


class GeneratorError(Exception):
    """The engine could not process the material (bad input, remote failure, bad output)."""


class MaterialTextError(GeneratorError, ValueError):
    """The material's text is unusable: `code` is EMPTY or TOO_LONG."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class ChunkKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST = "list"


class AssetType(StrEnum):
    FLASHCARD = "flashcard"
    CLOZE = "cloze"
    QUIZ_QUESTION = "quiz_question"
    SUMMARY = "summary"


@dataclass(frozen=True)
class Source:
    """A material as the learner gave it. `format` None: recognised from the text (HTML by
    its tags, Markdown by its markers, else plain); `language` None: detected."""

    text: str
    language: str | None = None
    format: str | None = None  # "plain" | "markdown" | "html"
    title: str | None = None


@dataclass(frozen=True)
class Chunk:
    index: int  # 0-based position in the material
    kind: ChunkKind
    content: str  # a list's items are lines starting with "- "
    word_count: int
    language: str  # ISO 639-1
    summary: str  # extractive: sentences of the chunk (a heading is its own summary)
    relevance: float  # 0-1: the share of the material's key terms the chunk covers, scaled
    keywords: tuple[str, ...] = ()  # the chunk's key terms, best first


@dataclass(frozen=True)
class Asset:
    type: AssetType
    chunk_index: int | None  # None: the material's summary
    content: dict[str, Any]
    quality: float  # 0-1
    difficulty: int  # 1-10
    generator: str
    parameters: dict[str, Any] = field(default_factory=dict)

    @property
    def fingerprint(self) -> str:
        """A stable hash of the type and the content (key order and spacing ignored)."""
        canonical = json.dumps(self.content, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(f"{self.type.value}\n{canonical}".encode()).hexdigest()


@dataclass(frozen=True)
class Generation:
    """What an engine made of one material."""

    text: str  # the material's text reduced to plain text (blocks separated by blank lines)
    format: str  # the format the input was read as: plain | markdown | html
    language: str  # ISO 639-1, given or detected
    language_detected: bool
    word_count: int
    difficulty: int  # 1-10, the material's overall difficulty
    keywords: tuple[str, ...]  # the material's key terms, best first
    chunks: tuple[Chunk, ...]
    assets: tuple[Asset, ...]
    generator: str
    parameters: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """Everything as plain JSON values (what determinism tests and job results compare)."""
        return {
            "text": self.text,
            "format": self.format,
            "language": self.language,
            "language_detected": self.language_detected,
            "word_count": self.word_count,
            "difficulty": self.difficulty,
            "keywords": list(self.keywords),
            "generator": self.generator,
            "parameters": self.parameters,
            "chunks": [
                {
                    "index": c.index,
                    "kind": c.kind.value,
                    "content": c.content,
                    "word_count": c.word_count,
                    "language": c.language,
                    "summary": c.summary,
                    "relevance": c.relevance,
                    "keywords": list(c.keywords),
                }
                for c in self.chunks
            ],
            "assets": [
                {
                    "type": a.type.value,
                    "chunk_index": a.chunk_index,
                    "content": a.content,
                    "quality": a.quality,
                    "difficulty": a.difficulty,
                    "generator": a.generator,
                    "parameters": a.parameters,
                }
                for a in self.assets
            ],
        }


class Generator(Protocol):
    """An engine. `generate` raises MaterialTextError for unusable text (empty, over the
    length limit) and GeneratorError when it cannot produce a result."""

    name: str

    async def generate(self, source: Source) -> Generation: ...
