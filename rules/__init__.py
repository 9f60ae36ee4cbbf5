"""Pure domain rules, one package per domain: no I/O, the current time passed in;
unit-tested without a database."""
