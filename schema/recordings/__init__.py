"""Recordings: a class's spoken conversations, uploaded, transcribed, segmented, corrected,
analysed and evaluated."""

from engine.domain import Domain

DOMAIN = Domain("recordings")

__all__ = ["DOMAIN"]
