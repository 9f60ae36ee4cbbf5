"""An engine for any OpenAI-compatible chat-completions endpoint, streamed over SSE.

POST {base_url}/chat/completions with `stream: true`; each `data:` line carries a JSON
chunk whose `choices[0].delta.content` is the next piece of the reply, until `data: [DONE]`.
Network errors, HTTP errors, a timeout (per read and for the whole reply), malformed
chunks, and an empty reply all raise TutorError; the caller then keeps the learner's
message and stores a system message instead of a reply.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx

from services.tutor.base import Turn, TutorEngine, TutorError, unused_key_phrases


def system_prompt(turn: Turn) -> str:
    persona = turn.persona
    lines = [
        f"You are {persona.name}, an English teacher. {persona.description}".strip(),
        f"Personality: {json.dumps(persona.personality, ensure_ascii=False)}",
        f"Teaching style: {json.dumps(persona.teaching_style, ensure_ascii=False)}",
    ]
    if persona.customizations:
        lines.append(f"Learner's preferences: {json.dumps(persona.customizations)}")
    if turn.scenario is not None:
        s = turn.scenario
        lines.append(f"Role-play scenario: {s.name}. {s.context}")
        if s.role_play_instructions:
            lines.append(f"Instructions: {s.role_play_instructions}")
        phrases = unused_key_phrases(turn)
        if phrases:
            lines.append("Encourage the learner to use: " + "; ".join(phrases))
    if turn.corrections:
        notes = "; ".join(f"{c.original} → {c.corrected}" for c in turn.corrections)
        lines.append(f"Mistakes already found in the learner's last message: {notes}")
    lines.append("Stay in role, answer briefly (at most 80 words), and end with a question.")
    return "\n".join(lines)


def request_messages(turn: Turn) -> list[dict[str, str]]:
    roles = {"user": "user", "ai": "assistant"}
    messages = [{"role": "system", "content": system_prompt(turn)}]
    for sender, content in turn.history:
        if sender in roles:
            messages.append({"role": roles[sender], "content": content})
    messages.append({"role": "user", "content": turn.message})
    return messages


def parse_sse_line(line: str) -> str | None:
    """The content delta of one SSE line; None for lines without content; raises on junk."""
    line = line.strip()
    if not line or line.startswith(":") or not line.startswith("data:"):
        return None
    data = line[len("data:") :].strip()
    if data == "[DONE]":
        return None
    try:
        chunk: Any = json.loads(data)
        delta = chunk["choices"][0].get("delta") or {}
    except (ValueError, KeyError, IndexError, TypeError, AttributeError) as error:
        raise TutorError(f"malformed stream chunk: {data[:80]!r}") from error
    content = delta.get("content") if isinstance(delta, dict) else None
    if content is not None and not isinstance(content, str):
        raise TutorError("malformed stream chunk: content is not text")
    return content or None


class RemoteEngine(TutorEngine):
    name = "remote"

    def __init__(self, base_url: str, model: str, api_key: str = "", timeout: float = 20.0):
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.api_key = api_key
        self.timeout = timeout

    async def stream_reply(self, turn: Turn) -> AsyncIterator[str]:
        if not self.base_url:
            raise TutorError("no tutor endpoint configured (TUTOR_BASE_URL)")
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        body = {"model": self.model, "messages": request_messages(turn), "stream": True}
        deadline = time.monotonic() + self.timeout
        produced = False
        try:
            async with (
                httpx.AsyncClient(timeout=httpx.Timeout(self.timeout)) as client,
                client.stream(
                    "POST", f"{self.base_url}/chat/completions", json=body, headers=headers
                ) as response,
            ):
                if response.status_code != 200:
                    raise TutorError(f"tutor endpoint answered HTTP {response.status_code}")
                async for line in response.aiter_lines():
                    if time.monotonic() > deadline:
                        raise TutorError("the tutor took too long to reply")
                    piece = parse_sse_line(line)
                    if piece:
                        produced = True
                        yield piece
        except httpx.TimeoutException as error:
            raise TutorError("the tutor took too long to reply") from error
        except httpx.HTTPError as error:
            raise TutorError(f"tutor endpoint unreachable: {type(error).__name__}") from error
        if not produced:
            raise TutorError("the tutor sent an empty reply")
