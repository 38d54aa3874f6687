"""Resultater (issue 18): what became of the citizens of a period — the results report's tables with a
bar chart of the outcomes, anonymised unless "with names" is ticked (roles that may see citizens), saved
as PDF or Excel; and the monthly overview for leaders: outcomes this month, the last 12 months, and the
citizens longest in a programme without an outcome."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from placement_desk.db.private import write_private
from placement_desk.domain.errors import AccessDenied, ValidationError
from placement_desk.domain.results import MonthlyOverview, Report
from placement_desk.domain.results_shown import ENGLISH, HIDDEN, SUPPRESSED, ResultTable, report_tables
from placement_desk.domain.roles import Permission
from placement_desk.domain.vocab import OutcomeKind
from placement_desk.services.common import today
from placement_desk.services.results import monthly_overview, results_report
from placement_desk.ui.kit.charts import ChartPanel, Series, nice_scale
from placement_desk.ui.kit.fit import scroll_area
from placement_desk.ui.kit.formatting import fmt_date
from placement_desk.ui.kit.forms import DateField
from placement_desk.ui.kit.messages import danish_error, english
from placement_desk.ui.kit.vocab_labels import outcome_label
from placement_desk.ui.shell.context import UiContext
from placement_desk.ui.shell.work import Worker, run_with_progress

MONTHS_SHORT = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


class BarChart(ChartPanel):
    """Bars per named category (an outcome, a month), side by side per series."""

    def show_bars(self, labels: Sequence[str], bars: Sequence[Series], y_title: str = "") -> None:
        from PySide6.QtCharts import QBarSeries, QBarSet
        from PySide6.QtGui import QColor

        from placement_desk.ui.kit.charts import PALETTE

        self._describe([(s.name, list(zip(labels, s.values, strict=False))) for s in bars])
        if self._later(lambda: self.show_bars(labels, bars, y_title)):
            return
        chart = self._fresh()
        self._categories = list(labels)
        x_axis = self._week_axis(len(labels))
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        top = max([v or 0 for s in bars for v in s.values] or [0])
        y_axis = self._value_axis(0, nice_scale(top)[0], y_title)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series = QBarSeries()
        series.setBarWidth(0.7)
        for n, s in enumerate(bars):
            bar_set = QBarSet(s.name)
            bar_set.append([float(v or 0) for v in s.values])
            bar_set.setColor(QColor(s.color or PALETTE[n % len(PALETTE)]))
            series.append(bar_set)
        self._add(series, x_axis, y_axis)
        chart.legend().setVisible(len(bars) > 1)


def _cell_text(value: object, percent: bool) -> str:
    if value is None:
        return "–"
    if isinstance(value, date):
        return fmt_date(value)
    if percent and isinstance(value, int | float):
        return f"{value * 100:.1f} %".replace(".", ",")
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


def table_widget(t: ResultTable, parent: QWidget) -> QTableWidget:
    """A read-only table of one of the report's tables."""
    w = QTableWidget(len(t.rows), len(t.headers), parent)
    w.setObjectName(f"results_{t.key}")
    w.setAccessibleName(t.title)
    w.setHorizontalHeaderLabels(list(t.headers))
    w.verticalHeader().setVisible(False)
    w.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for r, row in enumerate(t.rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(_cell_text(value, c in t.percent))
            if isinstance(value, int | float) or value in (SUPPRESSED, HIDDEN, ENGLISH[HIDDEN]):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            w.setItem(r, c, item)
    w.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    w.resizeRowsToContents()
    height = w.horizontalHeader().height() + sum(w.rowHeight(r) for r in range(w.rowCount())) + 4
    w.setFixedHeight(min(max(height, 60), 420))
    return w


class ResultsPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: Report | None = None
        self.overview: MonthlyOverview | None = None
        bar = self._filter_bar(ctx)
        content = self._content()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addWidget(scroll_area(content, self), 1)
        self.worker: Worker | None = None
        # Nothing is read until asked for: on a big caseload the report takes seconds.
        self.month_label.setText(self.tr("Choose the period and press Show."))

    def _filter_bar(self, ctx: UiContext) -> QGridLayout:
        """The period, the programme, "with names" and the Show / Save buttons."""
        now = today()
        self.first = DateField(date(now.year, 1, 1), self)
        self.first.setAccessibleName(self.tr("From"))
        self.last = DateField(now, self)
        self.last.setAccessibleName(self.tr("To"))
        self.programme = QComboBox(self)
        self.programme.setAccessibleName(self.tr("Programme"))
        self.programme.addItem(self.tr("All programmes"), None)
        self.named = QCheckBox(self.tr("With names"), self)
        who = ctx.db.principal
        self.named.setEnabled(ctx.can(Permission.VIEW) and (who is None or not who.company_scoped))
        self.named.setToolTip(self.tr("Show the citizens behind the numbers (not for documents sent out)"))
        self.show_button = QPushButton(self.tr("Show"), self)
        self.show_button.clicked.connect(lambda: self.refresh_in_background())
        self.pdf_button = QPushButton(self.tr("Save PDF…"), self)
        self.pdf_button.clicked.connect(lambda: self.save_as("pdf"))
        self.xlsx_button = QPushButton(self.tr("Save Excel…"), self)
        self.xlsx_button.clicked.connect(lambda: self.save_as("xlsx"))
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()

        bar = QGridLayout()
        bar.addWidget(QLabel(self.tr("From"), self), 0, 0)
        bar.addWidget(self.first, 0, 1)
        bar.addWidget(QLabel(self.tr("To"), self), 0, 2)
        bar.addWidget(self.last, 0, 3)
        bar.addWidget(self.programme, 0, 4, 1, 2)
        bar.addWidget(self.named, 1, 0, 1, 2)
        buttons = QHBoxLayout()
        for b in (self.show_button, self.pdf_button, self.xlsx_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        bar.addLayout(buttons, 1, 2, 1, 4)
        bar.setColumnStretch(4, 1)
        return bar

    def _content(self) -> QWidget:
        """This month, the trend, the longest waiting, and the report's chart and tables."""
        self.month_label = QLabel(self)
        self.month_label.setObjectName("resultsThisMonth")
        self.month_label.setWordWrap(True)
        self.trend = BarChart(self.tr("Outcomes per month, the last 12 months"), parent=self)
        self.waiting = QTableWidget(0, 4, self)
        self.waiting.setObjectName("results_waiting")
        self.waiting.setAccessibleName(self.tr("Longest in a programme without an outcome"))
        self.waiting.setHorizontalHeaderLabels(
            [self.tr("Citizen"), self.tr("Programme"), self.tr("Days"), self.tr("In a placement")]
        )
        self.waiting.verticalHeader().setVisible(False)
        self.waiting.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.waiting.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.waiting.setMinimumHeight(160)
        self.waiting.cellActivated.connect(self._open_waiting)
        self.outcome_chart = BarChart(self.tr("Outcomes in the period"), parent=self)
        self.tables = QWidget(self)
        self.tables_layout = QVBoxLayout(self.tables)
        self.tables_layout.setContentsMargins(0, 0, 0, 0)

        content = QWidget(self)
        body = QVBoxLayout(content)
        body.addWidget(self._heading(self.tr("This month")))
        body.addWidget(self.month_label)
        body.addWidget(self.trend)
        body.addWidget(self._heading(self.tr("Longest in a programme without an outcome")))
        body.addWidget(self.waiting)
        body.addWidget(self._heading(self.tr("The results report")))
        body.addWidget(self.outcome_chart)
        body.addWidget(self.tables)
        body.addStretch(1)
        return content

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text, self)
        font = label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        label.setFont(font)
        return label

    # ---- filling ---------------------------------------------------------------------------------

    def _period(self) -> tuple[date, date]:
        first, last = self.first.date_value(), self.last.date_value()
        if first is None:
            raise ValidationError(self.tr("From"), code="not_a_date")
        if last is None:
            raise ValidationError(self.tr("To"), code="not_a_date")
        if last < first:
            raise ValidationError(self.tr("To"), code="before_start")
        return first, last

    def _read(self) -> Callable[[], tuple[Report, MonthlyOverview | None]]:
        """The reading the chosen period, programme and version ask for (to run now or in a thread)."""
        first, last = self._period()
        db, programme, named, overview = self.ctx.db, self.programme.currentData(), self.named.isChecked(), \
            self.named.isEnabled()  # fmt: skip
        return lambda: (results_report(db, first, last, programme, named=named),
                        monthly_overview(db) if overview else None)  # fmt: skip

    def refresh(self) -> None:
        """Read the report and the monthly overview now, and show them."""
        self.error.hide()
        try:
            self._show(self._read()())
        except (ValidationError, AccessDenied) as exc:
            self._failed(exc)

    def refresh_in_background(self) -> Worker | None:
        """Read them in a thread with a progress dialog (a big caseload takes seconds); the window stays usable."""
        self.error.hide()
        try:
            read = self._read()
        except ValidationError as exc:
            self._failed(exc)
            return None
        self.show_button.setEnabled(False)

        def job(progress: Callable[[int, int], None]) -> tuple[Report, MonthlyOverview | None]:
            progress(0, 1)
            return read()

        def done(result: tuple[Report, MonthlyOverview | None]) -> None:
            self.show_button.setEnabled(True)
            self._show(result)

        self.worker = run_with_progress(self, self.tr("Reading the results report"), job, done)
        self.worker.finished.connect(lambda: self.show_button.setEnabled(True))
        return self.worker

    def _failed(self, exc: Exception) -> None:
        self.error.setText(danish_error(exc))
        self.error.show()

    def _show(self, result: tuple[Report, MonthlyOverview | None]) -> None:
        self.report, self.overview = result
        self._fill_programmes(self.report.programmes)
        self._fill_report(self.report)
        self._fill_overview(self.overview)

    def _fill_programmes(self, programmes: list[str]) -> None:
        current = self.programme.currentData()
        self.programme.blockSignals(True)
        self.programme.clear()
        self.programme.addItem(self.tr("All programmes"), None)
        for p in programmes:
            self.programme.addItem(p, p)
        self.programme.setCurrentIndex(max(self.programme.findData(current), 0) if current else 0)
        self.programme.blockSignals(False)

    def _fill_report(self, report: Report) -> None:
        while self.tables_layout.count():
            item = self.tables_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:  # gone at once (deleteLater alone leaves it findable until the event loop runs)
                widget.setParent(None)
                widget.deleteLater()
        named = self.named.isChecked()
        for t in report_tables(report, named, english=english()):
            self.tables_layout.addWidget(self._heading(t.title))
            self.tables_layout.addWidget(table_widget(t, self.tables))
        kinds = [k.value for k in OutcomeKind]
        counts = [report.outcome_counts.get(k, 0) for k in kinds]
        shown = [(outcome_label(k), n) for k, n in zip(kinds, counts, strict=True) if n and (named or n >= 5)]
        if shown:
            self.outcome_chart.show_bars([s[0] for s in shown], [Series(self.tr("Citizens"), [s[1] for s in shown])])
        else:
            self.outcome_chart.clear(self.tr("No outcome to draw (counts under 5 are not shown without names)")
                                     if report.outcome_counts else self.tr("No outcomes in the period"))  # fmt: skip

    def _fill_overview(self, overview: MonthlyOverview | None) -> None:
        if overview is None:
            self.month_label.setText(self.tr("The monthly overview is for roles that may see citizens."))
            self.trend.clear()
            self.waiting.setRowCount(0)
            return
        this = overview.this_month
        parts = ", ".join(f"{outcome_label(k)} {n}" for k, n in sorted(this.items(), key=lambda kv: -kv[1]))
        total = sum(this.values())
        self.month_label.setText(
            self.tr("Outcomes this month: %1").replace("%1", str(total)) + (f" ({parts})" if parts else "")
        )
        labels = [f"{MONTHS_SHORT[int(k[5:]) - 1]} {k[2:4]}" for k, _ in overview.months]
        self.trend.show_bars(labels, [Series(self.tr("Outcomes"), [sum(v.values()) for _, v in overview.months])])
        self.waiting.setRowCount(len(overview.waiting))
        for r, w in enumerate(overview.waiting):
            values = [w.name, w.programme, str(w.days), self.tr("yes") if w.in_placement else self.tr("no")]
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, w.ref)
                if c == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.waiting.setItem(r, c, item)
        self.waiting.resizeColumnsToContents()

    def _open_waiting(self, row: int, _column: int) -> None:
        item = self.waiting.item(row, 0)
        if item is not None:
            self.ctx.open_citizen.emit(item.data(Qt.ItemDataRole.UserRole), "overview")

    # ---- saving ----------------------------------------------------------------------------------

    def file_bytes(self, kind: str) -> bytes:
        """The shown report as a PDF or Excel file (anonymised unless "with names")."""
        if self.report is None:
            raise ValidationError("from", code="choose_period")
        who = self.ctx.db.principal
        author = who.display_name if who is not None else None
        named = self.named.isChecked()
        if kind == "pdf":
            from placement_desk.export.results_pdf import results_pdf

            return results_pdf(self.report, named, author)
        from placement_desk.export.results_xlsx import results_xlsx

        return results_xlsx(self.report, named, author)

    def save_to(self, kind: str, path: Path) -> Path:
        write_private(path, self.file_bytes(kind))
        return path

    def save_as(self, kind: str) -> Path | None:
        """Save the report as shown (read first if nothing is shown yet)."""
        if self.report is None:
            self.refresh()
        if self.report is None:
            return None
        suffix = "pdf" if kind == "pdf" else "xlsx"
        name = f"resultater-{self.report.first.isoformat()}-{self.report.last.isoformat()}.{suffix}"
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save the results report"), name,
                                                "PDF (*.pdf)" if kind == "pdf" else "Excel (*.xlsx)")  # fmt: skip
        if not target:
            return None
        return self.save_to(kind, Path(target))
