"""Strawberry schema: one module per domain, merged at the root (see schema/root.py)."""
