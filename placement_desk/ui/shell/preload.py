"""What signing in and the main window need, imported while the sign-in window waits for the password.

The sign-in window is painted before SQLAlchemy, the ORM, the services and the main window's modules are
imported (db.place finds the database's kind without them). Once it is on screen, :func:`start` imports
them: the libraries and services (no Qt in them: the layers keep it so) in a thread, then the windows'
modules on the GUI thread one per turn of the event loop, so typing goes on meanwhile. After the password
only the unlock, opening the database, building the window and its first paint are left.

The GUI thread imports nothing heavy while the thread runs (two threads importing the same modules could
meet half-initialised ones): whoever needs these modules calls :func:`finish` first, which waits for the
thread and imports what is left. Without :func:`start` (tests, a scripted sign-in) :func:`finish` simply
imports everything there and then.
"""

from __future__ import annotations

import importlib
import logging
import sys
from types import ModuleType

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread, QTimer
from PySide6.QtWidgets import QApplication, QTableView

MESSAGES = "placement_desk.ui.kit.messages"
# Plain Python (no Qt): safe in a thread. The slowest first: SQLAlchemy's ORM and the models.
IN_THREAD = (
    "sqlalchemy",
    "sqlalchemy.orm",
    "placement_desk.db.models",
    "placement_desk.services.signin",
    "placement_desk.db.opening",
    "argon2.low_level",
    "cryptography.hazmat.primitives.keywrap",  # the key file's wrapped key (db.keystore)
    "sqlcipher3.dbapi2",  # the encrypted embedded database (db.engine)
    "placement_desk.services.backup",
    "placement_desk.services.dashboard",
    "placement_desk.domain.attendance_sheet",
    "placement_desk.services.attendance_sheet",  # openpyxl (0.2 s): the Fremmøde page's sheets and edits
)
# The windows' modules (Qt classes): on the GUI thread, one per step.
ON_GUI_THREAD = (
    MESSAGES,
    "placement_desk.ui.kit.forms",
    "placement_desk.ui.shell.idle_lock",
    "placement_desk.ui.shell.startup",
    "placement_desk.ui.shell.work",
    "placement_desk.ui.shell.main_window",
    "placement_desk.ui.kit.save_note",
    "placement_desk.ui.pages.dashboard",
)


class _Importer(QThread):
    def run(self) -> None:
        for name in IN_THREAD:
            try:
                importlib.import_module(name)
            except Exception:  # the GUI thread imports it again when it needs it, and sees the error then
                logging.exception("could not import %s ahead of the sign-in", name)
                return


class _State:
    def __init__(self) -> None:
        self.language: str | None = None  # the UI's language for error texts (ui.kit.messages), once loaded
        self.language_set = False
        self.thread: _Importer | None = None
        self.done: set[str] = set()  # ON_GUI_THREAD modules imported
        self.finished = False


_state = _State()


def set_language(language: str) -> None:
    """The UI's language for ui.kit.messages' error texts, set as soon as that module is imported."""
    _state.language, _state.language_set = language, False
    if MESSAGES in sys.modules:
        _apply_language()


def start() -> None:
    """Begin importing (after the sign-in window's first paint)."""
    if _state.thread is not None or _state.finished:
        return
    thread = _state.thread = _Importer()
    thread.finished.connect(lambda: QTimer.singleShot(0, _next_step))
    thread.start()


def running() -> bool:
    """Started and not finished: the GUI thread imports through :func:`load` or :func:`finish` now."""
    return _state.thread is not None and not _state.finished


def done() -> bool:
    """Everything imported (after :func:`start`'s steps or :func:`finish`)."""
    return _state.finished


def _next_step() -> None:
    """One of the windows' modules; the next one in the following turn of the event loop."""
    if _state.finished:
        return
    todo = [name for name in ON_GUI_THREAD if name not in _state.done]
    if not todo:
        meet_qt_types()
        _state.finished = True
        return
    _import_on_gui_thread(todo[0])
    QTimer.singleShot(0, _next_step)


def _import_on_gui_thread(name: str) -> None:
    _state.done.add(name)
    try:
        importlib.import_module(name)
    except Exception:
        logging.exception("could not import %s ahead of the main window", name)
        return
    if name == MESSAGES:
        _apply_language()


def _apply_language() -> None:
    if _state.language is not None and not _state.language_set:
        _state.language_set = True
        from placement_desk.ui.kit.messages import set_language as set_messages_language

        set_messages_language(_state.language)


def load(name: str) -> ModuleType:
    """A module the GUI thread needs now (a sign-in, an error to show): while the import thread runs,
    :func:`finish` first."""
    if running():
        finish()
    module = importlib.import_module(name)
    if MESSAGES in sys.modules:
        _apply_language()
    return module


def wait() -> None:
    """The import thread finished (before the app quits: a running thread must not be torn down)."""
    if _state.thread is not None:
        _state.thread.wait()


def finish() -> None:
    """Everything imported now: waits for the thread, then imports the rest on this (the GUI) thread."""
    if _state.finished:
        return
    thread = _state.thread
    if thread is not None:
        thread.wait()
    for name in IN_THREAD:
        importlib.import_module(name)
    for name in ON_GUI_THREAD:
        if name not in _state.done:
            _import_on_gui_thread(name)
    _apply_language()
    meet_qt_types()
    _state.finished = True


class _Watch(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return False


def meet_qt_types() -> None:
    """PySide6 makes its enum classes when they are first needed, and the first time an application-wide
    Python event filter (the main window's idle lock) sees the events of a table view's parts it makes some
    130 of them at once: about 60 ms, which the dashboard's table paid before the main window's first
    paint. A throw-away table view under a throw-away filter pays it here, behind the sign-in window."""
    app = QCoreApplication.instance()
    if app is None or not isinstance(app, QApplication):
        return
    watch = _Watch()
    app.installEventFilter(watch)
    try:
        view = QTableView()
        del view
    finally:
        app.removeEventFilter(watch)
