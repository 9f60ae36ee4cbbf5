"""Pure rules of the learning domain."""
