"""Tutor engines behind one interface (`base.TutorEngine`): the local rule-based one (default)
and one for any OpenAI-compatible chat endpoint, chosen by `TUTOR_ENGINE`."""

from __future__ import annotations

from typing import Any

from services.tutor.base import TutorEngine
from services.tutor.local import LocalEngine
from services.tutor.remote import RemoteEngine


def build_engine(settings: Any) -> TutorEngine:
    """The engine `settings.tutor_engine` names: local (default), or remote/openai."""
    kind = (settings.tutor_engine or "local").lower()
    if kind == "local":
        return LocalEngine()
    if kind in ("remote", "openai"):
        return RemoteEngine(
            base_url=settings.tutor_base_url,
            model=settings.tutor_model,
            api_key=settings.tutor_api_key,
            timeout=settings.tutor_timeout_seconds,
        )
    raise ValueError(f"unknown tutor engine {settings.tutor_engine!r}")
