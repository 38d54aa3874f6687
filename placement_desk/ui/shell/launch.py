"""Starts the Qt application: translator, error hook, database, main window.

Up to the painted sign-in window only PySide6 and light modules are imported (db.place finds the
database's kind); SQLAlchemy, the services and the main window's modules load behind the window while
the user types (ui.shell.preload)."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QObject,
    QSettings,
    QThread,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QDialog

from placement_desk.db.place import APP_NAME
from placement_desk.ui.shell import preload
from placement_desk.ui.shell.first_paint import AfterFirstPaint, settle

if TYPE_CHECKING:
    from placement_desk.db.engine import Database

# The benchmark's hook (bench/processes.py): print "painted" at the main window's first paint and quit
# (at the sign-in window's when it is "signin").
QUIT_AFTER_PAINT = "PLACEMENT_DESK_QUIT_AFTER_PAINT"
CHECK_DELAY_MS, BACKUP_DELAY_MS = 100, 15_000  # after the first paint
ENV_USER, ENV_PASSWORD = "PLACEMENT_DESK_USER", "PLACEMENT_DESK_PASSWORD"  # a scripted sign-in (as the CLI)


class QuitAfterFirstPaint(QObject):
    """Prints ``painted <peak RSS MB>`` when the watched window is first painted, then quits the app (a
    watched dialog is rejected: the sign-in window cancelled)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.property("done"):
            self.setProperty("done", True)
            try:
                import resource

                peak = f" {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f}"
            except ImportError:  # Windows
                peak = ""
            print(f"painted{peak}", flush=True)
            # the sign-in window runs its own event loop, not the application's: closing it quits the start
            QTimer.singleShot(0, watched.reject if isinstance(watched, QDialog) else QCoreApplication.quit)
        return False


def install_translator(app: QCoreApplication, translations: Path, language: str) -> QTranslator | None:
    """Danish by default; English is the source language and needs no translator. Qt's own texts
    (the Yes/No/Cancel buttons, file dialogs, a text field's menu) come from Qt's translations. The
    error texts (ui.kit.messages) are set to the language too."""
    from placement_desk.ui.kit.messages import set_language

    set_language(language)
    return install_ui_translator(app, translations, language)


def install_ui_translator(app: QCoreApplication, translations: Path, language: str) -> QTranslator | None:
    """The translators alone (the app's and Qt's), for the start: the error texts' module is loaded
    behind the sign-in window, and ui.shell.preload sets its language then."""
    preload.set_language(language)
    if language == "en":
        return None
    install_qt_translator(app, language)
    translator = QTranslator(app)
    if translator.load(str(translations / f"placement_desk_{language}.qm")):
        app.installTranslator(translator)
        return translator
    return None


def install_qt_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Qt's own translation (``qtbase_da.qm`` from the PySide6 wheel) for its standard buttons and dialogs."""
    translator = QTranslator(app)
    if translator.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
        return translator
    return None


def checking_opener() -> Callable[[str, bytes | None], Database]:
    """Opens the database for the sign-in. Before a migration (a new version's first start) the
    integrity check runs first, once, and a refused check stops the start (StartStopped); otherwise it
    runs in the background once the window is up (startup.start_background_check). What it needs is
    imported at the first opening (behind the sign-in window, see ui.shell.preload)."""
    checked: set[str] = set()

    def opener(url: str, key: bytes | None) -> Database:
        preload.load(preload.MESSAGES)  # after the import thread; the check's texts in the UI's language
        from placement_desk.db.opening import open_migrated as open_database
        from placement_desk.db.schema_head import at_head
        from placement_desk.ui.shell.login import StartStopped
        from placement_desk.ui.shell.startup import check_database

        def check_before_migrating(db: Database) -> bool:
            return db.url in checked or at_head(db.engine) or check_database(db)

        try:
            db = open_database(url, check_before_migrating, key)
        except SystemExit:
            raise StartStopped from None
        checked.add(url)
        return db

    return opener


