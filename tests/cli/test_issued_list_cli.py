"""`placement-desk issued list`: per issued dossier its template (key and version) and, when it went out
incomplete, the reason the consultant gave."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.services.test_description import cli, dc_file

__all__ = ["dc_file"]


def test_issued_list_names_the_template_and_the_reason_for_an_incomplete_dossier(
    dc_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "dc.json"
    assert cli(dc_file, "dossier", "DC", "--json", str(out), "--issue-to", "Kommunen",
               "--allow-incomplete", "Vurderingen eftersendes") == 0  # fmt: skip
    assert cli(dc_file, "dossier", "DC", "--json", str(out), "--template", "prerequisites",
               "--issue-to", "Kommunen", "--allow-incomplete", "Lægen har ikke svaret endnu") == 0  # fmt: skip
    capsys.readouterr()
    assert cli(dc_file, "issued", "list", "DC") == 0
    lines = capsys.readouterr().out.splitlines()
    rows = [line for line in lines if not line.startswith("\t")]
    assert len(rows) == 2  # newest first
    assert rows[0].endswith("\ttemplate prerequisites v1") and "\tto Kommunen\t" in rows[0]
    assert rows[1].endswith("\ttemplate preparatory_part v1")
    reasons = [line.strip() for line in lines if line.startswith("\t")]
    assert reasons == ["issued incomplete: Lægen har ikke svaret endnu", "issued incomplete: Vurderingen eftersendes"]
    assert lines.index("\tissued incomplete: Lægen har ikke svaret endnu") == lines.index(rows[0]) + 1


def test_issued_list_of_an_unknown_citizen_is_refused(dc_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert cli(dc_file, "issued", "list", "NOPE") == 2
    assert "NOPE" in capsys.readouterr().err
