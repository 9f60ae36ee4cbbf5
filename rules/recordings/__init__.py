"""Pure rules of the recordings domain (recorded conversations): the transcript segment, which
speaker is the learner, vocabulary analysis with word frequencies, and the evaluation with its
capped sub-scores. No I/O; the segments, corrections and language are passed in."""
