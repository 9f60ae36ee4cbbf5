"""Use cases: plain async functions, no GraphQL types. One module per domain."""
