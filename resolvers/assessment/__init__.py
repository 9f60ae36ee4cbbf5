"""Assessment's use cases: quizzes, attempts and their review, certificates."""
