"""What every screen shares: the database, the user, the undo stack and a change signal.

Edits are undo commands (ui/commands/, one class per kind of edit) pushed with :meth:`UiContext.push`:
the command's first ``apply`` runs at once (so a validation error reaches the form that caused it), then
it goes on the undo stack, where undo and redo call use cases with the version each step left.
Screens refresh from :attr:`UiContext.changes`, the typed Changes of every committed write (Anki's
habit: views refresh from a change notice instead of poking each other; ui/kit/refresh.py).
:attr:`UiContext.changed` is no write: a request to read again (after a conflict, Refresh).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Protocol, cast

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from placement_desk.db.engine import Database
from placement_desk.domain.errors import AccessDenied, ConflictError, DatabaseDamaged, NotFoundError, ValidationError
from placement_desk.domain.roles import Permission
from placement_desk.services import changes as change_feed
from placement_desk.services.changes import Changes
from placement_desk.ui.kit.messages import danish_error

EXPECTED = (ValidationError, ConflictError, NotFoundError, AccessDenied, DatabaseDamaged)
ALL = "*"


class Refused(ValidationError):
    """AccessDenied as the forms see it: a general (field-less) error with the Danish refusal, so every
    form that shows a ValidationError also shows a refusal instead of failing."""

    def __init__(self, exc: AccessDenied) -> None:
        super().__init__("", danish_error(exc))
        self.denied = exc


class Pushable(Protocol):
    """What :meth:`UiContext.push` needs of an undo command (ui/commands/base.py ``Command``; the commands
    import this module, never the other way round)."""

    can_force: bool
    scope: str
    done_once: bool

    def apply(self, force: bool = False) -> None: ...

    def text(self) -> str: ...


class UiContext(QObject):
    changed = Signal(str)  # read again, nothing was written (a conflict, Refresh): a citizen ref, or "*"
    changes = Signal(object)  # services.changes.Changes: what every committed write changed, from anywhere
    saved = Signal(str, str)  # an edit was saved: its undo text, and what else the user should know
    open_citizen = Signal(str, str)  # citizen ref, tab key

    def __init__(self, db: Database, actor: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.undo_stack = QUndoStack(self)
        self.versions: dict[str, int] = {}  # record -> the version this window's last step left it at
        self.dialog_parent: QWidget | None = None
        self._thread = threading.get_ident()
        self._unsubscribe = change_feed.subscribe(db, self._heard)
        self.destroyed.connect(lambda *_: self._unsubscribe())

    def _heard(self, committed: Changes) -> None:
        if threading.get_ident() != self._thread:
            return  # a background job's write: no screen reads while it writes; it says when it is done (changed)
        self.changes.emit(committed)

    def push(self, undo_command: QUndoCommand, note: str = "") -> None:
        """Carry out the command's edit now (a validation error or a refusal reaches the caller's form; a
        conflict asks reload-or-keep-mine: :meth:`keep_mine`), then put it on the undo stack."""
        command = cast(Pushable, undo_command)
        try:
            try:
                command.apply()
            except ConflictError:
                if not command.can_force or not self.keep_mine():
                    self.changed.emit(command.scope)
                    raise
                command.apply(force=True)
        except AccessDenied as exc:
            raise Refused(exc) from exc
        command.done_once = True
        self.undo_stack.push(undo_command)  # the screens heard the write's Changes already
        self.saved.emit(command.text(), note)

    def overwrite_newer(self) -> bool:
        """Undo or redo met someone else's newer save: True = overwrite it, False = keep theirs."""
        box = QMessageBox(self.dialog_parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Changed by someone else"))
        box.setText(self.tr("Someone else saved this record after your change. Undoing or redoing your change "
                            "now would overwrite theirs."))  # fmt: skip
        keep = box.addButton(self.tr("Keep theirs"), QMessageBox.ButtonRole.RejectRole)
        overwrite = box.addButton(self.tr("Overwrite theirs"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is overwrite

    def can(self, permission: Permission) -> bool:
        """True when the signed-in user's role allows ``permission`` (always without a signed-in user)."""
        who = self.db.principal
        return who is None or who.can(permission)

    def keep_mine(self) -> bool:
        """Ask what to do about a conflicting change: True = keep mine, False = reload theirs."""
        box = QMessageBox(self.dialog_parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Changed by someone else"))
        box.setText(self.tr("Someone else saved a newer version of this record while you were editing it."))
        box.setInformativeText(
            self.tr("Reload shows their version (your changes are dropped). Keep mine saves your version over theirs.")
        )
        reload_button = box.addButton(self.tr("Reload"), QMessageBox.ButtonRole.RejectRole)
        keep = box.addButton(self.tr("Keep mine"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(reload_button)
        box.exec()
        return box.clickedButton() is keep

    def guarded(self, action: Callable[[], Any]) -> bool:
        """Run an action; expected errors are shown to the user in plain Danish. True if it worked."""
        try:
            action()
        except AccessDenied as exc:
            QMessageBox.warning(self.dialog_parent, self.tr("Not allowed"), danish_error(exc))
            return False
        except EXPECTED as exc:
            QMessageBox.warning(self.dialog_parent, self.tr("Could not save"), danish_error(exc))
            return False
        return True
