"""Arbejdsevne: capacity assessments per placement (effectiveness %, an optional task breakdown that
computes the effectiveness as Σ share × tempo × quality) and the effective hours per week."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from placement_desk.domain import casefile as cf
from placement_desk.domain.capacity import MAX_TASKS, effectiveness_on, shares_total, task_effectiveness_cpct
from placement_desk.domain.casefile_parse import parse_capacity
from placement_desk.services.common import today
from placement_desk.ui.citizen.base import CitizenTab
from placement_desk.ui.citizen.tab_tools import (
    KeyAction,
    PlacementPicker,
    is_future_week,
    number_value,
    parse_danish_number,
    placement_weeks,
    week_monday,
)
from placement_desk.ui.commands.placements import AddCapacity, RemoveCapacity
from placement_desk.ui.kit.charts import ChartPanel, Series
from placement_desk.ui.kit.fit import scroll_page
from placement_desk.ui.kit.formatting import fmt_date, fmt_number
from placement_desk.ui.kit.forms import DateField, Form, text_or_none
from placement_desk.ui.kit.table_model import Column, RowTableModel
from placement_desk.ui.shell.context import EXPECTED, UiContext

EFFECTIVE_COLOR, ATTENDED_COLOR, PCT_COLOR = "#009E73", "#E69F00", "#CC79A7"


def fmt_pct(cpct: int) -> str:
    """Hundredths of a percent as Danish text: 6000 -> '60 %', 6050 -> '60,50 %'."""
    return f"{fmt_number(cpct / 100, 0 if cpct % 100 == 0 else 2)} %"


def tasks_text(a: cf.CapacityAssessment) -> str:
    return " · ".join(f"{t.name} {t.time_share_pct}/{t.tempo_pct}/{t.quality_pct}" for t in a.tasks)


class TaskGrid(QWidget):
    """Up to five tasks: name, share of the time, tempo and quality (%). Rows without a name are skipped."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        headers = (self.tr("Task"), self.tr("Time %"), self.tr("Tempo %"), self.tr("Quality %"))
        for column, text in enumerate(headers):
            grid.addWidget(QLabel(text, self), 0, column)
        self.rows: list[tuple[QLineEdit, QSpinBox, QSpinBox, QSpinBox]] = []
        for r in range(MAX_TASKS):
            name = QLineEdit(self)
            spins = []
            for hi, default in ((100, 0), (200, 100), (200, 100)):
                spin = QSpinBox(self)
                spin.setRange(0, hi)
                spin.setValue(default)
                spin.setSuffix(" %")
                spins.append(spin)
            self.rows.append((name, spins[0], spins[1], spins[2]))
            task = f"{headers[0]} {r + 1}"  # "Opgave 1"; a screen reader hears "Tempo %, opgave 1"
            for column, widget in enumerate((name, *spins)):
                widget.setAccessibleName(task if column == 0 else f"{headers[column]}, {task.lower()}")
                grid.addWidget(widget, r + 1, column)
        grid.setColumnStretch(0, 1)

    def tasks(self) -> list[dict[str, Any]]:
        return [
            {
                "name": name.text().strip(),
                "time_share_pct": share.value(),
                "tempo_pct": tempo.value(),
                "quality_pct": quality.value(),
            }
            for name, share, tempo, quality in self.rows
            if name.text().strip()
        ]

    def domain_tasks(self) -> list[cf.CapacityTask]:
        return [cf.CapacityTask(t["name"], t["time_share_pct"], t["tempo_pct"], t["quality_pct"]) for t in self.tasks()]

    def clear(self) -> None:
        for name, share, tempo, quality in self.rows:
            name.clear()
            share.setValue(0)
            tempo.setValue(100)
            quality.setValue(100)


