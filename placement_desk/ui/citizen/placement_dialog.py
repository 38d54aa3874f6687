"""The new-placement dialog: company, type, purpose, period, workplace mentor and the first hours step
on one screen (the whole registration in at most 12 inputs), and the same form for editing."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from placement_desk.domain.errors import ValidationError
from placement_desk.domain.hours_text import HoursTextError, describe_week, parse_hours_text
from placement_desk.domain.vocab import WEEKDAYS, PlacementType, Purpose
from placement_desk.services import companies, placements
from placement_desk.services.common import today
from placement_desk.services.queries import company_detail, list_companies
from placement_desk.ui.context import UiContext
from placement_desk.ui.forms import DateField, FormDialog, vocab_combo

PRESETS = ("1x2", "2x2", "2x3", "3x3", "3x4", "man-fre 12-15", "man-fre 9-15")


class PlacementDialog(FormDialog):
    def __init__(self, ctx: UiContext, citizen_ref: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.citizen_ref = ctx, citizen_ref
        self.created: str | None = None
        self.setWindowTitle(self.tr("New placement"))
        self.setMinimumWidth(640)
        self.company = self.form.add("company", self.tr("Company"), QComboBox(self))
        self.company.setEditable(True)
        self.company.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for row in list_companies(ctx.db):
            self.company.addItem(row.name, row.ref)
        self.company.setCurrentIndex(-1)
        self.company.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.company.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.company.currentIndexChanged.connect(self._company_changed)
        self.type = self.form.add("type", self.tr("Type"), vocab_combo([t.value for t in PlacementType], parent=self))
        self.type.setCurrentIndex(self.type.findData("internship"))
        self.type.currentIndexChanged.connect(self._type_changed)
        self.purpose = self.form.add(
            "purpose", self.tr("Purpose"), vocab_combo([p.value for p in Purpose], optional=True, parent=self)
        )
        self.start = self.form.add("start", self.tr("Start"), DateField(today(), self))
        self.end = self.form.add("end", self.tr("End (optional)"), DateField(None, self))
        self.mentor = self.form.add("workplace_mentor", self.tr("Workplace mentor"), QComboBox(self))
        self.mentor.setEditable(True)
        self.mentor.lineEdit().setPlaceholderText(self.tr("pick or type a new name"))
        self.hours = self.form.add("hours", self.tr("Hours per week"), QLineEdit(self))
        self.hours.setPlaceholderText(self.tr("e.g. 2x3, 2x4+1x3, man-fre 12-15, tir 2, tor 2"))
        self.hours.textChanged.connect(self._hours_changed)
        self.hours_preview = QLabel(self)
        self.hours_preview.setStyleSheet("color: #555;")
        presets = QHBoxLayout()
        for preset in PRESETS:
            button = QPushButton(preset.replace("x", " × "), self)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, p=preset: self.hours.setText(p))
            presets.addWidget(button)
        self.form.layout_.addRow("", self.hours_preview)
        self.form.layout_.addRow("", _wrap(self, presets))
        self.paid = self.form.add("paid_per_week", self.tr("Paid hours per week"), QLineEdit("0", self))
        self.paid.setEnabled(False)
        self.tasks = self.form.add("tasks", self.tr("Tasks (comma-separated)"), QLineEdit(self))

    def _company_changed(self, _index: int) -> None:
        self.mentor.clear()
        ref = self.company.currentData()
        if not ref:
            return
        for contact_ref, name, role, _phone, _email in company_detail(self.ctx.db, ref).contacts:
            if role in (None, "workplace_mentor", "contact"):
                self.mentor.addItem(name, contact_ref)

    def _type_changed(self, _index: int) -> None:
        paid = self.type.currentData() in ("hybrid", "wage_subsidy", "ordinary_hours", "flex_job", "apprenticeship")
        self.paid.setEnabled(paid)

    def _hours_changed(self, text: str) -> None:
        try:
            hours = parse_hours_text(text)
        except HoursTextError:
            self.hours_preview.setText(self.tr("…") if text.strip() else "")
            return
        minutes = tuple(round(hours.get(k, 0) * 60) for k in WEEKDAYS)
        self.hours_preview.setText(describe_week(minutes))

    def values(self) -> tuple[dict[str, Any], str | None]:
        """The placement's case-file fields, and a new mentor's name if one was typed."""
        if self.company.currentData() is None or self.company.currentText() != self.company.itemText(
            self.company.currentIndex()
        ):
            raise ValidationError("company", "pick a company from the list (or create it under Companies)")
        try:
            hours = parse_hours_text(self.hours.text()) if self.hours.text().strip() else None
        except HoursTextError as exc:
            raise ValidationError("hours", str(exc)) from None
        start = self.start.value()
        fields: dict[str, Any] = {
            "company": self.company.currentData(),
            "type": self.type.currentData(),
            "purpose": self.purpose.currentData(),
            "start": start,
            "end": self.end.value(),
            "tasks": [t.strip() for t in self.tasks.text().split(",") if t.strip()],
        }
        if hours is not None:
            paid_text = self.paid.text().strip().replace(",", ".") or "0"
            try:
                paid: Any = float(paid_text) if self.paid.isEnabled() else 0
            except ValueError:
                paid = paid_text
            fields["schedule"] = [{"from": start, "hours": hours, "paid_per_week": paid}]
        new_mentor = None
        mentor_text = self.mentor.currentText().strip()
        index = self.mentor.findText(mentor_text)
        if mentor_text and index >= 0:
            fields["workplace_mentor"] = self.mentor.itemData(index)
        elif mentor_text:
            new_mentor = mentor_text
        return fields, new_mentor

    def save(self) -> None:
        try:
            fields, new_mentor = self.values()
            db, actor, citizen = self.ctx.db, self.ctx.actor, self.citizen_ref

            def do() -> tuple[str, str | None]:
                contact = None
                if new_mentor:
                    contact = companies.add_contact(
                        db, fields["company"], {"name": new_mentor, "role": "workplace_mentor"}, actor
                    )
                try:
                    ref = placements.create_placement(
                        db, citizen, {**fields, "workplace_mentor": contact or fields.get("workplace_mentor")}, actor
                    )
                except ValidationError:
                    if contact:
                        companies.remove_contact(db, fields["company"], contact, actor)
                    raise
                return ref, contact

            def undo(state: tuple[str, str | None]) -> None:
                placements.discard_placement(db, state[0])
                if state[1]:
                    companies.remove_contact(db, fields["company"], state[1], actor)

            self.created = self.ctx.execute(self.tr("New placement"), do, undo, citizen)[0]
        except ValidationError as exc:
            self.form.show_error(exc)
            return
        self.accept()


def _wrap(parent: QWidget, layout: QHBoxLayout) -> QWidget:
    holder = QWidget(parent)
    layout.setContentsMargins(0, 0, 0, 0)
    holder.setLayout(layout)
    return holder
