"""Native Excel charts (bar, line, radar) over the tables of the Excel documents."""

from __future__ import annotations

from openpyxl.chart import BarChart, LineChart, RadarChart, Reference, ScatterChart, Series
from openpyxl.chart._chart import ChartBase
from openpyxl.worksheet.worksheet import Worksheet

from placement_desk.export.excel_common import HEADER_ROW

BLUE, ORANGE, NAVY, GREEN, GREY = "5B9BD5", "ED7D31", "1F3A5F", "70AD47", "9AA5B1"
ABSENT, AGREED, PURPLE = "F4B183", "A9D18E", "7030A0"  # absence, agreed absence, planned paid hours (as in the PDF)
ASSESSOR_RGB = (NAVY, ORANGE, GREEN, GREY, BLUE, PURPLE)


def _axes(chart: ChartBase, x_title: str | None, y_title: str | None, y_format: str | None = None) -> None:
    chart.x_axis.title = x_title
    chart.y_axis.title = y_title
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    if y_format:
        chart.y_axis.number_format = y_format
    chart.legend.position = "b"


def _colour(chart: ChartBase, index: int, rgb: str, line: bool = False) -> None:
    series = chart.series[index]
    if line:
        series.graphicalProperties.line.solidFill = rgb
        series.graphicalProperties.line.width = 22000
        series.smooth = False
    else:
        series.graphicalProperties.solidFill = rgb
        series.graphicalProperties.line.noFill = True


def _ref(ws: Worksheet, col: int, last: int, header: bool = True) -> Reference:
    return Reference(ws, min_col=col, min_row=HEADER_ROW if header else HEADER_ROW + 1, max_row=last)


def hours_per_period(ws: Worksheet, last: int, title: str, axis: str, *, cat: int, planned: int, attended: int,
                     absent: int, agreed: int, paid: int) -> ChartBase:  # fmt: skip
    """Attended, absent and agreed-absence hours stacked per week or month (each its own series: none is
    drawn over another), with the planned hours and the planned paid hours as lines."""
    bar = BarChart()
    bar.type, bar.grouping, bar.overlap, bar.gapWidth = "col", "stacked", 100, 40
    for col, colour, name in ((attended, BLUE, "Fremmødt"), (absent, ABSENT, "Fravær"), (agreed, AGREED, "Aftalt fravær")):
        bar.series.append(Series(_ref(ws, col, last, header=False), title=name))
        _colour(bar, len(bar.series) - 1, colour)
    bar.set_categories(_ref(ws, cat, last, header=False))
    line = LineChart()
    line.series.append(Series(_ref(ws, planned, last, header=False), title="Planlagt"))
    line.series.append(Series(_ref(ws, paid, last, header=False), title="Planlagte løntimer"))
    _colour(line, 0, NAVY, line=True)
    _colour(line, 1, PURPLE, line=True)
    line.series[1].graphicalProperties.line.dashStyle = "dash"
    for series in line.series:
        series.marker.symbol = "none"
    bar += line
    bar.title = title
    _axes(bar, axis, "Timer", "General")
    bar.width, bar.height = 26, 11
    return bar


def monthly_rate(ws: Worksheet, last: int, cat: int, rate: int) -> ChartBase:
    line = LineChart()
    line.add_data(_ref(ws, rate, last), titles_from_data=True)
    line.set_categories(_ref(ws, cat, last, header=False))
    _colour(line, 0, BLUE, line=True)
    line.title = "Fremmøde pr. måned (aftalt fravær fraregnet)"
    _axes(line, "Måned", "Fremmøde", "0%")
    line.y_axis.scaling.min = 0
    line.y_axis.majorUnit = 0.2
    line.width, line.height = 24, 9
    return line


def effectiveness(ws: Worksheet, last: int, cat: int, value: int) -> ChartBase:
    line = LineChart()
    line.add_data(_ref(ws, value, last), titles_from_data=True)
    line.set_categories(_ref(ws, cat, last, header=False))
    _colour(line, 0, ORANGE, line=True)
    line.title = "Vurderet effektivitet over tid"
    _axes(line, "Dato", "Effektivitet", "0%")
    line.y_axis.scaling.min, line.y_axis.scaling.max = 0, 1
    line.width, line.height = 22, 9
    return line


def absence_reasons(ws: Worksheet, last: int, cat: int, value: int) -> ChartBase:
    bar = BarChart()
    bar.type, bar.gapWidth = "bar", 50
    bar.add_data(_ref(ws, value, last), titles_from_data=True)
    bar.set_categories(_ref(ws, cat, last, header=False))
    _colour(bar, 0, ORANGE)
    bar.title = "Fraværstimer fordelt på årsag"
    _axes(bar, None, "Timer", "General")
    bar.x_axis.scaling.orientation = "maxMin"
    bar.legend = None
    bar.width, bar.height = 18, max(6, 1.1 * (last - HEADER_ROW) + 3)
    return bar


def goals(ws: Worksheet, last: int, cat: int, first: int, latest: int, count: int) -> ChartBase:
    """The progression spider chart (radar) with three or more goals, else columns."""
    chart: ChartBase
    if count >= 3:
        radar = RadarChart()
        radar.type = "marker"
        chart = radar
    else:
        bar = BarChart()
        bar.type, bar.grouping = "col", "clustered"
        chart = bar
    chart.add_data(_ref(ws, first, last), titles_from_data=True)
    chart.add_data(_ref(ws, latest, last), titles_from_data=True)
    chart.set_categories(_ref(ws, cat, last, header=False))
    _colour(chart, 0, GREY, line=count >= 3)
    _colour(chart, 1, NAVY, line=count >= 3)
    chart.title = "Progression: første og seneste score"
    chart.y_axis.scaling.min, chart.y_axis.scaling.max = -5, 5
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    chart.legend.position = "b"
    chart.width, chart.height = 18, 12
    return chart


def score_history(ws: Worksheet, blocks: list[tuple[str, int, int]], x: int, y: int) -> ChartBase:
    """Every goal's scores over time: one curve per goal and assessor (``blocks``: title, first and last
    row of its scores in date order)."""
    chart = ScatterChart()
    chart.scatterStyle = "lineMarker"
    for i, (title, first, last) in enumerate(blocks):
        xs = Reference(ws, min_col=x, min_row=first, max_row=last)
        ys = Reference(ws, min_col=y, min_row=first, max_row=last)
        series = Series(ys, xs, title=title)
        rgb = ASSESSOR_RGB[i % len(ASSESSOR_RGB)]
        series.graphicalProperties.line.solidFill = rgb
        series.graphicalProperties.line.width = 22000
        series.marker.symbol = "circle"
        series.marker.graphicalProperties.solidFill = rgb
        series.smooth = False
        chart.series.append(series)
    chart.title = "Progression over tid: alle scorer"
    _axes(chart, "Dato", "Score", "+0;-0;0")
    chart.x_axis.number_format = "dd-mm-yyyy"
    chart.x_axis.tickLblPos = "low"  # the dates under the chart, not on the zero line
    chart.y_axis.scaling.min, chart.y_axis.scaling.max = -5, 5
    chart.y_axis.majorUnit = 1
    chart.width, chart.height = 24, 12
    return chart