class CapacityTab(CitizenTab):
    key = "capacity"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.picker = PlacementPicker(self)
        self.picker.currentIndexChanged.connect(lambda _i: self._show_placement())
        self.model: RowTableModel[cf.CapacityAssessment] = RowTableModel(
            [
                Column(self.tr("Date"), lambda a: fmt_date(a.day), lambda a: a.day.isoformat()),
                Column(
                    self.tr("Effectiveness"),
                    lambda a: fmt_pct(a.effectiveness_cpct),
                    lambda a: a.effectiveness_cpct,
                    True,
                ),
                Column(self.tr("Tasks (time/tempo/quality %)"), tasks_text),
                Column(self.tr("Note"), lambda a: a.note or ""),
            ],
            self,
        )
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Assessments"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        KeyAction(self.table, (Qt.Key.Key_Delete,), self.remove_selected)

        self.form = Form(self)
        self.day = self.form.add("date", self.tr("Date"), DateField(parent=self))
        self.effectiveness = self.form.add("effectiveness_pct", self.tr("Effectiveness %"), QLineEdit(self))
        self.effectiveness.setMaximumWidth(140)
        self.note = self.form.add("note", self.tr("Note"), QLineEdit(self))
        self.task_grid = self.form.add("tasks", self.tr("Task breakdown (optional)"), TaskGrid(self))
        self.computed = QLabel(self)
        self.computed.setWordWrap(True)
        # two whole lines: the form row does not grow with the wrapped text by itself
        self.computed.setMinimumHeight(2 * self.computed.fontMetrics().lineSpacing() + 2)
        self.use_button = QPushButton(self.tr("&Use the computed effectiveness"), self)
        self.use_button.clicked.connect(self.use_computed)
        self.form.layout_.addRow(self.tr("From the tasks"), self.computed)
        for name, *spins in self.task_grid.rows:
            name.textChanged.connect(self._show_computed)
            for spin in spins:
                spin.valueChanged.connect(self._show_computed)
        for line in (self.day, self.effectiveness, self.note):
            line.returnPressed.connect(self.add_assessment)
        self.add_button = QPushButton(self.tr("&Add assessment"), self)
        self.add_button.clicked.connect(self.add_assessment)
        self.remove_button = QPushButton(self.tr("&Remove selected assessment"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.form.setMaximumWidth(560)
        self.chart = ChartPanel(self.tr("Effective hours per week"), parent=self)
        self._shown: str | None = None
        self._build_layout()
        self._show_computed()

    def _build_layout(self) -> None:
        top = QWidget(self)
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        side = QVBoxLayout()
        side.addWidget(self.form)
        side.addStretch(1)
        top_layout.addWidget(self.table, 3)
        top_layout.addLayout(side, 2)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(self.chart)
        splitter.setSizes([440, 360])
        picker_row = QHBoxLayout()
        picker_row.addWidget(QLabel(self.tr("Placement:"), self))
        picker_row.addWidget(self.picker)
        picker_row.addStretch(1)
        layout = QVBoxLayout()
        layout.addLayout(picker_row)
        layout.addWidget(splitter, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.use_button)
        # on a low screen the assessments and the chart scroll as one; the actions stay in view under them
        scroll_page(self, layout, buttons)

    # ---- showing -------------------------------------------------------------------------------

    def citizen_switched(self) -> None:
        super().citizen_switched()
        for field in (self.day, self.effectiveness, self.note):
            field.clear()
        self.task_grid.clear()

    def refresh(self) -> None:
        assert self.detail is not None
        self.picker.set_detail(self.detail)
        self._show_placement()

    def placement(self) -> cf.Placement | None:
        ref = self.picker.current_ref()
        return self.detail.placement(ref) if self.detail is not None and ref is not None else None

    def _show_placement(self) -> None:
        p = self.placement()
        self.form.setEnabled(p is not None)
        self.table.setEnabled(p is not None)
        if p is None:
            self.model.set_rows([])
            self.chart.clear(self.tr("no placements yet"))
            return
        self.model.set_rows(sorted(p.capacity, key=lambda a: a.day))
        if p.ref != self._shown or not self.day.text():  # a new placement: suggest today
            now = today()
            self.day.set_date(now if p.start <= now and (p.end is None or now <= p.end) else None)
            self._shown = p.ref
        self.table.resizeRowsToContents()
        self._show_chart(p)

    def _show_chart(self, p: cf.Placement) -> None:
        assert self.detail is not None
        weeks = placement_weeks(self.detail, p.ref)
        if not weeks or not any(t.attended for _, t in weeks):
            self.chart.clear(self.tr("no attendance yet"))
            return
        keys = [k for k, _ in weeks]
        past = [not is_future_week(k) for k in keys]
        effective = [float(t.effective) / 60 if t.effective is not None else 0.0 for _, t in weeks]
        attended = [t.attended / 60 if now else None for (_, t), now in zip(weeks, past, strict=True)]
        in_force = [effectiveness_on(p.capacity, week_monday(k) + timedelta(days=6)) for k in keys]
        pct = [None if c is None or not now else c / 100 for c, now in zip(in_force, past, strict=True)]
        self.chart.show_weeks(
            keys,
            [Series(self.tr("Effective hours"), effective, EFFECTIVE_COLOR)],
            [Series(self.tr("Attended hours"), attended, ATTENDED_COLOR)],
            y_title=self.tr("Hours"),
            right=[Series(self.tr("Effectiveness %"), pct, PCT_COLOR)] if any(v is not None for v in pct) else [],
            right_title=self.tr("Effectiveness %"),
        )

    def _show_computed(self) -> None:
        tasks = self.task_grid.domain_tasks()
        cpct = task_effectiveness_cpct(tasks)
        self.use_button.setEnabled(cpct is not None)
        if cpct is None:
            self.computed.setText(self.tr("fill in tasks to compute Σ time × tempo × quality"))
            return
        text = fmt_pct(cpct)
        total = shares_total(tasks)
        if total != 100:
            text += "  " + self.tr("(the time shares add up to %1 %, not 100 %)").replace("%1", str(total))
        self.computed.setText(text)

    # ---- editing -------------------------------------------------------------------------------

    def use_computed(self) -> None:
        """Put the effectiveness computed from the tasks into the effectiveness field (at most 100 %)."""
        cpct = task_effectiveness_cpct(self.task_grid.domain_tasks())
        if cpct is not None:
            self.effectiveness.setText(fmt_number(min(cpct, 10_000) / 100, 0 if cpct % 100 == 0 else 2))

    def add_assessment(self) -> bool:
        """Add the assessment in the form; undo removes it."""
        p = self.placement()
        if p is None:
            return False
        self.form.clear_errors()
        try:
            pct = parse_danish_number(self.effectiveness.text())
        except ValueError:
            self.form.errors["effectiveness_pct"].setText(self.tr("must be a number"))
            self.form.errors["effectiveness_pct"].show()
            return False
        fields: dict[str, Any] = {
            "date": self.day.value(),
            "effectiveness_pct": None if pct is None else number_value(pct),
            "note": text_or_none(self.note),
        }
        tasks = self.task_grid.tasks()
        if tasks:
            fields["tasks"] = tasks
        text = self.tr("Capacity assessment %1").replace("%1", self.day.text())
        try:
            self.ctx.push(AddCapacity(self.ctx, text, self.ref, p.ref, parse_capacity(fields, "")))
        except EXPECTED as exc:
            self.form.show_error(exc)
            return False
        for line in (self.day, self.effectiveness, self.note):
            line.clear()
        self.task_grid.clear()
        return True

    def remove_selected(self) -> bool:
        """Remove the selected assessment; undo puts it back."""
        p = self.placement()
        rows = self.table.selectionModel().selectedRows()
        if p is None or not rows:
            return False
        day = self.model.row_at(rows[0].row()).day
        text = self.tr("Remove capacity assessment %1").replace("%1", fmt_date(day))
        try:
            self.ctx.push(RemoveCapacity(self.ctx, text, self.ref, p.ref, day))
        except EXPECTED as exc:
            self.form.show_error(exc)
            return False
        return True
