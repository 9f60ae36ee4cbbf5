"""Studio use cases: study materials and their processing (materials.py, jobs.py), the
access rules every studio read and change follows (policy.py), and the live events of a
material (events.py)."""
