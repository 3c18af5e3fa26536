"""Alembic migrations for the Framecraft database (run by storage.migrate)."""
