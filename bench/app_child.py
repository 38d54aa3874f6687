"""The memory figure: the app on the big database, used the way a consultant would, then its peak RSS.

Run by the benchmark as ``python -m bench.app_child DB_FILE CITIZEN_REF`` (signed in, encrypted): the main window as the app
builds it, every page of the navigation visited, the heaviest citizen opened (every tab loaded,
each tab shown once), the dashboard refreshed; prints ``peak <MB>``.
"""

from __future__ import annotations

import resource
import sys


def main(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    from bench.secure import sign_in
    from placement_desk.db.engine import APP_NAME
    from placement_desk.ui.main_window import NAV_KEYS, MainWindow

    path, ref = argv
    app = QApplication(sys.argv[:1])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    from pathlib import Path

    db = sign_in(Path(path))
    window = MainWindow(db)
    window.show()
    app.processEvents()
    for key in NAV_KEYS:
        window.show_page(key)
        app.processEvents()
    window.open_citizen(ref)
    app.processEvents()
    tabs = window.citizen_page.tabs
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        app.processEvents()
    window.show_page(NAV_KEYS[0])
    app.processEvents()
    print(f"peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f}", flush=True)
    window.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
