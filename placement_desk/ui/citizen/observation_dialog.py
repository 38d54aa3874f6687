"""Ny observation: a dated remark under one of the eight headings, by someone, optionally at a placement.

Opened from anywhere the citizen is open (Ctrl+Shift+O on the citizen page, the button on the Beskrivelse
tab), prefilled with today and with the placement and heading the open tab suggests; also used to edit one.
Each save is one transaction through :mod:`placement_desk.services.observations` and can be undone."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget

from placement_desk.domain.dossier import default_period
from placement_desk.domain.profile_parse import parse_observation
from placement_desk.domain.roles import Role
from placement_desk.domain.vocab import Heading, ObservedBy
from placement_desk.services import templates
from placement_desk.services.common import today
from placement_desk.services.observations import ObservationRow
from placement_desk.services.views import CitizenDetail
from placement_desk.ui.commands.description import AddObservation, EditObservation
from placement_desk.ui.kit.formatting import fmt_date
from placement_desk.ui.kit.forms import DateField, FormDialog
from placement_desk.ui.shell.context import UiContext


def heading_titles() -> list[tuple[str, str]]:
    """The eight headings (code, title) as the preparatory part's template names them."""
    prep = templates.catalogue().templates.get(templates.DEFAULT_TEMPLATE)
    out = []
    for h in Heading:
        found = prep.heading(h.value) if prep else None
        out.append((h.value, found.title if found else h.value))
    return out


def by_label(code: str | None) -> str:
    return {
        "citizen": QCoreApplication.translate("Description", "The citizen"),
        "mentor": QCoreApplication.translate("Description", "Mentor"),
        "consultant": QCoreApplication.translate("Description", "Consultant"),
        "workplace_mentor": QCoreApplication.translate("Description", "Workplace mentor"),
        "other": QCoreApplication.translate("Description", "Other"),
    }.get(code or "", code or "")


def default_by(ctx: UiContext) -> str:
    """Who writes, as the signed-in role suggests: a mentor's own observation, else the consultant's."""
    who = ctx.db.principal
    return ObservedBy.MENTOR.value if who is not None and who.role is Role.MENTOR else ObservedBy.CONSULTANT.value


def placement_items(detail: CitizenDetail) -> list[tuple[str, str]]:
    """The citizen's placements (ref, 'company (start)'), newest first."""
    return [
        (p.ref, f"{detail.placements[p.ref].company_name} ({fmt_date(p.start)})")
        for p in sorted(detail.citizen.placements, key=lambda p: p.start, reverse=True)
    ]


