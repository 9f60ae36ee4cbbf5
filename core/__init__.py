"""The ground floor: settings, database, errors, pagination, rows, pub/sub, the job queue,
security. Imports no model and nothing above it."""
