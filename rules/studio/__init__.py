"""Pure rules of the studio domain: the review schedule (FSRS), answer checking of generated
assets, and practice sessions that restore hearts."""
