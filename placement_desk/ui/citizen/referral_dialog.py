"""Referrals: a new (re-)referral, an extension (a new end date), or a stop with the reason."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit, QWidget

from placement_desk.domain import casefile as cf
from placement_desk.domain.casefile_parse import parse_outcome, parse_referral
from placement_desk.domain.errors import ValidationError
from placement_desk.domain.json_node import parse_date
from placement_desk.services.common import today
from placement_desk.services.views import Row
from placement_desk.ui.citizen.outcome_fields import OutcomeFields
from placement_desk.ui.commands.base import Command
from placement_desk.ui.commands.citizens import AddReferral, EndReferral, ExtendReferral
from placement_desk.ui.kit.forms import DateField, FormDialog, text_or_none
from placement_desk.ui.shell.context import UiContext


class ReferralDialog(FormDialog):
    """``mode``: "new", "extend" or "stop" (the last two act on ``row``)."""

    def __init__(
        self,
        ctx: UiContext,
        citizen_ref: str,
        mode: str,
        row: Row[cf.Referral] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.citizen_ref, self.mode, self.row = ctx, citizen_ref, mode, row
        titles = {
            "new": self.tr("New referral"),
            "extend": self.tr("Extend referral"),
            "stop": self.tr("Stop referral"),
        }
        self.setWindowTitle(titles[mode])
        self.setMinimumWidth(440)
        if mode == "new":
            self.programme = self.form.add("programme", self.tr("Programme"), QLineEdit(self), required=True)
            self.programme.setPlaceholderText(self.tr("e.g. Lokalt forankret indsats 4-6 timer"))
            self.start = self.form.add("start", self.tr("Start"), DateField(today(), self))
            self.end = self.form.add("end", self.tr("End"), DateField(None, self))
        elif mode == "extend":
            self.new_end = self.form.add("new_end", self.tr("New end date"), DateField(None, self), required=True)
        else:
            self.end = self.form.add("end", self.tr("Stopped on"), DateField(today(), self))
            self.reason = self.form.add("end_reason", self.tr("Why"), QLineEdit(self))
            self.reason.setPlaceholderText(self.tr("e.g. dental treatment; sent to another provider"))
            current = row.value.outcome if row is not None else None
            self.outcome = OutcomeFields(self.form, current, today(), placement=False)

    def commit(self) -> None:
        try:
            self.ctx.push(self.command())
        except ValidationError as exc:
            self.form.show_error(OutcomeFields.field_error(exc))
            return
        self.accept()

    def command(self) -> Command:
        """The form's values read as the case file reads them (a ValidationError names the field)."""
        ref, text = self.citizen_ref, self.windowTitle()
        if self.mode == "new":
            fields = {"programme": self.programme.text().strip(), "start": self.start.value(), "end": self.end.value()}
            return AddReferral(self.ctx, text, ref, parse_referral(fields, ""))
        assert self.row is not None
        rid, before = self.row.id, self.row.value
        if self.mode == "extend":
            return ExtendReferral(self.ctx, text, ref, rid, before, self.day(self.new_end, "new_end"))
        end, reason = self.day(self.end, "end"), text_or_none(self.reason) or ""
        outcome = parse_outcome(self.outcome.value(), "outcome", before.start, placement=False)
        return EndReferral(self.ctx, text, ref, rid, before, (end, reason, outcome))

    @staticmethod
    def day(field: DateField, path: str) -> date:
        day = parse_date(field.value(), path, required=True)
        assert day is not None
        return day
