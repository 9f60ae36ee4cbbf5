"""The conversation domain's use cases."""
