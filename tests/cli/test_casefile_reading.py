"""Reading a case file from disk (spec section 1): what JSON allows but a case file refuses, the byte-order
mark, and hours rounded to the whole minute, on real files through the command line of a database that
needs a signed-in user."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, text

from placement_desk.cli.main import main
from placement_desk.db.engine import Database
from placement_desk.domain.casefile_parse import parse_attendance, parse_step
from placement_desk.domain.errors import ValidationError
from placement_desk.domain.numbers import hours_value, minutes_from_hours, minutes_rounded
from placement_desk.services import audit
from placement_desk.services.casefile_io import ImportResult, import_case_file
from tests.casefiles import case_file, hybrid_citizen, ramp_down_citizen
from tests.paths import ROOT

PASSWORD = "kaffe og kage 42"
HOLE = "@@HOLE@@"  # a placeholder string in a case file, replaced by raw bytes that json.dumps cannot write


KEYS: dict[Path, bytes | None] = {}  # the encrypted test databases' keys, to read them back


@pytest.fixture
def desk(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A database with an administrator and one citizen (DC); the command line signs in from the environment."""
    from placement_desk.db.keystore import FAST_KDF
    from placement_desk.services import access, signin

    opened = signin.setup(signin.target(f"sqlite:///{db_path}"), "admin", "Anne Admin", PASSWORD, kdf=FAST_KDF)
    access.set_principal(opened.db, None)
    import_case_file(opened.db, case_file(ramp_down_citizen()))
    KEYS[db_path] = opened.db.key
    opened.db.dispose()
    monkeypatch.setenv("PLACEMENT_DESK_USER", "admin")
    monkeypatch.setenv("PLACEMENT_DESK_PASSWORD", PASSWORD)
    return db_path


def cli(db_path: Path, *args: str) -> int:
    return main(["--db", f"sqlite:///{db_path}", *args])


def snapshot(db_path: Path) -> list[Any]:
    """Every row of every table, less the sign-ins the command line itself logs."""
    db = Database(f"sqlite:///{db_path}", KEYS.get(db_path))
    try:
        rows: list[Any] = []
        with db.engine.connect() as conn:
            for table in sorted(inspect(conn).get_table_names()):
                where = f" WHERE action NOT IN ('{audit.LOGIN}', '{audit.LOGOUT}')" if table == "audit_log" else ""
                rows.append((table, sorted(map(repr, conn.execute(text(f'SELECT * FROM "{table}"{where}')).all()))))
        return rows
    finally:
        db.dispose()


def attendance_minutes(db_path: Path, ref: str) -> dict[str, int]:
    db = Database(f"sqlite:///{db_path}", KEYS.get(db_path))
    try:
        with db.engine.connect() as conn:
            rows = conn.execute(
                text("SELECT a.day, a.minutes FROM attendance a JOIN placements p ON p.id = a.placement_id "
                     "WHERE p.ref = :ref"), {"ref": ref}
            ).all()  # fmt: skip
        return {str(day): minutes for day, minutes in rows}
    finally:
        db.dispose()


def raw_file(path: Path, doc: Any, hole: bytes = b"") -> Path:
    """``doc`` as UTF-8 JSON with the placeholder string replaced by ``hole`` (bytes JSON tools may not write)."""
    data = json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
    path.write_bytes(data.replace(json.dumps(HOLE).encode(), hole))
    return path


def _at(doc: dict[str, Any], *place: str | int) -> dict[str, Any]:
    node: Any = doc
    for key in place:
        node = node[key]
    return node  # type: ignore[no-any-return]


ATT = ("citizens", 1, "placements", 0, "attendance", 0)
STEP = ("citizens", 1, "placements", 0, "schedule", 0)


def _hole(*place: str | int) -> Any:
    def put(doc: dict[str, Any]) -> None:
        _at(doc, *place[:-1])[place[-1]] = HOLE

    return put


def _duplicate_name(doc: dict[str, Any]) -> None:
    doc["citizens"][1]["name"] = HOLE  # "name": "@@HOLE@@" becomes "name": "J. A.", "name": "X"


