"""Referrals: a new (re-)referral, an extension (a new end date), or a stop with the reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from placement_desk.domain import casefile as cf
from placement_desk.domain.errors import ValidationError
from placement_desk.domain.outcomes import outcome_json
from placement_desk.services import citizens
from placement_desk.services.common import today
from placement_desk.services.views import Row
from placement_desk.ui.citizen.outcome_fields import OutcomeFields
from placement_desk.ui.kit.forms import DateField, FormDialog, text_or_none
from placement_desk.ui.shell.context import UiContext


def referral_fields(r: cf.Referral) -> dict[str, Any]:
    return {
        "programme": r.programme,
        "start": r.start.isoformat(),
        "end": r.end.isoformat() if r.end else None,
        "extensions": [e.isoformat() for e in r.extensions],
        "end_reason": r.end_reason,
        "outcome": outcome_json(r.outcome),
    }


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
        db, actor, ref = self.ctx.db, self.ctx.actor, self.citizen_ref
        try:
            if self.mode == "new":
                fields = {
                    "programme": self.programme.text().strip(),
                    "start": self.start.value(),
                    "end": self.end.value(),
                }
                self.ctx.execute(
                    self.windowTitle(),
                    lambda: citizens.add_referral(db, ref, fields, actor),
                    lambda rid: citizens.remove_referral(db, rid),
                    ref,
                )
            else:
                assert self.row is not None
                rid, before = self.row.id, referral_fields(self.row.value)
                if self.mode == "extend":
                    new_end = self.new_end.value() or ""
                    do = lambda: citizens.extend_referral(db, rid, new_end, actor)
                else:
                    end, reason = self.end.value() or "", text_or_none(self.reason) or ""
                    outcome = self.outcome.value()
                    do = lambda: citizens.end_referral(db, rid, end, reason, actor, outcome)
                self.ctx.execute(self.windowTitle(), do, lambda _s: citizens.set_referral(db, rid, before, actor), ref)
        except ValidationError as exc:
            self.form.show_error(OutcomeFields.field_error(exc))
            return
        self.accept()
