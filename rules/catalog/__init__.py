"""Pure rules of the catalog domain."""
