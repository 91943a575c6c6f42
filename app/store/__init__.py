"""The SQLite (or PostgreSQL) store: models, engine, sessions, search index."""