# (label, how to put the hole in the document, the bytes in the hole, the path the error names, its message)
BAD_FILES: list[tuple[str, Any, bytes, str, str]] = [
    ("deep nesting", _hole("citizens", 1, "own_view"), b"[" * 100_000, "FILE", "nested too deeply"),
    ("5,000 digits", _hole("citizens", 1, "birth_year"), b"1" * 5000, "citizens[1].birth_year", "5000 digits"),
    ("NaN", _hole(*ATT, "hours"), b"NaN", "citizens[1].placements[0].attendance[0].hours", "NaN is not allowed"),
    ("Infinity", _hole(*STEP, "hours", "mon"), b"Infinity", "citizens[1].placements[0].schedule[0].hours.mon",
     "Infinity is not allowed"),
    ("-Infinity", _hole(*STEP, "paid_per_week"), b"-Infinity", "citizens[1].placements[0].schedule[0].paid_per_week",
     "-Infinity is not allowed"),
    ("1e999", _hole(*ATT, "hours"), b"1e999", "citizens[1].placements[0].attendance[0].hours", "1e999 is too large"),
    ("NaN where nothing reads it", _hole("citizens", 1, "comment"), b"NaN", "citizens[1].comment", "finite number"),
    ("invalid UTF-8", _hole("citizens", 1, "job_goal"), '"Pædagog"'.encode("latin-1"), "FILE", "is not UTF-8 text"),
    ("duplicate key", _duplicate_name, b'"J. A.", "name": "Someone else"', "citizens[1]", 'duplicate key "name"'),
    ("duplicate key in a record", _hole(*ATT, "status"), b'"present", "status": "sick"',
     "citizens[1].placements[0].attendance[0]", 'duplicate key "status"'),
]  # fmt: skip


def bad_document(put: Any) -> dict[str, Any]:
    """Two citizens, DC changed (a valid part that must not be imported either) and JA with the hole."""
    doc = case_file(ramp_down_citizen(), hybrid_citizen())
    doc["citizens"][0]["name"] = "D. C. (changed)"
    doc["citizens"][1]["placements"][0]["attendance"] = [{"date": "2024-01-02", "status": "present", "hours": 4}]
    put(doc)
    return doc


@pytest.mark.parametrize(("label", "put", "hole", "path", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_a_file_json_allows_but_a_case_file_refuses_exits_2_and_changes_nothing(
    desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    label: str, put: Any, hole: bytes, path: str, message: str,
) -> None:  # fmt: skip
    source = raw_file(tmp_path / "bad.json", bad_document(put), hole)
    before = snapshot(desk)
    capsys.readouterr()
    assert cli(desk, "import", str(source)) == 2, label
    err = capsys.readouterr().err
    where = str(source) if path == "FILE" else path
    assert f"error: {where}: " in err and message in err, err
    assert "nothing was changed" in err and "Traceback" not in err
    assert snapshot(desk) == before


def test_the_real_program_refuses_a_deeply_nested_file_and_accepts_a_byte_order_mark(
    desk: Path, tmp_path: Path
) -> None:
    """``python -m placement_desk`` in its own process: a deep file is bad input (exit 2), not a crash."""
    deep = tmp_path / "deep.json"
    deep.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def run(source: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "placement_desk", "--db", f"sqlite:///{desk}", "import", str(source)],
            capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=120, check=False,
        )  # fmt: skip

    assert run(raw_file(tmp_path / "warm.json", case_file(ramp_down_citizen()))).returncode == 0  # signs in once
    before = snapshot(desk)
    done = run(deep)
    assert done.returncode == 2, done.stderr
    assert f"{deep}: not valid JSON: nested too deeply" in done.stderr and "Traceback" not in done.stderr
    assert snapshot(desk) == before
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + json.dumps(case_file(hybrid_citizen()), ensure_ascii=False).encode("utf-8"))
    done = run(bom)
    assert done.returncode == 0, done.stderr
    assert "1 citizens created" in done.stdout


def test_a_file_with_a_byte_order_mark_imports(desk: Path, tmp_path: Path) -> None:
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + json.dumps(case_file(hybrid_citizen()), ensure_ascii=False).encode("utf-8"))
    assert cli(desk, "import", str(bom)) == 0
    out = tmp_path / "out.json"
    assert cli(desk, "export", "--citizen", "JA", "-o", str(out)) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["citizens"][0]["name"] == hybrid_citizen()["name"]


# ---- hours kept to the whole minute ------------------------------------------------------------------


