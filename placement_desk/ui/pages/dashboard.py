"""Overblik: what needs doing now. Every row opens the place that resolves it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from placement_desk.services.dashboard import KINDS, Task, dashboard
from placement_desk.ui.kit.formatting import fmt_date, fmt_number
from placement_desk.ui.kit.table_model import ROW_ROLE, Column, RowTableModel, row_table
from placement_desk.ui.shell.context import UiContext
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
        ctx.changed.connect(lambda _scope: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        starting = not self.checklist.refresh().complete
        self.checklist.setVisible(starting)
        self.table.setVisible(not starting)  # nothing to watch before the first placement: the steps instead
        self.hint.setVisible(not starting)
        self.summary.setVisible(not starting)
        tasks = dashboard(self.ctx.db)
        self.model.set_rows(tasks)
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
