"""The main window: navigation, the pages, global search, undo/redo, menus, status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from placement_desk import __version__
from placement_desk.db.engine import Database
from placement_desk.domain.roles import Permission, Principal
from placement_desk.ui.kit.messages import refused, role_label
from placement_desk.ui.shell import user_settings
from placement_desk.ui.shell.context import UiContext
from placement_desk.ui.shell.undo_keys import TextFieldsLetUndoThrough, redo_shortcuts
from placement_desk.ui.shell.work import WorkMenu

if TYPE_CHECKING:
    from placement_desk.services.queries import SearchHit
    from placement_desk.ui.attendance.page import AttendancePage
    from placement_desk.ui.citizen.page import CitizenPage
    from placement_desk.ui.pages.citizens import CitizensPage
    from placement_desk.ui.pages.companies import CompaniesPage
    from placement_desk.ui.pages.dashboard import DashboardPage
    from placement_desk.ui.pages.followups import FollowupsPage
    from placement_desk.ui.pages.placements import PlacementsPage
    from placement_desk.ui.shell.idle_lock import IdleLock

NAV_KEYS = ("dashboard", "citizens", "companies", "attendance", "followups", "placements", "results")
ADMIN_KEYS = ("users", "audit", "privacy")
ROLE_BUTTONS: dict[str, tuple[Permission, tuple[str, ...]]] = {  # a page's buttons and what they need
    "citizens": (Permission.EDIT, ("new_button",)),
    "companies": (Permission.COMPANIES, ("new_button", "detail_panel.edit_button", "detail_panel.contact_button")),
}


def visible_keys(who: Principal | None) -> tuple[str, ...]:
    """The pages the signed-in role can use (all of them without a signed-in user: tests, benchmark)."""
    if who is None:
        return NAV_KEYS + ADMIN_KEYS
    if who.company_scoped:  # a workplace mentor: their own company's attendance, nothing else
        return ("attendance",)
    keys = [k for k in NAV_KEYS if k != "attendance" or who.can(Permission.ATTENDANCE)]
    if not who.can(Permission.VIEW):
        keys = [k for k in keys if k == "attendance"]
    if who.can(Permission.ADMIN):
        keys += ADMIN_KEYS
    return tuple(keys)


def build_page(key: str, ctx: UiContext, parent: QWidget) -> QWidget:
    """A page of the navigation, its module imported only now (start-up reads one page, not all)."""
    if key == "dashboard":
        from placement_desk.ui.pages.dashboard import DashboardPage

        return DashboardPage(ctx, parent)
    if key == "citizens":
        from placement_desk.ui.pages.citizens import CitizensPage

        return CitizensPage(ctx, parent)
    if key == "companies":
        from placement_desk.ui.pages.companies import CompaniesPage

        return CompaniesPage(ctx, parent)
    if key == "attendance":
        from placement_desk.ui.attendance.page import AttendancePage

        return AttendancePage(ctx, parent)
    if key == "followups":
        from placement_desk.ui.pages.followups import FollowupsPage

        return FollowupsPage(ctx, parent)
    if key == "results":
        from placement_desk.ui.pages.results import ResultsPage

        return ResultsPage(ctx, parent)
    if key == "users":
        from placement_desk.ui.pages.users import UsersPage

        return UsersPage(ctx, parent)
    if key == "audit":
        from placement_desk.ui.pages.audit import AuditPage

        return AuditPage(ctx, parent)
    if key == "privacy":
        from placement_desk.ui.pages.privacy import PrivacyPage  # type: ignore[import-not-found,unused-ignore]

        return PrivacyPage(ctx, parent)  # type: ignore[no-any-return,unused-ignore]
    from placement_desk.ui.pages.placements import PlacementsPage

    return PlacementsPage(ctx, parent)


def read_only_banner(parent: QWidget) -> QLabel:
    """The line over the pages shown while a failed integrity check refuses every write
    (Database.write_refusal); MainWindow.show_read_only fills it."""
    banner = QLabel(parent)
    banner.setObjectName("readOnlyBanner")
    banner.setWordWrap(True)
    banner.setStyleSheet("#readOnlyBanner { background: #fff4ce; color: #5c3c00; border: 1px solid #e0c060; "
                         "padding: 6px; }")  # fmt: skip
    banner.hide()
    return banner


class MainWindow(QMainWindow):
    def __init__(self, db: Database, actor: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.ctx = UiContext(db, actor, self)
        self.ctx.dialog_parent = self
        self.setWindowTitle(self.tr("Placement Desk"))
        self.nav = QListWidget(self)
        self.nav.setAccessibleName(self.tr("Pages"))
        self.nav.setMaximumWidth(190)
        self.nav.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 6px; }")
        self.pages = QStackedWidget(self)
        # Pages are built when first shown (a placeholder holds each place until then), so start-up
        # reads only what the first page shows.
        self._built: dict[str, QWidget] = {}
        self._citizen_page: CitizenPage | None = None
        titles = {
            "dashboard": self.tr("Overview"),
            "citizens": self.tr("Citizens"),
            "companies": self.tr("Companies"),
            "attendance": self.tr("Attendance"),
            "followups": self.tr("Follow-ups"),
            "placements": self.tr("Placements"),
            "results": self.tr("Results"),
            "users": self.tr("Users"),
            "audit": self.tr("Audit log"),
            "privacy": self.tr("Data protection"),
        }
        self.keys = visible_keys(db.principal)
        for key in self.keys:
            self.nav.addItem(titles[key])
            self.pages.addWidget(QWidget(self.pages))
        # The page changes only when the user picks one (click, arrow keys, Space, Enter), never because
        # the focus arrived: a list that gets the focus without a current row makes its first row current
        # (currentRowChanged), which must not throw the open citizen away for Overblik.
        self.nav.itemSelectionChanged.connect(self._nav_chosen)
        self.nav.itemActivated.connect(lambda item: self.show_page(self.keys[self.nav.row(item)]))
        self.nav.setFixedWidth(170)
        self.setCentralWidget(self._central())
        who = db.principal
        self.nav.setVisible(len(self.keys) > 1)  # one page (a workplace mentor's): no sidebar to choose from
        self.db_label = QLabel(self.tr("Database: %1").replace("%1", db.description), self)
        if who is None or not who.company_scoped:  # where the data lies is no business of a company's mentor
            self.statusBar().addPermanentWidget(self.db_label)
        else:
            self.db_label.hide()
        self.user_label = QLabel(self)
        if who is not None:
            self.user_label.setText(
                self.tr("Signed in: %1 (%2)").replace("%1", who.display_name).replace("%2", role_label(who.role))
            )
            self.statusBar().addPermanentWidget(self.user_label)
        self.ctx.open_citizen.connect(self.open_citizen)
        self.ctx.changed.connect(lambda _scope: self.show_read_only())  # a restore lifts it
        self.show_read_only()
        self.work = WorkMenu(self.ctx, self)
        self.idle_lock: IdleLock | None = None
        if who is not None:
            from placement_desk.ui.shell.idle_lock import IdleLock

            self.idle_lock = IdleLock(db, self)
        from placement_desk.ui.kit.save_note import SaveNote

        self.save_note = SaveNote(self.ctx, self)  # "Gemt: ... — Fortryd" after every save
        self.statusBar().addWidget(self.save_note, 1)
        self._build_menus()
        self._restore_state()

    def _central(self) -> QWidget:
        """The read-only banner (hidden unless writes are refused) over the navigation and the pages."""
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(4, 4, 4, 4)
        self.read_only_banner = read_only_banner(central)
        column.addWidget(self.read_only_banner)
        row = QHBoxLayout()
        row.addWidget(self.nav)
        row.addWidget(self.pages, 1)
        column.addLayout(row, 1)
        return central

    def show_read_only(self) -> None:
        """The banner says plainly that nothing can be saved while the database refuses writes."""
        refused = self.db.write_refusal is not None
        if refused:
            self.read_only_banner.setText(
                self.tr(
                    "Read only: the database failed its integrity check, so nothing can be saved. You can read "
                    "everything; what you open is still recorded in the audit log. Restore the newest good "
                    "backup (File → Restore a backup…)."
                )
            )
        self.read_only_banner.setVisible(refused)
        self.setWindowTitle(self.tr("Placement Desk (read only)") if refused else self.tr("Placement Desk"))

    # ---- navigation ---------------------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The page of a navigation key, built the first time it is asked for."""
        page = self._built.get(key)
        if page is None:
            index = self.keys.index(key)
            placeholder = self.pages.widget(index)
            page = build_page(key, self.ctx, self.pages)
            self._built[key] = page
            self._apply_role(key, page)
            self.pages.insertWidget(index, page)
            if placeholder is not None:
                self.pages.removeWidget(placeholder)
                placeholder.deleteLater()
            if key == "citizens":
                self.citizens.citizen_opened.connect(lambda ref: self.open_citizen(ref, "overview"))
        return page

    def _apply_role(self, key: str, page: QWidget) -> None:
        """Buttons the role may not use are disabled, with the reason as their tooltip (the services
        refuse the rest, and the forms show the refusal in Danish)."""
        permission, paths = ROLE_BUTTONS.get(key, (None, ()))
        if permission is None or self.ctx.can(permission):
            return
        for path in paths:
            button: object = page
            for name in path.split("."):
                button = getattr(button, name, None)
            if isinstance(button, QWidget):
                button.setEnabled(False)
                button.setToolTip(refused())

    @property
    def dashboard(self) -> DashboardPage:
        return self.page("dashboard")  # type: ignore[return-value]

    @property
    def citizens(self) -> CitizensPage:
        return self.page("citizens")  # type: ignore[return-value]

    @property
    def companies(self) -> CompaniesPage:
        return self.page("companies")  # type: ignore[return-value]

    @property
    def attendance(self) -> AttendancePage:
        return self.page("attendance")  # type: ignore[return-value]

    @property
    def followups(self) -> FollowupsPage:
        return self.page("followups")  # type: ignore[return-value]

    @property
    def placements(self) -> PlacementsPage:
        return self.page("placements")  # type: ignore[return-value]

    @property
    def citizen_page(self) -> CitizenPage:
        if self._citizen_page is None:
            from placement_desk.ui.citizen.page import CitizenPage

            self._citizen_page = CitizenPage(self.ctx, self.pages)
            self.pages.addWidget(self._citizen_page)
        return self._citizen_page

    def _nav_chosen(self) -> None:
        chosen = self.nav.selectedItems()
        if chosen:
            key = self.keys[self.nav.row(chosen[0])]
            self.pages.setCurrentWidget(self.page(key))
            user_settings.remember(self.db, "main/page", key)

    def show_page(self, key: str) -> None:
        """Show a page; a page the role cannot use is not there, so nothing happens."""
        if key in self.keys:
            row = self.keys.index(key)
            if self.nav.currentRow() == row and self.nav.item(row).isSelected():
                self._nav_chosen()  # already chosen in the sidebar: just show it
            else:
                self.nav.setCurrentRow(row)

    def open_citizen(self, ref: str, tab: str = "overview") -> None:
        self.nav.blockSignals(True)
        self.nav.clearSelection()
        self.nav.setCurrentRow(-1)
        self.nav.blockSignals(False)
        self.citizen_page.show_citizen(ref, tab)
        self.pages.setCurrentWidget(self.citizen_page)

    def open_search(self) -> QDialog:
        """Ctrl+K (window-modal, not blocking: the chosen hit opens when the dialog is accepted)."""
        from placement_desk.ui.shell.search_dialog import SearchDialog

        dialog = SearchDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._open_hit(dialog.chosen))
        dialog.open()
        return dialog

    def _open_hit(self, hit: SearchHit | None) -> None:
        if hit is None:
            return
        if hit.kind == "company":
            self.show_page("companies")
            self.companies.select(hit.ref)
        elif hit.citizen_ref:
            self.open_citizen(hit.citizen_ref, "placements" if hit.kind == "placement" else "overview")
            self.citizen_page.tabs.setFocus(Qt.FocusReason.OtherFocusReason)  # the keyboard stays on the citizen

    # ---- menus --------------------------------------------------------------------------------

    def _action(
        self, text: str, slot: object, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.work.add_actions(file_menu)
        file_menu.addSeparator()
        if self.idle_lock is not None:
            self.lock_action = self._action(self.tr("&Lock now"), self.idle_lock.lock, "Ctrl+L")
            file_menu.addAction(self.lock_action)
        file_menu.addAction(self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit))
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        undo = self.ctx.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.ctx.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts(redo_shortcuts())
        edit.addAction(undo)
        edit.addAction(redo)
        # Ctrl+Z in a text field with nothing of its own to undo undoes the last save. The filter watches the
        # widget with the focus only: on the application it would see every event of every widget in Python
        # (and Qt's first table view, the dashboard's, would cost some 60 ms wrapping all its parts).
        self._undo_keys = TextFieldsLetUndoThrough(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow_focus)
            self._follow_focus(None, app.focusWidget())
        if self.can_search():
            edit.addSeparator()
            edit.addAction(self._action(self.tr("&Search…"), self.open_search, "Ctrl+K"))
        go = self.menuBar().addMenu(self.tr("&Go"))
        for i, key in enumerate(self.keys):
            go.addAction(
                self._action(
                    self.nav.item(i).text(),
                    lambda _c=False, k=key: self.show_page(k),
                    f"Ctrl+{i + 1}" if i < 9 else None,
                )  # Ctrl+1..9: a tenth page has none
            )
        go.addSeparator()
        go.addAction(
            self._action(self.tr("&Refresh"), lambda: self.ctx.changed.emit("*"), QKeySequence.StandardKey.Refresh)
        )
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&Keyboard shortcuts"), self.show_shortcuts, "F1"))
        help_menu.addAction(self._action(self.tr("&About Placement Desk"), self.show_about))

    def _follow_focus(self, old: QWidget | None, new: QWidget | None) -> None:
        """The undo keys' filter moves with the focus (it sees the key events of the focused widget)."""
        if old is not None and isValid(old):
            old.removeEventFilter(self._undo_keys)
        if new is not None:
            new.installEventFilter(self._undo_keys)

    def can_search(self) -> bool:
        """Search finds citizens and companies: for roles that may see them, not a company's mentor."""
        who = self.db.principal
        return who is None or (who.can(Permission.VIEW) and not who.company_scoped)

    def about_text(self) -> str:
        if self.db_label.isHidden():
            return self.tr(
                "Placement Desk %1\n\nFollow citizens in company placements and document their work capacity."
            ).replace("%1", __version__)
        text = self.tr(
            "Placement Desk %1\n\nFollow citizens in company placements and document their work capacity."
            "\n\nDatabase: %2"
        )
        return text.replace("%1", __version__).replace("%2", self.db.description)

    def show_shortcuts(self) -> QDialog:
        from placement_desk.ui.shell.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self.menuBar(), self)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Placement Desk"), self.about_text())

    # ---- state --------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("main/geometry")
        self.restored = isinstance(geometry, QByteArray) and not geometry.isEmpty() and self.restoreGeometry(geometry)
        if not self.restored:
            self.resize(1280, 680)  # fits 1366×768 with a taskbar, for when the user leaves the maximised state
        page = user_settings.text(self.db, "main/page", self.keys[0])
        self.show_page(page if page in self.keys else self.keys[0])

    def show_restored(self) -> None:
        """Show the window as the user left it; the first time (nothing remembered) maximised."""
        if self.restored:
            self.show()
        else:
            self.showMaximized()

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("main/geometry", self.saveGeometry())
        super().closeEvent(event)
