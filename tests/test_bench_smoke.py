"""The benchmark's smoke run (issues 6, 17): the whole ``make bench`` code path on 5 and 10 citizens, so it
cannot rot.

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
    "Dossier PDF against its floor",
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
        scales = [generate.TINY, run._scaled(generate.TINY, 2)]
        table_rows = run.run(scales, repeat=1, out=tmp_path / "results.md", cache=tmp_path / "cache",
                             import_rows=200, log=lines.append)  # fmt: skip
    finally:
        os.environ.clear()
        os.environ.update(saved)
    figures = [r.one for r in table_rows]
    assert [next(f for f in FIGURES if fig.name.startswith(f)) for fig in figures] == list(FIGURES)
    assert all(fig.measured and fig.goal.startswith("≤") for fig in figures)
    # measured at the larger scale too: all but the two whose goal is at 1× only
    at_one_only = {r.one.pairs_as for r in table_rows if r.big is None}
    assert {f for f in FIGURES if any(name.startswith(f) for name in at_one_only)} == {
        "Results report of all",
        "Export of the whole archive",
    }
    archive = next(f for f in figures if f.name.startswith("Export of the whole archive"))
    if os.environ.get("CI") or "no PostgreSQL" not in archive.name:  # (a server is required in CI, as for tests/postgres)
        assert "into a team database on PostgreSQL" in archive.name, archive.name  # as the README moves the data
        assert archive.compared_with.startswith("its import into a new embedded database instead: ")
    text = (tmp_path / "results.md").read_text(encoding="utf-8")
    assert "| figure | 1× | 10× | 10× / 1× |" in text
    table = [line for line in text.splitlines() if line.startswith("| ")]
    assert len(table) == 1 + len(FIGURES)  # the header and one row per figure
    for r in table_rows:
        big = r.big.measured if r.big else "—"
        assert f"| {r.one.name} | {r.one.measured} | {big} | " in text
        assert f"| {r.goal} | {r.verdict} |" in text
    assert "5 citizens" in text and "10 citizens" in text  # the data of both scales
    assert any("building the benchmark data" in line for line in lines)  # the first run says it builds
