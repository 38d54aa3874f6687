"""The results report on the command line (issue 18):

    placement-desk report --from D --to D [--programme P] [--consultant USER] [--named]
                          [--pdf F] [--xlsx F] [--json F]

Anonymised unless ``--named`` (refused, exit 1, for a role that may not see citizens). Bad input (no
output file, ``--to`` before ``--from``, an unknown consultant) exits 2 and writes nothing; the files are
written all or none.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from placement_desk.domain.errors import ValidationError


def add_parsers(sub: Any, date_arg: Callable[[str], Any]) -> None:
    rep = sub.add_parser("report", help="the results report of a period (anonymised unless --named)")
    rep.add_argument("--from", dest="period_from", type=date_arg("--from"), required=True, metavar="D")
    rep.add_argument("--to", dest="period_to", type=date_arg("--to"), required=True, metavar="D")
    rep.add_argument("--programme", metavar="P", help="only referrals to this programme (as written)")
    rep.add_argument("--consultant", metavar="USER", help="only this consultant's citizens (user name)")
    rep.add_argument("--named", action="store_true", help="with the citizens behind the numbers (names)")
    rep.add_argument("--pdf", type=Path, metavar="F")
    rep.add_argument("--xlsx", type=Path, metavar="F")
    rep.add_argument("--json", type=Path, metavar="F")


def cmd_report(db: Any, args: argparse.Namespace) -> int:
    from placement_desk.cli.documents import write_files
    from placement_desk.domain.results_shown import report_json
    from placement_desk.export.json_summary import dumps
    from placement_desk.services import access
    from placement_desk.services.results import results_report

    if args.pdf is None and args.xlsx is None and args.json is None:
        raise ValidationError("--pdf", "give at least one of --pdf, --xlsx and --json")
    if args.period_to < args.period_from:
        raise ValidationError("--to", f"{args.period_to.isoformat()} is before --from {args.period_from.isoformat()}")
    report = results_report(
        db, args.period_from, args.period_to, args.programme, args.consultant, named=args.named
    )
    who = access.principal(db)
    author = who.display_name if who is not None else None
    outputs: list[tuple[Path, bytes]] = []
    if args.json is not None:
        outputs.append((args.json, dumps(report_json(report, args.named)).encode("utf-8")))
    if args.pdf is not None:
        from placement_desk.export.results_pdf import results_pdf

        outputs.append((args.pdf, results_pdf(report, args.named, author)))
    if args.xlsx is not None:
        from placement_desk.export.results_xlsx import results_xlsx

        outputs.append((args.xlsx, results_xlsx(report, args.named, author)))
    try:
        write_files(outputs)
    except OSError as exc:
        raise ValidationError(str(exc.filename or "file"), f"cannot write the file ({exc.strerror})") from None
    kind = "named" if args.named else "anonymised"
    print(f"results report ({kind}) for {report.included} citizen(s) written: "
          + ", ".join(str(path) for path, _ in outputs))  # fmt: skip
    return 0


COMMANDS = {"report": cmd_report}
