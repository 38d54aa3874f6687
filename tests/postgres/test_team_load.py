"""The team server load run (bench/team_load.py), short: 2 processes for 3 seconds, each signed in as
its own login against a real PostgreSQL. It asserts on integrity, never on throughput: the audit chain
verifies and every acknowledged write is in the database, none overwritten silently."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bench import team_load

pytestmark = pytest.mark.postgres


def test_a_short_load_run_keeps_the_chain_and_loses_nothing(tmp_path: Path) -> None:
    from tests.postgres import server as pg

    try:
        pg.find_bindir()
    except pg.Unavailable as exc:
        pytest.skip(str(exc))
    out = tmp_path / "team-load.md"
    report = team_load.run(processes=2, seconds=3, out=out)
    assert report.errors == []
    assert report.lost == []
    assert report.chain_ok, report.chain_problem
    # Both kinds of process did work (the run is not empty), and every write left its audit entry.
    assert report.imports > 0 and report.own_edits > 0 and report.shared_edits > 0
    assert report.audit_entries > report.imports + report.own_edits + report.shared_edits
    text = out.read_text(encoding="utf-8")
    assert "Audit chain: intact. Result: nothing lost." in text
    assert f"| imports of a shared citizen (acknowledged) | {report.imports:,} |" in text


def _tally(**kw: Any) -> dict[str, Any]:
    return {"user": "u", "imports": [], "own": [], "shared": [], "conflicts": 0, "errors": [], **kw}


def test_the_check_finds_an_overwrite_a_lost_write_and_a_missing_audit_entry() -> None:
    """The comparison the load run ends with is not vacuous: each kind of loss is named."""
    day = team_load.SHARED_DAYS[0].isoformat()
    # Two saves both replaced the empty day: the second overwrote the first without a conflict.
    overwrite = _tally(shared=[(day, None, "u#1"), (day, None, "u#2")])
    report = team_load.Report(1, 1)
    team_load.compare({(team_load.SHARED, day): "u#2"}, {}, {("u", "change"): 2}, [overwrite], report)
    assert report.lost == [f"shared {day}: two acknowledged saves replaced the same value (one overwrote the other)"]
    # An acknowledged edit of the process's own day that the database does not hold, and no audit entry.
    lost = _tally(own=[("2023-03-06", "u#3")])
    report = team_load.Report(1, 1)
    team_load.compare({("LO0-1", "2023-03-06"): "u#1"}, {}, {}, [lost], report)
    assert report.lost == ["u's own 2023-03-06: acknowledged u#3, database u#1",
                           "u: 1 acknowledged edits, 0 audit entries"]  # fmt: skip
    # A chain of saves that is whole passes.
    whole = _tally(shared=[(day, None, "u#1"), (day, "u#1", "u#2")])
    report = team_load.Report(1, 1)
    team_load.compare({(team_load.SHARED, day): "u#2"}, {}, {("u", "change"): 2}, [whole], report)
    assert report.lost == []
