"""The learning domain's use cases. Other domains use it through what this package exports,
its `policy` and its `events`."""

from resolvers.learning.enrollment import enrol
from resolvers.learning.rewards import check_achievements

__all__ = ["check_achievements", "enrol"]
