"""The document commands: dossier (PDF, Excel, JSON, issued), absence overview, issued versions and the
attendance sheet. Exit codes 0 / 2 (bad input, nothing written) / 1."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from placement_desk.cli.main import main
from tests.export.conftest import TODAY

pytestmark = pytest.mark.usefixtures("cli_admin")  # the command line signs in (conftest)


@pytest.fixture
def demo_file(demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PLACEMENT_DESK_TODAY", TODAY)
    target = tmp_path / "demo.db"
    shutil.copyfile(demo_path, target)
    return target


def cli(db_path: Path, *args: str) -> int:
    return main(["--db", f"sqlite:///{db_path}", *args])


def test_dossier_issue_and_reopen(demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf, xlsx, js = tmp_path / "sa.pdf", tmp_path / "sa.xlsx", tmp_path / "sa.json"
    code = cli(
        demo_file, "dossier", "SA", "--pdf", str(pdf), "--xlsx", str(xlsx), "--json", str(js),
        "--from", "2023-01-01", "--to", "2023-06-30", "--assessment", "Stabil i pedelteamet.",
        "--issue-to", "Rehabiliteringsteamet", "--consultant", "Karin", "--allow-incomplete", "Historisk periode",
    )  # fmt: skip
    assert code == 0
    out = capsys.readouterr().out
    assert "issued as version 1 to Rehabiliteringsteamet" in out and "sha256" in out
    assert json.loads(js.read_text(encoding="utf-8"))["period"] == {"from": "2023-01-01", "to": "2023-06-30"}
    assert cli(demo_file, "issued", "list", "SA") == 0
    assert "Rehabiliteringsteamet" in capsys.readouterr().out
    again = tmp_path / "again.pdf"
    assert cli(demo_file, "issued", "get", "1", "--format", "pdf", "-o", str(again)) == 0
    assert again.read_bytes() == pdf.read_bytes()
    assert cli(demo_file, "issued", "verify", str(xlsx)) == 0
    assert "is issued version 1" in capsys.readouterr().out
    assert cli(demo_file, "issued", "verify", str(js.with_suffix(".json"))) == 0
    stranger = tmp_path / "x.pdf"
    stranger.write_bytes(b"%PDF-1.4 not ours")
    assert cli(demo_file, "issued", "verify", str(stranger)) == 1
    assert cli(demo_file, "issued", "get", "99", "-o", str(tmp_path / "none.pdf")) == 2
    assert not (tmp_path / "none.pdf").exists()


def test_absence_overview_with_a_password_from_the_environment(
    demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf, xlsx = tmp_path / "dc.pdf", tmp_path / "dc.xlsx"
    monkeypatch.setenv("DOC_PW", "læge-2024-kode")
    assert cli(demo_file, "absence", "DC", "--pdf", str(pdf), "--xlsx", str(xlsx), "--password-env", "DOC_PW") == 0
    assert pdf.read_bytes().startswith(b"%PDF") and b"/Encrypt" in pdf.read_bytes()
    assert not xlsx.read_bytes().startswith(b"PK")  # an encrypted Office container
    assert "password protected" in capsys.readouterr().out
    assert cli(demo_file, "absence", "DC", "--pdf", str(tmp_path / "u.pdf"), "--password-env", "NO_SUCH_VAR") == 2
    assert cli(demo_file, "absence", "DC", "--pdf", str(tmp_path / "u.pdf"), "--password", "kort") == 2
    assert cli(demo_file, "absence", "NOBODY", "--pdf", str(tmp_path / "u.pdf")) == 2
    assert cli(demo_file, "absence", "DC") == 2
    assert not (tmp_path / "u.pdf").exists()


def test_attendance_sheet_make_and_read(demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "sheet.xlsx"
    assert cli(demo_file, "attendance-sheet", "make", "--company", "co-bilka", "--month", "2026-11", "-o", str(sheet)) == 0
    wb = load_workbook(sheet)
    ws = wb["Fremmøde"]
    rows = {ws.cell(row=r, column=1).value.day: r for r in range(11, ws.max_row + 1) if ws.cell(row=r, column=1).value}
    # the sheet shows nothing registered (2-17 November are); 18 November onwards are not yet
    assert all(ws.cell(row=r, column=c).value is None for r in rows.values() for c in (6, 7, 8, 9))
    ws.cell(row=rows[18], column=7, value="Mødt")
    ws.cell(row=rows[19], column=6, value="mange")
    ws.cell(row=rows[24], column=7, value="Mødt")  # tomorrow
    ws.cell(row=rows[2], column=7, value="Udeblevet")  # registered as present 4 h: a conflict
    ws.cell(row=rows[2], column=6, value=0)
    bad = io.BytesIO()
    wb.save(bad)
    filled = tmp_path / "filled.xlsx"
    filled.write_bytes(bad.getvalue())
    capsys.readouterr()
    assert cli(demo_file, "attendance-sheet", "read", str(filled)) == 2
    err = capsys.readouterr().err
    assert f"række {rows[19]}, Timer" in err and f"række {rows[24]}, Status" in err and "nothing was changed" in err
    ws.cell(row=rows[19], column=6).value = None
    ws.cell(row=rows[24], column=7).value = None
    good = io.BytesIO()
    wb.save(good)
    filled.write_bytes(good.getvalue())
    assert cli(demo_file, "attendance-sheet", "read", str(filled), "--dry-run") == 0
    assert "1 new days, " in capsys.readouterr().out
    assert cli(demo_file, "attendance-sheet", "read", str(filled)) == 0
    out = capsys.readouterr().out
    assert "1 new days stored, 0 overwritten" in out and f"conflict row {rows[2]}" in out
    assert "--overwrite-conflicts" in out
    assert cli(demo_file, "attendance-sheet", "read", str(filled)) == 0
    assert "0 new days stored, 0 overwritten" in capsys.readouterr().out
    assert cli(demo_file, "attendance-sheet", "read", str(filled), "--overwrite-conflicts") == 0
    assert "0 new days stored, 1 overwritten" in capsys.readouterr().out
    assert cli(demo_file, "attendance-sheet", "read", str(filled)) == 0
    assert "0 conflicts kept" in capsys.readouterr().out
    assert cli(demo_file, "attendance-sheet", "read", str(tmp_path / "missing.xlsx")) == 2
    assert cli(demo_file, "attendance-sheet", "make", "--company", "co-bilka", "--month", "nov", "-o", str(sheet)) == 2
