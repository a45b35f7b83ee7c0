"""Persistence with SQLAlchemy 2: SQLite in ECOSYS_HOME by default, PostgreSQL by DATABASE_URL."""
