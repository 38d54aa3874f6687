"""The whole-archive export written citizen by citizen, and an import that reads only what the file names."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from placement_desk.cli.main import main
from placement_desk.db.engine import Database
from placement_desk.domain import casefile
from placement_desk.domain.errors import ValidationError
from placement_desk.export.json_summary import dumps
from placement_desk.services import casefile_io
from placement_desk.services.casefile_io import (
    export_case_file,
    import_case_file,
    known_refs,
    read_case_file,
    write_case_file,
)
from placement_desk.services.demo import load_demo
from tests.casefiles import case_file, hybrid_citizen, ramp_down_citizen

pytestmark = pytest.mark.usefixtures("cli_admin")  # the command line signs in (conftest)


def cli(db_path: Path, *args: str) -> int:
    return main(["--db", f"sqlite:///{db_path}", *args])


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_streamed_export_of_the_demo_is_byte_identical_to_the_whole_document(
    db: Database, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_demo(db)
    whole = dumps(export_case_file(db)).encode("utf-8")
    citizens = json.loads(whole)["citizens"]
    assert len(citizens) > 3 and sum(len(p["attendance"]) for c in citizens for p in c["placements"]) > 100
    monkeypatch.setattr(casefile_io, "EXPORT_BATCH", 2)  # several reads, and a last one not full
    write_case_file(db, tmp_path / "streamed.json")
    assert (tmp_path / "streamed.json").read_bytes() == whole
    one = dumps(export_case_file(db, citizens[1]["ref"])).encode("utf-8")
    assert json.loads(one)["citizens"] == [citizens[1]]
    db.dispose()  # the command line opens the file itself (and signs in)
    out = tmp_path / "cli.json"
    assert cli(db_path, "export", "-o", str(out)) == 0
    assert out.read_bytes() == whole
    assert cli(db_path, "export", "--citizen", citizens[1]["ref"], "-o", str(out)) == 0
    assert out.read_bytes() == one
    assert leftovers(tmp_path) == []


def test_export_of_an_empty_database_is_the_empty_document(db: Database, tmp_path: Path) -> None:
    write_case_file(db, tmp_path / "empty.json")
    text = (tmp_path / "empty.json").read_text(encoding="utf-8")
    assert text == dumps(export_case_file(db))
    assert json.loads(text) == {"format": "placement-desk/case-file", "version": 1, "companies": [], "citizens": []}


def test_an_export_that_fails_halfway_leaves_the_earlier_file_as_it_was(
    db: Database, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import_case_file(db, case_file(ramp_down_citizen(), hybrid_citizen()))
    db.dispose()  # the command line opens the file itself (and signs in)
    out = tmp_path / "out.json"
    out.write_text("earlier export", encoding="utf-8")
    real, calls = casefile.citizen_json, []

    def second_fails(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(casefile, "citizen_json", second_fails)
    assert cli(db_path, "export", "-o", str(out)) == 1
    assert "No space left on device" in capsys.readouterr().err
    assert len(calls) == 2  # the first citizen was written to the temporary file before the failure
    assert out.read_text(encoding="utf-8") == "earlier export"
    assert leftovers(tmp_path) == []
    monkeypatch.setattr(casefile, "citizen_json", real)
    assert cli(db_path, "export", "--citizen", "NOPE", "-o", str(out)) == 2
    assert out.read_text(encoding="utf-8") == "earlier export" and leftovers(tmp_path) == []


def test_import_reads_the_placements_of_the_files_citizens_only(db: Database) -> None:
    load_demo(db)
    demo = export_case_file(db)
    by_ref = {c["ref"]: c for c in demo["citizens"]}
    doc = case_file(ramp_down_citizen())  # DC, one of the demo citizens
    owner = next(c for c in demo["citizens"] if c["ref"] != "DC" and c["placements"])
    taken = owner["placements"][0]["ref"]
    with db.reading() as s:
        everything = known_refs(s).placements
        known = known_refs(s, doc).placements
        stolen = known_refs(s, {"citizens": [{"ref": "NEW", "placements": [{"ref": taken}]}]}).placements
    assert known == {p["ref"]: "DC" for p in by_ref["DC"]["placements"]}
    assert len(everything) > len(known) + 3
    assert stolen == {taken: owner["ref"]}
    stealing = copy.deepcopy(doc)
    stealing["citizens"][0]["ref"] = "NEW"
    stealing["citizens"][0]["placements"][0]["ref"] = taken
    with pytest.raises(ValidationError) as err:  # the check still sees the other citizen's placement
        import_case_file(db, stealing)
    assert err.value.path == "citizens[0].placements[0].ref" and owner["ref"] in str(err.value)
    assert export_case_file(db) == demo


def test_reimport_of_the_demo_export_changes_nothing_and_a_changed_record_is_written(
    db: Database, tmp_path: Path
) -> None:
    load_demo(db)
    write_case_file(db, tmp_path / "demo.json")
    again = import_case_file(db, read_case_file(tmp_path / "demo.json"))
    assert not again.changed
    doc = json.loads((tmp_path / "demo.json").read_text(encoding="utf-8"))
    citizen = next(c for c in doc["citizens"] if any(p["attendance"] for p in c["placements"]))
    placement = next(p for p in citizen["placements"] if p["attendance"])
    placement["attendance"][0]["note"] = "rettet ved import"
    result = import_case_file(db, doc)
    assert result.updated["placements"] == [placement["ref"]]
    after = export_case_file(db)
    changed = next(c for c in after["citizens"] if c["ref"] == citizen["ref"])
    row = next(p for p in changed["placements"] if p["ref"] == placement["ref"])["attendance"][0]
    assert row["note"] == "rettet ved import"


def test_read_case_file_takes_a_byte_order_mark_and_names_a_byte_that_is_not_utf8(tmp_path: Path) -> None:
    doc = case_file(ramp_down_citizen())
    text = json.dumps(doc, ensure_ascii=False)
    (tmp_path / "bom.json").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert read_case_file(tmp_path / "bom.json") == doc
    (tmp_path / "latin1.json").write_bytes('{"citizens": ["Bjørn"]}'.encode("latin-1"))
    with pytest.raises(ValidationError) as err:
        read_case_file(tmp_path / "latin1.json")
    assert "is not UTF-8 text (byte 0xf8 at line 1, byte 18)" in str(err.value)
