"""The reason picker: status, reason (the usual ones or free text), hours and a note for one day.

Opened from the attendance grid and the workplace mentor's list with S (sick), F (agreed absence),
U (no-show) or R (change the registration). The reason field has focus: type a few letters (the
usual reasons complete inline) and press Enter. "Left early" is *present* with fewer hours.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from placement_desk.domain import casefile as cf
from placement_desk.domain.numbers import hours_value
from placement_desk.ui.attendance.style import day_title, parse_hours, short_hours
from placement_desk.ui.kit.forms import ERROR_STYLE
from placement_desk.ui.kit.messages import english

# The reasons people give, as they are stored (Danish data, like the case files): the figures group
# absence by reason, so picking the same word every time is what makes "all absence due to migraine"
# come out right.
USUAL_REASONS: tuple[str, ...] = (
    "Migræne",
    "Influenza",
    "Forkølelse",
    "Ondt i ryggen",
    "Tandlæge",
    "Lægebesøg",
    "Ferie",
    "Møde på jobcentret",
    "Barn syg",
    "Andet",
)
# How the English UI shows them (what is stored stays the Danish word above).
REASONS_ENGLISH: dict[str, str] = {
    "Migræne": "Migraine",
    "Influenza": "Flu",
    "Forkølelse": "Cold",
    "Ondt i ryggen": "Back pain",
    "Tandlæge": "Dentist",
    "Lægebesøg": "Doctor's appointment",
    "Ferie": "Holiday",
    "Møde på jobcentret": "Meeting at the job centre",
    "Barn syg": "Sick child",
    "Andet": "Other",
}
STATUSES: tuple[str, ...] = ("present", "sick", "absent_agreed", "absent_unexcused")


def reason_text(stored: str) -> str:
    """A stored reason as the UI shows it: a usual reason in the UI's language, anything else as typed."""
    return REASONS_ENGLISH.get(stored, stored) if english() else stored


def reason_choices(used: Sequence[str]) -> list[str]:
    """The usual reasons, then those this placement has used that are not among them."""
    known = {r.lower() for r in USUAL_REASONS}
    extra: list[str] = []
    for reason in used:
        text = reason.strip()
        if text and text.lower() not in known:
            known.add(text.lower())
            extra.append(text)
    return [*USUAL_REASONS, *sorted(extra, key=str.lower)]


class ReasonPicker(QDialog):
    """A small dialog; :meth:`fields` gives the case-file attendance fields for ``log_day``."""

    def __init__(
        self,
        day: date,
        status: str,
        planned: int,
        record: cf.Attendance | None = None,
        heading: str = "",
        used_reasons: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reasonPicker")
        self.day, self.planned = day, planned
        self.setWindowTitle(self.tr("Attendance %1").replace("%1", day_title(day)))
        self._hours_touched = False
        title = QLabel(" · ".join(x for x in (heading, day_title(day), self._planned_text()) if x), self)
        title.setWordWrap(True)
        title.setStyleSheet("font-weight: 600;")
        self.status = QComboBox(self)
        for code in STATUSES:
            self.status.addItem(self._status_text(code), code)
        self.reason = QComboBox(self)
        self.reason.setEditable(True)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for stored in reason_choices(used_reasons):
            self.reason.addItem(reason_text(stored), stored)
        completer, edit = self.reason.completer(), self.reason.lineEdit()
        assert completer is not None and edit is not None
        self.reason_edit: QLineEdit = edit
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.reason_edit.setPlaceholderText(self.tr("Choose or type a reason"))
        # Enter that accepts an inline completion never reaches the OK button: accept here too.
        self.reason_edit.returnPressed.connect(self.accept)
        self.hours = QLineEdit(self)
        self.hours.setMaximumWidth(90)
        self.hours.textEdited.connect(self._touch_hours)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Optional, e.g. 'called at 8'"))
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        form = QFormLayout()
        for caption, field in (
            (self.tr("&Status"), self.status),
            (self.tr("&Reason"), self.reason),
            (self.tr("&Hours attended"), self.hours),
            (self.tr("&Note"), self.note),
        ):
            caption_label = QLabel(caption, self)
            caption_label.setBuddy(field)  # Alt + the underlined letter moves there
            form.addRow(caption_label, field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._fill(status, record)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.reason.setFocus()

    def _status_text(self, code: str) -> str:
        return {
            "present": self.tr("Present (left early or other hours)"),
            "sick": self.tr("Sick"),
            "absent_agreed": self.tr("Agreed absence"),
            "absent_unexcused": self.tr("No-show"),
        }[code]

    def _planned_text(self) -> str:
        return self.tr("planned %1").replace("%1", short_hours(self.planned)) if self.planned else ""

    def _fill(self, status: str, record: cf.Attendance | None) -> None:
        self.status.setCurrentIndex(max(STATUSES.index(status) if status in STATUSES else 0, 0))
        same = record is not None and record.status == status
        self.reason.setEditText(reason_text(record.reason or "") if record is not None and same else "")
        self.reason_edit.selectAll()
        self.note.setText(record.note or "" if record is not None else "")
        minutes = record.minutes if record is not None and same else self._default_minutes(status)
        self.hours.setText(self._hours_text(minutes))

    def _default_minutes(self, status: str) -> int:
        return self.planned if status == "present" else 0

    @staticmethod
    def _hours_text(minutes: int) -> str:
        return short_hours(minutes).split()[0]

    def _touch_hours(self) -> None:
        self._hours_touched = True

    def _status_changed(self) -> None:
        if not self._hours_touched:
            self.hours.setText(self._hours_text(self._default_minutes(self.status_code())))

    def status_code(self) -> str:
        return str(self.status.currentData())

    def minutes(self) -> int | None:
        try:
            return parse_hours(self.hours.text() or "0")
        except ValueError:
            return None

    def fields(self) -> dict[str, Any]:
        """The case-file attendance fields of the answer (``date``, ``status``, ``hours``, ...)."""
        minutes = self.minutes()
        out: dict[str, Any] = {
            "date": self.day.isoformat(),
            "status": self.status_code(),
            "hours": hours_value(minutes or 0),
        }
        reason, note = self.reason.currentText().strip(), self.note.text().strip()
        choices = {self.reason.itemText(i).lower(): self.reason.itemData(i) for i in range(self.reason.count())}
        reason = choices.get(reason.lower(), reason)  # "migr" + completion -> "Migræne" (stored Danish)
        if reason:
            out["reason"] = reason
        if note:
            out["note"] = note
        return out

    def accept(self) -> None:
        if not self.isVisible():  # Enter already accepted by the reason field
            return
        if self.minutes() is None:
            self.error.setText(self.tr("Hours: write a number from 0 to 24, e.g. 2,5"))
            self.error.show()
            self.hours.setFocus()
            self.hours.selectAll()
            return
        super().accept()


def open_picker(parent: QWidget, on_accept: Callable[[dict[str, Any]], None], **kwargs: Any) -> ReasonPicker:
    """Show the picker window-modal without blocking; ``on_accept`` gets the fields on OK/Enter."""
    picker = ReasonPicker(parent=parent, **kwargs)
    picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    picker.accepted.connect(lambda: on_accept(picker.fields()))
    picker.open()
    return picker
