"""Pages and memory: the app on the big database, used the way a consultant would, in a fresh process.

Run by the benchmark as ``python -m bench.app_child DB_FILE CITIZEN_REF`` (signed in, encrypted). First
what the app does while its sign-in window waits for the password (ui.shell.preload: SQLAlchemy, the
services and the main window's modules imported), untimed; then prints ``password <s>`` (from the
password to the main window's first paint: the key unlocked with Argon2, the database opened through the
app's own opener, the window built and painted - usable; the dashboard's tasks are read just after), with
its parts ``password sign-in <s>`` (of which ``password argon2 <s>``: the key unlocked) and ``password
window <s>``, and ``password filled <s>`` (from the password until the dashboard's tasks are read and
shown); ``page <key> <s>`` for the first
visit of every page of the navigation (shown, read and painted: usable), ``citizen <s>`` (the heaviest
citizen, every tab shown once), ``dashboard <s>`` (back to the dashboard, refreshed), then ``peak <MB>``
(this process's own peak resident memory).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any


class FirstPaint:
    """The moment the watched window is first painted (``at``, perf_counter seconds)."""

    def __init__(self, window: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        self.at: float | None = None
        outer = self

        class Watch(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint and outer.at is None:
                    outer.at = time.perf_counter()
                return False

        self._watch = Watch(window)
        window.installEventFilter(self._watch)


def main(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    from bench.memory import peak_mb
    from bench.secure import PASSWORD, USER, sign_in_key
    from placement_desk.db.place import APP_NAME, target
    from placement_desk.ui.shell import preload
    from placement_desk.ui.shell.first_paint import settle
    from placement_desk.ui.shell.launch import checking_opener

    path, ref = argv
    app = QApplication(sys.argv[:1])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    preload.finish()  # what the sign-in window has done while the user typed
    from placement_desk.services import signin
    from placement_desk.ui.shell.main_window import MainWindow

    started = time.perf_counter()
    sign_in_key(Path(path))  # Argon2 alone, for the breakdown (a second unlock: not in the figure)
    argon2 = time.perf_counter() - started

    def timed(label: str, action: object) -> None:
        started = time.perf_counter()
        action()  # type: ignore[operator]
        app.processEvents()
        print(f"{label} {time.perf_counter() - started:.4f}", flush=True)

    started = time.perf_counter()
    db = signin.sign_in(target(f"sqlite:///{path}"), USER, PASSWORD, opener=checking_opener()).db
    signed_in = time.perf_counter()
    window = MainWindow(db, actor=USER)
    painted = FirstPaint(window)
    window.show()
    while painted.at is None:  # the window on screen: usable (the dashboard reads its tasks just after)
        app.processEvents()
    print(f"password {painted.at - started:.4f}", flush=True)
    print(f"password sign-in {signed_in - started:.4f}", flush=True)
    print(f"password argon2 {argon2:.4f}", flush=True)
    print(f"password window {painted.at - signed_in:.4f}", flush=True)
    while not window.dashboard.loaded:
        app.processEvents()
    app.processEvents()  # the rows painted
    print(f"password filled {time.perf_counter() - started:.4f}", flush=True)
    settle()  # as the app does once the first page is filled (ui.shell.launch)
    visit_everything(app, window, ref, timed)
    print(f"peak {peak_mb():.1f}", flush=True)
    window.close()
    window.db.dispose()
    return 0


def visit_everything(app: Any, window: Any, ref: str, timed: Any) -> None:
    """Every page of the navigation, the heaviest citizen's every tab, then back to the dashboard."""
    from placement_desk.ui.shell.main_window import NAV_KEYS

    for key in NAV_KEYS:
        if key != "dashboard":
            timed(f"page {key}", lambda key=key: window.show_page(key))

    def open_citizen() -> None:
        window.open_citizen(ref)
        app.processEvents()
        tabs = window.citizen_page.tabs
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            app.processEvents()

    timed("citizen", open_citizen)
    timed("dashboard", lambda: window.show_page(NAV_KEYS[0]))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
