"""Identity loaders."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from loaders.base import ModelByIdLoader
from models.identity import LearningProfile, User


class UserByIdLoader(ModelByIdLoader):
    model = User


class LearningProfileByUserIdLoader(ModelByIdLoader):
    model = LearningProfile

    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        return {p.user_id: p for p in await LearningProfile.filter(user_id__in=list(keys))}
