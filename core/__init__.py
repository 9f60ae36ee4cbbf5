"""Infrastructure shared by every domain: settings, database, errors, pagination, HTTP."""
