"""Moving the archive: ``python -m bench.move_child export|import DB CASE_FILE`` runs the command line's
export (the whole archive) or import in this fresh process, signed in from the environment; prints
``done <s> <peak MB>``. ``DB`` is a file (a new one for an import: the administrator from the environment is
created first) or a database URL (a team database on PostgreSQL, set up with that administrator)."""

from __future__ import annotations

import sys
import time


def main(argv: list[str]) -> int:
    command, db_file, case_file = argv
    from bench.memory import peak_mb
    from placement_desk.cli.main import main as cli

    args = ["export", "-o", case_file] if command == "export" else ["import", case_file]
    started = time.perf_counter()
    code = cli(["--db", db_file if "://" in db_file else f"sqlite:///{db_file}", *args])
    print(f"done {time.perf_counter() - started:.3f} {peak_mb():.1f}", flush=True)
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
