"""What every screen shares: the database, the user, the undo stack and a change signal.

Edits go through :meth:`UiContext.execute`: the service call runs first (so a validation error
reaches the form that caused it), then an undo command is pushed that can undo and redo it.
Screens refresh when :attr:`UiContext.changed` names the citizen they show (Anki's habit: views
refresh from a change notice instead of poking each other).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from placement_desk.db.engine import Database
from placement_desk.domain.errors import AccessDenied, ConflictError, DatabaseDamaged, NotFoundError, ValidationError
from placement_desk.domain.roles import Permission
from placement_desk.ui.kit.messages import danish_error

EXPECTED = (ValidationError, ConflictError, NotFoundError, AccessDenied, DatabaseDamaged)
ALL = "*"


class Refused(ValidationError):
    """AccessDenied as the forms see it: a general (field-less) error with the Danish refusal, so every
    form that shows a ValidationError also shows a refusal instead of failing."""

    def __init__(self, exc: AccessDenied) -> None:
        super().__init__("", danish_error(exc))
        self.denied = exc


class ServiceCommand(QUndoCommand):
    """An edit done by a service call, undone by another; both are separate transactions."""

    def __init__(
        self, ctx: UiContext, text: str, do: Callable[[], Any], undo: Callable[[Any], Any], scope: str, state: Any
    ) -> None:
        super().__init__(text)
        self._ctx, self._do, self._undo, self._scope, self._state = ctx, do, undo, scope, state
        self._done_once = True

    def redo(self) -> None:
        if self._done_once:  # the edit was already carried out by UiContext.execute
            self._done_once = False
            return
        if self._ctx.guarded(lambda: self._store(self._do())):
            self._ctx.changed.emit(self._scope)

    def undo(self) -> None:
        if self._ctx.guarded(lambda: self._undo(self._state)):
            self._ctx.changed.emit(self._scope)

    def _store(self, state: Any) -> None:
        self._state = state


class VersionedCommand(QUndoCommand):
    """An edit of one record's fields that carries the record's version both ways: redo applies
    ``after`` with the version undo produced, undo applies ``before`` with the version the edit
    produced. Several steps on one record (``record``, e.g. "citizen:DC") chain: each expects the version
    the previous step of this window left (:attr:`UiContext.versions`). When someone else saved the record
    in between, the user is asked (as any conflict): keep their change (this step leaves the undo
    history) or overwrite it knowingly."""

    def __init__(
        self,
        ctx: UiContext,
        text: str,
        apply: Callable[[dict[str, Any], int | None], int],
        before: dict[str, Any],
        after: dict[str, Any],
        record: str,
        scope: str,
    ) -> None:
        super().__init__(text)
        self._ctx, self._apply, self._before, self._after = ctx, apply, before, after
        self._record, self._scope = record, scope
        self._done_once = True

    def redo(self) -> None:
        if self._done_once:  # the edit was already carried out by UiContext.execute_versioned
            self._done_once = False
            return
        self._step(self._after)

    def undo(self) -> None:
        self._step(self._before)

    def _step(self, fields: dict[str, Any]) -> None:
        versions = self._ctx.versions

        def run() -> None:
            try:
                versions[self._record] = self._apply(fields, versions.get(self._record))
            except ConflictError:
                if not self._ctx.overwrite_newer():
                    self.setObsolete(True)  # their change stands; this step cannot be undone or redone
                    return
                versions[self._record] = self._apply(fields, None)

        if not self._ctx.guarded(run):
            self.setObsolete(True)
        self._ctx.changed.emit(self._scope)


class UiContext(QObject):
    changed = Signal(str)  # a citizen ref, or "*" for anything
    saved = Signal(str, str)  # an edit was saved: its undo text, and what else the user should know
    open_citizen = Signal(str, str)  # citizen ref, tab key

    def __init__(self, db: Database, actor: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.undo_stack = QUndoStack(self)
        self.versions: dict[str, int] = {}  # record -> the version this window's last step left it at
        self.dialog_parent: QWidget | None = None

    def execute(
        self,
        text: str,
        do: Callable[[], Any],
        undo: Callable[[Any], Any],
        scope: str = ALL,
        force: Callable[[], Any] | None = None,
        note: str | Callable[[Any], str] = "",
    ) -> Any:
        """Run ``do`` now (errors propagate to the caller's form), then make it undoable and say so
        (:attr:`saved`, with ``note``: more the user should know, or a function of the result giving it).

        If someone else saved the record meanwhile (ConflictError), the user chooses: reload (the
        error propagates and the screens reload) or keep mine (``force`` saves over it, knowingly).
        """
        try:
            try:
                state = do()
            except ConflictError:
                if force is None or not self.keep_mine():
                    self.changed.emit(scope)
                    raise
                do = force
                state = do()
        except AccessDenied as exc:
            raise Refused(exc) from exc
        self.undo_stack.push(ServiceCommand(self, text, do, undo, scope, state))
        self.changed.emit(scope)
        self.saved.emit(text, note(state) if callable(note) else note)
        return state

    def execute_versioned(
        self,
        text: str,
        apply: Callable[[dict[str, Any], int | None], int],
        before: dict[str, Any],
        after: dict[str, Any],
        version: int | None,
        record: str,
        scope: str = ALL,
        note: str = "",
    ) -> int:
        """Save ``after`` over ``record`` (e.g. "citizen:DC") that the user saw at ``version``
        (``apply(fields, expected_version)`` returns the new version), then make it undoable with
        :class:`VersionedCommand`. A conflict asks like :meth:`execute` (reload theirs, or keep mine)."""
        try:
            try:
                new = apply(after, version)
            except ConflictError:
                if not self.keep_mine():
                    self.changed.emit(scope)
                    raise
                new = apply(after, None)
        except AccessDenied as exc:
            raise Refused(exc) from exc
        self.versions[record] = new
        self.undo_stack.push(VersionedCommand(self, text, apply, before, after, record, scope))
        self.changed.emit(scope)
        self.saved.emit(text, note)
        return new

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
