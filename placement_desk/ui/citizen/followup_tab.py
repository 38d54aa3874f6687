"""Opfølgning: follow-up meetings. A new one is pre-filled with the attendance since the last one;
an agreed hours change becomes a step of the hours plan in the same action; finalised ones are
read-only and take appended corrections."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from placement_desk.domain import casefile as cf
from placement_desk.domain.casefile_parse import parse_followup
from placement_desk.domain.errors import ConflictError, ValidationError
from placement_desk.services.common import today
from placement_desk.services.views import Row
from placement_desk.ui.citizen.base import CitizenTab
from placement_desk.ui.citizen.followup_editor import FollowupForm, attendance_summary
from placement_desk.ui.commands.followups import AddCorrection, EditFollowup, FinaliseFollowup, RecordFollowup
from placement_desk.ui.kit.fit import scroll_page
from placement_desk.ui.kit.formatting import fmt_date, fmt_week_hours
from placement_desk.ui.kit.vocab_labels import label
from placement_desk.ui.shell.context import UiContext


class FollowupTab(CitizenTab):
    key = "followup"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.current: Row[cf.Followup] | None = None  # None: a new follow-up
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Follow-ups"))
        self.list.currentRowChanged.connect(self._select)
        self.new_button = QPushButton(self.tr("New follow-up"), self)
        self.new_button.clicked.connect(self.start_new)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.new_button)
        left_layout.addWidget(self.list)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.form = FollowupForm(self)
        self.corrections = QLabel(self)
        self.corrections.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save  (Ctrl+S)"), self)
        self.save_button.clicked.connect(self.save)
        self.finalise_button = QPushButton(self.tr("Finalise"), self)
        self.finalise_button.clicked.connect(self.finalise)
        self.correct_button = QPushButton(self.tr("Add correction…"), self)
        self.correct_button.clicked.connect(self.add_correction)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        buttons = QHBoxLayout()
        for b in (self.save_button, self.finalise_button, self.correct_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        editor_layout = QVBoxLayout()
        editor_layout.addWidget(self.state)
        editor_layout.addWidget(self.form)
        editor_layout.addWidget(self.corrections)
        editor_layout.addStretch(1)
        right = QWidget(self)  # the form scrolls; Save and Finalise stay under it, always in view
        self.editor_scroll = scroll_page(right, editor_layout, buttons)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # ---- loading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        assert self.detail is not None
        keep = self.current.id if self.current else None
        self.list.blockSignals(True)
        self.list.clear()
        for row in reversed(self.detail.followups):
            f = row.value
            mark = "🔒 " if f.finalised else "✎ "
            item = QListWidgetItem(f"{mark}{fmt_date(f.day)}  {label(f.kind)}")
            self.list.addItem(item)
        self.list.blockSignals(False)
        rows = list(reversed(self.detail.followups))
        index = next((i for i, r in enumerate(rows) if r.id == keep), None)
        if index is not None:
            self.list.setCurrentRow(index)
            self._select(index)
        else:
            self.start_new()

    def _rows(self) -> list[Row[cf.Followup]]:
        assert self.detail is not None
        return list(reversed(self.detail.followups))

    def _select(self, index: int) -> None:
        if index < 0 or self.detail is None:
            return
        self.current = self._rows()[index]
        f = self.current.value
        self.form.load(self.detail, f, f.placement)
        self.form.set_read_only(f.finalised)
        self.form.new_hours.setEnabled(not f.finalised)
        self.form.hours_from.setEnabled(not f.finalised)
        self.state.setText(
            self.tr("Finalised: read-only. Corrections are appended below.")
            if f.finalised
            else self.tr("Draft: can still be changed.")
        )
        self.corrections.setText(
            "\n".join(
                self.tr("Correction %1 by %2: %3")
                .replace("%1", fmt_date(k.day))
                .replace("%2", k.author or "?")
                .replace("%3", k.text)
                for k in f.corrections
            )
        )
        self.save_button.setEnabled(not f.finalised)
        self.finalise_button.setEnabled(not f.finalised)
        self.correct_button.setEnabled(f.finalised)

    def start_new(self, placement_ref: str | None = None) -> None:
        """A new follow-up pre-filled: today, monthly, the current placement, attendance since the last one."""
        d = self.detail
        assert d is not None
        on = today()
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self.current = None
        current = d.current_placements(on)
        ref = placement_ref or (current[-1].ref if current else None)
        held = [r.value.day for r in d.followups if r.value.day < on]
        since = (max(held) + timedelta(days=1)) if held else (current[-1].start if current else on - timedelta(days=30))
        summary = attendance_summary(d, since, on - timedelta(days=1))
        draft = cf.Followup(
            day=on,
            kind="monthly" if held else "startup",
            placement=ref,
            participants=("citizen", "mentor", "workplace_mentor") if ref else ("citizen", "mentor"),
            topics=(("attendance", summary),) if summary else (),
        )
        self.form.load(d, draft, ref)
        self.form.set_read_only(False)
        self.state.setText(self.tr("New follow-up (not saved yet)"))
        self.corrections.setText("")
        self.save_button.setEnabled(True)
        self.finalise_button.setEnabled(False)
        self.correct_button.setEnabled(False)
        self.form.note.setFocus()

    # ---- actions ------------------------------------------------------------------------------

    def save(self) -> bool:
        if self.detail is None or (self.current is not None and self.current.value.finalised):
            return False
        try:
            followup = parse_followup(self.form.values(), "")
            step = self.form.hours_change(followup.day)
            if step is not None:
                step = self._with_paid(followup.placement, step)
            replaced = self._step_on(followup.placement, step.start) if step else None
            note = self.step_note(step, replaced)
            if self.current is None:
                command = RecordFollowup(self.ctx, self.tr("New follow-up"), self.ref, followup, step)
                self.ctx.push(command, note=note)
                assert command.saved is not None
                self.current = Row(command.saved.id, command.saved.version, followup)
            else:
                row = self.current
                edit = EditFollowup(self.ctx, self.tr("Edit follow-up"), self.ref, row.id, row.value, followup,
                                    row.version, step)  # fmt: skip
                self.ctx.push(edit, note=note)
        except ConflictError:
            return False
        except ValidationError as exc:
            self.form.show_error(exc)
            return False
        return True

    def step_note(self, step: cf.ScheduleStep | None, replaced: cf.ScheduleStep | None) -> str:
        """What the save note says about the hours step an agreed hours change made."""
        if step is None:
            return ""
        text = (
            self.tr("New step in the hours plan from %1: %2")
            .replace("%1", fmt_date(step.start))
            .replace("%2", fmt_week_hours(step.minutes))
        )
        return text + (self.tr(" (replaces the step of that day)") if replaced is not None else "")

    def _step_on(self, placement: str | None, start: date) -> cf.ScheduleStep | None:
        if self.detail is None or placement is None:
            return None
        p = self.detail.placement(placement)
        return next((s for s in p.schedule if s.start == start), None)

    def _with_paid(self, placement: str | None, step: cf.ScheduleStep) -> cf.ScheduleStep:
        """A new step keeps the paid hours per week of the step before it (capped at the new week)."""
        if self.detail is None or placement is None:
            return step
        p = self.detail.placement(placement)
        earlier = [s for s in p.schedule if s.start <= step.start]
        paid = earlier[-1].paid_per_week if earlier else 0
        return replace(step, paid_per_week=min(paid, sum(step.minutes)))

    def finalise(self) -> None:
        row = self.current
        if row is None or row.value.finalised:
            return
        if not self.save():
            return
        text = self.tr("Finalise follow-up")
        self.ctx.guarded(lambda: self.ctx.push(FinaliseFollowup(self.ctx, text, self.ref, row.id)))

    def add_correction(self, text: str | None = None) -> None:
        row = self.current
        if row is None or not row.value.finalised:
            return
        if text is None:
            text, ok = QInputDialog.getMultiLineText(self, self.tr("Add correction"), self.tr("Correction"))
            if not ok:
                return
        command = AddCorrection(self.ctx, self.tr("Add correction"), self.ref, row.id, text, today())
        self.ctx.guarded(lambda: self.ctx.push(command))
