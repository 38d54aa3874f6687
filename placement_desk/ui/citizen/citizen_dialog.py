"""New citizen: reference, name, CPR (optional), birth year, job goal."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from placement_desk.domain.casefile_parse import parse_citizen
from placement_desk.domain.errors import ValidationError
from placement_desk.ui.commands.citizens import CreateCitizen
from placement_desk.ui.kit.field_checks import cpr_problem, year_problem
from placement_desk.ui.kit.forms import FormDialog, text_or_none
from placement_desk.ui.shell.context import UiContext


class NewCitizenDialog(FormDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created: str | None = None
        self.setWindowTitle(self.tr("New citizen"))
        self.setMinimumWidth(420)
        self.name = self.form.add("name", self.tr("Name"), QLineEdit(self), required=True)
        self.ref = self.form.add(
            "ref", self.tr("Reference (case number or initials)"), QLineEdit(self), required=True
        )
        self.cpr = QLineEdit(self)
        self.form.add("cpr", self.tr("CPR number (optional)"), self.cpr, check=cpr_problem(self.cpr))
        self.cpr.setPlaceholderText(self.tr("DDMMYY-XXXX"))
        self.birth_year = QLineEdit(self)
        self.form.add("birth_year", self.tr("Birth year"), self.birth_year, check=year_problem(self.birth_year))
        self.job_goal = self.form.add("job_goal", self.tr("Job goal"), QLineEdit(self))

    def fields(self) -> dict[str, object]:
        year: object = text_or_none(self.birth_year)
        if isinstance(year, str) and year.isdigit():
            year = int(year)
        return {
            "ref": text_or_none(self.ref),
            "name": self.name.text().strip(),
            "cpr": text_or_none(self.cpr),
            "birth_year": year,
            "job_goal": text_or_none(self.job_goal),
        }

    def commit(self) -> None:
        try:
            citizen = parse_citizen(self.fields(), "")
            self.ctx.push(CreateCitizen(self.ctx, self.tr("New citizen"), citizen))
        except ValidationError as exc:
            self.form.show_error(exc)
            return
        self.created = citizen.ref
        self.accept()
