"""The outcome of a referral or placement in the dialog that ends it (issue 18): what it led to, from
the vocabulary, with its date and a note; for a placement also whether the company hired the citizen
and for how many hours a week."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from placement_desk.domain.errors import ValidationError
from placement_desk.domain.outcomes import Outcome
from placement_desk.domain.vocab import OutcomeKind
from placement_desk.ui.kit.formatting import fmt_date, fmt_hours
from placement_desk.ui.kit.forms import DateField, Form, text_or_none
from placement_desk.ui.kit.vocab_labels import outcome_label

# A service's path inside the outcome -> the field that shows its error.
_KEYS = {"kind": "outcome", "date": "outcome_date", "note": "outcome_note", "hired": "outcome_hired",
         "hired_hours": "outcome_hours"}  # fmt: skip


class OutcomeFields(QObject):
    """Adds the outcome's fields to ``form``; :meth:`value` gives the case-file ``outcome`` (or None)."""

    def __init__(self, form: Form, outcome: Outcome | None, default_day: date | None, placement: bool) -> None:
        super().__init__(form)
        self.form = form
        self.kind: QComboBox = form.add("outcome", self.tr("What it led to"), QComboBox(form))
        self.kind.addItem(self.tr("(not recorded)"), None)
        for k in OutcomeKind:
            self.kind.addItem(outcome_label(k.value), k.value)
        self.day: DateField = form.add(
            "outcome_date", self.tr("Outcome date"), DateField(outcome.day if outcome else default_day, form)
        )
        self.note: QLineEdit = form.add(
            "outcome_note", self.tr("About the outcome"), QLineEdit(outcome.note or "" if outcome else "", form)
        )
        self.note.setPlaceholderText(self.tr("e.g. flex job at 15 hours with a personal assistant"))
        self.hired: QCheckBox | None = None
        self.hours: QLineEdit | None = None
        if placement:
            self.hired = form.add("outcome_hired", self.tr("Hired"), QCheckBox(self.tr("The company hired the citizen"),
                                                                              form))  # fmt: skip
            self.hours = form.add("outcome_hours", self.tr("Hired hours per week"), QLineEdit(form))
            self.hours.setPlaceholderText(self.tr("e.g. 15 or 12,5"))
            if outcome is not None and outcome.hired:
                self.hired.setChecked(True)
            if outcome is not None and outcome.hired_minutes is not None:
                self.hours.setText(f"{outcome.hired_minutes / 60:g}".replace(".", ","))
            self.hired.toggled.connect(self._sync)
        if outcome is not None:
            self.kind.setCurrentIndex(max(self.kind.findData(outcome.kind), 0))
        self.kind.currentIndexChanged.connect(self._sync)
        self._sync()

    def _sync(self, *_: Any) -> None:
        chosen = self.kind.currentData() is not None
        for w in (self.day, self.note, self.hired):
            if w is not None:
                w.setEnabled(chosen)
        if self.hours is not None and self.hired is not None:
            self.hours.setEnabled(chosen and self.hired.isChecked())

    def value(self) -> dict[str, Any] | None:
        """The case-file ``outcome`` object as typed (the form reads it with the case-file parser), or None."""
        kind = self.kind.currentData()
        if kind is None:
            return None
        out: dict[str, Any] = {"kind": kind, "date": self.day.value(), "note": text_or_none(self.note)}
        if self.hired is not None and self.hours is not None:
            out["hired"] = self.hired.isChecked()
            text = self.hours.text().strip().replace(",", ".")
            if self.hired.isChecked() and text:
                try:
                    out["hired_hours"] = float(text)
                except ValueError:
                    out["hired_hours"] = text  # refused by the service, next to this field
        return out

    @staticmethod
    def field_error(exc: ValidationError) -> ValidationError:
        """A service's ``outcome.date``-style path as the field that shows it (its code kept: the UI's
        language; an error without a code stays where it is)."""
        parts = exc.path.split(".")
        if exc.code is not None and len(parts) == 2 and parts[0] == "outcome" and parts[1] in _KEYS:
            return ValidationError(_KEYS[parts[1]], code=exc.code, **exc.params)
        return exc


def outcome_text(outcome: Outcome | None) -> str:
    """An outcome in one line for a table or a summary: "Fleksjob (01-05-2024), ansat 15,00 t/uge"."""
    if outcome is None:
        return ""
    text = f"{outcome_label(outcome.kind)} ({fmt_date(outcome.day)})"
    if outcome.hired:
        text += QCoreApplication.translate("Outcome", ", hired")
        if outcome.hired_minutes is not None:
            text += " " + QCoreApplication.translate("Outcome", "%1/week").replace("%1", fmt_hours(outcome.hired_minutes))
    return text
