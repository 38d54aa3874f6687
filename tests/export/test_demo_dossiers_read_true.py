"""Every demo dossier reads true: nothing after today counts, the period stops at today, and DC's goal shows
the whole history of both the citizen's and the mentor's scores."""

from __future__ import annotations

from datetime import date

import pytest

from tests.export.conftest import DEMO_REFS, TODAY, Rendered

FIGURES = ("planned", "counted_planned", "attended", "paid_planned", "attendance_rate", "absence_share",
           "unregistered_days", "agreed_absence_days", "effective", "effective_basis")  # fmt: skip


@pytest.mark.parametrize("ref", DEMO_REFS)
def test_no_day_after_today_counts_in_a_demo_dossier(demo_docs: dict[str, Rendered], ref: str) -> None:
    s = demo_docs[ref].summary
    today = date.fromisoformat(TODAY)
    assert date.fromisoformat(s["period"]["to"]) <= today
    for week in s["weeks"]:
        y, w = week["week"].split("-W")
        assert date.fromisocalendar(int(y), int(w), 1) <= today
    for m in s["months"]:
        assert m["month"] <= TODAY[:7]
    for obj in (s["totals"], *s["placements"], *s["weeks"], *s["months"]):
        assert set(FIGURES) <= set(obj)  # the ten figures on every figure object
    t = s["totals"]
    assert t["counted_planned"] <= t["planned"]
    if t["effective"] is not None:
        assert t["effective"] <= t["effective_basis"] <= t["attended"]
    if s["max_sustained_weekly_hours"] is not None:
        assert s["max_sustained_weeks"]["from"] < s["max_sustained_weeks"]["to"]


def test_dc_goal_shows_every_score_of_both_assessors(demo_docs: dict[str, Rendered]) -> None:
    dc = demo_docs["DC"]
    employment = dc.summary["goals"][0]
    assert [(x["score"], x["assessor"]) for x in employment["scores"] if x["assessor"] == "citizen"] == [
        (0, "citizen"), (3, "citizen"), (4, "citizen"), (-2, "citizen"), (-1, "citizen")]  # fmt: skip
    assert {x["assessor"] for x in employment["scores"]} == {"citizen", "mentor"}
    assert "0 → +3 → +4 → -2 → -1" in dc.text  # the whole history, not "0 → -1"
    assert "Mentor" in dc.text
