"""The default engine: no network, deterministic. It answers in the teacher's persona
(catch phrases, formality, correction style), follows the scenario's role-play
instructions and key phrases, and streams the reply a few words at a time."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from services.tutor import rules
from services.tutor.base import Turn, TutorEngine, unused_key_phrases

CHUNK_WORDS = 4

_QUESTIONS = (
    "Can you tell me more about that?",
    "Why do you think so?",
    "What happened next?",
    "How did that make you feel?",
    "What would you do differently next time?",
    "Could you give me an example?",
)
_OPENERS = {
    "formal": ("Thank you.", "I see.", "Very well."),
    "neutral": ("Thanks!", "I see.", "Okay."),
    "casual": ("Nice!", "Cool!", "Got it!"),
}


def _formality(turn: Turn) -> str:
    value = turn.persona.style("formality", "neutral").lower()
    if value in ("formal", "professional"):
        return "formal"
    if value in ("casual", "informal", "friendly"):
        return "casual"
    return "neutral"


def compose_reply(turn: Turn) -> str:
    """The whole reply text: a pure function of the turn."""
    persona = turn.persona
    formality = _formality(turn)
    phrases = list(persona.personality.get("catchPhrases") or [])
    index = turn.turn_number - 1
    opener = phrases[index % len(phrases)] if phrases else _OPENERS[formality][index % 3]
    parts = [opener]
    if turn.corrections:
        style = persona.style("correctionStyle", "detailed").lower()
        first = turn.corrections[0]
        if style in ("gentle", "implicit", "recast"):
            parts.append(f"You could also say: “{rules.apply(turn.message, turn.corrections)}”")
        else:
            parts.append(
                f"A correction: “{first.original}” → “{first.corrected}”. {first.explanation}"
            )
            if len(turn.corrections) > 1:
                parts.append(
                    f"I noted {len(turn.corrections) - 1} more point(s) below your message."
                )
    elif persona.style("encouragementLevel", "moderate").lower() in ("high", "moderate"):
        parts.append("That was correct, well done." if formality != "casual" else "No mistakes!")
    scenario = turn.scenario
    if scenario is not None:
        if turn.turn_number == 1 and scenario.role_play_instructions:
            parts.append(
                f"Let's stay in the scenario “{scenario.name}”: {scenario.role_play_instructions}"
            )
        phrases_left = unused_key_phrases(turn)
        if phrases_left:
            parts.append(f"Try to use “{phrases_left[0]}” in your answer.")
    parts.append(_QUESTIONS[index % len(_QUESTIONS)])
    return " ".join(p.strip() for p in parts if p.strip())


def chunks(text: str, words: int = CHUNK_WORDS) -> list[str]:
    """Split `text` into pieces of a few words; joined, they give `text` back exactly."""
    tokens = text.split(" ")
    pieces = [" ".join(tokens[i : i + words]) for i in range(0, len(tokens), words)]
    return [p + " " for p in pieces[:-1]] + pieces[-1:]


class LocalEngine(TutorEngine):
    name = "local"

    async def stream_reply(self, turn: Turn) -> AsyncIterator[str]:
        for piece in chunks(compose_reply(turn)):
            yield piece
            await asyncio.sleep(0)  # let other tasks run between chunks, as a stream would
