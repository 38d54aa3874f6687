"""The start-up yardstick: a bare PySide6 QMainWindow, shown and painted once, then quit.

Prints ``painted <peak RSS in MB>`` on its first paint; the benchmark times the process from its
start to that line, the same way it times the app (``placement_desk.ui.shell.launch``'s first-paint hook).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.property("done"):
            self.setProperty("done", True)
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from memory import peak_mb  # bench/memory.py, imported after the paint (nothing else to load)

            print(f"painted {peak_mb():.1f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Placement Desk")
    window.resize(1200, 760)
    hook = FirstPaint(window)
    window.installEventFilter(hook)
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main())
