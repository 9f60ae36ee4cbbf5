"""Tortoise models, one module per domain, registered through schema.root.MODEL_MODULES."""
