"""The tutor engine interface: correct a learner's message, then stream a reply.

Corrections always come from the deterministic rules (tutor.rules), so `sendMessage` can
return them at once; engines differ in how they produce the teacher's reply, which is
streamed in chunks after the mutation has returned. `services.tutor.build_engine(settings)`
picks one.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from services.tutor import rules
from services.tutor.rules import Finding

HISTORY_TURNS = 10  # earlier messages an engine sees (the prompt must stay small)


class TutorError(Exception):
    """The engine could not produce a reply (network failure, timeout, malformed output)."""


@dataclass(frozen=True)
class Persona:
    name: str
    description: str = ""
    personality: dict[str, Any] = field(default_factory=dict)
    teaching_style: dict[str, Any] = field(default_factory=dict)
    voice: dict[str, Any] = field(default_factory=dict)
    focus: dict[str, Any] = field(default_factory=dict)
    customizations: dict[str, Any] = field(default_factory=dict)

    def style(self, key: str, default: str) -> str:
        """A teaching-style setting, the learner's customizations taking precedence."""
        value = self.customizations.get(key, self.teaching_style.get(key, default))
        return str(value)


@dataclass(frozen=True)
class ScenarioBrief:
    name: str
    context: str = ""
    role_play_instructions: str = ""
    key_phrases: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Turn:
    """Everything an engine needs to answer one learner message."""

    persona: Persona
    scenario: ScenarioBrief | None
    message: str
    corrections: list[Finding]
    history: list[tuple[str, str]] = field(default_factory=list)  # (sender, content), oldest first
    turn_number: int = 1  # 1 for the learner's first message

    def learner_text(self) -> str:
        return " ".join([c for s, c in self.history if s == "user"] + [self.message])


def unused_key_phrases(turn: Turn) -> list[str]:
    if turn.scenario is None:
        return []
    said = turn.learner_text().lower()
    return [p for p in turn.scenario.key_phrases if p.rstrip(". ").lower() not in said]


def suggestions(turn: Turn) -> list[str]:
    """Deterministic tips stored with the teacher's reply, whatever engine wrote it."""
    tips = []
    if turn.corrections:
        tips.append(f"Try again: “{rules.apply(turn.message, turn.corrections)}”")
    phrases = unused_key_phrases(turn)
    if phrases:
        tips.append(f"Use a key phrase of this scenario: “{phrases[0]}”")
    if len(turn.message.split()) < 6:
        tips.append("Add more detail: answer in a full sentence or two.")
    return tips or ["Ask me a question to keep the conversation going."]


class TutorEngine(ABC):
    name: str = "abstract"

    def correct(self, text: str) -> list[Finding]:
        return rules.check(text)

    def suggestions(self, turn: Turn) -> list[str]:
        return suggestions(turn)

    @abstractmethod
    def stream_reply(self, turn: Turn) -> AsyncIterator[str]:
        """The teacher's reply in chunks; raises TutorError when it cannot be produced."""
