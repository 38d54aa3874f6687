"""A throw-away PostgreSQL team database for the benchmark, started the way the tests start theirs
(``tests/postgres/server.py``), but durable: PostgreSQL's own settings for flushing to disk."""

from __future__ import annotations

import secrets
from typing import Any


def start_server() -> tuple[Any, str]:
    """A durable server (None if none can be started) and, then, why not."""
    from tests.postgres import server as pg

    try:
        return pg.start(durable=True), ""
    except pg.Unavailable as exc:
        return None, str(exc)


def new_database(server: Any, name: str) -> tuple[str, str]:
    """The owner's URL and the team's URL of a new database ``name`` owned by a new owner role."""
    import psycopg

    owner, pw = f"{name}_owner", secrets.token_hex(8)
    with psycopg.connect(server.url().replace("postgresql+psycopg", "postgresql"), autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {owner} LOGIN CREATEROLE PASSWORD '{pw}'")
        conn.execute(f"CREATE DATABASE {name} OWNER {owner}")
    base = f"127.0.0.1:{server.port}/{name}"
    return f"postgresql+psycopg://{owner}:{pw}@{base}", f"postgresql+psycopg://{base}"


def team_database(server: Any, user: str, password: str) -> str:
    """The team URL of a new database on ``server``, set up by its owner with ``user`` as its administrator
    (as README's "Working as a team" has it: the data is then moved there with the command line's import)."""
    from placement_desk.db.engine import Database
    from placement_desk.services import team_setup

    owner_url, team_url = new_database(server, "placement_desk_bench")
    owner = Database(owner_url)
    try:
        team_setup.setup(owner, user, "Bench Admin", password)
    finally:
        owner.dispose()
    return team_url
