"""Classroom: classes, memberships, assignments and submissions.

So far only the models are registered (through `DOMAIN`, whose models module schema.root
lists); the root fields, types and the frontend operations (classroom.graphql) come with the
API.
"""

from engine.domain import Domain

DOMAIN = Domain("classroom")

__all__ = ["DOMAIN"]
