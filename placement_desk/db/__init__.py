"""Storage: the ORM models, the engine factory and the Alembic migrations. Nothing here commits."""
