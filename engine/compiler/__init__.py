"""The read compiler: a query operation whose whole selection it can express becomes one SQL
statement that builds the answer's JSON in PostgreSQL (runner.py decides, render.py writes
the statement, specs.py and facts.py say how each field is read)."""
