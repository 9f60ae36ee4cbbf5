"""The engines recordings use, from the settings of the process that needs them (the server
handling an upload or a download, the worker processing a recording): the media storage
(services/storage) and the transcription engine (services/recordings; None when none is
configured). Each is built once per configuration and kept for the process. The tutor engine
that corrects the learner is the process's own (`Services.tutor`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.settings import Settings
from services.recordings import Transcriber, build_transcriber
from services.storage import Storage, build_storage
from services.tutor.base import TutorEngine

_storages: dict[tuple[Any, ...], Storage] = {}
_transcribers: dict[tuple[Any, ...], Transcriber | None] = {}


def storage_for(settings: Settings) -> Storage:
    """The storage the settings name (STORAGE_BACKEND and its options)."""
    key = (
        settings.storage_backend,
        settings.storage_dir,
        settings.s3_endpoint_url,
        settings.s3_bucket,
        settings.s3_access_key,
        settings.s3_secret_key,
        settings.s3_region,
    )
    if key not in _storages:
        _storages[key] = build_storage(settings)
    return _storages[key]


def transcriber_for(settings: Settings) -> Transcriber | None:
    """The transcription engine the settings name (TRANSCRIBER_ENGINE), or None."""
    key = (
        settings.transcriber_engine,
        settings.transcriber_base_url,
        settings.transcriber_model,
        settings.transcriber_api_key,
        settings.transcriber_timeout_seconds,
    )
    if key not in _transcribers:
        _transcribers[key] = build_transcriber(settings)
    return _transcribers[key]


@dataclass(frozen=True)
class Engines:
    """What processing a recording needs."""

    storage: Storage
    transcriber: Transcriber | None
    tutor: TutorEngine

    @classmethod
    def of(cls, settings: Settings, tutor: TutorEngine) -> Engines:
        return cls(storage_for(settings), transcriber_for(settings), tutor)
