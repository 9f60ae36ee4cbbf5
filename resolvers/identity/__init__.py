"""The identity domain's use cases."""
