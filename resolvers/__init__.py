"""Use cases: plain async functions, no GraphQL types. One package per domain, its access
rules in `policy.py`."""
