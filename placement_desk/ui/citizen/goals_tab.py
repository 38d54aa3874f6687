"""Mål og progression: goals per life area with sub-goals, scores -5..5 by citizen, mentor and
consultant side by side, a spider chart (first vs latest) and a curve over time per assessor."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from placement_desk.domain import casefile as cf
from placement_desk.domain.casefile_parse import parse_goal, parse_score
from placement_desk.domain.vocab import Assessor, GoalArea
from placement_desk.services.common import today
from placement_desk.services.views import Row
from placement_desk.ui.citizen.base import CitizenTab
from placement_desk.ui.citizen.tab_tools import KeyAction
from placement_desk.ui.commands.citizens import AddGoal, AddScore, RemoveScore
from placement_desk.ui.kit.charts import ChartPanel, DateSeries, Series, shorten, two_lines
from placement_desk.ui.kit.fit import scroll_page
from placement_desk.ui.kit.formatting import fmt_date
from placement_desk.ui.kit.forms import DateField, Form, vocab_combo
from placement_desk.ui.kit.table_model import Column, RowTableModel
from placement_desk.ui.kit.vocab_labels import label
from placement_desk.ui.shell.context import EXPECTED, UiContext

ASSESSORS: tuple[str | None, ...] = (Assessor.CITIZEN.value, Assessor.MENTOR.value, Assessor.CONSULTANT.value, None)
COLORS = {"citizen": "#0072B2", "mentor": "#E69F00", "consultant": "#009E73", None: "#777777"}
GOAL_ID = Qt.ItemDataRole.UserRole + 1


def signed(score: int | None) -> str:
    return "" if score is None else f"+{score}" if score > 0 else "0" if score == 0 else f"−{-score}"


@dataclass(frozen=True)
class ScoreRow:
    day: date
    scores: dict[str | None, int] = field(default_factory=dict)


def score_rows(goal: cf.Goal) -> list[ScoreRow]:
    """One row per date, the assessors' scores side by side."""
    rows: dict[date, dict[str | None, int]] = {}
    for s in sorted(goal.scores, key=lambda s: s.day):
        rows.setdefault(s.day, {})[s.assessor] = s.score
    return [ScoreRow(d, scores) for d, scores in rows.items()]


def latest_by_assessor(goal: cf.Goal) -> dict[str | None, int]:
    return {s.assessor: s.score for s in sorted(goal.scores, key=lambda s: s.day)}


def first_and_latest(goal: cf.Goal) -> tuple[int | None, int | None]:
    scores = sorted(goal.scores, key=lambda s: s.day)
    return (scores[0].score, scores[-1].score) if scores else (None, None)


def assessor_column(header: str, assessor: str | None) -> Column[ScoreRow]:
    return Column(header, lambda r: signed(r.scores.get(assessor)), lambda r: r.scores.get(assessor, -99), True)


