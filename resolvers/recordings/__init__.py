"""Recordings' use cases. Importing the package registers a recording as a classroom
assignment's work (classroom_work.py) and the readers of a recording's evaluations in
conversation's rule (policy.py)."""

from resolvers.recordings import classroom_work as classroom_work
from resolvers.recordings import policy as policy
