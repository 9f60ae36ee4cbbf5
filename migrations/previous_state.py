"""MODELS_STATE for hand-written migrations.

aerich diffs models against the MODELS_STATE of the last migration; a hand-written SQL
migration (search index, data) changes no model, so it carries the state of the migration
before it. Without one, aerich would record the live models and miss later model changes.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "models"


def state_of(number: int) -> str:
    """The MODELS_STATE of migration `<number>_*.py`."""
    (path,) = FOLDER.glob(f"{number}_*.py")
    spec = importlib.util.spec_from_file_location(f"_migration_{number}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.MODELS_STATE
