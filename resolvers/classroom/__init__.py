"""Classroom use cases: classrooms, join codes and memberships."""
