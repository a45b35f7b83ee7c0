"""Alembic's entry point: migrations always run on the connection ``bot.storage.db.upgrade`` hands over."""

from alembic import context

from bot.storage.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("migrations run through bot.storage.db.upgrade (open_database calls it)")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
