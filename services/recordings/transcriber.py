"""Speech to text behind one interface (`Transcriber`), and an engine for any OpenAI-compatible
`/audio/transcriptions` endpoint (OpenAI's, and the whisper servers that speak its API).

The request: POST {base_url}/audio/transcriptions (base_url includes the version, e.g.
https://api.openai.com/v1), multipart/form-data with `model`, `response_format=verbose_json`,
`timestamp_granularities[]=segment`, `language` when known (its primary subtag), and `file`,
streamed from storage chunk by chunk with its size as Content-Length when known. A bearer key
is sent when configured.

The answer: verbose JSON, `{"text", "language", "duration", "segments": [{"start", "end",
"text", "avg_logprob", "no_speech_prob", ...}]}`. Each segment becomes a `Segment`: start and
end seconds → milliseconds, text with white space collapsed (empty ones dropped), the
`speaker` the engine gives (diarizing servers) or `DEFAULT_SPEAKER`, and a confidence:

    confidence = exp(avg_logprob) * (1 - no_speech_prob)

exp(avg_logprob) is the geometric mean of the probabilities of the segment's tokens (0-1:
how sure the model was of the words), and 1 - no_speech_prob the probability that the
segment is speech at all; the product is clamped to 0-1 and rounded to 3 decimals. Without
`avg_logprob` (null or absent) the confidence is None (unknown); without `no_speech_prob`,
the first factor alone. An answer without `segments` but with `text` (a server ignoring
verbose_json) is one segment without times.

Failures raise `TranscriptionError` with a reason to show and whether trying again may help
(`transient`): a timeout (the whole request, upload included, gets `timeout` seconds), an
unreachable endpoint, HTTP 408/429/5xx (transient); other HTTP errors, a malformed answer
(not JSON, wrong types, a segment ending before it starts, more than 5,000 segments, a body
over 20 MB) and an answer with no speech (not transient).
"""

from __future__ import annotations

import asyncio
import json
import math
import uuid
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, TypeGuard

import httpx

from core.settings import Settings
from rules.recordings.segments import Segment
from services.recordings.transcripts import DEFAULT_SPEAKER, MAX_LABEL_CHARS, MAX_SEGMENTS

MAX_ANSWER_BYTES = 20 * 1024 * 1024
TRANSIENT_STATUSES = {408, 425, 429, 500, 502, 503, 504}


