"""Virksomhedens udtalelse: the workplace's own dated statement about a placement at the company, written
from the Fremmøde page (the workplace mentor's window), with the statements given before listed above it.

A workplace mentor sees and writes only statements about placements at their own company and never under
the health headings (art. 9 data); the consultant finds them on the citizen's Beskrivelse tab as evidence
under their heading, by "Virksomhedsmentor". Each save is one transaction and can be undone."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from placement_desk.domain.profile_parse import parse_observation
from placement_desk.domain.vocab import HEALTH_HEADINGS, ObservedBy
from placement_desk.services import observations
from placement_desk.services.common import today
from placement_desk.services.mentor import ExpectedCitizen
from placement_desk.services.observations import WorkplaceStatement
from placement_desk.ui.citizen.observation_dialog import heading_titles
from placement_desk.ui.commands.attendance import AddStatement
from placement_desk.ui.kit.formatting import fmt_date
from placement_desk.ui.kit.forms import DateField, FormDialog
from placement_desk.ui.shell.context import UiContext


class StatementDialog(FormDialog):
    """The statements about one placement, and a new one: date, heading (none about health) and text."""

    def __init__(self, ctx: UiContext, placement: ExpectedCitizen, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.placement = ctx, placement
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Workplace statement · %1").replace("%1", placement.citizen_name))
        self.setMinimumWidth(520)
        self.intro = QLabel(
            self.tr("The workplace's own words about %1's placement (%2). They go into the documentation "
                    "the municipality receives, dated and with your name.")
            .replace("%1", placement.citizen_name).replace("%2", placement.placement),
            self,
        )  # fmt: skip
        self.intro.setWordWrap(True)
        self.earlier = QLabel(self)
        self.earlier.setWordWrap(True)
        self.earlier.setTextFormat(Qt.TextFormat.RichText)
        self.earlier.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.earlier.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.earlier_area = QScrollArea(self)
        self.earlier_area.setWidgetResizable(True)
        self.earlier_area.setWidget(self.earlier)
        self.earlier_area.setMinimumHeight(60)
        self.earlier_area.setMaximumHeight(140)
        self.date = self.form.add("date", self.tr("Date"), DateField(today(), self))
        self.form.set_check("date", self._date_problem)
        self.heading = self.form.add("heading", self.tr("About"), QComboBox(self))
        for code, title in heading_titles():
            if code not in HEALTH_HEADINGS:  # a workplace's view of health is not theirs to record
                self.heading.addItem(title, code)
        self.text = self.form.add("text", self.tr("Statement"), QPlainTextEdit(self), check=self._text_problem)
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(
            self.tr("How the work goes: tasks, tempo, cooperation, what helps (Ctrl+Enter saves)")
        )
        self.text.setMinimumHeight(60)
        self.text.setMaximumHeight(110)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, self.intro)
        layout.insertWidget(1, self.earlier_area)
        self.show_earlier()

    def statements(self) -> list[Any]:
        return observations.workplace_statements(self.ctx.db, self.placement.placement)

    def show_earlier(self) -> None:
        rows = self.statements()
        if not rows:
            nothing = self.tr("No statement given yet.")
            self.earlier.setText(f"<i>{escape(nothing)}</i>")
            return
        titles = dict(heading_titles())
        self.earlier.setText("".join(
            f"<p><b>{escape(fmt_date(o.day))} · {escape(titles.get(o.heading, o.heading))}</b><br>{escape(o.text)}</p>"
            for o in reversed(rows)  # the newest first
        ))  # fmt: skip

    # ---- checks (Danish, naming the field) ----------------------------------------------------------

    def _date_problem(self) -> str | None:
        text = self.date.text().strip()
        day = self.date.date_value()
        if not text:
            return self.tr("Date: write the day of the statement (dd-mm-yyyy)")
        if day is None:
            return self.tr("Date: %1 is not a date (dd-mm-yyyy)").replace("%1", text)
        if day > today():
            return self.tr("Date: %1 is after today").replace("%1", fmt_date(day))
        return None

    def _text_problem(self) -> str | None:
        return None if self.text.toPlainText().strip() else self.tr("Statement: write the workplace's words")

    # ---- saving -----------------------------------------------------------------------------------

    def fields(self) -> dict[str, Any]:
        day = self.date.date_value()
        return {
            "date": day.isoformat() if isinstance(day, date) else self.date.text().strip() or None,
            "heading": self.heading.currentData(),
            "text": self.text.toPlainText().strip() or None,
        }

    def statement(self) -> WorkplaceStatement:
        """What was typed, read as the case file reads an observation (errors name the field)."""
        value = parse_observation({**self.fields(), "by": ObservedBy.WORKPLACE_MENTOR.value,
                                   "placement": self.placement.placement}, "")  # fmt: skip
        return WorkplaceStatement(value.day, value.heading, value.text)

    def commit(self) -> None:
        ref = self.placement.placement

        def save() -> None:
            command = AddStatement(self.ctx, self.tr("Workplace statement"), self.placement.citizen_ref, ref,
                                   self.statement())  # fmt: skip
            self.ctx.push(command)
            self.saved_id = command.created

        self.submit(save)
