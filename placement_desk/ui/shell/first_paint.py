"""Work that waits for a window's first paint: the window is on screen first, then it is filled in."""

from __future__ import annotations

import gc
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer


class AfterFirstPaint(QObject):
    """Calls ``then`` once, in the turn of the event loop after the watched widget's first paint."""

    def __init__(self, parent: QObject, then: Callable[[], None]) -> None:
        super().__init__(parent)
        self._then: Callable[[], None] | None = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            QTimer.singleShot(0, then)
            watched.removeEventFilter(self)  # no more Python for every event of the widget
        return False


def settle() -> None:
    """The start-up's objects (the modules, the main window, the first page's rows) set aside from the garbage
    collector: its full scans, which a page's read of a few thousand rows sets off, then walk only what came
    since (at 10x the benchmark's data a page's read paused 0.1 s for a scan of every object of the process)."""
    gc.freeze()
