"""Engines behind one interface each, reached through the context: tutor, mail."""
