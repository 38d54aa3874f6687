"""Starts the Qt application: translator, error hook, database, main window."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from placement_desk.db.engine import APP_NAME, Database

LANGUAGES = {"da": "Dansk", "en": "English"}
# The benchmark's hook (bench/processes.py): print "painted" at the main window's first paint and quit.
QUIT_AFTER_PAINT = "PLACEMENT_DESK_QUIT_AFTER_PAINT"


class QuitAfterFirstPaint(QObject):
    """Prints ``painted <peak RSS MB>`` when the watched window is first painted, then quits the app."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint and not self.property("done"):
            self.setProperty("done", True)
            try:
                import resource

                peak = f" {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f}"
            except ImportError:  # Windows
                peak = ""
            print(f"painted{peak}", flush=True)
            QTimer.singleShot(0, QCoreApplication.quit)
        return False


def install_translator(app: QCoreApplication, translations: Path, language: str) -> QTranslator | None:
    """Danish by default; English is the source language and needs no translator."""
    if language == "en":
        return None
    translator = QTranslator(app)
    if translator.load(str(translations / f"placement_desk_{language}.qm")):
        app.installTranslator(translator)
        return translator
    return None


def run(open_db: Callable[[], Database], log_file: Path, translations: Path) -> int:
    from placement_desk.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    install_translator(app, translations, str(QSettings().value("ui/language", "da")))
    logging.basicConfig(filename=log_file, level=logging.INFO)

    def excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        logging.error("unhandled error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
        QMessageBox.critical(
            None,
            QCoreApplication.translate("launch", "Unexpected error"),
            QCoreApplication.translate(
                "launch", "Something went wrong. Nothing you saved is lost.\nThe details are in %1"
            ).replace("%1", str(log_file)),
        )

    sys.excepthook = excepthook
    db = open_db()
    window = MainWindow(db)
    if os.environ.get(QUIT_AFTER_PAINT):
        window.installEventFilter(QuitAfterFirstPaint(window))
    window.show()
    from placement_desk.ui.startup import start_daily_backup

    start_daily_backup(db, window)
    try:
        return int(app.exec())
    finally:
        db.dispose()
