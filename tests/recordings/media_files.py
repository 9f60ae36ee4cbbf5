"""Small real media files the recordings tests write themselves (no fixtures on disk)."""

from __future__ import annotations

import io
import math
import struct
import wave


def wav_bytes(seconds: float = 1.5, rate: int = 8000) -> bytes:
    """A mono 16-bit WAV of a 440 Hz tone, written with the standard library."""
    frames = int(seconds * rate)
    samples = (int(8000 * math.sin(2 * math.pi * 440 * i / rate)) for i in range(frames))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"".join(struct.pack("<h", s) for s in samples))
    return buffer.getvalue()
