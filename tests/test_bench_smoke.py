"""The benchmark's smoke run (issue 6): the whole ``make bench`` code path on 5 citizens, so it cannot rot.

Only the shape of the result is checked — every figure has its row, limit and verdict — never a time:
the machines are shared and noisy (``make bench`` is where the numbers are looked at).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

FIGURES = (
    "App start to the sign-in window",
    "App start to usable main window",
    "Main window usable after the password",
    "Dashboard page again",
    "*Borgere* page",
    "*Virksomheder* page",
    "*Fremmøde* page",
    "*Opfølgninger* page",
    "*Forløb* page",
    "*Resultater* page",
    "Open the citizen with the most attendance",
    "Dossier for that citizen",
    "Dashboard queries over the whole DB",
    "Results report of all",
    "Filter/sort the",
    "Case-file import of 200 attendance rows",
    "Peak memory of the app",
    "Export of the whole archive",
)


@pytest.mark.slow
def test_the_benchmark_runs_on_tiny_data_and_reports_every_figure(tmp_path: Path, qapp: object) -> None:
    from bench import generate, run

    saved = dict(os.environ)
    lines: list[str] = []
    try:
        figures = run.run(generate.TINY, repeat=1, out=tmp_path / "results.md", cache=tmp_path / "cache",
                          import_rows=200, log=lines.append)  # fmt: skip
    finally:
        os.environ.clear()
        os.environ.update(saved)
    assert [next(f for f in FIGURES if fig.name.startswith(f)) for fig in figures] == list(FIGURES)
    assert all(fig.measured and fig.goal.startswith("≤") for fig in figures)
    text = (tmp_path / "results.md").read_text(encoding="utf-8")
    table = [line for line in text.splitlines() if line.startswith("| ")]
    assert len(table) == 1 + len(FIGURES)  # the header and one row per figure
    for fig in figures:
        assert f"| {fig.name} | {fig.measured} | {fig.compared_with} | {fig.goal} | {fig.verdict} |" in text
    assert any("building the benchmark data" in line for line in lines)  # the first run says it builds
