"""The command line (spec section 4). Without a command it opens the desktop app.

Exit codes: 0 success, 2 bad input (nothing changed), 1 anything else.

The desktop app starts through here, so the commands' modules are imported only for a command: the
sign-in window is painted before anything but PySide6 and a few small modules is loaded.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from placement_desk import __version__

if TYPE_CHECKING:
    from datetime import date

EXIT_OK, EXIT_ERROR, EXIT_BAD_INPUT = 0, 1, 2
APP_OPTIONS = ("--db", "--user")  # all the app takes: anything else is a command (or --help, --version)


def _date_arg(flag: str) -> Any:
    def parse(text: str) -> date:
        from datetime import date

        try:
            return date.fromisoformat(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{flag}: not a date (YYYY-MM-DD): {text!r}") from None

    return parse


def build_parser() -> argparse.ArgumentParser:
    from placement_desk.cli import backup as cli_backup
    from placement_desk.cli import documents as cli_documents
    from placement_desk.cli import privacy as cli_privacy
    from placement_desk.cli import team as cli_team

    parser = argparse.ArgumentParser(
        prog="placement-desk",
        description="Placement Desk: follow citizens in company placements. Without a command the app opens.",
    )
    parser.add_argument("--version", action="version", version=f"placement-desk {__version__}")
    parser.add_argument("--db", metavar="URL", help="SQLAlchemy URL (default: the embedded database file)")
    parser.add_argument(
        "--user", metavar="NAME", help="sign in as NAME (default: $PLACEMENT_DESK_USER; password: $PLACEMENT_DESK_PASSWORD)"
    )
    sub = parser.add_subparsers(dest="command")
    imp = sub.add_parser("import", help="import a case file (all or nothing)")
    imp.add_argument("file", type=Path)
    exp = sub.add_parser("export", help="export the case file")
    exp.add_argument("--citizen", metavar="REF")
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    dos = sub.add_parser("dossier", help="the work-capacity dossier of a citizen")
    dos.add_argument("ref")
    dos.add_argument("--pdf", type=Path, metavar="F")
    dos.add_argument("--xlsx", type=Path, metavar="F")
    dos.add_argument("--json", type=Path, metavar="F")
    dos.add_argument("--from", dest="period_from", type=_date_arg("--from"), metavar="D")
    dos.add_argument("--to", dest="period_to", type=_date_arg("--to"), metavar="D")
    cli_documents.add_dossier_options(dos, _date_arg)
    sub.add_parser("demo", help="load the demo citizens (built from the seed cases)")
    cli_documents.add_parsers(sub, _date_arg)
    cli_backup.add_parsers(sub)
    cli_privacy.add_parsers(sub)
    _results().add_parsers(sub, _date_arg)
    cli_team.add_parsers(sub)
    return parser


def open_database(url: str | None, migrate: bool = True, user: str | None = None) -> Any:
    """The database, migrated to head (the same path as the app); ``migrate=False`` for backup/restore.

    A database with users or encryption is opened signed in (cli_auth: --user, $PLACEMENT_DESK_USER,
    $PLACEMENT_DESK_PASSWORD or prompts); every command then runs with that user's role.
    """
    from placement_desk.cli import team as cli_team
    from placement_desk.cli.auth import CliError, SignInRefused, open_signed_in

    try:
        team_db = cli_team.open_team(url, user)  # a PostgreSQL server: as the person, or refused without setup
        return team_db if team_db is not None else open_signed_in(url, user, migrate)
    except SignInRefused as exc:
        raise CliError(str(exc)) from None


def write_text(path: Path, text: str) -> None:
    """Write a whole file or nothing, readable only by the user (db.private: no partial file is left)."""
    from placement_desk.db.private import write_private

    write_private(path, text.encode("utf-8"))


def cmd_import(db: Any, args: argparse.Namespace) -> int:
    from placement_desk.services.casefile_io import import_case_file, open_case_file

    result = import_case_file(db, open_case_file(args.file))  # read citizen by citizen, never held whole
    print(f"imported {args.file}: {result.describe()}")
    return EXIT_OK


def cmd_export(db: Any, args: argparse.Namespace) -> int:
    from placement_desk.services.casefile_io import write_case_file

    write_case_file(db, args.output, args.citizen)  # citizen by citizen: the archive is never held whole
    print(f"exported to {args.output}")
    return EXIT_OK


def cmd_dossier(db: Any, args: argparse.Namespace) -> int:
    """The dossier as JSON, PDF and/or Excel; ``--issue-to`` keeps the issued version (cli_documents)."""
    from placement_desk.cli import documents as cli_documents

    return cli_documents.cmd_dossier(db, args)


def _results() -> Any:
    """The results report's commands (imported when used: they bring reportlab and openpyxl)."""
    from placement_desk.cli import results as cli_results

    return cli_results


