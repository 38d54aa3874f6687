"""Forløb: the citizen's placements; register a new one, edit one (double-click or Enter), end one,
archive one."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from placement_desk.domain import casefile as cf
from placement_desk.services.common import today
from placement_desk.services.views import PlacementInfo
from placement_desk.ui.citizen.base import CitizenTab
from placement_desk.ui.citizen.outcome_fields import OutcomeFields, outcome_text
from placement_desk.ui.citizen.placement_dialog import EditPlacementDialog, PlacementDialog
from placement_desk.ui.citizen.placement_fields import placement_value
from placement_desk.ui.commands.placements import ArchivePlacement, EditPlacement
from placement_desk.ui.kit.formatting import fmt_date, fmt_week_hours
from placement_desk.ui.kit.forms import DateField, FormDialog, text_or_none
from placement_desk.ui.kit.table_model import ROW_ROLE, Column, RowTableModel
from placement_desk.ui.kit.vocab_labels import label
from placement_desk.ui.shell.context import UiContext


def current_step(p: cf.Placement) -> cf.ScheduleStep | None:
    on = min(today(), p.end) if p.end else today()
    steps = [s for s in p.schedule if s.start <= on]
    return steps[-1] if steps else (p.schedule[0] if p.schedule else None)


class EndPlacementDialog(FormDialog):
    """End a placement (date and why) — the end reason is what the dossier reports as 'why it stopped'."""

    def __init__(self, ctx: UiContext, placement: cf.Placement, version: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.placement, self.version = ctx, placement, version
        self.scope = parent.ref if isinstance(parent, CitizenTab) else "*"
        self.setWindowTitle(self.tr("End placement %1").replace("%1", placement.ref))
        self.end = self.form.add("end", self.tr("End"), DateField(placement.end or today(), self))
        self.reason = self.form.add("end_reason", self.tr("Why it ended"), QLineEdit(placement.end_reason or "", self))
        self.reason.setPlaceholderText(self.tr("e.g. stopped by the company: needed too much training"))
        self.outcome = OutcomeFields(self.form, placement.outcome, placement.end or today(), placement=True)

    def commit(self) -> None:
        before = replace(self.placement, schedule=(), attendance=(), capacity=())
        ended = {"end": self.end.value(), "end_reason": text_or_none(self.reason), "outcome": self.outcome.value()}
        text = self.tr("End placement %1").replace("%1", before.ref)

        def save() -> None:
            after = placement_value({**cf.placement_json(before), **ended}, before.ref)
            self.ctx.push(EditPlacement(self.ctx, text, self.scope, before, after, self.version))

        self.submit(save, OutcomeFields.field_error)


class PlacementsTab(CitizenTab):
    key = "placements"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model: RowTableModel[cf.Placement] = RowTableModel(
            [
                Column(self.tr("Company"), lambda r: i.company_name if (i := self._info(r)) else r.company),
                Column(self.tr("Type"), lambda r: label(r.type)),
                Column(self.tr("Purpose"), lambda r: label(r.purpose)),
                Column(
                    self.tr("Period"),
                    lambda r: f"{fmt_date(r.start)} – {fmt_date(r.end)}",
                    lambda r: r.start.isoformat(),
                ),
                Column(self.tr("Hours now"), lambda r: fmt_week_hours(s.minutes) if (s := current_step(r)) else ""),
                Column(
                    self.tr("Workplace mentor"),
                    lambda r: (i.mentor_name or self.tr("missing")) if (i := self._info(r)) else "",
                ),
                Column(self.tr("Why it ended"), lambda r: r.end_reason or ""),
                Column(self.tr("Outcome"), lambda r: outcome_text(r.outcome)),
            ],
            self,
        )
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Placements"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda _i: self.edit_selected())  # double-click or Enter
        self.new_button = QPushButton(self.tr("New placement…  (Ctrl+N)"), self)
        self.new_button.clicked.connect(self.new_placement)
        self.edit_button = QPushButton(self.tr("Edit placement…"), self)
        self.edit_button.clicked.connect(self.edit_selected)
        self.end_button = QPushButton(self.tr("End placement…"), self)
        self.end_button.clicked.connect(self.end_selected)
        self.archive_button = QPushButton(self.tr("Archive"), self)
        self.archive_button.clicked.connect(self.archive_selected)
        buttons = QHBoxLayout()  # Ctrl+N: the citizen page's shortcut, from any tab
        for b in (self.new_button, self.edit_button, self.end_button, self.archive_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)

    def _info(self, p: cf.Placement) -> PlacementInfo | None:
        return self.detail.placements.get(p.ref) if self.detail else None

    def refresh(self) -> None:
        assert self.detail is not None
        rows = sorted(self.detail.citizen.placements, key=lambda p: p.start, reverse=True)
        self.model.set_rows(rows)
        if rows:
            self.table.setCurrentIndex(self.model.index(0, 0))

    def selected(self) -> cf.Placement | None:
        index = self.table.currentIndex()
        return self.model.data(index, ROW_ROLE) if index.isValid() else None

    def new_placement(self) -> PlacementDialog:
        dialog = PlacementDialog(self.ctx, self.ref, self)
        dialog.open()
        return dialog

    def edit_selected(self) -> EditPlacementDialog | None:
        p = self.selected()
        if p is None or self.detail is None:
            return None
        dialog = EditPlacementDialog(self.ctx, p, self.detail.placements[p.ref], self.ref, self)
        dialog.open()
        return dialog

    def end_selected(self) -> EndPlacementDialog | None:
        p = self.selected()
        if p is None or self.detail is None:
            return None
        dialog = EndPlacementDialog(self.ctx, p, self.detail.placements[p.ref].version, self)
        dialog.open()
        return dialog

    def archive_selected(self) -> None:
        p = self.selected()
        if p is None:
            return
        text = self.tr("Archive placement %1").replace("%1", p.ref)
        self.ctx.guarded(lambda: self.ctx.push(ArchivePlacement(self.ctx, text, self.ref, p.ref)))
