"""The short note after every save: "Gemt: <what> — Fortryd", in the status bar, never in the way.

It listens to :attr:`UiContext.saved`; its link calls the undo stack (Ctrl+Z does the same). After an
undo it says so and offers to redo. A second part says what else happened, e.g. that an agreed hours
change became a step of the hours plan.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from placement_desk.ui.shell.context import UiContext

HIDE_AFTER_MS = 30_000


class SaveNote(QLabel):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("saveNote")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.setStyleSheet("#saveNote { color: #1b4d24; padding: 0 6px; }")
        self.linkActivated.connect(self._link)
        self._what, self._detail, self._index = "", "", -1
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(HIDE_AFTER_MS)
        self._timer.timeout.connect(self.hide)
        ctx.saved.connect(self.saved)
        ctx.undo_stack.indexChanged.connect(self._stack_moved)
        self.hide()

    def saved(self, what: str, detail: str = "") -> None:
        self._what, self._detail, self._index = what, detail, self.ctx.undo_stack.index()
        self._show(undone=False)

    def plain_text(self) -> str:
        """The note as the user reads it (without the markup)."""
        return self.property("plain") or ""

    def undo(self) -> None:
        self.ctx.undo_stack.undo()

    def _link(self, href: str) -> None:
        if href == "undo":
            self.ctx.undo_stack.undo()
        elif href == "redo":
            self.ctx.undo_stack.redo()

    def _stack_moved(self, index: int) -> None:
        if self._index < 0 or self.isHidden():
            return
        if index == self._index - 1:
            self._show(undone=True)
        elif index == self._index:
            self._show(undone=False)
        else:
            self.hide()

    def _show(self, undone: bool) -> None:
        if undone:
            head, link, href = self.tr("Undone: %1").replace("%1", self._what), self.tr("Redo"), "redo"
        else:
            head, link, href = self.tr("Saved: %1").replace("%1", self._what), self.tr("Undo"), "undo"
        lines = [f"{_escape(head)} — <a href=\"{href}\">{_escape(link)}</a>"]
        plain = [f"{head} — {link}"]
        if self._detail and not undone:
            lines.append(_escape(self._detail))
            plain.append(self._detail)
        self.setText(" · ".join(lines))
        self.setProperty("plain", " · ".join(plain))
        self.setToolTip(self.tr("Ctrl+Z undoes the last change"))
        self.show()
        self._timer.start()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
