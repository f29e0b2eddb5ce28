"""Persistence: SQLAlchemy models, the workspace file, sessions and migrations."""
