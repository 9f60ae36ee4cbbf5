"""Fixtures the engine's comparison tests share (the executors', the read compiler's)."""

from __future__ import annotations

import dataclasses

import pytest

from core.settings import Settings


@pytest.fixture(scope="module")
def app_settings(settings: Settings, database_url: str) -> Settings:
    """The suite's settings on its test database: what the schemas under comparison use."""
    return dataclasses.replace(settings, database_url=database_url)
