"""Factories that write rows directly (fast set-up); one module per domain."""
