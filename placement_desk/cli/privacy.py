"""The data-subject commands of the command line (GDPR): access, erasure and the retention list.

    placement-desk [--db URL] subject-export REF -o FILE.zip                  # everything about a citizen
    placement-desk [--db URL] erase REF --reason TEXT --confirm REF           # delete a citizen for good
    placement-desk [--db URL] retention [--years N] [--on YYYY-MM-DD]         # closed paths older than N years

``erase`` refuses (exit 2, nothing changed) unless ``--confirm`` repeats the ref.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from placement_desk.domain.errors import ValidationError


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--on: not a date (YYYY-MM-DD): {text!r}") from None


def add_parsers(sub: Any) -> None:
    exp = sub.add_parser("subject-export", help="everything about one citizen as one ZIP (right of access)")
    exp.add_argument("ref")
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    era = sub.add_parser("erase", help="delete a citizen and everything of theirs for good (right to erasure)")
    era.add_argument("ref")
    era.add_argument("--reason", required=True, metavar="TEXT",
                     help="why (kept in the audit log: no name or CPR number)")
    era.add_argument("--confirm", required=True, metavar="REF", help="the citizen's ref once more")
    ret = sub.add_parser("retention", help="citizens whose path closed more than N years ago (oldest first)")
    ret.add_argument("--years", type=int, default=5, metavar="N", help="years since the last activity (default 5)")
    ret.add_argument("--on", type=_day, metavar="D", help="count from this date (default today)")


def write_bytes(path: Path, content: bytes) -> None:
    """Write a whole file or nothing, readable only by the user (db.private: no partial file is left)."""
    from placement_desk.db.private import write_private

    write_private(path, content)


def cmd_subject_export(db: Any, args: argparse.Namespace) -> int:
    from placement_desk.services.privacy import subject_export

    content = subject_export(db, args.ref)
    try:
        write_bytes(args.output, content)
    except OSError as exc:
        raise ValidationError(str(args.output), f"cannot write the file ({exc.strerror})") from None
    print(f"everything about {args.ref} exported to {args.output} ({len(content)} bytes)")
    return 0


def cmd_erase(db: Any, args: argparse.Namespace) -> int:
    from placement_desk.services.privacy import erase_citizen

    if args.confirm != args.ref:
        raise ValidationError("--confirm", f"must repeat the citizen's ref ({args.ref}) to erase them")
    report = erase_citizen(db, args.ref, args.reason)
    print(f"citizen {report.ref} erased: {report.describe()}")
    if not report.wal_cleared:
        print("note: another program was reading the database; its write-ahead log is cleared at the next checkpoint")
    return 0


def cmd_retention(db: Any, args: argparse.Namespace) -> int:
    from placement_desk.services.privacy import retention_candidates

    rows = retention_candidates(db, args.years, args.on)
    if not rows:
        print(f"no citizen has a closed path with no activity for {args.years} years")
        return 0
    table = [("REF", "NAME", "LAST ACTIVITY", "ARCHIVED")]
    table += [(r.ref, r.name, r.last_activity.strftime("%d-%m-%Y"), "yes" if r.archived else "") for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(4)]
    for row in table:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    return 0


COMMANDS = {"subject-export": cmd_subject_export, "erase": cmd_erase, "retention": cmd_retention}