class TranscriptionError(Exception):
    """Transcription failed: `reason` says why; `transient` whether a retry may succeed."""

    def __init__(self, reason: str, *, transient: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.transient = transient


@dataclass(frozen=True)
class Transcription:
    segments: list[Segment]
    language: str | None = None  # as the engine detected or was told
    duration_seconds: float | None = None


class Transcriber(ABC):
    name: str = "abstract"

    @abstractmethod
    async def transcribe(
        self,
        media: AsyncIterator[bytes],
        *,
        filename: str,
        content_type: str,
        size: int | None = None,
        language: str | None = None,
    ) -> Transcription:
        """The segments of the media streamed in; raises TranscriptionError."""


def confidence(avg_logprob: Any, no_speech_prob: Any) -> float | None:
    """The confidence of one segment, as the module's docstring defines it."""
    if avg_logprob is None:
        return None
    if not _is_number(avg_logprob):
        raise _malformed("avg_logprob is not a number")
    if no_speech_prob is not None and not _is_number(no_speech_prob):
        raise _malformed("no_speech_prob is not a number")
    value = math.exp(min(0.0, float(avg_logprob)))
    if no_speech_prob is not None:
        value *= 1 - min(1.0, max(0.0, float(no_speech_prob)))
    return round(min(1.0, max(0.0, value)), 3)


def _is_number(value: object) -> TypeGuard[float]:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _times(start: Any, end: Any, number: int) -> tuple[int | None, int | None]:
    """Start and end seconds as milliseconds: both numbers, 0 <= start <= end, or neither."""
    if start is None and end is None:
        return None, None
    if not (_is_number(start) and _is_number(end) and 0 <= start <= end):
        raise _malformed(f"segment {number} has invalid start and end times")
    return round(float(start) * 1000), round(float(end) * 1000)


def _malformed(what: str) -> TranscriptionError:
    return TranscriptionError(f"malformed answer from the transcription engine: {what}")


def parse_verbose_json(answer: Any) -> Transcription:
    """A Transcription from the endpoint's verbose JSON (already decoded)."""
    if not isinstance(answer, dict):
        raise _malformed("not a JSON object")
    items = answer.get("segments")
    if items is None:
        text = answer.get("text")
        if not isinstance(text, str):
            raise _malformed("neither segments nor text")
        items = [{"text": text}]
    if not isinstance(items, list):
        raise _malformed("segments is not a list")
    if len(items) > MAX_SEGMENTS:
        raise _malformed(f"more than {MAX_SEGMENTS} segments")
    segments: list[Segment] = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise _malformed(f"segment {number} has no text")
        start_ms, end_ms = _times(item.get("start"), item.get("end"), number)
        text = " ".join(item["text"].split())
        if not text:
            continue
        speaker = item.get("speaker")
        label = " ".join(speaker.split())[:MAX_LABEL_CHARS] if isinstance(speaker, str) else ""
        segments.append(
            Segment(
                position=len(segments) + 1,
                speaker=label or DEFAULT_SPEAKER,
                text=text,
                start_ms=start_ms,
                end_ms=end_ms,
                confidence=confidence(item.get("avg_logprob"), item.get("no_speech_prob")),
            )
        )
    if not segments:
        raise TranscriptionError("no speech was recognised in the recording")
    language, duration = answer.get("language"), answer.get("duration")
    return Transcription(
        segments=segments,
        language=language if isinstance(language, str) and language else None,
        duration_seconds=round(duration, 3) if _is_number(duration) and duration > 0 else None,
    )


def _field(boundary: str, name: str, value: str) -> bytes:
    return (
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
    ).encode()


class RemoteTranscriber(Transcriber):
    name = "openai"

    def __init__(
        self, base_url: str, model: str = "whisper-1", api_key: str = "", timeout: float = 300.0
    ) -> None:
        if not base_url:
            raise ValueError("a transcription endpoint is required (TRANSCRIBER_BASE_URL)")
        self.base_url = base_url.rstrip("/")
        self.model = model or "whisper-1"
        self.api_key = api_key
        self.timeout = timeout

    def _form(
        self, boundary: str, filename: str, content_type: str, language: str | None
    ) -> tuple[bytes, bytes]:
        fields = [
            ("model", self.model),
            ("response_format", "verbose_json"),
            ("timestamp_granularities[]", "segment"),
        ]
        if language:
            fields.append(("language", language.replace("_", "-").split("-")[0].lower()))
        safe_name = filename.replace('"', "").replace("\r", "").replace("\n", "") or "audio"
        head = (
            b"".join(_field(boundary, name, value) for name, value in fields)
            + (
                f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                f'filename="{safe_name}"\r\nContent-Type: {content_type}\r\n\r\n'
            ).encode()
        )
        return head, f"\r\n--{boundary}--\r\n".encode()

    async def transcribe(
        self,
        media: AsyncIterator[bytes],
        *,
        filename: str,
        content_type: str,
        size: int | None = None,
        language: str | None = None,
    ) -> Transcription:
        boundary = f"lingograph-{uuid.uuid4().hex}"
        head, tail = self._form(boundary, filename, content_type, language)

        async def body() -> AsyncIterator[bytes]:
            yield head
            async for chunk in media:
                yield chunk
            yield tail

        headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        if size is not None:
            headers["Content-Length"] = str(len(head) + size + len(tail))
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        url = f"{self.base_url}/audio/transcriptions"
        try:
            async with asyncio.timeout(self.timeout):
                answer = await self._post(url, body(), headers)
        except (TimeoutError, httpx.TimeoutException) as error:
            raise TranscriptionError(
                f"the transcription engine did not answer within {self.timeout:g} seconds",
                transient=True,
            ) from error
        except httpx.HTTPError as error:
            raise TranscriptionError(
                f"the transcription engine is unreachable ({type(error).__name__})",
                transient=True,
            ) from error
        return parse_verbose_json(answer)

    async def _post(self, url: str, content: AsyncIterator[bytes], headers: dict[str, str]) -> Any:
        async with (
            httpx.AsyncClient(timeout=httpx.Timeout(self.timeout)) as client,
            client.stream("POST", url, content=content, headers=headers) as response,
        ):
            data = bytearray()
            async for piece in response.aiter_bytes():
                data += piece
                if len(data) > MAX_ANSWER_BYTES:
                    raise _malformed(f"an answer over {MAX_ANSWER_BYTES} bytes")
            if response.status_code != 200:
                raise TranscriptionError(
                    f"the transcription engine answered HTTP {response.status_code}"
                    + _error_message(bytes(data)),
                    transient=response.status_code in TRANSIENT_STATUSES,
                )
        try:
            return json.loads(data)
        except ValueError as error:
            raise _malformed("not JSON") from error


def _error_message(body: bytes) -> str:
    """ ": <message>" from an OpenAI-style error body, else nothing."""
    try:
        message = json.loads(body)["error"]["message"]
    except (ValueError, KeyError, TypeError):
        return ""
    return f": {' '.join(str(message).split())[:200]}" if message else ""


def build_transcriber(settings: Settings) -> Transcriber | None:
    """The engine `settings.transcriber_engine` names, or None when none is configured (then
    recordings without a transcript wait for one)."""
    kind = (settings.transcriber_engine or "none").lower()
    if kind == "none":
        return None
    if kind in ("openai", "remote"):
        return RemoteTranscriber(
            base_url=settings.transcriber_base_url,
            model=settings.transcriber_model,
            api_key=settings.transcriber_api_key,
            timeout=settings.transcriber_timeout_seconds,
        )
    raise ValueError(f"unknown transcriber engine {settings.transcriber_engine!r}")
