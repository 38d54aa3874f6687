"""Start to the sign-in window: what ``python -m placement_desk`` does before the user can type.

Run by the benchmark as ``python -m bench.signin_child DB_FILE``: the command line's entry, the Qt
application with its translator (as ``ui.launch.run``), the database's place and kind found
(``signin.target``, ``needs_setup``), the sign-in window shown; prints ``painted <MB>`` at its first
paint and quits.
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    import placement_desk.cli.main  # noqa: F401 - the app's entry point is imported first, as in a real start
    from placement_desk.app import resource_path
    from placement_desk.db.engine import APP_NAME
    from placement_desk.ui.shell.launch import install_translator
    from placement_desk.ui.shell.login import LoginDialog, SetupDialog, signin

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.property("done"):
                self.setProperty("done", True)
                from bench.memory import peak_mb

                print(f"painted {peak_mb():.1f}", flush=True)
                QTimer.singleShot(0, QCoreApplication.quit)
            return False

    app = QApplication(sys.argv[:1])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    install_translator(app, resource_path("translations"), "da")
    t = signin.target(f"sqlite:///{argv[0]}")
    dialog = SetupDialog(t) if signin.needs_setup(t) else LoginDialog(t)
    hook = FirstPaint(dialog)
    dialog.installEventFilter(hook)
    dialog.show()
    return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
