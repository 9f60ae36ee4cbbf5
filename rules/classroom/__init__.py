"""Pure rules of the classroom domain: join codes, capacity and membership, assignments and
due times, submissions and grading, the class's performance figures. No I/O: the time and
the randomness are passed in."""
