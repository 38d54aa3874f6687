"""Hjælp → Tastaturgenveje: every shortcut on one page.

The menu commands are read from the window's menus (so the list cannot drift from them); the keys of
the screens themselves (forms, search, the attendance grid, the hours plan) are listed below them.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

CONTEXT = "Shortcuts"

# (section, keys, what) for the keys that are not menu commands.
SCREEN_KEYS: tuple[tuple[object, str, object], ...] = (
    (QT_TRANSLATE_NOOP("Shortcuts", "Forms"), "Tab / Shift+Tab", QT_TRANSLATE_NOOP("Shortcuts", "Next / previous field")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Forms"), "Enter", QT_TRANSLATE_NOOP("Shortcuts", "Next field; in the last field: save")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Forms"), "Ctrl+Enter, Ctrl+S", QT_TRANSLATE_NOOP("Shortcuts", "Save")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Forms"), "Esc", QT_TRANSLATE_NOOP("Shortcuts", "Cancel")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Search"), "Enter", QT_TRANSLATE_NOOP("Shortcuts", "Open the first match")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Search"), "↓ / ↑", QT_TRANSLATE_NOOP("Shortcuts", "Into the list / back to the search field")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Citizen"), "Ctrl+N", QT_TRANSLATE_NOOP("Shortcuts", "New placement")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Citizen"), "Ctrl+Shift+O", QT_TRANSLATE_NOOP("Shortcuts", "New observation (from any tab)")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Citizen"), "Enter", QT_TRANSLATE_NOOP("Shortcuts", "Placements: edit the selected placement")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Citizen"), "Ctrl+S", QT_TRANSLATE_NOOP("Shortcuts", "Follow-up: save")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Attendance"), "0-9 , .", QT_TRANSLATE_NOOP("Shortcuts", "Hours present")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Attendance"), "Enter, Space", QT_TRANSLATE_NOOP("Shortcuts", "Present as planned")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Attendance"), "S / F / U", QT_TRANSLATE_NOOP("Shortcuts", "Sick / agreed absence / no-show")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Attendance"), "R, F2", QT_TRANSLATE_NOOP("Shortcuts", "Reason and note of the day")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Attendance"), "Delete", QT_TRANSLATE_NOOP("Shortcuts", "Clear the day")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Attendance"), "W, Ctrl+Enter", QT_TRANSLATE_NOOP("Shortcuts", "The whole week as planned")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Attendance"), "PageUp / PageDown", QT_TRANSLATE_NOOP("Shortcuts", "Back / on")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Hours plan"), "Enter", QT_TRANSLATE_NOOP("Shortcuts", "Add the step")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Hours plan"), "Delete", QT_TRANSLATE_NOOP("Shortcuts", "Remove the selected step")),
)


def tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def menu_shortcuts(menu_bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu, keys, command) for every menu command that has a shortcut."""
    rows: list[tuple[str, str, str]] = []
    for top in menu_bar.actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        for action in menu.actions():
            keys = _keys(action)
            if keys:
                rows.append((_plain(top.text()), keys, _plain(action.text())))
    return rows


def _keys(action: QAction) -> str:
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts() if not s.isEmpty())


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").replace("…", "").strip()


class ShortcutsDialog(QDialog):
    def __init__(self, menu_bar: QMenuBar | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(620, 640)
        rows = menu_shortcuts(menu_bar) if menu_bar is not None else []
        rows += [(tr(section), keys, tr(what)) for section, keys, what in SCREEN_KEYS]
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Keys"), self.tr("What it does")])
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(r, c, item)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAlternatingRowColors(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Everything can be done from the keyboard:"), self))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.table.setFocus()

    def rows(self) -> list[tuple[str, str, str]]:
        def text(r: int, c: int) -> str:
            item = self.table.item(r, c)
            return item.text() if item is not None else ""

        return [(text(r, 0), text(r, 1), text(r, 2)) for r in range(self.table.rowCount())]
