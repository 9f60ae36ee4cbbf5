"""Insight's use cases: the audit log."""
