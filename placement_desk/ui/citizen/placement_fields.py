"""The fields of the placement forms: a company picked by typing part of its name, a workplace mentor
picked or typed new, and the whole hours plan in one line with a live "Read as" preview."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from placement_desk.domain import casefile as cf
from placement_desk.domain.casefile_parse import parse_placement
from placement_desk.domain.hours_text import HoursTextError, PlanStep, parse_hours_plan
from placement_desk.services.placements import NEW
from placement_desk.services.queries import CompanyRow
from placement_desk.ui.citizen.tab_tools import number_value
from placement_desk.ui.kit.formatting import fmt_date, fmt_number, fmt_week_hours
from placement_desk.ui.kit.messages import danish_message

PRESETS = ("1x2", "2x2", "2x3", "3x3", "3x4", "man-fre 12-15", "man-fre 9-15")
PAID_TYPES = ("hybrid", "wage_subsidy", "ordinary_hours", "flex_job", "apprenticeship")
MENTOR_ROLES = (None, "workplace_mentor", "contact")
HINT_STYLE = "color: #555;"


class CompanyBox(QComboBox):
    """The companies; type part of a name: leaving the field picks the one company it matches."""

    def __init__(self, rows: list[CompanyRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for row in rows:
            self.addItem(row.name, row.ref)
        self.setCurrentIndex(-1)
        self.edit = self.lineEdit()
        assert self.edit is not None
        self.edit.setPlaceholderText(self.tr("type part of the name"))
        self.edit.editingFinished.connect(self.resolve)
        completer = QCompleter(self.model(), self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self.popup = completer.popup()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """Leaving the field (Tab, Enter, a click elsewhere; the completer's list open or not) resolves it."""
        inside = (self, self.edit)
        if old in inside and new not in inside and new is not self.popup:
            self.resolve()

    def resolve(self) -> None:
        """The typed text as a company: the one named so, else the only one whose name contains it."""
        text = self.currentText().strip().lower()
        if not text or self.ref() is not None:
            return
        names = [self.itemText(i).lower() for i in range(self.count())]
        hits = [i for i, n in enumerate(names) if n == text] or [i for i, n in enumerate(names) if text in n]
        if len(hits) == 1:
            self.setCurrentIndex(hits[0])
            self.setEditText(self.itemText(hits[0]))

    def ref(self) -> str | None:
        index = self.currentIndex()
        if index < 0 or self.currentText().strip() != self.itemText(index):
            return None
        data = self.itemData(index)
        return data if isinstance(data, str) else None

    def choose(self, ref: str) -> None:
        self.setCurrentIndex(self.findData(ref))

    def problem(self) -> str | None:
        self.resolve()
        if self.ref() is None:
            return "is required" if not self.currentText().strip() else "pick a company from the list"
        return None


class MentorBox(QWidget):
    """The company's workplace mentors to pick from, or a new name (", phone" after it) that is created
    as a contact together with the placement; a line under the field says which it will be."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        edit = self.combo.lineEdit()
        assert edit is not None
        edit.setPlaceholderText(self.tr("pick, or type a new name (and a phone number)"))
        self.hint = QLabel(self)
        self.hint.setStyleSheet(HINT_STYLE)
        self.hint.setWordWrap(True)
        self.hint.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.combo)
        layout.addWidget(self.hint)
        self.focus_target = self.combo  # what the form focuses (see forms._target)
        self.combo.editTextChanged.connect(lambda _t: self._update_hint())
        self._company = ""

    def set_contacts(self, company: str, contacts: list[tuple[str, str, str | None]], chosen: str | None) -> None:
        """``contacts``: (ref, name, role); ``chosen`` a ref, or None for the first workplace mentor."""
        self._company = company
        typed = self.choice()[1] is not None  # a new name typed already stays when the company changes
        text = self.combo.currentText()
        self.combo.blockSignals(True)
        self.combo.clear()
        for ref, name, role in contacts:
            if role in MENTOR_ROLES or ref == chosen:
                self.combo.addItem(name, ref)
        mentors = [r for r, _n, role in contacts if role == "workplace_mentor"]
        pick = chosen if chosen is not None else (mentors[0] if mentors else None)
        self.combo.setCurrentIndex(self.combo.findData(pick) if pick is not None else -1)
        if pick is None or typed:
            self.combo.setCurrentIndex(-1)
            self.combo.setEditText(text if typed else "")
        self.combo.blockSignals(False)
        self._update_hint()

    def choice(self) -> tuple[str | None, cf.Contact | None]:
        """(an existing contact's ref, None) or (None, a new contact, its ref to come) or (None, None)."""
        text = self.combo.currentText().strip()
        if not text:
            return None, None
        index = self.combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return self.combo.itemData(index), None
        name, phone = text, None
        if m := re.fullmatch(r"(.+?)\s*,\s*(\+?[\d ]{8,})", text):
            name, phone = m.group(1).strip(), m.group(2).strip()
        return None, cf.Contact(ref="", name=name, role="workplace_mentor", phone=phone)

    def _update_hint(self) -> None:
        _ref, new = self.choice()
        if new is not None:
            text = self.tr("New workplace mentor at %1: %2").replace("%1", self._company or "?")
            self.hint.setText(text.replace("%2", new.name + (f", {new.phone}" if new.phone else "")))
        self.hint.setVisible(new is not None)
        self.edited.emit()


class PlanField(QWidget):
    """The hours plan in one line ("2x3; 3x3 (3 løn) fra 04-01; 4x3,5 (6 løn) fra 01-02"), read back
    step by step while it is typed; the preset buttons add a step (mouse only: not in the tab chain)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.textEdited.connect(lambda _t: self.edited.emit())
        self.edit.setPlaceholderText(self.tr("e.g. 2x3; 3x3 (3 løn) fra 04-01; 4x3,5 (6 løn) fra 01-02"))
        self.edit.setToolTip(
            self.tr(
                "Steps separated by ';'. Each step: hours (2x3, 2x4+1x3, man-fre 12-15, tir 2, tor 2), "
                "optionally paid hours per week '(3 løn)' and the first day 'fra 04-01'. A step without "
                "a date starts 4 weeks after the one before it."
            )
        )
        self.preview = QLabel(self)
        self.preview.setObjectName("planPreview")
        self.preview.setStyleSheet(HINT_STYLE)
        self.preview.setWordWrap(True)
        presets = QHBoxLayout()
        presets.setContentsMargins(0, 0, 0, 0)
        self.preset_buttons: list[QPushButton] = []
        for preset in PRESETS:
            button = QPushButton(preset.replace("x", " × "), self)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolTip(self.tr("Add this step to the plan"))
            button.clicked.connect(lambda _c=False, p=preset: self.add_step(p))
            presets.addWidget(button)
            self.preset_buttons.append(button)
        presets.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.preview)
        layout.addLayout(presets)
        self.focus_target = self.edit

    def text(self) -> str:
        return self.edit.text()

    def add_step(self, preset: str) -> None:
        text = self.edit.text().strip().rstrip(";").strip()
        self.edit.setText(f"{text}; {preset}" if text else preset)
        self.edited.emit()

    def show_preview(self, steps: tuple[PlanStep, ...] | None, problem: str | None) -> None:
        if problem is not None:
            self.preview.setText(self.tr("Cannot read it yet: %1").replace("%1", danish_message(problem)))
        elif not steps:
            self.preview.setText(self.tr("No hours plan yet (it can be added on the Hours plan tab)."))
        else:
            self.preview.setText("\n".join(step_line(self, s) for s in steps))


def step_line(widget: QWidget, step: PlanStep) -> str:
    """'from 04-01-2027: 3 × 3 t = 9 t (man, ons, fre), 3 paid'."""
    text = widget.tr("from %1: %2").replace("%1", fmt_date(step.start)).replace("%2", fmt_week_hours(step.minutes))
    if step.paid:
        text += widget.tr(", %1 paid").replace("%1", fmt_number(step.paid, 2).rstrip("0").rstrip(","))
    return text


def read_plan(text: str, start: date, follow_first: bool) -> tuple[tuple[PlanStep, ...], str | None]:
    """The plan's steps (none for an empty text) and the problem with it (English), if any."""
    if not text.strip():
        return (), None
    try:
        return parse_hours_plan(text, start, follow_first), None
    except HoursTextError as exc:
        return (), str(exc)


def placement_value(fields: dict[str, Any], ref: str = NEW) -> cf.Placement:
    """A placement form's fields (case-file form) read as a case file's placement is: a field's mistake
    raises ValidationError naming it. ``ref``: the placement's, or NEW for one not created yet."""
    return replace(parse_placement({**fields, "ref": ref or "new"}, ""), ref=ref)


def schedule_of(steps: tuple[PlanStep, ...]) -> list[dict[str, Any]]:
    """The steps as a placement form's ``schedule`` field (case-file form)."""
    return [
        {
            "from": s.start.isoformat(),
            "hours": {k: number_value(v) for k, v in s.hours.items()},
            "paid_per_week": number_value(s.paid),
        }
        for s in steps
    ]
