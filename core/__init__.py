"""The ground floor: settings, database, errors, pagination, rows, pub/sub, background work,
security. Imports no model and nothing above it."""
