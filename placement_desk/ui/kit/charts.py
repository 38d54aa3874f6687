"""QtCharts building blocks shared by the screens: one refillable chart view for three kinds of picture.

- :meth:`ChartPanel.show_weeks` — bars per ISO week (stacked or side by side), lines over the same
  weeks, an optional second value axis on the right; week labels "uge 36" (the year where it changes);
- :meth:`ChartPanel.show_dates` — curves over dates (dd-mm-yyyy), e.g. progression scores;
- :meth:`ChartPanel.show_spider` — a spider chart (QPolarChart), one axis per category.

Numbers are drawn the Danish way (1.234,5). Callers pass translated names; this module has no texts
of its own beyond what they give it. :meth:`ChartPanel.bar_values` and :meth:`ChartPanel.line_points`
read the numbers back from the Qt series (for tests and tooltips).
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

import shiboken6
from PySide6.QtCharts import (
    QAbstractAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QPolarChart,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, QLocale, QMargins, Qt, QTime
from PySide6.QtGui import QColor, QCursor, QFont, QPainter, QPen, QShowEvent
from PySide6.QtWidgets import QToolTip, QWidget

from placement_desk.ui.kit.formatting import fmt_number, week_word
from placement_desk.ui.kit.messages import english

DANISH = QLocale(QLocale.Language.Danish, QLocale.Country.Denmark)
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
# Colours that stay apart for colour-blind readers (Okabe-Ito) and print well in grey.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
MAX_WEEK_LABELS = 14
LABEL_CHARS = 26


@dataclass(frozen=True)
class Series:
    """Values per category (week, spider axis); None leaves a category without a point."""

    name: str
    values: Sequence[float | None]
    color: str = ""


@dataclass(frozen=True)
class DateSeries:
    name: str
    points: Sequence[tuple[date, float]]
    color: str = ""


def week_labels(weeks: Sequence[str]) -> list[str]:
    """ISO week keys ('2024-W36') as 'uge 36' ('week 36' in the English UI; the years go in the axis title,
    see :func:`year_span`)."""
    word = week_word()
    return [f"{word} {int(key.split('-W')[1])}" for key in weeks]


def year_span(weeks: Sequence[str]) -> str:
    """'2024' or '2024–2025' for a run of ISO week keys."""
    years = sorted({key.split("-W")[0] for key in weeks})
    return "" if not years else years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}"


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def two_lines(first: str, second: str, limit: int = LABEL_CHARS) -> str:
    """An axis label on two lines (axis labels are rich text), each cut to ``limit`` characters."""
    return f"{html.escape(shorten(first, limit))}<br>{html.escape(shorten(second, limit))}"


def _msecs(day: date) -> float:
    return float(QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0)).toMSecsSinceEpoch())


class ChartPanel(QChartView):
    """A chart view whose content is replaced by each ``show_*`` call.

    QtCharts is slow to build, so a panel that is not visible (a tab not shown) keeps only the last
    ``show_*`` call and draws it when it is first shown, or when its content is read back.
    """

    def __init__(self, title: str = "", polar: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._polar = polar
        self._pending: Callable[[], None] | None = None
        self._drawing = False
        self.setChart(self._new_chart())
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(240)
        self._categories: list[str] = []
        self.setAccessibleName(title)  # a screen reader reads the title, and the numbers as the description

    def _new_chart(self) -> QChart:
        chart = QPolarChart() if self._polar else QChart()
        chart.setLocale(ENGLISH if english() else DANISH)  # the axes' numbers and dates as the UI writes them
        chart.setLocalizeNumbers(True)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setTitle(self._title)
        font = QFont(chart.titleFont())
        font.setBold(True)
        chart.setTitleFont(font)
        return chart

    # ---- drawing when shown ----------------------------------------------------------------------

    def _later(self, draw: Callable[[], None]) -> bool:
        """True (and ``draw`` kept for later) while the panel is hidden; False: draw now."""
        if self._drawing or self.isVisible():
            self._pending = None
            return False
        self._pending = draw
        return True

    def flush(self) -> None:
        """Draw the kept ``show_*`` call now (on first show, or before the content is read)."""
        draw, self._pending = self._pending, None
        if draw is not None:
            self._drawing = True
            try:
                draw()
            finally:
                self._drawing = False

    def showEvent(self, event: QShowEvent) -> None:
        self.flush()
        super().showEvent(event)

    def chart(self) -> QChart:
        self.flush()
        return super().chart()

    # ---- filling -------------------------------------------------------------------------------

    def clear(self, message: str = "") -> None:
        """Start over with an empty chart; ``message`` (e.g. "No data yet") is shown as the title.

        A fresh chart replaces the old one (deleted at once): reusing a chart leaves stale axis and
        label items in the scene when it was laid out while hidden.
        """
        self._pending = None
        self.setAccessibleDescription(message)
        old = super().chart()
        chart = self._new_chart()
        chart.setTitle(f"{self._title} — {message}" if message and self._title else message or self._title)
        self.setChart(chart)
        if old is not None:
            shiboken6.delete(old)
        self._categories = []

    def show_weeks(
        self,
        weeks: Sequence[str],
        bars: Sequence[Series],
        lines: Sequence[Series] = (),
        y_title: str = "",
        stacked: bool = True,
        right: Sequence[Series] = (),
        right_title: str = "",
        right_range: tuple[float, float] = (0, 100),
    ) -> None:
        """Bars per ISO week key with lines over the same weeks; ``right`` lines use a second axis."""
        labels = week_labels(weeks)
        self._describe([(s.name, list(zip(labels, s.values, strict=False))) for s in (*bars, *lines, *right)])
        if self._later(lambda: self.show_weeks(weeks, bars, lines, y_title, stacked, right, right_title, right_range)):
            return
        chart = self._fresh()
        self._categories = week_labels(weeks)
        x_axis = self._week_axis(len(weeks))
        x_axis.setTitleText(year_span(weeks))
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        top = max([v or 0 for s in (*bars, *lines) for v in s.values] or [0])
        if stacked:
            top = max([top] + [sum(s.values[i] or 0 for s in bars) for i in range(len(weeks))])
        y_axis = self._value_axis(0, nice_scale(top)[0], y_title)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        if bars:
            series = QStackedBarSeries() if stacked else QBarSeries()
            series.setBarWidth(0.7)
            for n, s in enumerate(bars):
                bar_set = QBarSet(s.name)
                bar_set.append([float(v or 0) for v in s.values])
                bar_set.setColor(QColor(s.color or PALETTE[n % len(PALETTE)]))
                bar_set.setBorderColor(QColor(s.color or PALETTE[n % len(PALETTE)]))
                series.append(bar_set)
            series.hovered.connect(self._bar_tooltip)
            self._add(series, x_axis, y_axis)
        for n, s in enumerate(lines):
            self._add(self._line(s, len(bars) + n), x_axis, y_axis)
        if right:
            r_axis = self._value_axis(right_range[0], right_range[1], right_title, 6)
            chart.addAxis(r_axis, Qt.AlignmentFlag.AlignRight)
            for n, s in enumerate(right):
                self._add(self._line(s, len(bars) + len(lines) + n), x_axis, r_axis)

    def show_dates(
        self, series: Sequence[DateSeries], y_range: tuple[float, float], y_title: str = "", y_ticks: int = 11
    ) -> None:
        """Curves over dates, with every point marked (a single score is still visible)."""
        self._describe([(s.name, [(d.strftime("%d-%m-%Y"), v) for d, v in sorted(s.points)]) for s in series])
        if self._later(lambda: self.show_dates(series, y_range, y_title, y_ticks)):
            return
        chart = self._fresh()
        days = [d for s in series for d, _ in s.points]
        first, last = min(days), max(days)
        pad = max((last - first).days // 20, 7)
        x_axis = QDateTimeAxis()
        x_axis.setFormat("dd-MM-yyyy")
        x_axis.setTickCount(min(5, max(2, (last - first).days // 30 + 2)))
        x_axis.setRange(
            QDateTime.fromMSecsSinceEpoch(int(_msecs(first) - pad * 86_400_000)),
            QDateTime.fromMSecsSinceEpoch(int(_msecs(last) + pad * 86_400_000)),
        )
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        y_axis = self._value_axis(y_range[0], y_range[1], y_title, y_ticks)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for n, s in enumerate(series):
            line = QLineSeries()
            line.setName(s.name)
            for day, value in sorted(s.points):
                line.append(_msecs(day), float(value))
            self._style_line(line, s.color or PALETTE[n % len(PALETTE)])
            self._add(line, x_axis, y_axis)

    def show_spider(self, axes: Sequence[str], series: Sequence[Series], lo: float, hi: float, ticks: int = 11) -> None:
        """One angular axis position per category; each series is drawn as a closed polygon."""
        self._describe([(s.name, list(zip(axes, s.values, strict=False))) for s in series])
        if self._later(lambda: self.show_spider(axes, series, lo, hi, ticks)):
            return
        chart = self._fresh()
        assert isinstance(chart, QPolarChart)
        n = len(axes)
        angular = QCategoryAxis()
        angular.setRange(0, 360)
        angular.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        for i, name in enumerate(_unique(axes)):
            angular.append(name, i * 360 / n)
        radial = self._value_axis(lo, hi, "", ticks)
        chart.addAxis(angular, QPolarChart.PolarOrientation.PolarOrientationAngular)
        chart.addAxis(radial, QPolarChart.PolarOrientation.PolarOrientationRadial)
        self._categories = list(axes)
        for k, s in enumerate(series):
            line = QLineSeries()
            line.setName(s.name)
            points = [(i * 360 / n, v) for i, v in enumerate(s.values) if v is not None]
            if len(points) == n:
                points.append((360.0, points[0][1]))  # close the polygon
            for angle, value in points:
                line.append(angle, float(value))
            self._style_line(line, s.color or PALETTE[k % len(PALETTE)])
            self._add(line, angular, radial)

    # ---- reading back --------------------------------------------------------------------------

    def categories(self) -> list[str]:
        self.flush()
        return list(self._categories)

    def bar_values(self, name: str) -> list[float]:
        for series in self.chart().series():
            if isinstance(series, QBarSeries | QStackedBarSeries):
                for bar_set in series.barSets():
                    if bar_set.label() == name:
                        return [bar_set.at(i) for i in range(bar_set.count())]
        raise KeyError(name)

    def line_points(self, name: str) -> list[tuple[float, float]]:
        for series in self.chart().series():
            if isinstance(series, QLineSeries) and series.name() == name:
                return [(p.x(), p.y()) for p in series.points()]
        raise KeyError(name)

    def series_names(self) -> list[str]:
        names: list[str] = []
        for series in self.chart().series():
            if isinstance(series, QBarSeries | QStackedBarSeries):
                names.extend(b.label() for b in series.barSets())
            else:
                names.append(series.name())
        return names

    # ---- helpers -------------------------------------------------------------------------------

    def _fresh(self) -> QChart:
        """:meth:`clear` for a ``show_*`` call: the description it has just set stays."""
        described = self.accessibleDescription()
        self.clear()
        self.setAccessibleDescription(described)
        return self.chart()

    def _describe(self, series: Sequence[tuple[str, Sequence[tuple[str, float | None]]]]) -> None:
        """The numbers as text for a screen reader: one line per series, "name: uge 36 4, uge 37 6"."""
        def plain(label: str) -> str:  # an axis label may be two lines of rich text
            return html.unescape(re.sub(r"<[^>]+>", " ", label.replace("<br>", " – "))).strip()

        lines = [
            f"{name}: " + ", ".join(f"{plain(where)} {_short_number(v)}" for where, v in points if v is not None)
            for name, points in series
        ]
        self.setAccessibleDescription("\n".join(lines))

    def _add(self, series: QLineSeries | QBarSeries | QStackedBarSeries, x: QAbstractAxis, y: QAbstractAxis) -> None:
        if isinstance(series, QLineSeries):
            series.setPointsVisible(series.count() <= 30)
        self.chart().addSeries(series)
        series.attachAxis(x)
        series.attachAxis(y)

    def _week_axis(self, count: int) -> QCategoryAxis:
        """Week labels on the bars' positions, thinned out so that they never overlap."""
        axis = QCategoryAxis()
        axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        axis.setRange(-0.5, max(count, 1) - 0.5)
        step = max(1, math.ceil(count / MAX_WEEK_LABELS))
        labels = _unique(self._categories)
        for i in range(0, count, step):
            axis.append(labels[i], i)
        axis.setLabelsAngle(-45 if count > 6 else 0)
        axis.setGridLineVisible(False)
        return axis

    def _value_axis(self, lo: float, hi: float, title: str, ticks: int = 0) -> QValueAxis:
        axis = QValueAxis()
        axis.setRange(lo, hi)
        if ticks:
            axis.setTickCount(ticks)
            step = (hi - lo) / max(ticks - 1, 1)
            if step > 1 and step == int(step):
                axis.setMinorTickCount(int(step) - 1)  # a grid line per unit, labels only on the ticks
            axis.setLabelFormat("%.0f")  # "%d" draws nothing when numbers are localised
        else:
            top, step = nice_scale(hi - lo)
            axis.setRange(lo, lo + top)
            axis.setTickCount(int(round(top / step)) + 1)
            axis.setLabelFormat("%.0f" if step >= 1 else "%.2f")
        axis.setTitleText(title)
        return axis

    def _line(self, s: Series, n: int) -> QLineSeries:
        line = QLineSeries()
        line.setName(s.name)
        for i, v in enumerate(s.values):
            if v is not None:
                line.append(float(i), float(v))
        self._style_line(line, s.color or PALETTE[n % len(PALETTE)])
        return line

    @staticmethod
    def _style_line(line: QLineSeries, color: str) -> None:
        pen = QPen(QColor(color))
        pen.setWidthF(2.5)
        line.setPen(pen)
        line.setColor(QColor(color))
        line.setMarkerSize(6)

    def _bar_tooltip(self, status: bool, index: int, bar_set: QBarSet) -> None:
        if not status or not 0 <= index < len(self._categories):
            QToolTip.hideText()
            return
        series = bar_set.parent()
        rows = [self._categories[index]]
        if isinstance(series, QBarSeries | QStackedBarSeries):
            rows += [f"{b.label()}: {fmt_number(b.at(index))}" for b in series.barSets()]
        QToolTip.showText(QCursor.pos(), "\n".join(rows), self)


STEPS = (0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)


def _short_number(value: float) -> str:
    """4 -> '4', 2.5 -> '2,5' (Danish, at most two decimals)."""
    text = fmt_number(value, 2)
    return text.rstrip("0").rstrip(",") if "," in text else text


def nice_scale(value: float, max_ticks: int = 8) -> tuple[float, float]:
    """A round top above ``value`` and the step between ticks: 13 -> (15, 5), 37 -> (40, 5), 0 -> (1, 0.25)."""
    value = max(value, 1.0) * 1.05
    for step in STEPS:
        top = math.ceil(value / step) * step
        if top / step <= max_ticks:
            return float(top), step
    return float(math.ceil(value)), value / max_ticks


def _unique(labels: Sequence[str]) -> list[str]:
    """Category axes key labels by text: make repeated labels distinct without changing how they read."""
    seen: dict[str, int] = {}
    out = []
    for text in labels:
        seen[text] = seen.get(text, 0) + 1
        out.append(text if seen[text] == 1 else text + "\u200b" * (seen[text] - 1))
    return out
