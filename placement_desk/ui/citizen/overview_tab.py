"""Overblik for one citizen: the timeline, key figures, current accommodation needs, the next follow-up."""

from __future__ import annotations

from datetime import timedelta
from html import escape

from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from placement_desk.domain import casefile as cf
from placement_desk.domain.casefile_parse import parse_citizen
from placement_desk.domain.numbers import hours
from placement_desk.services.citizens import own_fields
from placement_desk.services.common import today
from placement_desk.services.dashboard import FOLLOWUP_INTERVAL
from placement_desk.services.views import CitizenDetail, Row
from placement_desk.ui.citizen.base import CitizenTab
from placement_desk.ui.citizen.outcome_fields import outcome_text
from placement_desk.ui.citizen.period_figures import period_figures
from placement_desk.ui.citizen.referral_dialog import ReferralDialog
from placement_desk.ui.citizen.timeline import Timeline, bars_of
from placement_desk.ui.commands.citizens import EditCitizen
from placement_desk.ui.kit.field_checks import cpr_problem, year_problem
from placement_desk.ui.kit.fit import scroll_page
from placement_desk.ui.kit.formatting import fmt_date, fmt_hours, fmt_number, fmt_rate, fmt_week_span
from placement_desk.ui.kit.forms import FormDialog, text_or_none
from placement_desk.ui.kit.vocab_labels import label
from placement_desk.ui.shell.context import UiContext


def with_note(value: str, note: str) -> str:
    """A key figure with a smaller explanation beside it (what it is based on, when it was reached)."""
    return f'{escape(value)} <span style="font-size: 9pt; font-weight: 400;">{escape(note)}</span>'


def hrs(value: float | None) -> str:
    return "–" if value is None else f"{fmt_number(value)} t"


