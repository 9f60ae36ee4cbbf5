"""Pure domain rules: no I/O, the current time passed in; unit-tested without a database."""