def test_hours_that_are_not_whole_minutes_are_rounded_and_counted(
    desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = case_file(ramp_down_citizen())
    doc["citizens"][0]["placements"][0]["attendance"][1]["hours"] = 0.62  # 37.2 minutes, as a spreadsheet writes
    capsys.readouterr()
    assert cli(desk, "import", str(raw_file(tmp_path / "sheet.json", doc))) == 0
    assert "1 citizens updated, 1 hours value rounded to the whole minute" in capsys.readouterr().out
    assert attendance_minutes(desk, "DC-1")["2023-03-02"] == 37
    assert cli(desk, "import", str(tmp_path / "sheet.json")) == 0  # the same file again: the same minutes
    assert capsys.readouterr().out.endswith("nothing changed, 1 hours value rounded to the whole minute\n")


def test_every_hours_field_rounds_half_up(db: Database) -> None:
    doc = case_file(ramp_down_citizen())
    p = doc["citizens"][0]["placements"][0]
    p["attendance"][0]["hours"] = 3.9917  # 239.502 min -> 240
    p["attendance"][1]["hours"] = 0.075  # 4.5 min -> 5 (half up, not to even)
    p["schedule"][0]["hours"]["mon"] = 0.025  # 1.5 min -> 2
    p["schedule"][0]["paid_per_week"] = 0.0083  # 0.498 min -> 0
    p["schedule"][1]["hours"]["wed"] = 1.6166666666666667  # 97 minutes as a float writes them: not rounded
    result = import_case_file(db, doc)
    assert result.rounded == 4
    assert result.describe().endswith(", 4 hours values rounded to the whole minute")
    with db.engine.connect() as conn:
        minutes = dict(conn.execute(text("SELECT day, minutes FROM attendance")).all())
        steps = conn.execute(text("SELECT * FROM schedule_steps ORDER BY valid_from")).mappings().all()
    assert minutes[next(k for k in minutes if str(k) == "2023-03-01")] == 240
    assert minutes[next(k for k in minutes if str(k) == "2023-03-02")] == 5
    assert [(s["mon"], s["paid_per_week"]) for s in steps][0] == (2, 0)
    assert steps[1]["wed"] == 97


def test_rounded_values_export_and_import_byte_identical(desk: Path, tmp_path: Path, db_path: Path) -> None:
    doc = case_file(ramp_down_citizen(), hybrid_citizen())
    doc["citizens"][0]["placements"][0]["attendance"][1]["hours"] = 0.62
    doc["citizens"][0]["placements"][0]["schedule"][1]["hours"]["mon"] = 1.99
    assert cli(desk, "import", str(raw_file(tmp_path / "in.json", doc))) == 0
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert cli(desk, "export", "-o", str(a)) == 0
    exported = json.loads(a.read_text(encoding="utf-8"))["citizens"][0]["placements"][0]
    assert exported["attendance"][1]["hours"] == hours_value(37)
    assert exported["schedule"][1]["hours"]["mon"] == hours_value(119)
    fresh = tmp_path / "fresh.db"
    assert cli(fresh, "import", str(a)) == 0
    assert cli(fresh, "export", "-o", str(b)) == 0
    assert a.read_bytes() == b.read_bytes()


def test_summary_wording() -> None:
    assert ImportResult().describe() == "nothing changed"
    assert ImportResult(created={"citizens": ["A"]}).describe() == "1 citizens created"
    assert ImportResult(rounded=1).describe() == "nothing changed, 1 hours value rounded to the whole minute"
    assert ImportResult(updated={"placements": ["P"]}, rounded=2).describe() == (
        "1 placements updated, 2 hours values rounded to the whole minute"
    )


def test_minutes_rounded_and_the_strict_conversion_agree() -> None:
    assert minutes_rounded(0.62) == (37, True)
    assert minutes_rounded(0.075) == (5, True)  # half up
    assert minutes_rounded("0.125") == (8, True)  # 7.5 minutes
    assert minutes_rounded(0.6166666666666667) == (37, False)  # 37 minutes as a float: not a rounding
    assert minutes_rounded(2.25) == (135, False)
    for value in (0, 0.25, 1.5, 0.6166666666666667, 7.75, 24):
        assert minutes_from_hours(value) == minutes_rounded(value)[0]
    with pytest.raises(ValueError, match="whole number of minutes"):
        minutes_from_hours(0.62)


def test_a_form_value_that_is_not_whole_minutes_is_still_refused() -> None:
    """Rounding is for reading a case file; a form's value is shown back to its user instead."""
    with pytest.raises(ValidationError) as err:
        parse_attendance({"date": "2023-03-02", "status": "present", "hours": 0.62}, "")
    assert err.value.path == "hours" and "whole number of minutes" in err.value.message
    step = copy.deepcopy(ramp_down_citizen()["placements"][0]["schedule"][0])
    step["paid_per_week"] = 0.62
    with pytest.raises(ValidationError) as err:
        parse_step(step, "")
    assert err.value.path == "paid_per_week"


@pytest.mark.parametrize(("label", "put", "hole", "path", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_every_refusal_has_danish_words(label: str, put: Any, hole: bytes, path: str, message: str) -> None:
    from placement_desk.domain.casefile_json import loads_case_file
    from placement_desk.ui.kit.messages import danish_message

    raw = json.dumps(bad_document(put), ensure_ascii=False).encode("utf-8").replace(json.dumps(HOLE).encode(), hole)
    with pytest.raises(ValidationError) as err:
        loads_case_file(raw, "sag.json")
    assert danish_message(err.value.message) != err.value.message, err.value.message


def test_the_other_file_errors_have_danish_words(tmp_path: Path) -> None:
    from placement_desk.services.casefile_io import read_case_file
    from placement_desk.ui.kit.messages import danish_message

    (tmp_path / "broken.json").write_text('{"format": x}', encoding="utf-8")
    for source, danish in ((tmp_path / "broken.json", "er ikke gyldig JSON (linje 1, kolonne 12): Expecting value"),
                           (tmp_path / "missing.json", "filen kan ikke læses (No such file or directory)")):
        with pytest.raises(ValidationError) as err:
            read_case_file(source)
        assert err.value.path == str(source)
        assert danish_message(err.value.message) == danish
