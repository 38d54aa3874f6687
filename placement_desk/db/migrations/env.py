"""Alembic environment: always given a connection by placement_desk.db.migrate."""

from alembic import context

from placement_desk.db import models  # noqa: F401 - registers the tables
from placement_desk.db.base import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only through placement_desk.db.migrate
    raise RuntimeError("run migrations through placement_desk.db.migrate.upgrade()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
