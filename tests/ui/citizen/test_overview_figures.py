"""The citizen page's key figures say what they rest on: one rounding, the effective hours' basis and
the weeks in which the sustained level was reached."""

from __future__ import annotations

from fractions import Fraction

from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.services.views import citizen_detail
from placement_desk.ui.kit.formatting import fmt_rate, fmt_week_span
from tests.ui.citizen_tabs import open_tab


def test_rates_are_rounded_once_from_the_exact_value() -> None:
    assert fmt_rate(Fraction(41, 52)) == "78,8 %"  # 78.846...; 0.7885 rounded again would give 78,9
    assert fmt_rate(Fraction(87, 93)) == "93,5 %"
    assert fmt_rate(None) == "–"
    assert fmt_week_span("2024-W05", "2024-W08") == "uge 5–8 2024"
    assert fmt_week_span("2024-W51", "2025-W02") == "uge 51 2024 – uge 2 2025"


def test_key_figures_name_their_basis_and_weeks(qtbot: QtBot, demo_db: Database) -> None:
    tab = open_tab(qtbot, demo_db, "DC", "overview")
    data = citizen_detail(demo_db, "DC").figures()
    assert data is not None
    fig = data.figures
    labels = tab.figure_labels
    assert labels["rate"].text() == fmt_rate(fig.total.attendance_rate)
    assert fig.max_sustained_weeks is not None
    assert fmt_week_span(*fig.max_sustained_weeks) in labels["sustained"].text()
    effective = labels["effective"].text()
    basis = f"{fig.total.effective_basis / 60:.2f}".replace(".", ",")
    assert basis in effective  # "127,18 t  af 166,75 t fremmødte timer med en vurdering"
    assert ("fremmødte timer med en vurdering" in effective) or ("attended hours with an assessment" in effective)
