"""Case-file import and export through the services and the command line."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from placement_desk.cli.main import main
from placement_desk.db.engine import Database
from placement_desk.domain.errors import ValidationError
from placement_desk.services.casefile_io import export_case_file, import_case_file
from tests.casefiles import case_file, hybrid_citizen, ramp_down_citizen

pytestmark = pytest.mark.usefixtures("cli_admin")  # the command line signs in (conftest)


def write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def cli(db_path: Path, *args: str) -> int:
    return main(["--db", f"sqlite:///{db_path}", *args])


def test_import_then_export_keeps_everything(db: Database) -> None:
    doc = case_file(ramp_down_citizen(), hybrid_citizen())
    result = import_case_file(db, doc)
    assert result.created["citizens"] == ["DC", "JA"]
    out = export_case_file(db)
    dc = next(c for c in out["citizens"] if c["ref"] == "DC")
    assert dc["cpr"] == "010190-1234"
    p = dc["placements"][0]
    assert p["attendance"][1] == {"date": "2023-03-02", "status": "present", "hours": 1.5}
    assert p["attendance"][2]["note"] == "ringede kl. 8"
    assert p["schedule"][1] == {"from": "2023-03-13", "hours": {"mon": 2, "wed": 2}, "paid_per_week": 0}
    assert p["capacity"][0]["effectiveness_pct"] == 60
    assert p["workplace_mentor"] == "wm-1"
    assert [f["date"] for f in dc["followups"]] == ["2023-02-15", "2023-03-13"]  # date order
    assert dc["goals"][0]["scores"][0] == {"date": "2023-03-01", "score": -1}
    assert out["companies"][1]["contacts"][0]["name"] == "Karim"


def test_importing_twice_changes_nothing(db: Database) -> None:
    doc = case_file(ramp_down_citizen(), hybrid_citizen())
    import_case_file(db, doc)
    first = export_case_file(db)
    with db.reading() as s:
        versions = s.execute(
            __import__("sqlalchemy").text("select id, version, updated_at from attendance order by id")
        ).all()
    again = import_case_file(db, doc)
    assert not again.changed and again.unchanged == 4
    assert export_case_file(db) == first
    with db.reading() as s:
        assert (
            s.execute(__import__("sqlalchemy").text("select id, version, updated_at from attendance order by id")).all()
            == versions
        )


def test_lists_inside_a_placement_are_replaced_not_appended(db: Database) -> None:
    doc = case_file(ramp_down_citizen())
    import_case_file(db, doc)
    changed = copy.deepcopy(doc)
    changed["citizens"][0]["placements"][0]["attendance"] = changed["citizens"][0]["placements"][0]["attendance"][:2]
    result = import_case_file(db, changed)
    assert result.updated["placements"] == ["DC-1"]
    out = export_case_file(db)
    assert len(out["citizens"][0]["placements"][0]["attendance"]) == 2


def test_round_trip_is_byte_identical(db_path: Path, tmp_path: Path) -> None:
    src = write(tmp_path / "in.json", case_file(ramp_down_citizen(), hybrid_citizen()))
    assert cli(db_path, "import", str(src)) == 0
    assert cli(db_path, "export", "-o", str(tmp_path / "a.json")) == 0
    fresh = tmp_path / "fresh.db"
    assert cli(fresh, "import", str(tmp_path / "a.json")) == 0
    assert cli(fresh, "export", "-o", str(tmp_path / "b.json")) == 0
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert cli(fresh, "export", "-o", str(tmp_path / "c.json")) == 0
    assert (tmp_path / "b.json").read_bytes() == (tmp_path / "c.json").read_bytes()


def test_export_of_one_citizen(db_path: Path, tmp_path: Path) -> None:
    write(tmp_path / "in.json", case_file(ramp_down_citizen(), hybrid_citizen()))
    assert cli(db_path, "import", str(tmp_path / "in.json")) == 0
    assert cli(db_path, "export", "--citizen", "JA", "-o", str(tmp_path / "ja.json")) == 0
    out = json.loads((tmp_path / "ja.json").read_text(encoding="utf-8"))
    assert [c["ref"] for c in out["citizens"]] == ["JA"]
    assert [c["ref"] for c in out["companies"]] == ["co-kids"]


def _bad(doc: dict[str, Any], change: Any) -> dict[str, Any]:
    bad = copy.deepcopy(doc)
    change(bad)
    return bad


def _placement(d: dict[str, Any]) -> dict[str, Any]:
    return d["citizens"][0]["placements"][0]


BAD_INPUT = [
    (
        "wrong type",
        lambda d: _placement(d).__setitem__("start", 20230301),
        "citizens[0].placements[0].start",
        "not a date",
    ),
    (
        "impossible date",
        lambda d: _placement(d)["schedule"][1].__setitem__("from", "2023-02-30"),
        "citizens[0].placements[0].schedule[1].from",
        "does not exist",
    ),
    (
        "unknown company",
        lambda d: _placement(d).__setitem__("company", "co-nowhere"),
        "citizens[0].placements[0].company",
        "unknown company ref co-nowhere",
    ),
    (
        "unknown mentor",
        lambda d: _placement(d).__setitem__("workplace_mentor", "wm-9"),
        "citizens[0].placements[0].workplace_mentor",
        "not a contact",
    ),
    (
        "date outside placement",
        lambda d: _placement(d)["attendance"].append({"date": "2023-04-03", "status": "present", "hours": 2}),
        "citizens[0].placements[0].attendance[13].date",
        "outside the placement's period",
    ),
    (
        "duplicate date",
        lambda d: _placement(d)["attendance"].append({"date": "2023-03-01", "status": "sick", "hours": 0}),
        "citizens[0].placements[0].attendance[13].date",
        "duplicate attendance date",
    ),
    (
        "paid above weekly hours",
        lambda d: _placement(d)["schedule"][1].__setitem__("paid_per_week", 5),
        "citizens[0].placements[0].schedule[1].paid_per_week",
        "between 0 and the step's weekly hours (4)",
    ),
    ("bad CPR date", lambda d: d["citizens"][0].__setitem__("cpr", "320190-1234"), "citizens[0].cpr", "real date"),
    ("bad CPR length", lambda d: d["citizens"][0].__setitem__("cpr", "01019-1234"), "citizens[0].cpr", "10 digits"),
    ("bad CVR", lambda d: d["companies"][0].__setitem__("cvr", "12345678"), "companies[0].cvr", "modulus-11"),
    (
        "hours above 24",
        lambda d: _placement(d)["schedule"][0]["hours"].__setitem__("mon", 25),
        "citizens[0].placements[0].schedule[0].hours.mon",
        "between 0 and 24",
    ),
    (
        "unknown status",
        lambda d: _placement(d)["attendance"][0].__setitem__("status", "late"),
        "citizens[0].placements[0].attendance[0].status",
        "'late' is not one of",
    ),
    (
        "end before start",
        lambda d: _placement(d).__setitem__("end", "2023-02-01"),
        "citizens[0].placements[0].end",
        "before start",
    ),
    (
        "score out of range",
        lambda d: d["citizens"][0]["goals"][0]["scores"][0].__setitem__("score", 7),
        "citizens[0].goals[0].scores[0].score",
        "-5 to 5",
    ),
    (
        "duplicate step",
        lambda d: _placement(d)["schedule"][1].__setitem__("from", "2023-03-01"),
        "citizens[0].placements[0].schedule[1].from",
        "duplicate from date",
    ),
    ("not an object", lambda d: d["citizens"].__setitem__(0, "DC"), "citizens[0]", "must be an object"),
]


@pytest.mark.parametrize(("label", "change", "path", "message"), BAD_INPUT, ids=[b[0] for b in BAD_INPUT])
def test_bad_input_names_the_path_and_changes_nothing(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], label: str, change: Any, path: str, message: str
) -> None:
    good = case_file(ramp_down_citizen())
    assert cli(db_path, "import", str(write(tmp_path / "good.json", good))) == 0
    assert cli(db_path, "export", "-o", str(tmp_path / "before.json")) == 0
    bad = _bad(good, change)
    bad["citizens"].append(hybrid_citizen())  # a valid second citizen must not be imported either
    capsys.readouterr()
    assert cli(db_path, "import", str(write(tmp_path / "bad.json", bad))) == 2
    err = capsys.readouterr().err
    assert f"{path}: " in err and message in err
    assert cli(db_path, "export", "-o", str(tmp_path / "after.json")) == 0
    assert (tmp_path / "before.json").read_bytes() == (tmp_path / "after.json").read_bytes()


def test_invalid_json_and_missing_file_exit_2(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    assert cli(db_path, "import", str(tmp_path / "broken.json")) == 2
    assert "not valid JSON" in capsys.readouterr().err
    assert cli(db_path, "import", str(tmp_path / "missing.json")) == 2
    assert cli(db_path, "dossier", "NOPE", "--json", str(tmp_path / "x.json")) == 2
    assert not (tmp_path / "x.json").exists()


def test_finalised_followup_cannot_be_rewritten_by_import(db: Database) -> None:
    doc = case_file(ramp_down_citizen())
    doc["citizens"][0]["followups"][0]["finalised"] = True
    import_case_file(db, doc)
    changed = copy.deepcopy(doc)
    changed["citizens"][0]["followups"][0]["note"] = "Omskrevet"
    with pytest.raises(ValidationError) as err:
        import_case_file(db, changed)
    assert err.value.path == "citizens[0].followups"
    assert export_case_file(db)["citizens"][0]["followups"][1]["note"] == "Meget fravær. Trappes ned."


def test_dossier_json_from_the_command_line(db_path: Path, tmp_path: Path) -> None:
    write(tmp_path / "in.json", case_file(ramp_down_citizen()))
    assert cli(db_path, "import", str(tmp_path / "in.json")) == 0
    out = tmp_path / "dossier.json"
    assert cli(db_path, "dossier", "DC", "--json", str(out), "--from", "2023-03-08", "--to", "2023-03-14") == 0
    s = json.loads(out.read_text(encoding="utf-8"))
    assert s["format"] == "placement-desk/dossier-summary"
    assert s["placements"][0]["planned"] == 14.0
    assert cli(db_path, "dossier", "DC", "--json", str(out), "--from", "2023-04-01", "--to", "2023-03-01") == 2


def test_dossier_files_are_all_written_or_none(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "in.json", case_file(ramp_down_citizen()))
    assert cli(db_path, "import", str(tmp_path / "in.json")) == 0
    pdf, xlsx, js = tmp_path / "d.pdf", tmp_path / "d.xlsx", tmp_path / "d.json"
    # a password cannot protect the JSON: bad input, nothing written
    code = cli(db_path, "dossier", "DC", "--pdf", str(pdf), "--json", str(js), "--password", "hemmelig-kode")
    assert code == 2
    assert "JSON" in capsys.readouterr().err
    assert not pdf.exists() and not js.exists()
    assert cli(db_path, "dossier", "DC", "--pdf", str(pdf), "--xlsx", str(xlsx), "--json", str(js)) == 0
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.read_bytes().startswith(b"PK") and js.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
