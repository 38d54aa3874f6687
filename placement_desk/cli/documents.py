"""The document commands of the command line: dossier, absence overview, issued versions and the
workplace mentor's attendance sheet. ``placement_desk.cli.main`` wires them in.

Every output file is written whole or not at all (temporary files renamed into place), and only
after everything was rendered; bad input exits 2 with nothing written.
"""

from __future__ import annotations

import argparse
import getpass
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from placement_desk.domain.errors import ValidationError

DateArg = Callable[[str], Callable[[str], Any]]


def add_output_options(p: argparse.ArgumentParser, date_arg: DateArg, with_formats: bool = True) -> None:
    """Options shared by ``dossier`` and ``absence`` (``dossier`` already has its formats and period)."""
    if with_formats:
        p.add_argument("--pdf", type=Path, metavar="F")
        p.add_argument("--xlsx", type=Path, metavar="F")
        p.add_argument("--json", type=Path, metavar="F")
        p.add_argument("--from", dest="period_from", type=date_arg("--from"), metavar="D")
        p.add_argument("--to", dest="period_to", type=date_arg("--to"), metavar="D")
    p.add_argument("--issue-to", metavar="RECIPIENT", help="issue the document: keep the exact files, who, when, to whom")
    p.add_argument("--consultant", metavar="NAME", help="the consultant named in the document")
    pw = p.add_mutually_exclusive_group()
    pw.add_argument("--password", metavar="PW", help="encrypt the PDF (AES-256) and the workbook with this password")
    pw.add_argument("--password-env", metavar="VAR", help="read the password from this environment variable")


def add_dossier_options(p: argparse.ArgumentParser, date_arg: DateArg) -> None:
    p.add_argument("--assessment", metavar="TEXT", help="the consultant's assessment (konsulentens vurdering)")
    p.add_argument("--recommendation", metavar="TEXT", help="the consultant's recommendation (anbefaling)")
    p.add_argument("--template", metavar="KEY", help="the headings of the description (default preparatory_part; "
                   "see: placement-desk templates)")  # fmt: skip
    p.add_argument("--allow-incomplete", metavar="REASON",
                   help="issue although the dossier is incomplete, for this reason (kept with the issued version)")  # fmt: skip
    add_output_options(p, date_arg, with_formats=False)


def add_parsers(sub: Any, date_arg: DateArg) -> None:
    absence = sub.add_parser("absence", help="the absence overview of a citizen (by reason and by date)")
    absence.add_argument("ref")
    add_output_options(absence, date_arg)
    issued = sub.add_parser("issued", help="issued dossiers: list, re-open, verify a file")
    iss = issued.add_subparsers(dest="issued_command", required=True)
    iss.add_parser("list", help="the issued versions of a citizen").add_argument("ref")
    get = iss.add_parser("get", help="write an issued file exactly as it was sent")
    get.add_argument("id", type=int)
    get.add_argument("--format", choices=("pdf", "xlsx", "json"), default="pdf")
    get.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    iss.add_parser("verify", help="which issued version a file is (by SHA-256)").add_argument("file", type=Path)
    templates = sub.add_parser("templates", help="the description templates (shipped and the municipality's own)")
    templates.add_argument("--check", type=Path, metavar="FILE", help="check one template file; exit 2 naming the line")
    sheet = sub.add_parser("attendance-sheet", help="the workplace mentor's attendance sheet (.xlsx)")
    sh = sheet.add_subparsers(dest="sheet_command", required=True)
    make = sh.add_parser("make", help="make the sheet of a company for a month")
    make.add_argument("--company", required=True, metavar="REF")
    make.add_argument("--month", required=True, metavar="YYYY-MM")
    make.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    read = sh.add_parser("read", help="read a filled-in sheet back (all or nothing)")
    read.add_argument("file", type=Path)
    read.add_argument("--overwrite-conflicts", action="store_true", help="take the sheet's values for days logged differently")
    read.add_argument("--dry-run", action="store_true", help="check and show what would change; write nothing")


