"""Undo and redo from anywhere in the window.

Redo has one list of keys without duplicates (Ctrl+Shift+Z, Ctrl+Y and the platform's own): the same
key twice on one action is an "ambiguous shortcut" that Qt never fires. And a text field claims Ctrl+Z
for its own undo even when it has nothing to undo; :class:`TextFieldsLetUndoThrough` lets the window's
undo and redo have the keys then, while a field with its own unsaved typing keeps them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

EXTRA_REDO = ("Ctrl+Shift+Z", "Ctrl+Y")


def redo_shortcuts() -> list[QKeySequence]:
    """Ctrl+Shift+Z, Ctrl+Y and the platform's redo keys, each once."""
    seen: dict[str, QKeySequence] = {}
    for key in [QKeySequence(k) for k in EXTRA_REDO] + QKeySequence.keyBindings(QKeySequence.StandardKey.Redo):
        seen.setdefault(key.toString(QKeySequence.SequenceFormat.PortableText), key)
    return list(seen.values())


def _is_redo(event: QKeyEvent) -> bool:
    pressed = QKeySequence(event.keyCombination()).toString(QKeySequence.SequenceFormat.PortableText)
    return event.matches(QKeySequence.StandardKey.Redo) or pressed in EXTRA_REDO


def _own_history(widget: QWidget, redo: bool) -> bool | None:
    """Whether a text field has its own undo (or redo) step; None for other widgets."""
    if isinstance(widget, QLineEdit):
        return widget.isRedoAvailable() if redo else widget.isUndoAvailable()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        document = widget.document()
        return document.isRedoAvailable() if redo else document.isUndoAvailable()
    return None


class TextFieldsLetUndoThrough(QObject):
    """An application event filter for one window: Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y in a text field of
    that window with nothing of its own to undo or redo go to the window's undo and redo actions."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(watched, QWidget):
            return False
        assert isinstance(event, QKeyEvent)
        redo = _is_redo(event)
        if not redo and not event.matches(QKeySequence.StandardKey.Undo):
            return False
        if watched.window() is not self._window or _own_history(watched, redo) is not False:
            return False
        event.ignore()  # not claimed by the field: the shortcut (the window's undo/redo) fires
        return True
