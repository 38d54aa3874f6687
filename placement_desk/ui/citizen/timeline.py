"""A timeline of referrals and placements: extensions, interruptions and re-referrals at a glance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from placement_desk.domain import casefile as cf
from placement_desk.ui.kit.vocab_labels import label

TYPE_COLOURS = {
    "internal_training": "#8fb8de",
    "internship": "#4f8fc0",
    "hybrid": "#2e7d6b",
    "wage_subsidy": "#c78b2c",
    "ordinary_hours": "#7a5ea8",
    "flex_job": "#2f9e44",
    "apprenticeship": "#b5533c",
    "social_free_card": "#9c6b98",
}


@dataclass(frozen=True)
class Bar:
    lane: str
    start: date
    end: date
    text: str
    colour: str
    light: bool = False  # an extension
    cut: bool = False  # interrupted (ended with a reason)


def bars_of(citizen: cf.Citizen, names: dict[str, str], today: date) -> list[Bar]:
    bars: list[Bar] = []
    for r in citizen.referrals:
        end = r.end or today
        bars.append(Bar("ref", r.start, end, r.programme, "#6c757d", cut=r.end_reason is not None))
        previous = end
        for e in r.extensions:
            bars.append(Bar("ref", previous, e, "", "#adb5bd", light=True))
            previous = e
    for p in citizen.placements:
        text = f"{names.get(p.company, p.company)} ({label(p.type)})"
        bars.append(Bar(p.ref, p.start, p.end or today, text, TYPE_COLOURS.get(p.type, "#4f8fc0")))
    return bars


class Timeline(QWidget):
    LANE = 22

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.today = date.today()
        self.setMinimumHeight(80)

    def set_bars(self, bars: list[Bar], today: date) -> None:
        self.bars, self.today = bars, today
        self.setMinimumHeight(40 + self.LANE * max(1, len(self._lanes())))
        self.update()

    def _lanes(self) -> list[str]:
        lanes: list[str] = []
        for b in self.bars:
            if b.lane not in lanes:
                lanes.append(b.lane)
        return lanes

    def sizeHint(self) -> QSize:
        return QSize(600, 40 + self.LANE * max(1, len(self._lanes())))

    @staticmethod
    def _paint_bar(painter: QPainter, b: Bar, rect: QRectF) -> None:
        """One referral or placement: a rounded bar (paler: an extension), a red end if it was cut short."""
        colour = QColor(b.colour)
        if b.light:
            colour.setAlpha(110)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(rect, 3, 3)
        if b.cut:
            painter.setPen(QPen(QColor("#b00020"), 2))
            painter.drawLine(rect.topRight(), rect.bottomRight())
        if b.text:
            painter.setPen(QColor("white") if not b.light else QColor("black"))
            painter.drawText(rect.adjusted(4, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter, b.text)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.bars:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No referrals or placements yet"))
            return
        first = min(b.start for b in self.bars)
        last = max(*(b.end for b in self.bars), first)
        span = max((last - first).days, 1)
        left, right = 8.0, float(self.width() - 8)

        def x(day: date) -> float:
            return left + (right - left) * (day - first).days / span

        lanes = self._lanes()
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        painter.setFont(small)
        for b in self.bars:
            y = 6 + lanes.index(b.lane) * self.LANE
            self._paint_bar(painter, b, QRectF(x(b.start), y, max(x(b.end) - x(b.start), 3), self.LANE - 6))
        # the axis: years, and today
        axis_y = 6 + len(lanes) * self.LANE + 4
        painter.setPen(QColor("#555"))
        painter.drawLine(int(left), axis_y, int(right), axis_y)
        for year in range(first.year, last.year + 1):
            for month in (1, 7):
                tick = date(year, month, 1)
                if first <= tick <= last:
                    painter.drawLine(int(x(tick)), axis_y, int(x(tick)), axis_y + 4)
                    painter.drawText(int(x(tick)) + 2, axis_y + 16, f"{month:02d}-{year}")
        if first <= self.today <= last:
            painter.setPen(QPen(QColor("#b00020"), 1, Qt.PenStyle.DashLine))
            painter.drawLine(int(x(self.today)), 0, int(x(self.today)), axis_y)
