"""The main window: navigation, the pages, menus, status bar with the open database."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from placement_desk import __version__
from placement_desk.db.engine import Database
from placement_desk.ui.citizens_page import CitizensPage


class MainWindow(QMainWindow):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Placement Desk"))
        self.nav = QListWidget(self)
        self.nav.setMaximumWidth(200)
        self.pages = QStackedWidget(self)
        self.citizens = CitizensPage(db, self)
        self._add_page(self.tr("Citizens"), self.citizens)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(0)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.nav)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)
        self.db_label = QLabel(self.tr("Database: %1").replace("%1", db.description), self)
        self.statusBar().addPermanentWidget(self.db_label)
        self._build_menus()
        self._restore_geometry()

    def _add_page(self, title: str, page: QWidget) -> None:
        self.nav.addItem(title)
        self.pages.addWidget(page)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh)
        file_menu.addAction(refresh)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Placement Desk"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def refresh(self) -> None:
        self.citizens.refresh()

    def about_text(self) -> str:
        text = self.tr(
            "Placement Desk %1\n\nFollow citizens in company placements and document their work capacity."
            "\n\nDatabase: %2"
        )
        return text.replace("%1", __version__).replace("%2", self.db.description)

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Placement Desk"), self.about_text())

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("main/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 700)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        QSettings().setValue("main/geometry", self.saveGeometry())
        super().closeEvent(event)