class GoalsTab(CitizenTab):
    key = "goals"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.assessor_names = {
            "citizen": self.tr("Citizen"),
            "mentor": self.tr("Mentor"),
            "consultant": self.tr("Consultant"),
            None: self.tr("Not stated"),
        }
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Goals"))
        self.tree.setHeaderLabels([self.tr("Goal"), *(self.assessor_names[a] for a in ASSESSORS)])
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(ASSESSORS) + 1):
            self.tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setWordWrap(True)
        self.tree.currentItemChanged.connect(lambda *_: self._show_goal())
        self._build_goal_form()
        self._build_scores()
        self.spider = ChartPanel(self.tr("All goals: first and latest score"), polar=True, parent=self)
        self.curve = ChartPanel(self.tr("The selected goal over time"), parent=self)
        self._build_layout()

    def _build_goal_form(self) -> None:
        self.goal_form = Form(self)
        self.area = self.goal_form.add("area", self.tr("Life area"), vocab_combo([a.value for a in GoalArea]))
        self.goal_text = self.goal_form.add("text", self.tr("Goal"), QLineEdit(self))
        self.subgoals = self.goal_form.add("subgoals", self.tr("Sub-goals (one a line)"), QPlainTextEdit(self))
        self.subgoals.setTabChangesFocus(True)
        self.subgoals.setMaximumHeight(60)
        self.add_goal_button = QPushButton(self.tr("Add &goal"), self)
        self.add_goal_button.clicked.connect(self.add_goal)
        self.goal_text.returnPressed.connect(self.add_goal)
        self.goal_form.layout_.addRow(self.add_goal_button)

    def _build_scores(self) -> None:
        self.goal_title = QLabel(self)
        self.goal_title.setWordWrap(True)
        self.goal_title.setStyleSheet("font-weight: 600;")
        self.model: RowTableModel[ScoreRow] = RowTableModel(
            [Column(self.tr("Date"), lambda r: fmt_date(r.day), lambda r: r.day.isoformat())]
            + [assessor_column(self.assessor_names[a], a) for a in ASSESSORS],
            self,
        )
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Scores of the selected goal"))
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        KeyAction(self.table, (Qt.Key.Key_Delete,), self.remove_selected_score)
        self.legend = QLabel(
            self.tr("Scores: −5 … −1 worse than at the start · 0 status quo · 1 … 4 progress · 5 goal reached"), self
        )
        self.legend.setWordWrap(True)
        self.score_form = Form(self)
        self.score_date = self.score_form.add("date", self.tr("Date"), DateField(today(), self))
        self.score = self.score_form.add("score", self.tr("Score"), QSpinBox(self))
        self.score.setRange(-5, 5)
        self.score.setMaximumWidth(80)
        self.assessor = self.score_form.add("assessor", self.tr("Assessed by"), QComboBox(self))
        for code in ASSESSORS[:3]:
            self.assessor.addItem(self.assessor_names[code], code)
        self.add_score_button = QPushButton(self.tr("Add &score"), self)
        self.add_score_button.clicked.connect(self.add_score)
        self.score_date.returnPressed.connect(self.add_score)
        self.remove_score_button = QPushButton(self.tr("Remove selected score"), self)
        self.remove_score_button.clicked.connect(self.remove_selected_score)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_score_button)
        buttons.addWidget(self.remove_score_button)
        buttons.addStretch(1)
        self.score_form.layout_.addRow(buttons)

    def _build_layout(self) -> None:
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.goal_form)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.goal_title)
        right_layout.addWidget(self.table, 1)
        right_layout.addWidget(self.legend)
        right_layout.addWidget(self.score_form)
        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(left)
        top.addWidget(right)
        top.setSizes([600, 500])
        charts = QSplitter(Qt.Orientation.Horizontal, self)
        charts.addWidget(self.spider)
        charts.addWidget(self.curve)
        outer = QSplitter(Qt.Orientation.Vertical, self)
        outer.addWidget(top)
        outer.addWidget(charts)
        outer.setSizes([420, 380])
        layout = QVBoxLayout()
        layout.addWidget(outer)
        scroll_page(self, layout)  # on a low screen the goals and the charts scroll as one

    # ---- showing -------------------------------------------------------------------------------

    def citizen_switched(self) -> None:
        super().citizen_switched()
        self.goal_text.clear()
        self.subgoals.clear()
        self.score_date.set_date(today())
        self.score.setValue(0)

    def refresh(self) -> None:
        assert self.detail is not None
        chosen = self.goal_id()
        self.tree.blockSignals(True)
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        select: QTreeWidgetItem | None = None
        for area in GoalArea:
            goals = [g for g in self.detail.goals if g.value.area == area.value]
            if not goals:
                continue
            area_item = QTreeWidgetItem(self.tree, [label(area.value)])
            area_item.setFont(0, bold)
            area_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for goal in goals:
                item = self._goal_item(area_item, goal)
                if goal.id == chosen or select is None:
                    select = item
        self.tree.expandAll()
        used = {s.assessor for g in self.detail.goals for s in g.value.scores}
        for column, assessor in enumerate(ASSESSORS, start=1):
            self.tree.setColumnHidden(column, assessor not in used)
        self.tree.blockSignals(False)
        if select is not None:
            self.tree.setCurrentItem(select)
        self._show_goal()
        self._show_spider()

    def _goal_item(self, parent: QTreeWidgetItem, goal: Row[cf.Goal]) -> QTreeWidgetItem:
        latest = latest_by_assessor(goal.value)
        item = QTreeWidgetItem(parent, [goal.value.text, *(signed(latest.get(a)) for a in ASSESSORS)])
        item.setData(0, GOAL_ID, goal.id)
        item.setToolTip(0, goal.value.text)
        for column in range(1, len(ASSESSORS) + 1):
            item.setTextAlignment(column, Qt.AlignmentFlag.AlignCenter)
        for text in goal.value.subgoals:
            sub = QTreeWidgetItem(item, ["· " + text])
            sub.setData(0, GOAL_ID, goal.id)
            sub.setToolTip(0, text)
        return item

    def goal_id(self) -> int | None:
        item = self.tree.currentItem()
        value = item.data(0, GOAL_ID) if item is not None else None
        return value if isinstance(value, int) else None

    def goal(self) -> Row[cf.Goal] | None:
        goal_id = self.goal_id()
        if self.detail is None or goal_id is None:
            return None
        return next((g for g in self.detail.goals if g.id == goal_id), None)

    def select_goal(self, goal_id: int) -> None:
        for item in self._goal_items():
            if item.data(0, GOAL_ID) == goal_id:
                self.tree.setCurrentItem(item)
                return

    def _goal_items(self) -> list[QTreeWidgetItem]:
        areas = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        return [
            item
            for area in areas
            if area is not None
            for item in map(area.child, range(area.childCount()))
            if item is not None
        ]

    def _show_goal(self) -> None:
        goal = self.goal()
        self.score_form.setEnabled(goal is not None)
        if goal is None:
            self.goal_title.setText(self.tr("No goals yet: add the first one on the left."))
            self.model.set_rows([])
            self.curve.clear(self.tr("no goal chosen"))
            return
        self.goal_title.setText(f"{label(goal.value.area)}: {goal.value.text}")
        self.model.set_rows(score_rows(goal.value))
        unstated = any(s.assessor is None for s in goal.value.scores)
        self.table.setColumnHidden(len(ASSESSORS), not unstated)
        series = [
            DateSeries(
                self.assessor_names[a], [(s.day, s.score) for s in goal.value.scores if s.assessor == a], COLORS[a]
            )
            for a in ASSESSORS
            if any(s.assessor == a for s in goal.value.scores)
        ]
        if series:
            self.curve.show_dates(series, (-5, 5), self.tr("Score"), y_ticks=3)  # -5, 0, 5: more labels get elided
        else:
            self.curve.clear(self.tr("no scores yet"))

    def _show_spider(self) -> None:
        assert self.detail is not None
        goals = [g.value for g in self.detail.goals if g.value.scores]
        if not goals:
            self.spider.clear(self.tr("no scores yet"))
            return
        pairs = [first_and_latest(g) for g in goals]
        axes = [two_lines(label(g.area), g.text) for g in goals]
        self.spider.show_spider(
            axes,
            [
                Series(self.tr("First"), [p[0] for p in pairs], "#999999"),
                Series(self.tr("Latest"), [p[1] for p in pairs], "#0072B2"),
            ],
            -5,
            5,
        )

    # ---- editing -------------------------------------------------------------------------------

    def add_goal(self) -> bool:
        """Add a goal with its sub-goals; undo removes it."""
        if self.detail is None:
            return False
        self.goal_form.clear_errors()
        subgoals = [line.strip() for line in self.subgoals.toPlainText().splitlines() if line.strip()]
        fields = {"area": self.area.currentData(), "text": self.goal_text.text().strip(), "subgoals": subgoals}
        text = self.tr("Add goal: %1").replace("%1", shorten(str(fields["text"]), 40))
        try:
            command = AddGoal(self.ctx, text, self.ref, parse_goal(fields, ""))
            self.ctx.push(command)
        except EXPECTED as exc:
            self.goal_form.show_error(exc)
            return False
        self.goal_text.clear()
        self.subgoals.clear()
        if command.goal_id is not None:
            self.select_goal(command.goal_id)
        return True

    def add_score(self) -> bool:
        """Add a score for the selected goal; undo removes it."""
        goal = self.goal()
        if goal is None:
            return False
        self.score_form.clear_errors()
        fields = {"date": self.score_date.value(), "score": self.score.value(), "assessor": self.assessor.currentData()}
        text = (
            self.tr("Score %1 on %2")
            .replace("%1", signed(self.score.value()))
            .replace("%2", shorten(goal.value.text, 40))
        )
        try:
            self.ctx.push(AddScore(self.ctx, text, self.ref, goal.id, parse_score(fields, "")))
        except EXPECTED as exc:
            self.score_form.show_error(exc)
            return False
        return True

    def remove_selected_score(self) -> bool:
        """Remove the score in the selected cell (or the only score of the selected date); undo puts it back."""
        goal, index = self.goal(), self.table.currentIndex()
        if goal is None or not index.isValid():
            return False
        row = self.model.row_at(index.row())
        if index.column() > 0:
            assessor = ASSESSORS[index.column() - 1]
        elif len(row.scores) == 1:
            assessor = next(iter(row.scores))
        else:
            return False
        if assessor not in row.scores:
            return False
        text = self.tr("Remove score of %1").replace("%1", fmt_date(row.day))
        try:
            self.ctx.push(RemoveScore(self.ctx, text, self.ref, goal.id, row.day, assessor))
        except EXPECTED as exc:
            self.score_form.show_error(exc)
            return False
        return True