class ObservationDialog(FormDialog):
    """A new observation (``row`` None) or an existing one to change."""

    def __init__(
        self,
        ctx: UiContext,
        detail: CitizenDetail,
        row: ObservationRow | None = None,
        *,
        placement: str | None = None,
        heading: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.detail, self.row = ctx, detail, row
        self.citizen_ref = detail.citizen.ref
        self.saved_id: int | None = None
        o = row.value if row is not None else None
        name = detail.citizen.name
        self.setWindowTitle(
            (self.tr("Edit observation · %1") if row else self.tr("New observation · %1")).replace("%1", name)
        )
        self.setMinimumWidth(480)
        self.date = self.form.add("date", self.tr("Date"), DateField(o.day if o else today(), self),
                                  check=self._date_problem)  # fmt: skip
        self.heading = self.form.add("heading", self.tr("Heading"), QComboBox(self))
        for code, title in heading_titles():
            self.heading.addItem(title, code)
        self.by = self.form.add("by", self.tr("By"), QComboBox(self))
        for code in ObservedBy:
            self.by.addItem(by_label(code.value), code.value)
        self.placement = self.form.add("placement", self.tr("Placement"), QComboBox(self))
        self.placement.addItem("—", None)
        for ref, text in placement_items(detail):
            self.placement.addItem(text, ref)
        self.form.set_check("date", self._date_problem)  # in place of the date field's own: naming the field
        self.text = self.form.add("text", self.tr("Observation"), QLineEdit(o.text if o else "", self),
                                  check=self._text_problem)  # fmt: skip
        self.text.setPlaceholderText(self.tr("What was seen or said, in a sentence or two"))
        self.text.setMinimumWidth(320)
        chosen_heading = o.heading if o else heading
        self.heading.setCurrentIndex(max(0, self.heading.findData(chosen_heading)))
        self.by.setCurrentIndex(max(0, self.by.findData(o.by if o else default_by(ctx))))
        self.placement.setCurrentIndex(max(0, self.placement.findData(o.placement if o else placement)))

    # ---- checks (Danish, naming the field) ----------------------------------------------------------

    def _date_problem(self) -> str | None:
        text = self.date.text().strip()
        if not text:
            return self.tr("Date: write the day it was seen or said (dd-mm-yyyy)")
        day = self.date.date_value()
        if day is None:
            return self.tr("Date: %1 is not a date (dd-mm-yyyy)").replace("%1", text)
        if day > today():
            return self.tr("Date: %1 is after today").replace("%1", fmt_date(day))
        return None

    def _text_problem(self) -> str | None:
        if not self.text.text().strip():
            return self.tr("Observation: write what was seen or said")
        return None

    # ---- saving -----------------------------------------------------------------------------------

    def fields(self) -> dict[str, Any]:
        day = self.date.date_value()
        return {
            "date": day.isoformat() if isinstance(day, date) else self.date.text().strip() or None,
            "heading": self.heading.currentData(),
            "by": self.by.currentData(),
            "placement": self.placement.currentData(),
            "text": self.text.text().strip() or None,
        }

    def outside_note(self) -> str:
        """What the save note adds when the day lies outside the dossier's period (the Beskrivelse tab
        and the dossier show the evidence of that period only)."""
        day, period = self.date.date_value(), default_period(self.detail.citizen, today())
        if day is None or period is None or period[0] <= day <= period[1]:
            return ""
        return self.tr("%1 is outside the dossier's period (%2 – %3): a dossier shows it only for a period "
                       "that includes the day").replace("%1", fmt_date(day)).replace("%2", fmt_date(period[0])) \
            .replace("%3", fmt_date(period[1]))  # fmt: skip

    def commit(self) -> None:
        note, row, ref = self.outside_note(), self.row, self.citizen_ref

        def save() -> None:
            value = parse_observation(self.fields(), "")
            if row is None:
                command = AddObservation(self.ctx, self.tr("New observation"), ref, value)
                self.ctx.push(command, note=note)
                self.saved_id = command.created
            else:
                self.ctx.push(EditObservation(self.ctx, self.tr("Edit observation"), ref, row, value), note=note)
                self.saved_id = row.id

        self.submit(save)  # a conflict closes it: the screens show the colleague's version now


def suggestion(tab: QWidget | None) -> tuple[str | None, str | None]:
    """The placement and heading the open tab suggests for a new observation: the follow-up's placement
    and the first heading its note is tagged with; the placement the attendance grid shows (a day of
    absence suggests the challenges); the heading whose text is being written on the Beskrivelse tab."""
    key = getattr(tab, "key", "")
    if key == "followup":
        form = getattr(tab, "form", None)
        box = getattr(form, "placement", None)
        placement = box.currentData() if isinstance(box, QComboBox) else None
        headings = getattr(form, "headings", {})
        heading = next((h for h, check in headings.items() if check.isChecked()), None)
        return placement, heading
    if key == "attendance":
        placement = getattr(tab, "placement_ref", None)
        current_day = getattr(tab, "current_day", None)
        day = current_day() if callable(current_day) else None
        record = getattr(day, "record", None)
        absent = record is not None and record.status in ("sick", "absent_unexcused")
        return placement, Heading.CHALLENGES.value if absent else Heading.WORK_RESOURCES.value
    if key == "description":
        focused = QApplication.focusWidget()
        for code, block in getattr(tab, "blocks", {}).items():
            if focused is not None and block.isAncestorOf(focused) and code in {h.value for h in Heading}:
                return None, code
    if key == "accommodations":
        return None, Heading.CHALLENGES.value
    if key in ("capacity", "schedule"):
        return None, Heading.WORK_RESOURCES.value
    if key == "goals":
        return None, Heading.WISHES.value
    return None, None


def open_observation(ctx: UiContext, detail: CitizenDetail, tab: QWidget | None, parent: QWidget) -> ObservationDialog:
    """Ny observation for the citizen shown, suggested from the open tab."""
    placement, heading = suggestion(tab)
    dialog = ObservationDialog(ctx, detail, placement=placement, heading=heading, parent=parent)
    dialog.open()
    return dialog