def open_signed_in(db_url: str | None) -> Database | None:
    """The database opened for the user who signs in (or sets up the first administrator); None to quit.

    Like the command line, the app signs in without asking when both ``PLACEMENT_DESK_USER`` and
    ``PLACEMENT_DESK_PASSWORD`` are set (scripted starts such as the benchmark); a refused sign-in
    falls back to the sign-in window.
    """
    from placement_desk.db.place import resolve_url, target
    from placement_desk.ui.shell.login import StartStopped, sign_in_at_start

    t = target(resolve_url(db_url))
    if t.path is not None:
        from placement_desk.db.private import secure_data_files

        secure_data_files(t.path)  # what an earlier version left readable by others
    opener = checking_opener()
    user, password = os.environ.get(ENV_USER), os.environ.get(ENV_PASSWORD)
    if user and password is not None:
        from placement_desk.services import signin

        try:
            return signin.sign_in(t, user, password, opener).db
        except StartStopped:
            return None
        except signin.SignInFailed as exc:
            logging.warning("sign-in from the environment refused: %s", exc)
    opened = sign_in_at_start(t, opener, preload_behind)
    return None if opened is None else opened.db


def preload_behind(dialog: QDialog) -> None:
    """The rest of the app is imported once the sign-in window is on screen (ui.shell.preload)."""
    dialog.installEventFilter(AfterFirstPaint(dialog, preload.start))
    if os.environ.get(QUIT_AFTER_PAINT) == "signin":
        dialog.installEventFilter(QuitAfterFirstPaint(dialog))


def run(
    db_url: str | None,
    log_file: Path,
    translations: Path,
    open_db: Callable[[str | None], Database | None] = open_signed_in,
) -> int:
    from placement_desk.db.private import make_private, private_umask
    from placement_desk.domain.errors import AccessDenied

    private_umask()  # every file the app creates is the user's alone (db.private)
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    install_ui_translator(app, translations, str(QSettings().value("ui/language", "da")))
    logging.basicConfig(filename=log_file, level=logging.INFO)
    make_private(log_file)  # a log an earlier version created readable by others

    def excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        from PySide6.QtWidgets import QMessageBox

        if isinstance(value, AccessDenied):  # a button the role may not use: say so, it is no failure
            danish_error = preload.load(preload.MESSAGES).danish_error
            QMessageBox.warning(None, QCoreApplication.translate("launch", "Not allowed"), danish_error(value))
            return
        logging.error("unhandled error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
        QMessageBox.critical(
            None,
            QCoreApplication.translate("launch", "Unexpected error"),
            QCoreApplication.translate(
                "launch", "Something went wrong. Nothing you saved is lost.\nThe details are in %1"
            ).replace("%1", str(log_file)),
        )

    sys.excepthook = excepthook
    try:
        db = open_db(db_url)
    finally:
        preload.wait()  # an import thread still running is finished, not torn down by quitting
    if db is None:
        return 0
    preload.finish()
    from placement_desk.ui.shell.main_window import MainWindow

    who = db.principal
    window = MainWindow(db, actor=None if who is None else who.username)
    if os.environ.get(QUIT_AFTER_PAINT, "signin") != "signin":
        window.installEventFilter(QuitAfterFirstPaint(window))
    window.show_restored()
    from placement_desk.ui.shell.startup import start_background_check, start_daily_backup

    # Both read the whole file: they start once the window is on screen, not while it is being drawn
    # (the check at once after, the daily backup when the user has settled in).
    workers: list[QThread | None] = []

    def after_paint() -> None:
        QTimer.singleShot(0, settle)  # after the first page's rows are read (queued at its own first paint)
        QTimer.singleShot(
            CHECK_DELAY_MS,
            lambda: workers.append(
                start_background_check(db, window, lambda: window.ctx.changed.emit("*"), window.show_read_only)
            ),
        )
        QTimer.singleShot(BACKUP_DELAY_MS, lambda: workers.append(start_daily_backup(db, window)))

    window.installEventFilter(AfterFirstPaint(window, after_paint))
    try:
        return int(app.exec())
    finally:
        from shiboken6 import isValid

        for worker in workers:
            if worker is not None and isValid(worker) and worker.isRunning():
                worker.wait()  # a check or backup still running is finished, not torn down with the window
        if who is not None:
            _log_out(db)
        db.dispose()


def _log_out(db: Database) -> None:
    from placement_desk.services import audit

    try:
        audit.log(db, audit.LOGOUT)
    except Exception:
        logging.exception("could not log the sign-out")
