"""*Nyt forløb* and *Rediger forløb*.

A new placement is registered on one screen with its whole hours plan (every ramp-up step in one
line) and its workplace mentor, picked or typed new: a hybrid placement with a three-step plan takes
a dozen keys. The fields come in the order they are needed (company, type, hours, mentor; the start
follows the plan's first date until it is typed), and all of it is saved by one service call, so one
undo takes the placement, its steps and a new contact away again. The edit dialog changes company,
type, purpose, dates, tasks and mentor.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from placement_desk.domain import casefile as cf
from placement_desk.domain.errors import ValidationError
from placement_desk.domain.hours_text import PlanStep
from placement_desk.domain.vocab import PlacementType, Purpose
from placement_desk.services.common import today
from placement_desk.services.queries import company_detail, list_companies
from placement_desk.services.views import PlacementInfo
from placement_desk.ui.citizen.placement_fields import (
    PAID_TYPES,
    CompanyBox,
    MentorBox,
    PlanField,
    placement_value,
    read_plan,
    schedule_of,
    step_line,
)
from placement_desk.ui.commands.placements import CreatePlacement, EditPlacement
from placement_desk.ui.kit.field_checks import date_problem
from placement_desk.ui.kit.forms import DateField, FormDialog, vocab_combo
from placement_desk.ui.shell.context import UiContext


class PlacementFormDialog(FormDialog):
    """What both dialogs share: the fields and their checks."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setMinimumWidth(660)
        self.form.aliases.update({"schedule": "hours", "paid_per_week": "hours"})
        self.company = CompanyBox(list_companies(ctx.db), self)
        self.company.currentIndexChanged.connect(self._company_changed)
        self.type = vocab_combo([t.value for t in PlacementType], parent=self)
        self.purpose = vocab_combo([p.value for p in Purpose], optional=True, parent=self)
        self.start = DateField(today(), self)
        self.end = DateField(None, self)
        self.mentor = MentorBox(self)
        self.tasks = QLineEdit(self)
        self.tasks.setPlaceholderText(self.tr("e.g. sorting goods, cashier"))

    def _add_company(self) -> None:
        self.form.add("company", self.tr("Company"), self.company, check=self.company.problem)

    def _add_dates(self) -> None:
        self.form.add("start", self.tr("Start"), self.start, required=True)
        self.form.add("end", self.tr("End (optional)"), self.end, check=self._end_problem)

    def _end_problem(self) -> str | None:
        start, end = self.start.date_value(), self.end.date_value()
        if date_problem(self.end.text()) is None and start is not None and end is not None and end < start:
            return "is before start"
        return None

    def _company_changed(self, _index: int = 0) -> None:
        ref = self.company.ref()
        contacts = [(k[0], k[1], k[2]) for k in company_detail(self.ctx.db, ref).contacts] if ref else []
        self.mentor.set_contacts(self.company.currentText(), contacts, self._mentor_wanted(ref))

    def _mentor_wanted(self, _company: str | None) -> str | None:
        return None

    def common_fields(self) -> tuple[dict[str, Any], cf.Contact | None]:
        """The placement's own fields as typed (case-file form) and a new mentor, if one was typed."""
        mentor, new_mentor = self.mentor.choice()
        fields: dict[str, Any] = {
            "company": self.company.ref(),
            "type": self.type.currentData(),
            "purpose": self.purpose.currentData(),
            "start": self.start.value(),
            "end": self.end.value(),
            "tasks": [t.strip() for t in self.tasks.text().split(",") if t.strip()],
            "workplace_mentor": mentor,
        }
        return fields, new_mentor


