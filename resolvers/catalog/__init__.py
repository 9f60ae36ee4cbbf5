"""The catalog domain's use cases."""
