"""Study-material generators behind one interface (`base.Generator`): a material's text in,
chunks, flashcards, cloze sentences, quiz questions and summaries out. The local one (default)
runs offline and deterministically; `GENERATOR_ENGINE` picks the engine."""

from __future__ import annotations

from typing import Any

from services.generator.base import Generator
from services.generator.local import LocalGenerator


def build_generator(settings: Any) -> Generator:
    """The engine `settings.generator_engine` names: local (the default, also when unset)."""
    kind = (getattr(settings, "generator_engine", "") or "local").lower()
    if kind == "local":
        return LocalGenerator()
    raise ValueError(f"unknown generator engine {kind!r}")
