"""Overblik: what needs doing now. Every row opens the place that resolves it.

The page is the main window's first page, so it reads nothing while it is built: the window is painted
first (the page says it is loading), and the tasks are read just after the page's first paint.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from placement_desk.services.changes import CITIZEN, COMPANY, PLACEMENT, Changes
from placement_desk.services.dashboard import KINDS, Task, dashboard, task_order
from placement_desk.ui.kit.formatting import fmt_date, fmt_number
from placement_desk.ui.kit.refresh import ChangeFollower, citizens_removed, of_citizens, replace_rows, unplaced
from placement_desk.ui.kit.table_model import ROW_ROLE, Column, RowTableModel, row_table
from placement_desk.ui.shell.context import UiContext
from placement_desk.ui.shell.first_paint import AfterFirstPaint
from placement_desk.ui.shell.first_run import FirstRunChecklist


def kind_titles() -> dict[str, str]:
    return {
        "followup_overdue": QCoreApplication.translate("Dashboard", "Follow-up overdue"),
        "followup_due": QCoreApplication.translate("Dashboard", "Follow-up due soon"),
        "low_attendance": QCoreApplication.translate("Dashboard", "Attendance below 75 % (4 weeks)"),
        "unregistered": QCoreApplication.translate("Dashboard", "Planned days not registered"),
        "referral_ending": QCoreApplication.translate("Dashboard", "Referral ends within 30 days"),
        "no_mentor": QCoreApplication.translate("Dashboard", "Placement without workplace mentor"),
    }


PARTIAL_LIMIT = 200  # more citizens touched at once than this: the whole dashboard is read again


def task_key(task: Task) -> tuple[str, str, str | None]:
    """What one task is about, to keep it under the cursor when the rows are read again."""
    return task.kind, task.citizen_ref, task.placement_ref


def task_detail(task: Task) -> str:
    if task.kind == "low_attendance" and task.value is not None:
        return QCoreApplication.translate("Dashboard", "%1 % attended").replace("%1", fmt_number(task.value * 100, 1))
    if task.kind == "unregistered" and task.value is not None:
        return QCoreApplication.translate("Dashboard", "%1 days").replace("%1", str(int(task.value)))
    if task.kind in ("followup_overdue", "followup_due"):
        return QCoreApplication.translate("Dashboard", "due %1").replace("%1", fmt_date(task.when))
    if task.kind == "referral_ending":
        return QCoreApplication.translate("Dashboard", "ends %1").replace("%1", fmt_date(task.when))
    return QCoreApplication.translate("Dashboard", "since %1").replace("%1", fmt_date(task.when))


class DashboardPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        titles = kind_titles()
        self.model: RowTableModel[Task] = RowTableModel(
            [
                Column(self.tr("What"), lambda r: titles[r.kind], lambda r: KINDS.index(r.kind)),
                Column(self.tr("Citizen"), lambda r: r.citizen_name),
                Column(self.tr("Placement / programme"), lambda r: r.company or ""),
                Column(self.tr("Details"), task_detail, lambda r: r.when.isoformat() if r.when else ""),
            ],
            self,
        )
        self.summary = QLabel(self)
        self.summary.setObjectName("dashboardSummary")
        self.summary.setStyleSheet("#dashboardSummary { font-size: 12pt; }")
        self.counts = QHBoxLayout()
        self.table = row_table(self, self.model)
        self.table.setAccessibleName(self.tr("What needs doing"))
        self.table.activated.connect(self._open)
        title = QLabel(self.tr("What needs doing"), self)
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.checklist = FirstRunChecklist(ctx, self)  # an empty database: what to do first
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.checklist)
        layout.addWidget(self.table, 1)
        self.hint = hint = QLabel(self.tr("Enter or double-click opens the citizen where the task is done."), self)
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)
        layout.addStretch(0)  # takes the room only while the table is hidden
        self.starting = False  # the first steps shown instead of the table
        self.loaded = False  # read for the first time (just after the first paint, or by refresh())
        self.checklist.hide()
        self.hint.hide()
        self.summary.setText(self.tr("Loading the tasks…"))
        self.follower = ChangeFollower(self, ctx, self._wants, self._changed)
        # Painted first, read right after: the window is usable at once, the rows fill in.
        self.installEventFilter(AfterFirstPaint(self, self._first_read))

    def _first_read(self) -> None:
        if not self.loaded:
            self.refresh()

    def refresh(self) -> None:
        """Read every task again (and whether the first steps are still to do)."""
        self.loaded = True
        self.follower.forget()
        self._check_start()
        self.model.set_rows(dashboard(self.ctx.db))
        self._summarise()

    def _check_start(self) -> bool:
        """Show the first steps or the table; True when that changed."""
        starting = not self.checklist.refresh().complete
        self.checklist.setVisible(starting)
        self.table.setVisible(not starting)  # nothing to watch before the first placement: the steps instead
        self.hint.setVisible(not starting)
        self.summary.setVisible(not starting)
        flipped, self.starting = starting != self.starting, starting
        return flipped

    @staticmethod
    def _wants(changes: Changes) -> bool:
        return bool(changes.citizens) or changes.touches(CITIZEN, COMPANY, PLACEMENT)

    def _changed(self, changes: Changes) -> None:
        """Only the rows of the citizens a write touched are read again; all of them after a bulk write, a
        company's change (its name stands in rows of many citizens) or while the first steps show. Before
        the first reading nothing: that reads everything."""
        if not self.loaded:
            return
        whole = changes.everything or self.starting or changes.touches(COMPANY) or citizens_removed(changes)
        whole = whole or len(changes.citizens) > PARTIAL_LIMIT or unplaced(changes)
        if whole or (changes.of("removed", PLACEMENT) and self._check_start()):  # (the last placement went)
            self.refresh()
        else:
            self.refresh_citizens(changes.citizens)

    def refresh_citizens(self, refs: frozenset[str]) -> None:
        """Read the tasks of these citizens again and put them in place of their rows (the others stay)."""
        fresh = dashboard(self.ctx.db, citizens=refs)
        replace_rows(self.model, of_citizens(refs, lambda t: t.citizen_ref), fresh, task_key, self.table, task_order)
        self._summarise()

    def _summarise(self) -> None:
        tasks = [self.model.row_at(i) for i in range(self.model.rowCount())]
        titles = kind_titles()
        counts = {k: sum(1 for t in tasks if t.kind == k) for k in KINDS}
        parts = [f"{titles[k]}: <b>{n}</b>" for k, n in counts.items() if n]
        self.summary.setText(" · ".join(parts) if parts else self.tr("Nothing is waiting. Well done."))
        if tasks and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _open(self, index: object) -> None:
        task = self.model.data(index, ROW_ROLE)  # type: ignore[arg-type]
        if task is not None:
            self.ctx.open_citizen.emit(task.citizen_ref, task.tab)

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
