"""Timeplan: a placement's hours plan step by step (ramp-up and ramp-down, paid hours per week) and a
chart of planned (paid part stacked) vs attended hours per ISO week."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from placement_desk.domain import casefile as cf
from placement_desk.domain.casefile_parse import parse_step
from placement_desk.domain.hours_text import HoursTextError, parse_hours_text
from placement_desk.domain.vocab import WEEKDAYS
from placement_desk.services.common import today
from placement_desk.ui.citizen.base import CitizenTab
from placement_desk.ui.citizen.tab_tools import (
    KeyAction,
    PlacementPicker,
    is_future_week,
    next_monday,
    number_value,
    parse_danish_number,
    placement_weeks,
)
from placement_desk.ui.commands.placements import AddScheduleStep, RemoveScheduleStep
from placement_desk.ui.kit.charts import ChartPanel, Series
from placement_desk.ui.kit.fit import scroll_page
from placement_desk.ui.kit.formatting import fmt_date, fmt_hours, fmt_week_hours
from placement_desk.ui.kit.forms import DateField, Form
from placement_desk.ui.kit.messages import message_of
from placement_desk.ui.kit.table_model import Column, RowTableModel
from placement_desk.ui.shell.context import EXPECTED, UiContext

PLANNED_COLOR, PAID_COLOR, ATTENDED_COLOR = "#0072B2", "#009E73", "#E69F00"


@dataclass(frozen=True)
class StepRow:
    step: cf.ScheduleStep
    previous: cf.ScheduleStep | None

    @property
    def change(self) -> int | None:
        return None if self.previous is None else self.step.weekly - self.previous.weekly


def step_rows(schedule: tuple[cf.ScheduleStep, ...]) -> list[StepRow]:
    ordered = sorted(schedule, key=lambda s: s.start)
    return [StepRow(s, ordered[i - 1] if i else None) for i, s in enumerate(ordered)]


def change_text(row: StepRow) -> str:
    """'↑ +3,00 t' for a ramp-up, '↓ −2,00 t' for a ramp-down, '→' for the same hours."""
    change = row.change
    if change is None:
        return ""
    if change > 0:
        return f"↑ +{fmt_hours(change)}"
    if change < 0:
        return f"↓ −{fmt_hours(-change)}"
    return "→ 0 t"


def minutes_of(hours: dict[str, float]) -> tuple[int, ...]:
    return tuple(round(hours.get(k, 0) * 60) for k in WEEKDAYS)


class ScheduleTab(CitizenTab):
    key = "schedule"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.picker = PlacementPicker(self)
        self.picker.currentIndexChanged.connect(lambda _i: self._show_placement())
        self.model: RowTableModel[StepRow] = RowTableModel(
            [
                Column(self.tr("Valid from"), lambda r: fmt_date(r.step.start), lambda r: r.step.start.isoformat()),
                Column(self.tr("Hours per weekday"), lambda r: fmt_week_hours(r.step.minutes)),
                Column(self.tr("Per week"), lambda r: fmt_hours(r.step.weekly), lambda r: r.step.weekly, True),
                Column(
                    self.tr("Paid per week"),
                    lambda r: fmt_hours(r.step.paid_per_week),
                    lambda r: r.step.paid_per_week,
                    True,
                ),
                Column(self.tr("Change"), change_text, lambda r: r.change or 0),
            ],
            self,
        )
        self._build_table()
        self._build_form()
        self.chart = ChartPanel(self.tr("Planned and attended hours per week"), parent=self)

        self._build_layout()
        self._shown: str | None = None
        self._preview("")

    def _build_table(self) -> None:
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Hours plan"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        KeyAction(self.table, (Qt.Key.Key_Delete,), self.remove_selected)

    def _build_form(self) -> None:
        self.form = Form(self)
        self.hours = self.form.add("hours", self.tr("Hours"), QLineEdit(self))
        self.hours.setPlaceholderText(self.tr("e.g. 2x3, 2x4+1x3, man-fre 12-15, tir 2, tor 2"))
        self.hours.textChanged.connect(self._preview)
        self.preview = QLabel(self)
        self.preview.setObjectName("hoursPreview")
        self.form.layout_.addRow(self.tr("Read as"), self.preview)
        self.start = self.form.add("from", self.tr("Valid from"), DateField(parent=self))
        self.paid = self.form.add("paid_per_week", self.tr("Paid hours per week"), QLineEdit(self))
        self.paid.setPlaceholderText("0")
        self.paid.setMaximumWidth(140)
        for field in (self.hours, self.start, self.paid):
            field.returnPressed.connect(self.add_step)
        self.add_button = QPushButton(self.tr("&Add step"), self)
        self.add_button.clicked.connect(self.add_step)
        self.remove_button = QPushButton(self.tr("&Remove selected step"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.form.layout_.addRow(buttons)
        self.form.setMaximumWidth(520)

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
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 500])
        picker_row = QHBoxLayout()
        picker_row.addWidget(QLabel(self.tr("Placement:"), self))
        picker_row.addWidget(self.picker)
        picker_row.addStretch(1)
        layout = QVBoxLayout()
        layout.addLayout(picker_row)
        layout.addWidget(splitter, 1)
        scroll_page(self, layout)  # on a low screen the plan and the chart scroll as one

    # ---- showing -------------------------------------------------------------------------------

    def citizen_switched(self) -> None:
        super().citizen_switched()
        for field in (self.hours, self.start, self.paid):
            field.clear()

    def refresh(self) -> None:
        assert self.detail is not None
        self.picker.set_detail(self.detail)
        self._show_placement()

    def placement(self) -> cf.Placement | None:
        ref = self.picker.current_ref()
        return self.detail.placement(ref) if self.detail is not None and ref is not None else None

    def _show_placement(self) -> None:
        p = self.placement()
        enabled = p is not None
        for widget in (self.form, self.table):
            widget.setEnabled(enabled)
        if p is None:
            self.model.set_rows([])
            self.chart.clear(self.tr("no placements yet"))
            return
        self.model.set_rows(step_rows(p.schedule))
        if p.ref != self._shown or not self.start.text():  # a new placement: suggest next Monday
            monday = next_monday(today())
            self.start.set_date(monday if p.start <= monday and (p.end is None or monday <= p.end) else None)
            self._shown = p.ref
        self._show_chart(p.ref)

    def _show_chart(self, ref: str) -> None:
        assert self.detail is not None
        weeks = placement_weeks(self.detail, ref, ahead=True)
        if not weeks or not any(t.planned or t.attended for _, t in weeks):
            self.chart.clear(self.tr("nothing planned yet"))
            return
        keys = [k for k, _ in weeks]
        paid = [float(t.paid_planned / 60) for _, t in weeks]
        planned = [t.planned / 60 for _, t in weeks]
        attended = [None if is_future_week(k) else t.attended / 60 for k, t in weeks]
        if any(paid):
            bars = [
                Series(self.tr("Planned, unpaid"), [p - q for p, q in zip(planned, paid, strict=True)], PLANNED_COLOR),
                Series(self.tr("Paid hours"), paid, PAID_COLOR),
            ]
        else:
            bars = [Series(self.tr("Planned"), planned, PLANNED_COLOR)]
        self.chart.show_weeks(
            keys, bars, [Series(self.tr("Attended"), attended, ATTENDED_COLOR)], y_title=self.tr("Hours")
        )

    def _preview(self, text: str) -> None:
        """Show how the hours text is read while it is typed; a mistake is shown by the field."""
        self.form.clear_errors()
        if not text.strip():
            self.preview.setText(self.tr("—"))
            return
        try:
            self.preview.setText(fmt_week_hours(minutes_of(parse_hours_text(text))))
        except HoursTextError as exc:
            self.preview.setText("")
            self._field_error("hours", message_of(exc))

    def _field_error(self, key: str, text: str) -> None:
        self.form.errors[key].setText(text)
        self.form.errors[key].show()

    # ---- editing -------------------------------------------------------------------------------

    def add_step(self) -> bool:
        """Add (or replace) the step typed in the form; undo removes it or puts the replaced one back."""
        p = self.placement()
        if p is None:
            return False
        self.form.clear_errors()
        try:
            hours = parse_hours_text(self.hours.text())
        except HoursTextError as exc:
            self._field_error("hours", message_of(exc))
            self.hours.setFocus()
            return False
        try:
            paid = parse_danish_number(self.paid.text()) or 0
        except ValueError:
            self._field_error("paid_per_week", self.tr("must be a number"))
            self.paid.setFocus()
            return False
        start = self.start.value()
        step: dict[str, Any] = {
            "from": start,
            "hours": {k: number_value(v) for k, v in hours.items()},
            "paid_per_week": number_value(paid),
        }
        text = (
            self.tr("Hours step from %1: %2")
            .replace("%1", self.start.text())
            .replace("%2", fmt_week_hours(minutes_of(hours)))
        )
        try:
            self.ctx.push(AddScheduleStep(self.ctx, text, self.ref, p.ref, parse_step(step, "")))
        except EXPECTED as exc:
            self.form.show_error(exc)
            return False
        self.hours.clear()
        self.paid.clear()
        return True

    def remove_selected(self) -> bool:
        """Remove the selected step; undo puts it back."""
        p = self.placement()
        rows = self.table.selectionModel().selectedRows()
        if p is None or not rows:
            return False
        step = self.model.row_at(rows[0].row()).step
        text = self.tr("Remove hours step from %1").replace("%1", fmt_date(step.start))
        try:
            self.ctx.push(RemoveScheduleStep(self.ctx, text, self.ref, p.ref, step.start))
        except EXPECTED as exc:
            self.form.show_error(exc)
            return False
        return True
