"""The frozen executable's entry point: the same `main` as the `placement-desk` console script.

With PLACEMENT_DESK_SMOKE=1 the desktop app starts, checks itself once the window is up and quits
(see packaging/smoke.py); `make dist-check` uses this to start the bundle's GUI headless.
"""

from __future__ import annotations

import os
import sys


def main() -> int:
    if os.environ.get("PLACEMENT_DESK_SMOKE") == "1":
        import smoke  # packaging/smoke.py, frozen in beside this script

        smoke.arm()
    from placement_desk.cli.main import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
