"""Native Excel charts (bar, line, radar) over the tables of the Excel documents."""

from __future__ import annotations

from openpyxl.chart import BarChart, LineChart, RadarChart, Reference
from openpyxl.chart._chart import ChartBase
from openpyxl.worksheet.worksheet import Worksheet

from placement_desk.export.excel_common import HEADER_ROW

BLUE, ORANGE, NAVY, GREEN, GREY = "5B9BD5", "ED7D31", "1F3A5F", "70AD47", "9AA5B1"


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


def weekly_hours(ws: Worksheet, last: int, cat: int, planned: int, attended: int, paid: int) -> ChartBase:
    """Attended and paid hours per week as overlapping columns, the plan as a line."""
    bar = BarChart()
    bar.type, bar.grouping, bar.overlap, bar.gapWidth = "col", "clustered", 100, 40
    bar.add_data(_ref(ws, attended, last), titles_from_data=True)
    bar.add_data(_ref(ws, paid, last), titles_from_data=True)
    bar.set_categories(_ref(ws, cat, last, header=False))
    _colour(bar, 0, BLUE)
    _colour(bar, 1, ORANGE)
    line = LineChart()
    line.add_data(_ref(ws, planned, last), titles_from_data=True)
    _colour(line, 0, NAVY, line=True)
    bar += line
    bar.title = "Planlagte og fremmødte timer pr. uge"
    _axes(bar, "Uge", "Timer", "0")
    bar.width, bar.height = 26, 11
    return bar


def monthly_hours(ws: Worksheet, last: int, cat: int, planned: int, attended: int) -> ChartBase:
    bar = BarChart()
    bar.type, bar.grouping, bar.gapWidth = "col", "clustered", 60
    bar.add_data(_ref(ws, planned, last), titles_from_data=True)
    bar.add_data(_ref(ws, attended, last), titles_from_data=True)
    bar.set_categories(_ref(ws, cat, last, header=False))
    _colour(bar, 0, GREY)
    _colour(bar, 1, BLUE)
    bar.title = "Planlagte og fremmødte timer pr. måned"
    _axes(bar, "Måned", "Timer", "0")
    bar.width, bar.height = 24, 9
    return bar


def monthly_rate(ws: Worksheet, last: int, cat: int, rate: int) -> ChartBase:
    line = LineChart()
    line.add_data(_ref(ws, rate, last), titles_from_data=True)
    line.set_categories(_ref(ws, cat, last, header=False))
    _colour(line, 0, BLUE, line=True)
    line.title = "Fremmøde pr. måned"
    _axes(line, "Måned", "Fremmøde", "0%")
    line.y_axis.scaling.min = 0
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
    _axes(bar, None, "Timer", "0")
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
