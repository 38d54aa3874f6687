"""Ctrl+K: find a citizen, company or placement by name, ref, CPR or CVR and open it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from placement_desk.services.queries import SearchHit, search
from placement_desk.ui.context import UiContext


class SearchDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.chosen: SearchHit | None = None
        self.setWindowTitle(self.tr("Search"))
        self.resize(520, 380)
        self.input = QLineEdit(self)
        self.input.setPlaceholderText(self.tr("Name, ref, CPR or CVR…"))
        self.results = QListWidget(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.run_search)
        self.input.textChanged.connect(lambda _t: self._timer.start())
        self.input.returnPressed.connect(self.accept_current)
        self.results.itemActivated.connect(lambda _item: self.accept_current())
        self.input.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.input)
        layout.addWidget(self.results)

    def run_search(self) -> None:
        kinds = {"citizen": self.tr("Citizen"), "company": self.tr("Company"), "placement": self.tr("Placement")}
        self.results.clear()
        for hit in search(self.ctx.db, self.input.text()):
            item = QListWidgetItem(f"{kinds[hit.kind]}: {hit.title}" + (f" — {hit.detail}" if hit.detail else ""))
            item.setData(Qt.ItemDataRole.UserRole, hit)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def accept_current(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.run_search()
        item = self.results.currentItem()
        if item is not None:
            self.chosen = item.data(Qt.ItemDataRole.UserRole)
            self.accept()

    def eventFilter(self, watched: object, event: object) -> bool:  # noqa: N802 - Qt API
        key_press = isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress
        if watched is self.input and key_press and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):  # type: ignore[attr-defined]
            row = self.results.currentRow() + (1 if event.key() == Qt.Key.Key_Down else -1)  # type: ignore[attr-defined]
            if 0 <= row < self.results.count():
                self.results.setCurrentRow(row)
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]