class PlacementDialog(PlacementFormDialog):
    """Nyt forløb: company, type, the hours plan, the workplace mentor, then the rest."""

    def __init__(self, ctx: UiContext, citizen_ref: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.citizen_ref = citizen_ref
        self.created: str | None = None
        self.steps: tuple[PlanStep, ...] = ()
        self.setWindowTitle(self.tr("New placement"))
        self._add_company()
        self.form.add("type", self.tr("Type"), self.type)
        self.type.setCurrentIndex(self.type.findData("internship"))
        self.plan = self.form.add("hours", self.tr("Hours plan"), PlanField(self), check=self._plan_problem)
        self.hours = self.plan.edit
        self.form.add("workplace_mentor", self.tr("Workplace mentor"), self.mentor)
        self._add_dates()
        self.form.add("purpose", self.tr("Purpose"), self.purpose)
        self.form.add("tasks", self.tr("Tasks (comma-separated)"), self.tasks)
        self._auto_start = self.start.text()  # the start as this dialog set it (it follows the plan)
        self._reading = False
        for signal in (self.hours.textChanged, self.start.textChanged, self.end.textChanged):
            signal.connect(lambda _t: self._read_plan())
        self.type.currentIndexChanged.connect(lambda _i: self._read_plan())
        self._read_plan()

    def _read_plan(self) -> str | None:
        """Read the plan again, show how it is read, and let the start follow its first date (until
        someone else sets the start). Returns the problem with it (English), if any."""
        if self._reading:
            return None
        self._reading = True
        try:
            return self._read_plan_now()
        finally:
            self._reading = False

    def _read_plan_now(self) -> str | None:
        follow = self.start.text() == self._auto_start
        start = today() if follow else self.start.date_value()
        if start is None:
            self.steps = ()
            self.plan.show_preview(None, None)
            return None
        steps, problem = read_plan(self.hours.text(), start, follow)
        if follow:
            self.start.set_date(steps[0].start if steps and steps[0].dated else today())
            self._auto_start = self.start.text()
        if problem is None and any(s.paid for s in steps) and self.type.currentData() not in PAID_TYPES:
            problem = "paid hours only in a paid placement type"
        end, first = self.end.date_value(), self.start.date_value() or start
        late = [i for i, s in enumerate(steps, start=1) if end is not None and s.start > end]
        if problem is None and end is not None and end >= first and late:  # (an end before the start: its own)
            step = steps[late[0] - 1]
            problem = (
                f"step {late[0]}: {step.start.isoformat()} is outside the placement's period "
                f"{first.isoformat()}..{end.isoformat()}"
            )
        self.steps = steps
        self.plan.show_preview(steps, problem)
        return problem

    def _plan_problem(self) -> str | None:
        return self._read_plan_now()

    def values(self) -> tuple[cf.Placement, cf.Contact | None]:
        """The new placement (its ref to come) and a new workplace mentor; raises ValidationError naming
        the field."""
        fields, new_mentor = self.common_fields()
        if self.steps:
            fields["schedule"] = schedule_of(self.steps)
        return placement_value(fields), new_mentor

    def commit(self) -> None:
        text = self.tr("New placement at %1").replace("%1", self.company.currentText())
        try:
            placement, new_mentor = self.values()
            command = CreatePlacement(self.ctx, text, self.citizen_ref, placement, new_mentor)
            self.ctx.push(command, note=self._note(new_mentor))
        except ValidationError as exc:
            self.form.show_error(exc)
            return
        assert command.saved is not None
        self.created = command.saved.ref
        self.accept()

    def _note(self, new_mentor: cf.Contact | None) -> str:
        parts = []
        if self.steps:
            parts.append(self.tr("Hours plan: %1").replace("%1", "; ".join(step_line(self, s) for s in self.steps)))
        if new_mentor is not None:
            parts.append(self.tr("new workplace mentor %1").replace("%1", new_mentor.name))
        return " · ".join(parts)


class EditPlacementDialog(PlacementFormDialog):
    """Rediger forløb: company, type, purpose, dates, tasks and workplace mentor of a placement."""

    def __init__(
        self, ctx: UiContext, placement: cf.Placement, info: PlacementInfo, scope: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.placement, self.info, self.scope = placement, info, scope
        self.setWindowTitle(self.tr("Edit placement at %1").replace("%1", info.company_name))
        self._add_company()
        self.form.add("type", self.tr("Type"), self.type)
        self.form.add("purpose", self.tr("Purpose"), self.purpose)
        self._add_dates()
        self.form.add("workplace_mentor", self.tr("Workplace mentor"), self.mentor)
        self.form.add("tasks", self.tr("Tasks (comma-separated)"), self.tasks)
        p = placement
        self.type.setCurrentIndex(self.type.findData(p.type))
        self.purpose.setCurrentIndex(max(self.purpose.findData(p.purpose), 0))
        self.start.set_date(p.start)
        self.end.set_date(p.end)
        self.tasks.setText(", ".join(p.tasks))
        self.company.choose(p.company)
        self._company_changed()

    def _mentor_wanted(self, company: str | None) -> str | None:
        return self.placement.workplace_mentor if company == self.placement.company else None

    def _company_changed(self, _index: int = 0) -> None:
        super()._company_changed(_index)
        p = self.placement
        box = self.mentor.combo
        if self.company.ref() == p.company and p.workplace_mentor and box.findData(p.workplace_mentor) < 0:
            box.addItem(self.info.mentor_name or p.workplace_mentor, p.workplace_mentor)  # archived meanwhile
            box.setCurrentIndex(box.findData(p.workplace_mentor))

    def before(self) -> cf.Placement:
        """The placement's own fields as the dialog opened them (its hours plan and records are not this
        dialog's)."""
        return replace(self.placement, schedule=(), attendance=(), capacity=())

    def commit(self) -> None:
        fields, new_mentor = self.common_fields()
        before = self.before()
        own = {k: v for k, v in cf.placement_json(before).items() if k not in fields}
        text = self.tr("Edit placement at %1").replace("%1", self.company.currentText())

        def save() -> None:
            after = placement_value({**own, **fields}, before.ref)
            if after == before and new_mentor is None:
                return
            command = EditPlacement(self.ctx, text, self.scope, before, after, self.info.version, new_mentor)
            self.ctx.push(command)

        self.submit(save)
