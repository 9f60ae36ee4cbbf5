"""Pure rules of the identity domain."""
