"""The citizen page: a header and the tabs (Overblik, Forløb, Timeplan, Fremmøde, ...)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from placement_desk.domain.errors import NotFoundError
from placement_desk.domain.roles import Permission
from placement_desk.export.collector import collector_paused
from placement_desk.services.changes import COMPANY, Changes
from placement_desk.services.common import today
from placement_desk.services.views import CitizenDetail, citizen_detail
from placement_desk.ui.citizen.accommodations_tab import AccommodationsTab
from placement_desk.ui.citizen.attendance_tab import AttendanceTab
from placement_desk.ui.citizen.base import CitizenTab
from placement_desk.ui.citizen.capacity_tab import CapacityTab
from placement_desk.ui.citizen.description_tab import DescriptionTab
from placement_desk.ui.citizen.documents_tab import DocumentsTab
from placement_desk.ui.citizen.followup_tab import FollowupTab
from placement_desk.ui.citizen.goals_tab import GoalsTab
from placement_desk.ui.citizen.overview_tab import OverviewTab
from placement_desk.ui.citizen.placements_tab import PlacementsTab
from placement_desk.ui.citizen.schedule_tab import ScheduleTab
from placement_desk.ui.kit.formatting import fmt_date
from placement_desk.ui.kit.messages import refused
from placement_desk.ui.kit.refresh import ChangeFollower, unplaced
from placement_desk.ui.shell.context import UiContext

TAB_CLASSES: tuple[type[CitizenTab], ...] = (
    OverviewTab,
    PlacementsTab,
    ScheduleTab,
    AttendanceTab,
    AccommodationsTab,
    FollowupTab,
    GoalsTab,
    CapacityTab,
    DescriptionTab,
    DocumentsTab,
)


class CitizenPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ref: str | None = None
        self.detail: CitizenDetail | None = None
        self.header = QLabel(self)
        self.header.setObjectName("citizenHeader")
        self.header.setStyleSheet("#citizenHeader { font-size: 16pt; font-weight: 600; padding: 4px 0; }")
        self.subheader = QLabel(self)
        self.subheader.setWordWrap(True)
        self.tabs = QTabWidget(self)
        titles = {
            "overview": self.tr("Overview"),
            "placements": self.tr("Placements"),
            "schedule": self.tr("Hours plan"),
            "attendance": self.tr("Attendance"),
            "accommodations": self.tr("Accommodations"),
            "followup": self.tr("Follow-up"),
            "goals": self.tr("Goals and progression"),
            "capacity": self.tr("Work capacity"),
            "description": self.tr("Description"),
            "documents": self.tr("Documentation"),
        }
        self.tab_by_key: dict[str, CitizenTab] = {}
        for cls in TAB_CLASSES:
            tab = cls(ctx, self)
            self.tab_by_key[cls.key] = tab
            self.tabs.addTab(tab, titles[cls.key])
        # Ny observation from any tab (Ctrl+Shift+O), suggested from what the tab shows
        self.observation_button = QPushButton(self.tr("New observation…"), self)
        self.observation_button.setToolTip(self.tr("New observation (Ctrl+Shift+O)"))
        self.observation_button.clicked.connect(lambda: self.new_observation())
        if not ctx.can(Permission.EDIT):
            self.observation_button.setEnabled(False)
            self.observation_button.setToolTip(refused())
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.observation_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.subheader)
        layout.addWidget(self.tabs, 1)
        self.follower = ChangeFollower(self, ctx, self._wants, lambda _changes: self.reload())  # (when shown)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_placement)  # from any tab of the citizen
        QShortcut(QKeySequence("Ctrl+Shift+O"), self, self.new_observation)

    def new_observation(self) -> QDialog | None:
        """Ny observation for the citizen shown, with the placement and heading the open tab suggests."""
        if self.ref is None or self.detail is None or not self.observation_button.isEnabled():
            return None
        from placement_desk.ui.citizen.observation_dialog import open_observation

        return open_observation(self.ctx, self.detail, self.tabs.currentWidget(), self)

    def new_placement(self) -> QDialog | None:
        """Nyt forløb for the citizen shown (the Placements tab comes to the front behind it)."""
        if self.ref is None:
            return None
        tab = self.tab_by_key["placements"]
        self.tabs.setCurrentWidget(tab)
        return tab.new_placement()  # type: ignore[attr-defined,no-any-return]

    def show_citizen(self, ref: str, tab: str | None = None) -> None:
        self.ref = ref
        self.reload()
        if tab and tab in self.tab_by_key:
            self.tabs.setCurrentWidget(self.tab_by_key[tab])

    def reload(self) -> None:
        """Read the citizen's record and fill every tab (with the garbage collector paused: a record of
        thousands of attendance days makes some hundred thousand short-lived objects, see
        export.collector)."""
        self.follower.forget()
        if self.ref is None:
            return
        with collector_paused():
            self._load()

    def _load(self) -> None:
        assert self.ref is not None
        try:
            self.detail = citizen_detail(self.ctx.db, self.ref)
        except NotFoundError:
            self.ref = None
            self.header.setText(self.tr("The citizen no longer exists"))
            return
        c = self.detail.citizen
        self.header.setText(c.name if c.name == c.ref else f"{c.name}  ·  {c.ref}")
        current = self.detail.current_placements(today())
        parts = []
        if c.job_goal:
            parts.append(self.tr("Job goal: %1").replace("%1", c.job_goal))
        for p in current:
            info = self.detail.placements[p.ref]
            parts.append(self.tr("Now: %1 from %2").replace("%1", info.company_name).replace("%2", fmt_date(p.start)))
        if self.detail.archived:
            parts.append(self.tr("ARCHIVED"))
        self.subheader.setText("   ·   ".join(parts))
        for tab in self.tab_by_key.values():
            tab.load(self.detail)

    def _wants(self, changes: Changes) -> bool:
        """A write about the citizen shown (or about one unnamed), or a company's (its name and contacts stand
        in the tabs)."""
        if self.ref is None:
            return False
        return changes.touches_citizen(self.ref) or changes.touches(COMPANY, "contacts") or unplaced(changes)