def cmd_demo(db: Any, args: argparse.Namespace) -> int:
    from placement_desk.services.demo import load_demo

    result = load_demo(db)
    print(f"demo data loaded: {result.describe()}")
    return EXIT_OK


def commands() -> dict[str, Callable[[Any, argparse.Namespace], int]]:
    """Every command that works on an opened database, by name."""
    from placement_desk.cli import backup as cli_backup
    from placement_desk.cli import documents as cli_documents
    from placement_desk.cli import privacy as cli_privacy

    found: dict[str, Callable[[Any, argparse.Namespace], int]] = {
        "import": cmd_import, "export": cmd_export, "dossier": cmd_dossier, "demo": cmd_demo,
        **cli_documents.COMMANDS, **cli_backup.COMMANDS, **cli_privacy.COMMANDS,
    }  # fmt: skip
    found["report"] = lambda db, args: _results().cmd_report(db, args)  # the results report (cli_results)
    return found


def app_options(argv: Sequence[str]) -> argparse.Namespace | None:
    """The options when ``argv`` names no command, only ``--db`` and ``--user`` (the desktop app opens,
    the commands' parser is not built); None otherwise (the full parser reads it, help and errors too)."""
    found: dict[str, str | None] = {"db": None, "user": None}
    i = 0
    while i < len(argv):
        arg = argv[i]
        name, eq, value = arg.partition("=")
        if name not in APP_OPTIONS:
            return None
        if not eq:
            if i + 1 >= len(argv) or argv[i + 1].startswith("-"):
                return None
            value, i = argv[i + 1], i + 1
        found[name[2:]] = value
        i += 1
    return argparse.Namespace(command=None, **found)


def main(argv: Sequence[str] | None = None) -> int:
    from placement_desk.db.private import private_files

    with private_files():  # every file a command creates is the user's alone (0600 in 0700 folders)
        return _run(argv)


def _run(argv: Sequence[str] | None) -> int:
    args = app_options(sys.argv[1:] if argv is None else argv)
    if args is None:
        args = build_parser().parse_args(argv)
    if args.command is None:
        from placement_desk.app import run_gui

        return run_gui(args.db)
    from placement_desk.cli import backup as cli_backup
    from placement_desk.cli import team as cli_team
    from placement_desk.cli.auth import CliError
    from placement_desk.domain.errors import AccessDenied, NotFoundError, ValidationError

    try:
        if args.command == "setup":  # as the team database's owner, before it has an administrator
            return cli_team.cmd_setup(args)
        if args.command in cli_backup.OFFLINE_COMMANDS:  # restore: the database may be gone
            return cli_backup.OFFLINE_COMMANDS[args.command](args)
        db = open_database(args.db, migrate=args.command not in cli_backup.RAW_COMMANDS, user=args.user)
        try:
            return commands()[args.command](db, args)
        finally:
            db.dispose()
    except ValidationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("nothing was changed", file=sys.stderr)
        return EXIT_BAD_INPUT
    except NotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except CliError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except AccessDenied as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_ERROR
