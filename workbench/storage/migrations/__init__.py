"""Alembic migrations of the workspace schema."""
