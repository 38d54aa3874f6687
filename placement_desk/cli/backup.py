"""The backup and restore commands of the command line (their parsers and handlers).

    placement-desk [--db URL] backup [-o FOLDER] [--keep N]   # a verified backup; keeps the N newest
    placement-desk [--db URL] backup --list [-o FOLDER]       # the backups there, newest first
    placement-desk [--db URL] restore FILE [--recovery-code]  # verify, safety copy, replace

Both belong to administrators. ``backup`` opens the database without migrating it first; ``restore``
does not open it at all (it may be missing, truncated or damaged): the backup's key file is unlocked
with an administrator's password or the recovery code (services.restoring), and the restored file is
migrated.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from placement_desk.domain.errors import ValidationError

RAW_COMMANDS = frozenset({"backup", "restore"})  # opened without migrations


def _cli_error(message: str) -> Exception:
    from placement_desk.cli.auth import CliError

    return CliError(message)


def add_parsers(sub: Any) -> None:
    bak = sub.add_parser("backup", help="back up the embedded database (verified; keeps the newest N)")
    bak.add_argument("-o", "--output", type=Path, metavar="FOLDER",
                     help="the backup folder (default: 'backups' next to the database)")
    bak.add_argument("--keep", type=int, metavar="N", help="how many backups to keep (default 14)")
    bak.add_argument("--list", action="store_true", help="list the backups in the folder instead")
    res = sub.add_parser("restore", help="replace the database with a backup (verified first, safety copy kept)")
    res.add_argument("file", type=Path)
    res.add_argument("--recovery-code", action="store_true",
                     help="prove it with the recovery code ($PLACEMENT_DESK_RECOVERY_CODE or a prompt) "
                          "instead of an administrator's password")


def cmd_backup(db: Any, args: argparse.Namespace) -> int:
    from placement_desk.domain.roles import Permission
    from placement_desk.services import access, backup

    try:
        folder = args.output or backup.default_folder(db)
        if args.list:
            access.require_unscoped(db, Permission.ADMIN, "list backups")
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


def cmd_restore(args: argparse.Namespace) -> int:
    """Restore without signing in to the database it replaces (which may be gone or damaged): the
    backup's key file is unlocked with an administrator's password or the recovery code."""
    from placement_desk.cli import auth as cli_auth
    from placement_desk.db.engine import resolve_url, sqlite_path
    from placement_desk.db.private import secure_data_files
    from placement_desk.services import backup, restoring

    path = sqlite_path(resolve_url(args.db))
    if path is None:
        raise _cli_error(backup.PG_ADVICE)
    secure_data_files(path)
    source = args.file.expanduser()
    if not source.is_file():
        raise ValidationError(str(args.file), "is not a file")
    try:
        if args.recovery_code:
            proof = restoring.Proof(recovery_code=cli_auth.recovery_code())
        else:
            name = cli_auth.username(args.user, restoring.known_users(source, path))
            proof = restoring.Proof(username=name, password=cli_auth.password())
        result = restoring.restore_file(path, source, proof)
    except (cli_auth.SignInRefused, restoring.RestoreRefused) as exc:
        raise _cli_error(f"cannot restore: {exc}") from None
    except backup.BackupError as exc:
        raise ValidationError(str(args.file), str(exc)) from None  # a bad backup is bad input: exit 2
    print(f"restored {path} from {args.file} ({result.restored.rows} rows)")
    if result.safety_copy is not None:
        print(f"the database as it was before is kept in {result.safety_copy}")
    return 0


COMMANDS = {"backup": cmd_backup}
OFFLINE_COMMANDS = {"restore": cmd_restore}  # run without opening the database first
