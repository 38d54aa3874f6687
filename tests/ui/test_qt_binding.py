"""The Qt binding itself: PySide6 6.12.0 took one reference from True at every signal emitted from Python
(any signal, connected or not), so a window that had saved a few hundred edits aborted the interpreter
("bool_dealloc: deallocating True or False"). pyproject.toml keeps such a release out; this fails on one."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack


class _Emitter(QObject):
    text = Signal(str)
    flag = Signal(bool)
    thing = Signal(object)


def test_emitting_signals_leaves_true_and_false_alone(qapp: object) -> None:
    emitter = _Emitter()
    emitter.text.connect(lambda _t: None)
    before = (sys.getrefcount(True), sys.getrefcount(False))
    for _ in range(20):
        emitter.text.emit("gemt")
        emitter.flag.emit(False)
        emitter.thing.emit(None)
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before


def test_an_undo_stack_in_use_leaves_true_and_false_alone(qapp: object) -> None:
    stack = QUndoStack()
    stack.canUndoChanged.connect(lambda _b: None)
    before = (sys.getrefcount(True), sys.getrefcount(False))
    for _ in range(20):
        stack.push(QUndoCommand("x"))
        stack.undo()
        stack.redo()
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
