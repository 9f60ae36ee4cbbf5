"""Tortoise models, one module per domain. Every module here is registered automatically."""