# ---- writing files ------------------------------------------------------------------------------


def write_files(outputs: list[tuple[Path, bytes]]) -> None:
    """Write every file whole or none: all temporary files first, then rename them into place."""
    import secrets

    temps: list[tuple[Path, Path]] = []
    try:
        for path, content in outputs:
            target = path.expanduser()
            tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
            temps.append((tmp, target))
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
            with os.fdopen(fd, "wb") as f:  # the user's alone (db.private), removed below on any failure
                f.write(content)
                f.flush()
                os.fsync(f.fileno())
        for tmp, target in temps:
            tmp.replace(target)
    finally:
        for tmp, _ in temps:
            tmp.unlink(missing_ok=True)


def read_file(path: Path) -> bytes:
    try:
        return path.expanduser().read_bytes()
    except OSError as exc:
        raise ValidationError(str(path), f"cannot read the file ({exc.strerror})") from None


def _password(args: argparse.Namespace) -> str | None:
    if args.password_env:
        value = os.environ.get(args.password_env)
        if not value:
            raise ValidationError("--password-env", f"the environment variable {args.password_env} is not set")
        return value
    return str(args.password) if args.password else None


def _document(db: Any, args: argparse.Namespace, kind: str) -> int:
    from placement_desk.services.documents import issue_document, render_document

    targets = {fmt: getattr(args, fmt) for fmt in ("pdf", "xlsx", "json") if getattr(args, fmt)}
    if not targets:
        raise ValidationError(kind, "name at least one output: --json F, --pdf F or --xlsx F")
    options: dict[str, Any] = {
        "kind": kind,
        "formats": list(targets),
        "period_from": args.period_from,
        "period_to": args.period_to,
        "assessment": getattr(args, "assessment", None),
        "recommendation": getattr(args, "recommendation", None),
        "consultant": args.consultant,
        "password": _password(args),
    }
    if kind == "dossier":
        options["template"] = args.template
    if args.issue_to:
        extra = {"allow_incomplete": args.allow_incomplete} if kind == "dossier" else {}
        doc = _issue(lambda: issue_document(db, args.ref, recipient=args.issue_to, actor=getpass.getuser(),
                                            **options, **extra))  # fmt: skip
    else:
        if getattr(args, "allow_incomplete", None):
            raise ValidationError("--allow-incomplete", "only together with --issue-to")
        doc = render_document(db, args.ref, **options)
    write_files([(targets[fmt], f.content) for fmt, f in doc.files.items()])
    what = "dossier" if kind == "dossier" else "absence overview"
    for fmt, f in doc.files.items():
        print(f"{what} for {args.ref} ({fmt}{', password protected' if f.protected else ''}) written to {targets[fmt]}")
    if doc.issued_id is not None:
        print(f"issued as version {doc.issued_id} to {args.issue_to}")
        for f in doc.files.values():
            print(f"  {f.format}: sha256 {f.sha256}")
    return 0


def _issue(issue: Callable[[], Any]) -> Any:
    """Issue; an incomplete dossier is refused (exit 2) with what is missing, one line each."""
    import sys

    from placement_desk.services.documents import IncompleteDossier

    try:
        return issue()
    except IncompleteDossier as exc:
        print("the dossier is not complete:", file=sys.stderr)
        for item in exc.missing:
            print(f"  - {item.message}", file=sys.stderr)
        print("complete it, or issue it anyway with --allow-incomplete REASON", file=sys.stderr)
        raise


def cmd_dossier(db: Any, args: argparse.Namespace) -> int:
    return _document(db, args, "dossier")


def cmd_templates(db: Any, args: argparse.Namespace) -> int:
    """List the description templates (and any file that cannot be used); ``--check FILE`` checks one."""
    import sys

    from placement_desk.services import templates

    if args.check is not None:
        t = templates.read_template_file(args.check)  # TemplateError (a ValidationError): exit 2 naming the line
        print(f"{args.check}: template {t.key} version {t.version}, {len(t.headings)} headings: {t.title}")
        return 0
    found = templates.catalogue()
    for t in found.ordered():
        print(f"{t.key}\tversion {t.version}\t{len(t.headings)} headings\t{t.title}\t{t.source}")
    for problem in found.problems:
        print(f"error: {problem}", file=sys.stderr)
    print(f"(the municipality's own templates go in {templates.user_folder()})")
    return 2 if found.problems else 0


