"""A stand-in OpenAI-compatible transcription endpoint (`POST /v1/audio/transcriptions`): it
answers verbose JSON with segments, or misbehaves as `mode` says, and records the multipart
fields and file it received."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from email import policy
from email.parser import BytesParser
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

VERBOSE_JSON = {
    "task": "transcribe",
    "language": "english",
    "duration": 7.5,
    "text": "Where did you go yesterday? I went to the museum with my sister.",
    "segments": [
        {
            "id": 0,
            "start": 0.0,
            "end": 2.4,
            "text": " Where did you go yesterday?",
            "avg_logprob": -0.1,
            "no_speech_prob": 0.01,
        },
        {
            "id": 1,
            "start": 3.1,
            "end": 7.5,
            "text": " I went to the museum with my sister.",
            "avg_logprob": -0.35,
            "no_speech_prob": 0.2,
        },
    ],
}


@dataclass
class TranscriberStandIn:
    mode: str = "ok"  # ok | malformed | not_json | slow | overloaded | rejected
    requests: list[dict[str, Any]] = field(default_factory=list)
    url: str = ""


def _form(content_type: str, body: bytes) -> dict[str, Any]:
    message = BytesParser(policy=policy.default).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body
    )
    fields: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if part.get_filename():
            fields[str(name)] = {
                "filename": part.get_filename(),
                "content_type": part.get_content_type(),
                "data": payload,
            }
        else:
            fields[str(name)] = payload.decode() if isinstance(payload, bytes) else payload
    return fields


def transcriber_app(state: TranscriberStandIn) -> Starlette:
    async def transcriptions(request: Request) -> Response:
        body = await request.body()
        state.requests.append(
            {
                "headers": dict(request.headers),
                "fields": _form(request.headers["content-type"], body),
                "body_length": len(body),
            }
        )
        if state.mode == "slow":
            await asyncio.sleep(30)  # longer than any client timeout used here
        if state.mode == "overloaded":
            return JSONResponse({"error": {"message": "server overloaded"}}, status_code=503)
        if state.mode == "rejected":
            return JSONResponse({"error": {"message": "unsupported file"}}, status_code=400)
        if state.mode == "not_json":
            return Response("<html>oops</html>", media_type="text/html")
        if state.mode == "malformed":
            return JSONResponse({"segments": [{"start": "soon", "end": 1, "text": "Hi"}]})
        return JSONResponse(VERBOSE_JSON)

    return Starlette(routes=[Route("/v1/audio/transcriptions", transcriptions, methods=["POST"])])
