"""The learning domain's use cases. Other domains use it through what this package exports,
its `policy` and its `events`."""

from resolvers.learning.enrollment import enrol
from resolvers.learning.practice import RestoredHeart, restore_hearts
from resolvers.learning.rewards import check_achievements

__all__ = ["RestoredHeart", "check_achievements", "enrol", "restore_hearts"]
