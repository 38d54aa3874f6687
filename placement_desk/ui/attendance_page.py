"""Temporary: being written (the workplace mentor's attendance view)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from placement_desk.ui.context import UiContext


class AttendancePage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def refresh(self) -> None:
        pass
