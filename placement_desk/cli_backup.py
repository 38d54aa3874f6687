"""The backup and restore commands of the command line (their parsers and handlers).

    placement-desk [--db URL] backup [-o FOLDER] [--keep N]   # a verified backup; keeps the N newest
    placement-desk [--db URL] backup --list [-o FOLDER]       # the backups there, newest first
    placement-desk [--db URL] restore FILE                    # verify, safety copy, replace

These commands open the database without migrating it first (a damaged database must still be
restorable); ``restore`` migrates the restored file itself.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from placement_desk.domain.errors import ValidationError

RAW_COMMANDS = frozenset({"backup", "restore"})  # opened without migrations


def _cli_error(message: str) -> Exception:
    from placement_desk.cli import CliError

    return CliError(message)


def add_parsers(sub: Any) -> None:
    bak = sub.add_parser("backup", help="back up the embedded database (verified; keeps the newest N)")
    bak.add_argument("-o", "--output", type=Path, metavar="FOLDER",
                     help="the backup folder (default: 'backups' next to the database)")
    bak.add_argument("--keep", type=int, metavar="N", help="how many backups to keep (default 14)")
    bak.add_argument("--list", action="store_true", help="list the backups in the folder instead")
    res = sub.add_parser("restore", help="replace the database with a backup (verified first, safety copy kept)")
    res.add_argument("file", type=Path)


def cmd_backup(db: Any, args: argparse.Namespace) -> int:
    from placement_desk.services import backup

    try:
        folder = args.output or backup.default_folder(db)
        if args.list:
            stem = backup.database_file(db).stem
            found = backup.list_backups(folder.expanduser(), stem)
            for b in found:
                print(f"{b.path}\t{b.created.astimezone():%Y-%m-%d %H:%M:%S}\t{b.size} bytes\t{b.rows} rows")
            if not found:
                print(f"no backups in {folder}")
            return 0
        info = backup.make_backup(db, folder, args.keep or backup.DEFAULT_KEEP)
    except backup.BackupError as exc:
        raise _cli_error(str(exc)) from None
    print(f"backup written and verified: {info.path} ({info.rows} rows in {len(info.tables)} tables)")
    return 0


def cmd_restore(db: Any, args: argparse.Namespace) -> int:
    from placement_desk.db.engine import sqlite_path
    from placement_desk.services import backup

    try:
        backup.database_file(db)
        backup.verify_backup(args.file, key=db.key)
    except backup.BackupError as exc:
        if sqlite_path(db.url) is None:
            raise _cli_error(str(exc)) from None
        raise ValidationError(str(args.file), str(exc)) from None  # a bad backup is bad input: exit 2
    try:
        result = backup.restore_backup(db, args.file)
    except backup.BackupError as exc:
        raise _cli_error(str(exc)) from None
    print(f"restored {db.description} from {args.file} ({result.restored.rows} rows)")
    if result.safety_copy is not None:
        print(f"the database as it was before is kept in {result.safety_copy}")
    return 0


COMMANDS = {"backup": cmd_backup, "restore": cmd_restore}
