"""Classroom use cases. Importing the package registers the classroom's grants in the lower
domains' access rules (grants.py)."""

from resolvers.classroom import grants as grants
