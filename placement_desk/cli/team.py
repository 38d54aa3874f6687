"""The team database on the command line: ``setup`` (and upgrade) as the owner, commands as a person.

``placement-desk --db postgresql+psycopg://owner@host/db setup`` migrates the database, creates the
group roles, grants and row-level security (:mod:`placement_desk.db.team`) and, the first time, the
first administrator (``--user`` / ``$PLACEMENT_DESK_USER`` and ``$PLACEMENT_DESK_PASSWORD``, or prompts).
Run again after installing a new version, it upgrades: migrations first, then the grants again.

Every other command on a team server signs in as a person: the URL names only host and database
(``postgresql+psycopg://host/db``) and ``--user`` with ``$PLACEMENT_DESK_PASSWORD`` is their own login.
A PostgreSQL database without an administrator refuses every command but ``setup`` (exit 2).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from placement_desk.domain.errors import ValidationError

NO_ADMINISTRATOR = (
    "Teamdatabasen har ingen administrator endnu. Kør først "
    "'placement-desk --db postgresql+psycopg://EJER@VÆRT/DATABASE setup' som databasens ejer; "
    "den opretter roller, rettigheder og den første administrator"
)


class SetupNeeded(ValidationError):
    """A PostgreSQL database without an administrator: run setup first (exit 2, nothing changed)."""

    def __init__(self) -> None:
        super().__init__("", NO_ADMINISTRATOR)


def add_parsers(sub: Any) -> None:
    sub.add_parser(
        "setup",
        help="set up or upgrade a team database on a PostgreSQL server (as its owner): roles, grants, "
        "row-level security and the first administrator",
    )


def _first_admin(user: str | None) -> tuple[str, str]:
    from placement_desk.cli.auth import ENV_PASSWORD, ENV_USER, _interactive

    name = user or os.environ.get(ENV_USER)
    pw = os.environ.get(ENV_PASSWORD)
    if (not name or pw is None) and _interactive():
        print("Den første administrator oprettes nu.", file=sys.stderr)
        name = name or input("Brugernavn: ").strip()
        if pw is None:
            pw = getpass.getpass("Adgangskode: ")
            if getpass.getpass("Gentag adgangskoden: ") != pw:
                raise ValidationError("adgangskode", "de to adgangskoder er forskellige; intet er oprettet")
    if not name:
        raise ValidationError("--user", f"den første administrators brugernavn mangler (--user eller ${ENV_USER})")
    if pw is None:
        raise ValidationError("adgangskode", f"den første administrators adgangskode mangler (${ENV_PASSWORD})")
    return name, pw


def cmd_setup(args: argparse.Namespace) -> int:
    """Set up (or upgrade) the team database named by --db, connected as its owner."""
    from placement_desk.db import team
    from placement_desk.db.engine import Database, resolve_url
    from placement_desk.services import team_setup

    url = resolve_url(args.db)
    if not team.is_postgres(url):
        raise ValidationError("--db", "setup er til en teamdatabase på en PostgreSQL-server (postgresql+psycopg://...)")
    if not team.names_login(url):
        raise ValidationError("--db", "setup køres som databasens ejer: URL'en skal nævne ejeren (postgresql+psycopg://EJER@VÆRT/DATABASE)")
    db = Database(url)
    try:
        from placement_desk.cli.auth import ENV_PASSWORD, ENV_USER

        name, pw = args.user or os.environ.get(ENV_USER), os.environ.get(ENV_PASSWORD)
        if not team.has_administrator(db.engine):
            name, pw = _first_admin(args.user)
        elif not name:
            pw = None  # an upgrade: a password only sets the named administrator's login
        try:
            created = team_setup.setup(db, name, name, pw)
        except team.NotOwner as exc:
            raise ValidationError("--db", str(exc)) from None
    finally:
        db.dispose()
    where = db.description
    if created:
        print(f"Teamdatabasen {where} er sat op; den første administrator {name!r} kan nu logge ind "
              "med en URL uden brugernavn (postgresql+psycopg://VÆRT/DATABASE).")  # fmt: skip
    else:
        print(f"Teamdatabasen {where} er opdateret: skema, roller, rettigheder og regler.")
    return 0


def open_team(url: str | None, user: str | None) -> Any:
    """A PostgreSQL database for a command: signed in as the person when the URL names no user; None for
    other databases and for a URL naming its user (the caller opens those as before). SetupNeeded when
    the database has no administrator."""
    from placement_desk.cli.auth import SignInRefused, password, username
    from placement_desk.db import team
    from placement_desk.db.engine import Database, resolve_url
    from placement_desk.services import signin

    resolved = resolve_url(url)
    if not team.is_postgres(resolved):
        return None
    if not team.names_login(resolved):
        name = username(user, [])
        try:
            return signin.sign_in(signin.target(resolved), name, password()).db
        except signin.SignInFailed as exc:
            if exc.kind == "upgrade":
                raise SignInRefused(str(exc)) from None
            raise SignInRefused(f"cannot sign in as {name!r}: {exc}") from None
    from sqlalchemy.exc import OperationalError

    db = Database(resolved)
    try:
        if not team.has_administrator(db.engine):
            raise SetupNeeded()
    except OperationalError:
        return None  # the server cannot be reached: the command says so as before
    finally:
        db.dispose()
    return None
