"""Moving the archive: ``python -m bench.move_child export|import DB_FILE CASE_FILE`` runs the command
line's export (the whole archive) or import (into a new file: the administrator from the environment is
created first, as on a new team database) in this fresh process; prints ``done <s> <peak MB>``."""

from __future__ import annotations

import sys
import time


def main(argv: list[str]) -> int:
    command, db_file, case_file = argv
    from bench.memory import peak_mb
    from placement_desk.cli.main import main as cli

    args = ["export", "-o", case_file] if command == "export" else ["import", case_file]
    started = time.perf_counter()
    code = cli(["--db", f"sqlite:///{db_file}", *args])
    print(f"done {time.perf_counter() - started:.3f} {peak_mb():.1f}", flush=True)
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
