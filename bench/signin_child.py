"""Start to the sign-in window: what ``python -m placement_desk`` does before the user can type.

Run by the benchmark as ``python -m bench.signin_child DB_FILE``: the app's own start on that file (the
command line's entry, the Qt application with its translators, the database's place and kind found,
the sign-in window shown), unchanged - ``ui.shell.launch`` prints ``painted <MB>`` at the sign-in
window's first paint and quits (``PLACEMENT_DESK_QUIT_AFTER_PAINT=signin``). The child's environment
must not sign in by itself (no ``PLACEMENT_DESK_USER``/``PLACEMENT_DESK_PASSWORD``).
"""

from __future__ import annotations

import os
import runpy
import sys


def main(argv: list[str]) -> None:
    os.environ["PLACEMENT_DESK_QUIT_AFTER_PAINT"] = "signin"
    sys.argv = ["placement_desk", "--db", argv[0]]
    runpy.run_module("placement_desk", run_name="__main__", alter_sys=True)  # as python -m placement_desk


if __name__ == "__main__":
    main(sys.argv[1:])