class CitizenDialog(FormDialog):
    """Edit the citizen's own fields (name, CPR, job goal, own view, ...)."""

    FIELDS = ("name", "cpr", "birth_year", "benefit", "caseworker", "job_goal")

    def __init__(self, ctx: UiContext, detail: CitizenDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.detail = ctx, detail
        c = detail.citizen
        self.setWindowTitle(self.tr("Edit citizen"))
        captions = {
            "name": self.tr("Name"),
            "cpr": self.tr("CPR number"),
            "birth_year": self.tr("Birth year"),
            "benefit": self.tr("Benefit"),
            "caseworker": self.tr("Case worker"),
            "job_goal": self.tr("Job goal"),
        }
        self.edits = {k: self.form.add(k, captions[k], QLineEdit(str(getattr(c, k) or ""), self)) for k in self.FIELDS}
        self.form.set_check("name", lambda: None if self.edits["name"].text().strip() else "is required")
        self.form.set_check("cpr", cpr_problem(self.edits["cpr"]))
        self.form.set_check("birth_year", year_problem(self.edits["birth_year"]))
        self.own_view = self.form.add(
            "own_view", self.tr("The citizen's own view"), QPlainTextEdit(c.own_view or "", self)
        )

    def commit(self) -> None:
        c = self.detail.citizen
        self.submit(lambda: self.ctx.push(self.edit_command(own_fields(c))))

    def edit_command(self, before: cf.Citizen) -> EditCitizen:
        """The form's values read as a case file's citizen (a ValidationError names the field)."""
        after: dict[str, object] = {k: text_or_none(e) for k, e in self.edits.items()}
        year = after["birth_year"]
        if isinstance(year, str) and year.isdigit():
            after["birth_year"] = int(year)
        after["own_view"] = self.own_view.toPlainText().strip() or None
        citizen = parse_citizen({**after, "ref": before.ref}, "")
        return EditCitizen(self.ctx, self.tr("Edit citizen"), before, citizen, self.detail.version)


class OverviewTab(CitizenTab):
    key = "overview"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.timeline = Timeline(self)
        self.referral_buttons: dict[str, QPushButton] = {}
        self.figures = QGridLayout()
        self.figure_labels: dict[str, QLabel] = {}
        captions = [
            ("sustained", self.tr("Sustained hours per week (4 weeks)")),
            ("rate", self.tr("Attendance rate, whole period")),
            ("rate_recent", self.tr("Attendance rate, last 3 months")),
            ("effective", self.tr("Effective hours")),
            ("placements", self.tr("Placements")),
            ("next_followup", self.tr("Next follow-up")),
        ]
        for i, (key, caption) in enumerate(captions):
            value = QLabel("–", self)
            value.setStyleSheet("font-size: 14pt; font-weight: 600;")
            value.setWordWrap(True)  # a long note goes under the figure instead of widening the page
            self.figure_labels[key] = value
            self.figures.addWidget(QLabel(caption, self), (i // 3) * 2, i % 3)
            self.figures.addWidget(value, (i // 3) * 2 + 1, i % 3)
        figures_box = QGroupBox(self.tr("Key figures"), self)
        figures_box.setLayout(self.figures)
        self.accommodations = QLabel(self)
        self.accommodations.setWordWrap(True)
        acc_box = QGroupBox(self.tr("Current accommodation needs"), self)
        QVBoxLayout(acc_box).addWidget(self.accommodations)
        self.own_view = QLabel(self)
        self.own_view.setWordWrap(True)
        view_box = QGroupBox(self.tr("The citizen's own view"), self)
        QVBoxLayout(view_box).addWidget(self.own_view)
        edit = QPushButton(self.tr("Edit citizen…"), self)
        edit.clicked.connect(self.edit)
        edit_row = QHBoxLayout()
        edit_row.addWidget(edit)
        edit_row.addStretch(1)
        timeline_box = QGroupBox(self.tr("Referrals and placements"), self)
        box_layout = QVBoxLayout(timeline_box)
        box_layout.addWidget(self.timeline)
        referral_buttons = QHBoxLayout()
        for text, mode in (
            (self.tr("New referral…"), "new"),
            (self.tr("Extend referral…"), "extend"),
            (self.tr("Stop referral…"), "stop"),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _c=False, m=mode: self.referral(m))
            edit_row.insertWidget(edit_row.count() - 1, button)  # in the footer: always in view
            self.referral_buttons[mode] = button
        self.referral_info = QLabel(self)
        self.referral_info.setWordWrap(True)
        referral_buttons.addWidget(self.referral_info, 1)
        box_layout.addLayout(referral_buttons)
        layout = QVBoxLayout()
        layout.addWidget(timeline_box)
        layout.addWidget(figures_box)
        layout.addWidget(acc_box)
        layout.addWidget(view_box)
        layout.addStretch(1)
        scroll_page(self, layout, edit_row)

    def refresh(self) -> None:
        d = self.detail
        assert d is not None
        on = today()
        self.timeline.set_bars(bars_of(d.citizen, d.company_names, on), on)
        data = d.figures()
        f = self.figure_labels
        if data is not None:
            fig = data.figures
            sustained = hrs(hours(fig.max_sustained_weekly) if fig.max_sustained_weekly is not None else None)
            weeks = fig.max_sustained_weeks
            f["sustained"].setText(with_note(sustained, fmt_week_span(*weeks)) if weeks else sustained)
            f["rate"].setText(fmt_rate(fig.total.attendance_rate))
            t = fig.total
            if t.effective is None:
                f["effective"].setText("–")
            else:
                basis = self.tr("of %1 attended hours with an assessment").replace("%1", fmt_hours(t.effective_basis))
                f["effective"].setText(with_note(hrs(hours(t.effective)), basis))
            recent = period_figures(d, max(data.period_from, data.period_to - timedelta(days=91)), data.period_to)
            f["rate_recent"].setText(fmt_rate(recent.total.attendance_rate) if recent else "–")
        else:
            for key in ("sustained", "rate", "effective", "rate_recent"):
                f[key].setText("–")
        f["placements"].setText(str(len(d.citizen.placements)))
        current = d.current_placements(on)
        if current:
            held = [x.value.day for x in d.followups if x.value.day <= on]
            due = max([*held, min(p.start for p in current)]) + FOLLOWUP_INTERVAL
            late = due < on
            f["next_followup"].setText(fmt_date(due) + (self.tr(" (overdue)") if late else ""))
            f["next_followup"].setStyleSheet("font-size: 14pt; font-weight: 600;" + ("color: #b00020;" if late else ""))
        else:
            f["next_followup"].setText(self.tr("no active placement"))
        active = [a.value for a in d.accommodations if a.value.active]
        self.accommodations.setText(
            "\n".join(f"• {a.text}  ({label(a.category)})" for a in active) or self.tr("None registered")
        )
        self.own_view.setText(d.citizen.own_view or self.tr("Not written yet"))
        latest = self.latest_referral()
        running = latest is not None and latest.value.end_reason is None
        self.referral_buttons["extend"].setEnabled(running)
        self.referral_buttons["stop"].setEnabled(running)
        if latest is not None:
            r = latest.value
            end = r.extensions[-1] if r.extensions else r.end
            self.referral_info.setText(
                self.tr("%1: %2 – %3")
                .replace("%1", r.programme)
                .replace("%2", fmt_date(r.start))
                .replace("%3", fmt_date(end))
                + (f"  ({r.end_reason})" if r.end_reason else "")
                + (f"  \u2192 {outcome_text(r.outcome)}" if r.outcome else "")
            )

    def latest_referral(self) -> Row[cf.Referral] | None:
        return self.detail.referrals[-1] if self.detail and self.detail.referrals else None

    def referral(self, mode: str) -> ReferralDialog | None:
        row = self.latest_referral()
        if self.detail is None or (mode != "new" and row is None):
            return None
        dialog = ReferralDialog(self.ctx, self.ref, mode, row, self)
        dialog.open()
        return dialog

    def edit(self) -> None:
        if self.detail is not None:
            CitizenDialog(self.ctx, self.detail, self).open()
