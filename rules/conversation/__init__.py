"""Conversation's pure rules."""
