"""Strawberry schema: one package per domain, the cross-domain types in schema/graph.py, the
registry of domains in schema/root.py."""
