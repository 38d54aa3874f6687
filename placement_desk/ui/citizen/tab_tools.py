"""What the Timeplan, Mål og progression and Arbejdsevne tabs share: a placement picker, a
placement's figures per ISO week, Danish number input, and keys that act on a table."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QWidget

from placement_desk.domain.dossier import plan_of
from placement_desk.domain.figures import Totals, day_figures, week_key
from placement_desk.services.common import today
from placement_desk.services.views import CitizenDetail
from placement_desk.ui.kit.formatting import fmt_date
from placement_desk.ui.kit.vocab_labels import label


class PlacementPicker(QComboBox):
    """The citizen's placements, newest first; keeps the chosen one across reloads and starts on the
    placement running today (else the newest). A placement that has just been created is chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMinimumContentsLength(40)
        self.setAccessibleName(self.tr("Placement"))
        self._seen: tuple[str, set[str]] | None = None  # the citizen and the placements shown so far

    def set_detail(self, detail: CitizenDetail) -> None:
        chosen = self.current_ref()
        placements = sorted(detail.citizen.placements, key=lambda p: (p.start, p.ref), reverse=True)
        refs = [p.ref for p in placements]
        if self._seen is not None and self._seen[0] == detail.citizen.ref:
            new = [r for r in refs if r not in self._seen[1]]
            chosen = new[0] if new else chosen
        self._seen = (detail.citizen.ref, set(refs))
        if chosen not in refs:
            running = detail.current_placements(today())
            chosen = running[-1].ref if running else (refs[0] if refs else None)
        self.blockSignals(True)
        self.clear()
        for p in placements:
            period = f"{fmt_date(p.start)} – {fmt_date(p.end)}" if p.end else f"{fmt_date(p.start)} –"
            self.addItem(f"{detail.placements[p.ref].company_name} · {label(p.type)} · {period}", p.ref)
        if chosen is not None:
            self.setCurrentIndex(refs.index(chosen))
        self.blockSignals(False)

    def current_ref(self) -> str | None:
        ref = self.currentData()
        return ref if isinstance(ref, str) else None

    def choose(self, ref: str) -> None:
        index = self.findData(ref)
        if index >= 0:
            self.setCurrentIndex(index)


PLAN_AHEAD = timedelta(weeks=8)  # an open placement's chart shows its plan this far past the last step


def placement_weeks(detail: CitizenDetail, ref: str, ahead: bool = False) -> list[tuple[str, Totals]]:
    """The dossier's per-date figures of one placement summed per ISO week, every week of its period
    (weeks with nothing planned too, so the chart has no holes); ``ahead``: the weeks still to come
    too, as planned (a placement that starts today, or a ramp-up agreed for next month, shows its plan)."""
    dossier = detail.figures()
    weeks: dict[str, Totals] = {}
    for f in dossier.figures.days if dossier is not None else ():
        if f.placement == ref:
            weeks.setdefault(week_key(f.day), Totals()).add(f)
    p = next((x for x in detail.citizen.placements if x.ref == ref), None)
    if ahead and p is not None and p.schedule:
        now = today()
        last = p.end or max(*(s.start for s in p.schedule), now) + PLAN_AHEAD
        last = min(last, now + timedelta(days=366))
        first = max(now + timedelta(days=1), p.start)
        for f in day_figures(plan_of(p), first, last, last):
            weeks.setdefault(week_key(f.day), Totals()).add(f)
    return sorted(weeks.items())


def week_monday(key: str) -> date:
    year, week = key.split("-W")
    return date.fromisocalendar(int(year), int(week), 1)


def is_future_week(key: str) -> bool:
    return week_monday(key) > today()


def next_monday(on: date) -> date:
    return on + timedelta(days=(7 - on.weekday()) % 7)


def parse_danish_number(text: str) -> float | None:
    """'2,5' or '2.5' or '1.234,5' as a number; '' as None; raises ValueError otherwise."""
    text = text.strip().replace(" ", "")
    if not text:
        return None
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    return float(text)


def number_value(value: float) -> int | float:
    """A number as the services take it: whole numbers as int (the case file's form)."""
    return int(value) if float(value).is_integer() else value


class KeyAction(QObject):
    """Runs an action when one of the keys is pressed in a widget (e.g. Delete in a table)."""

    def __init__(self, widget: QWidget, keys: tuple[Qt.Key, ...], action: Callable[[], object]) -> None:
        super().__init__(widget)
        self._keys, self._action = keys, action
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in self._keys:
            self._action()
            return True
        return super().eventFilter(watched, event)
