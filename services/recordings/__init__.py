"""Engines of recorded conversations: media checks and durations (media.py), client-supplied
transcripts (transcripts.py) and speech-to-text behind one interface (transcriber.py)."""

from __future__ import annotations

from services.recordings.transcriber import Transcriber, TranscriptionError, build_transcriber

__all__ = ["Transcriber", "TranscriptionError", "build_transcriber"]
