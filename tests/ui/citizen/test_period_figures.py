"""The citizen page's figures of a part of the record (the last 13 weeks on the overview, the weeks since
the last follow-up in a new follow-up's attendance line) are the dossier's figures of that period, for
every demo citizen and periods that cut placements, start before the record and run to today."""

from __future__ import annotations

import gc
from datetime import date, timedelta

import pytest
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.services import views
from placement_desk.services.views import citizen_detail
from placement_desk.ui.citizen.overview_tab import OverviewTab
from placement_desk.ui.citizen.period_figures import period_figures
from placement_desk.ui.kit.formatting import fmt_rate
from tests.ui.citizen_tabs import open_tab

REFS = ("DC", "Jasmin", "Malthe", "Miriam", "Olivia", "Phillip", "Poul", "SA", "TE", "Thomas")


def _periods(first: date, last: date) -> list[tuple[date, date]]:
    span = (last - first).days
    cuts = [first + timedelta(days=span * k // 7) for k in range(8)]
    return [
        (first, last),
        (max(first, last - timedelta(days=91)), last),  # the overview's last 13 weeks
        (first - timedelta(days=40), first + timedelta(days=20)),  # from before the record
        (last - timedelta(days=3), last + timedelta(days=30)),  # past its end
        *[(a, b) for a in cuts for b in cuts if a <= b],
    ]


@pytest.mark.parametrize("ref", REFS)
def test_the_figures_of_a_period_are_the_dossiers_of_that_period(
    demo_db: Database, ref: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    detail = citizen_detail(demo_db, ref)
    whole = detail.figures()
    assert whole is not None
    periods = _periods(whole.period_from, whole.period_to)
    built: list[tuple[date | None, date | None]] = []
    build = views.build_dossier
    monkeypatch.setattr(views, "build_dossier", lambda *a: built.append(a[3:5]) or build(*a))
    got = {period: period_figures(detail, *period) for period in periods}
    inside = [(a, b) for a, b in periods if whole.period_from <= a and b <= whole.period_to]
    assert len(inside) > 20 and not set(inside) & set(built)  # summed from the whole record's dates
    for (first, last), figures in got.items():
        data = detail.figures(first, last)
        assert figures is not None and data is not None
        assert figures.total == data.figures.total, (first, last)
        assert figures.absence_by_reason() == data.figures.absence_by_reason(), (first, last)


def test_the_overview_shows_the_last_13_weeks_rate_and_fills_with_the_collector_paused(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    refresh = OverviewTab.refresh

    def watched(self: OverviewTab) -> None:
        seen.append(gc.isenabled())
        refresh(self)

    monkeypatch.setattr(OverviewTab, "refresh", watched)
    was = gc.isenabled()
    gc.enable()
    try:
        tab = open_tab(qtbot, demo_db, "DC", "overview")
        assert seen == [False]  # filled with the collector paused ...
        assert gc.isenabled()  # ... and on again after
    finally:
        gc.enable() if was else gc.disable()
    data = citizen_detail(demo_db, "DC").figures()
    assert data is not None
    recent = data.period_to - timedelta(days=91)
    expected = citizen_detail(demo_db, "DC").figures(max(data.period_from, recent), data.period_to)
    assert expected is not None
    assert tab.figure_labels["rate_recent"].text() == fmt_rate(expected.figures.total.attendance_rate)