def cmd_absence(db: Any, args: argparse.Namespace) -> int:
    return _document(db, args, "absence")


def cmd_issued(db: Any, args: argparse.Namespace) -> int:
    from placement_desk.services import documents

    if args.issued_command == "list":
        for i in documents.issued_documents(db, args.ref):
            files = ", ".join(f"{f.format}{' (password)' if f.protected else ''}" for f in i.files)
            template = f"template {i.template_key} v{i.template_version}" if i.template_key else "no template"
            print(f"{i.id}\t{i.issued_at:%Y-%m-%d %H:%M} UTC\t{i.kind}\t{i.period_from}..{i.period_to}\t"
                  f"to {i.recipient}\tby {i.issued_by or '-'}\t{files}\t{template}")  # fmt: skip
            if i.incomplete_reason:
                print(f"\tissued incomplete: {i.incomplete_reason}")
    elif args.issued_command == "get":
        f = documents.issued_file(db, args.id, args.format)
        write_files([(args.output, f.content)])
        print(f"issued version {args.id} ({f.format}, sha256 {f.sha256}) written to {args.output}")
    else:
        found = documents.find_issued(db, read_file(args.file))
        if not found:
            print(f"{args.file} is not a file Placement Desk issued")
            return 1
        for i in found:
            print(f"{args.file} is issued version {i.id}: {i.kind} for {i.citizen_ref}, {i.period_from}..{i.period_to}, "
                  f"sent to {i.recipient} on {i.issued_at:%Y-%m-%d %H:%M} UTC by {i.issued_by or '-'}")  # fmt: skip
    return 0


def cmd_attendance_sheet(db: Any, args: argparse.Namespace) -> int:
    from placement_desk.services import attendance_sheet as sheets

    if args.sheet_command == "make":
        f = sheets.make_attendance_sheet(db, args.company, args.month)
        write_files([(args.output, f.content)])
        print(f"attendance sheet for {args.company}, {args.month} written to {args.output}")
        return 0
    content = sheets.read_sheet_file(args.file)
    if args.dry_run:
        review = sheets.review_attendance_sheet(db, content)
        print(f"{len(review.new)} new days, {review.unchanged} unchanged, {len(review.conflicts)} conflicts (nothing written)")
        conflicts = review.conflicts
    else:
        result = sheets.apply_attendance_sheet(db, content, overwrite=args.overwrite_conflicts)
        review = result.review
        print(f"{args.file}: {len(result.written)} new days stored, {len(result.overwritten)} overwritten, "
              f"{result.review.unchanged} unchanged, {len(result.kept)} conflicts kept as registered")  # fmt: skip
        conflicts = result.kept + result.overwritten
    if review.rounded:
        print(f"  hours on {review.rounded} rows were rounded to the whole minute")
    for c in conflicts:
        before, after = c.before, c.after
        assert before is not None
        print(f"  conflict row {c.row}: {c.placement} {c.citizen} {c.day}: registered {_record(before)}, "
              f"sheet says {_record(after)}")  # fmt: skip
    if not args.dry_run and conflicts and not args.overwrite_conflicts:
        print("run again with --overwrite-conflicts to take the sheet's values")
    return 0


def _record(a: Any) -> str:
    text = f"{a.status} {a.minutes / 60:g} h"
    return text + (f" ({a.reason})" if a.reason else "")


COMMANDS: dict[str, Callable[[Any, argparse.Namespace], int]] = {
    "absence": cmd_absence,
    "issued": cmd_issued,
    "templates": cmd_templates,
    "attendance-sheet": cmd_attendance_sheet,
}
