"""The learning domain's use cases."""
