"""Ctrl+K: find a citizen, company or placement by name, ref, CPR or CVR and open it.

Type, then Enter opens the first match (the only one, usually); Down goes into the list of matches."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from placement_desk.services.queries import SearchHit, search
from placement_desk.ui.shell.context import UiContext


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
        self.input.setAccessibleName(self.tr("Search"))
        self.results.setAccessibleName(self.tr("Results"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.run_search)
        self.input.textChanged.connect(lambda _t: self._timer.start())
        self.input.returnPressed.connect(self.accept_current)
        self.results.itemActivated.connect(lambda _item: self.accept_current())
        self.input.installEventFilter(self)
        self.results.installEventFilter(self)
        self.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, True)  # the focus is always visible
        layout = QVBoxLayout(self)
        layout.addWidget(self.input)
        layout.addWidget(self.results)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.input.setFocus(Qt.FocusReason.TabFocusReason)  # typing starts at once

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

    def eventFilter(self, watched: object, event: object) -> bool:
        """Down in the search field goes into the list; Up on the list's first row comes back, and
        typing in the list goes on in the search field."""
        if not (isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress):
            return super().eventFilter(watched, event)  # type: ignore[arg-type]
        key = event.key()
        if watched is self.input and key == Qt.Key.Key_Down:
            if self._timer.isActive():
                self._timer.stop()
                self.run_search()
            if self.results.count():
                if self.results.currentRow() < 0:
                    self.results.setCurrentRow(0)
                self.results.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if watched is self.results and key == Qt.Key.Key_Up and self.results.currentRow() <= 0:
            self.input.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if watched is self.results and event.text().isprintable() and event.text().strip():
            self.input.setFocus(Qt.FocusReason.OtherFocusReason)
            self.input.insert(event.text())
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]
