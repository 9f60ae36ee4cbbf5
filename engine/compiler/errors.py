"""Why the compiler hands an operation to the executor."""

from __future__ import annotations


class Decline(Exception):
    """The compiler cannot express this operation (or these variables); the executor answers
    it, with the same answer the compiled statement would give, or the errors it cannot."""
