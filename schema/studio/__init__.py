"""Studio: a learner's study materials, the cards generated from them and from their
mistakes, studied in sessions and reviewed on a spaced-repetition schedule."""

from engine.domain import Domain

DOMAIN = Domain("studio")

__all__ = ["DOMAIN"]
