"""The undo commands' common ground (Orange's habit: a QUndoCommand changes the model in ``redo`` and
``undo``; each is testable on a bare QUndoStack against a real database, no widgets).

:class:`Command` is the base of one class per kind of edit: ``apply`` carries the edit out (again),
``revert`` takes it back, each one use case in one transaction, each expecting the version the previous
step left (a colleague's newer save in between asks: :meth:`UiContext.overwrite_newer`).
:meth:`UiContext.push` runs the first ``apply`` so that its errors reach the form that caused it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from placement_desk.domain.errors import ConflictError
from placement_desk.ui.shell.context import UiContext


class Command(QUndoCommand):
    """One edit: ``apply`` (redo) and ``revert`` (undo), both raising the services' errors.

    ``scope`` is the citizen ref the edit is about (or "*"). ``can_force``: on a conflict at the first
    apply the user may keep theirs over a colleague's newer save (``apply(force=True)``). On undo and redo
    a conflict asks :meth:`UiContext.overwrite_newer`: keeping the colleague's change drops the step from
    the history; overwriting runs the step with ``force=True``.
    """

    can_force = False

    def __init__(self, ctx: UiContext, text: str, scope: str) -> None:
        super().__init__(text)
        self.ctx, self.scope = ctx, scope
        self.done_once = False

    def apply(self, force: bool = False) -> None:
        raise NotImplementedError

    def revert(self, force: bool = False) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self.done_once:  # the edit was already carried out by UiContext.push
            self.done_once = False
            return
        self._step(self.apply)

    def undo(self) -> None:
        self._step(self.revert)

    def _step(self, step: Callable[..., None]) -> None:
        def run() -> None:
            try:
                step()
            except ConflictError:
                if not self.ctx.overwrite_newer():
                    self.setObsolete(True)  # their change stands; this step cannot be undone or redone
                    return
                step(force=True)

        if not self.ctx.guarded(run):
            self.setObsolete(True)
        if self.isObsolete():  # nothing written (theirs stands, or it failed): read theirs (a write's
            self.ctx.changed.emit(self.scope)  # Changes reached the screens by themselves)
