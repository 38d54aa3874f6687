"""The follow-up form: standing topics, the citizen's own view, agreed changes and an hours change."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLineEdit, QPlainTextEdit, QWidget

from placement_desk.domain import casefile as cf
from placement_desk.domain.casefile_parse import parse_step
from placement_desk.domain.errors import ValidationError
from placement_desk.domain.hours_text import HoursTextError, parse_hours_text
from placement_desk.domain.numbers import hours, rate
from placement_desk.domain.vocab import FollowupKind
from placement_desk.services.views import CitizenDetail
from placement_desk.ui.citizen.period_figures import period_figures
from placement_desk.ui.kit.formatting import fmt_date, fmt_number
from placement_desk.ui.kit.forms import DateField, Form, vocab_combo
from placement_desk.ui.kit.vocab_labels import label

PARTICIPANTS = ("citizen", "mentor", "workplace_mentor", "consultant", "caseworker")


def attendance_summary(detail: CitizenDetail, since: date, until: date) -> str:
    """'Fremmøde 13-10-2026 – 23-11-2026: 86,4 % (38,00 t af 44,00 t). Fravær: migræne 2 dage (6,00 t).'"""
    if since > until:
        return ""
    figures = period_figures(detail, since, until)
    if figures is None or figures.total.counted_planned == 0:
        return (
            QCoreApplication.translate("FollowupEditor", "No planned hours registered %1 – %2.")
            .replace("%1", fmt_date(since))
            .replace("%2", fmt_date(until))
        )
    t = figures.total
    value = rate(t.attendance_rate)
    text = (
        QCoreApplication.translate("FollowupEditor", "Attendance %1 – %2: %3 % (%4 h of %5 h).")
        .replace("%1", fmt_date(since))
        .replace("%2", fmt_date(until))
        .replace("%3", fmt_number((value or 0) * 100, 1))
        .replace("%4", fmt_number(hours(t.attended_counted)))
        .replace("%5", fmt_number(hours(t.counted_planned)))
    )
    reasons = figures.absence_by_reason()
    if reasons:
        parts = ", ".join(
            QCoreApplication.translate("FollowupEditor", "%1 %2 days (%3 h)")
            .replace("%1", label(r.reason))
            .replace("%2", str(r.days))
            .replace("%3", fmt_number(hours(r.minutes)))
            for r in reasons[:4]
        )
        text += " " + QCoreApplication.translate("FollowupEditor", "Absence: %1.").replace("%1", parts)
    return text


class FollowupForm(Form):
    """Fields of one follow-up; ``values()`` gives the service fields, ``hours_change()`` the step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day = self.add("date", QCoreApplication.translate("FollowupEditor", "Date"), DateField(None, self))
        self.kind = self.add(
            "kind",
            QCoreApplication.translate("FollowupEditor", "Kind"),
            vocab_combo([k.value for k in FollowupKind], parent=self),
        )
        self.placement = self.add(
            "placement", QCoreApplication.translate("FollowupEditor", "Placement"), QComboBox(self)
        )
        holder = QWidget(self)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        self.participants: dict[str, QCheckBox] = {}
        for key in PARTICIPANTS:
            box = QCheckBox(
                label(key)
                if key != "workplace_mentor"
                else QCoreApplication.translate("FollowupEditor", "Workplace mentor"),
                holder,
            )
            if key == "caseworker":
                box.setText(QCoreApplication.translate("FollowupEditor", "Case worker"))
            self.participants[key] = box
            row.addWidget(box)
        self.add("participants", QCoreApplication.translate("FollowupEditor", "Participants"), holder)
        self.topics: dict[str, QPlainTextEdit] = {}
        captions = {
            "attendance": QCoreApplication.translate("FollowupEditor", "Attendance stability"),
            "benefit": QCoreApplication.translate("FollowupEditor", "Benefit of the activities"),
            "behaviour": QCoreApplication.translate("FollowupEditor", "Behaviour (ageren)"),
            "goals": QCoreApplication.translate("FollowupEditor", "Goals and sub-goals"),
            "accommodations": QCoreApplication.translate("FollowupEditor", "Accommodation needs"),
        }
        for key in cf.FOLLOWUP_TOPICS:
            self.topics[key] = self.add(f"topics.{key}", captions[key], _text(self, 2))
        self.note = self.add("note", QCoreApplication.translate("FollowupEditor", "Note"), _text(self, 3))
        self.headings = self._headings()
        self.citizen_view = self.add(
            "citizen_view", QCoreApplication.translate("FollowupEditor", "The citizen's own view"), _text(self, 2)
        )
        self.agreed = self.add(
            "agreed_changes", QCoreApplication.translate("FollowupEditor", "Agreed changes"), _text(self, 2)
        )
        self.new_hours = self.add(
            "hours", QCoreApplication.translate("FollowupEditor", "New hours per week"), QLineEdit(self)
        )
        self.new_hours.setPlaceholderText(
            QCoreApplication.translate("FollowupEditor", "optional, e.g. 3x4 — becomes a step of the hours plan")
        )
        self.hours_from = self.add(
            "from", QCoreApplication.translate("FollowupEditor", "New hours from"), DateField(None, self)
        )

    def load(self, detail: CitizenDetail, f: cf.Followup, placement_ref: str | None) -> None:
        self.clear_errors()
        self.placement.clear()
        self.placement.addItem("—", None)
        for p in sorted(detail.citizen.placements, key=lambda p: p.start, reverse=True):
            self.placement.addItem(f"{detail.placements[p.ref].company_name} ({fmt_date(p.start)})", p.ref)
        self.day.set_date(f.day)
        self.kind.setCurrentIndex(self.kind.findData(f.kind))
        self.placement.setCurrentIndex(max(0, self.placement.findData(placement_ref)))
        for key, box in self.participants.items():
            box.setChecked(key in f.participants)
        topics = dict(f.topics)
        for key, edit in self.topics.items():
            edit.setPlainText(topics.get(key, ""))
        self.note.setPlainText(f.note or "")
        for key, box in self.headings.items():
            box.setChecked(key in f.headings)
        self.citizen_view.setPlainText(f.citizen_view or "")
        self.agreed.setPlainText(f.agreed_changes or "")
        self.new_hours.clear()
        self.hours_from.set_date(None)

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.fields.values():
            widget.setEnabled(not read_only)

    def values(self) -> dict[str, Any]:
        topics = {k: e.toPlainText().strip() for k, e in self.topics.items() if e.toPlainText().strip()}
        return {
            "date": self.day.value(),
            "kind": self.kind.currentData(),
            "placement": self.placement.currentData(),
            "participants": [k for k, box in self.participants.items() if box.isChecked()],
            "note": self.note.toPlainText().strip() or None,
            "citizen_view": self.citizen_view.toPlainText().strip() or None,
            "agreed_changes": self.agreed.toPlainText().strip() or None,
            "topics": topics,
            "headings": [k for k, box in self.headings.items() if box.isChecked()],
        }

    def _headings(self) -> dict[str, QCheckBox]:
        """The description's headings the note also belongs under (spec 1b: the dossier files it there)."""
        captions = {
            "work_resources": QCoreApplication.translate("FollowupEditor", "Work and education"),
            "personal_resources": QCoreApplication.translate("FollowupEditor", "Personal resources"),
            "challenges": QCoreApplication.translate("FollowupEditor", "Challenges"),
            "wishes": QCoreApplication.translate("FollowupEditor", "Wishes"),
            "health": QCoreApplication.translate("FollowupEditor", "Health"),
            "health_and_work": QCoreApplication.translate("FollowupEditor", "Health and work"),
            "benefit_history": QCoreApplication.translate("FollowupEditor", "Benefits"),
            "efforts": QCoreApplication.translate("FollowupEditor", "Efforts so far"),
        }
        holder = QWidget(self)
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        boxes = {}
        for i, (key, caption) in enumerate(captions.items()):
            boxes[key] = QCheckBox(caption, holder)
            grid.addWidget(boxes[key], i // 4, i % 4)
        self.add("headings", QCoreApplication.translate("FollowupEditor", "The note also describes"), holder)
        return boxes

    def hours_change(self, default_from: date) -> cf.ScheduleStep | None:
        """The schedule step agreed at the meeting, or None; raises ValidationError naming the field."""
        text = self.new_hours.text().strip()
        if not text:
            return None
        try:
            hours_per_day = parse_hours_text(text)
        except HoursTextError as exc:
            raise ValidationError.wrap("hours", exc) from None
        if self.placement.currentData() is None:
            raise ValidationError("placement", code="choose_hours_placement")
        start = (
            self.hours_from.value()
            or (default_from + timedelta(days=(7 - default_from.weekday()) % 7 or 7)).isoformat()
        )
        return parse_step({"from": start, "hours": hours_per_day, "paid_per_week": 0}, "")


def _text(parent: QWidget, lines: int) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(10 + lines * edit.fontMetrics().lineSpacing() + 8)
    return edit
