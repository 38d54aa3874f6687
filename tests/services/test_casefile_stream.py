"""A case file imported as a stream (spec section 1): read a piece at a time, checked and written in batches,
yet all or nothing, with the same errors and the same data as the whole document."""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from placement_desk.db import models as m
from placement_desk.db.engine import Database
from placement_desk.domain.errors import ValidationError
from placement_desk.export.json_summary import dumps
from placement_desk.services import casefile_import, casefile_stream
from placement_desk.services.casefile_io import (
    export_case_file,
    import_case_file,
    open_case_file,
    read_case_file,
    write_case_file,
)
from placement_desk.services.demo import load_demo
from tests.casefiles import case_file, hybrid_citizen, ramp_down_citizen
from tests.cli.test_casefile_reading import BAD_FILES, bad_document, raw_file


@pytest.fixture
def empty(template_db: Path, tmp_path: Path) -> Iterator[Database]:
    """A second, empty database (the one an archive moves into)."""
    path = tmp_path / "empty.db"
    shutil.copyfile(template_db, path)
    database = Database(f"sqlite:///{path}")
    yield database
    database.dispose()


@pytest.fixture
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read 5 bytes at a time (characters of 2 and 3 bytes cut, every value across reads) and write two
    citizens per batch (references and duplicates across batches)."""
    monkeypatch.setattr(casefile_stream, "CHUNK", 5)
    monkeypatch.setattr(casefile_import, "IMPORT_BATCH", 2)


@pytest.fixture
def demo_file(db: Database, tmp_path: Path) -> Path:
    load_demo(db)
    write_case_file(db, tmp_path / "demo.json")
    return tmp_path / "demo.json"


def citizens(db: Database) -> int:
    with db.reading() as s:
        return int(s.scalar(select(func.count()).select_from(m.Citizen)) or 0)


@pytest.mark.usefixtures("small_pieces")
def test_the_demo_moved_by_stream_exports_byte_identical(demo_file: Path, empty: Database, tmp_path: Path) -> None:
    text = demo_file.read_text(encoding="utf-8")
    assert "æ" in text or "ø" in text or "å" in text  # characters of two bytes, cut by the small reads
    result = import_case_file(empty, open_case_file(demo_file))
    assert result.created["citizens"] == [c["ref"] for c in json.loads(text)["citizens"]]
    write_case_file(empty, tmp_path / "moved.json")
    assert (tmp_path / "moved.json").read_text(encoding="utf-8") == text
    again = import_case_file(empty, open_case_file(demo_file))  # known citizens now: compared, nothing changed
    assert not again.changed and again.unchanged == len(json.loads(text)["citizens"]) + len(
        json.loads(text)["companies"]
    )


@pytest.mark.usefixtures("small_pieces")
def test_a_file_whose_citizens_come_first_imports_the_same(demo_file: Path, empty: Database, tmp_path: Path) -> None:
    doc = json.loads(demo_file.read_text(encoding="utf-8"))
    turned = {"citizens": doc["citizens"], "comment": ["read", "and", "let go"], "companies": doc["companies"],
              "version": doc["version"], "format": doc["format"]}  # fmt: skip
    (tmp_path / "turned.json").write_text(json.dumps(turned, ensure_ascii=False), encoding="utf-8")
    import_case_file(empty, open_case_file(tmp_path / "turned.json"))
    assert dumps(export_case_file(empty)) == demo_file.read_text(encoding="utf-8")


def _truncated(text: str) -> str:
    return text[: len(text) * 2 // 3]


def _comma_lost(text: str) -> str:
    at = text.index('"status"', len(text) // 2)
    return text[: text.rindex(",", 0, at)] + text[text.rindex(",", 0, at) + 1 :]


def _garbage_after(text: str) -> str:
    return text + "\n{}"


def _twice(key: str) -> Callable[[str], str]:
    def put(text: str) -> str:
        return text.replace('"version": 1', f'"version": 1, "{key}": 1', 1)

    return put


SYNTAX = [("truncated", _truncated), ("a comma lost", _comma_lost), ("data after the document", _garbage_after),
          ("version twice", _twice("version")), ("citizens twice", _twice("citizens"))]  # fmt: skip


@pytest.mark.usefixtures("small_pieces")
@pytest.mark.parametrize(("label", "spoil"), SYNTAX, ids=[s[0] for s in SYNTAX])
def test_a_broken_file_names_the_same_place_streamed_as_whole(
    db: Database, tmp_path: Path, label: str, spoil: Callable[[str], str]
) -> None:
    doc = case_file(ramp_down_citizen(), hybrid_citizen())
    path = tmp_path / "broken.json"
    path.write_text(spoil(json.dumps(doc, ensure_ascii=False, indent=1)), encoding="utf-8")
    with pytest.raises(ValidationError) as whole:
        import_case_file(db, read_case_file(path))
    with pytest.raises(ValidationError) as streamed:
        import_case_file(db, open_case_file(path))
    assert str(streamed.value) == str(whole.value), label
    assert citizens(db) == 0


@pytest.mark.usefixtures("small_pieces")
@pytest.mark.parametrize(("label", "put", "hole", "path", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_what_a_case_file_refuses_is_refused_streamed_with_the_same_error(
    db: Database, tmp_path: Path, label: str, put: Any, hole: bytes, path: str, message: str
) -> None:
    import_case_file(db, case_file(ramp_down_citizen()))
    before = dumps(export_case_file(db))
    source = raw_file(tmp_path / "bad.json", bad_document(put), hole)
    with pytest.raises(ValidationError) as whole:
        import_case_file(db, read_case_file(source))
    with pytest.raises(ValidationError) as streamed:
        import_case_file(db, open_case_file(source))
    assert str(streamed.value) == str(whole.value), label
    assert streamed.value.path == (str(source) if path == "FILE" else path) and message in str(streamed.value)
    assert dumps(export_case_file(db)) == before  # DC's change before the bad citizen was rolled back too


def _renamed(doc: dict[str, Any], index: int, ref: str) -> dict[str, Any]:
    citizen = copy.deepcopy(doc["citizens"][index])
    citizen["ref"] = ref
    for k, p in enumerate(citizen["placements"]):
        p["ref"] = f"{ref}-{k}"
    for f in citizen.get("followups", []):
        f["placement"] = f"{ref}-0" if f.get("placement") else None
    for o in citizen.get("observations", []):
        o["placement"] = f"{ref}-0" if o.get("placement") else None
    return citizen


@pytest.mark.usefixtures("small_pieces")
def test_refs_are_checked_across_batches_and_a_late_error_undoes_the_earlier_batches(
    db: Database, tmp_path: Path
) -> None:
    doc = case_file(ramp_down_citizen(), hybrid_citizen())
    doc["citizens"] += [_renamed(doc, 0, "X1"), _renamed(doc, 1, "X2"), _renamed(doc, 0, "X3")]
    late = copy.deepcopy(doc)
    late["citizens"][4]["placements"][0]["ref"] = doc["citizens"][0]["placements"][0]["ref"]  # DC's, two batches back
    twice = copy.deepcopy(doc)
    twice["citizens"][4]["ref"] = "JA"
    mentor = copy.deepcopy(doc)
    mentor["citizens"][4]["placements"][0]["workplace_mentor"] = "nobody"
    cases = [(late, "citizens[4].placements[0].ref", "placement ref"), (twice, "citizens[4].ref", "citizen ref"),
             (mentor, "citizens[4].placements[0].workplace_mentor", "nobody")]  # fmt: skip
    for bad, where, words in cases:
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
        with pytest.raises(ValidationError) as err:
            import_case_file(db, open_case_file(path))
        assert err.value.path == where and words in str(err.value)
        assert citizens(db) == 0  # the first two batches were written, and rolled back
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert import_case_file(db, open_case_file(path)).created["citizens"] == ["DC", "JA", "X1", "X2", "X3"]


@pytest.mark.usefixtures("small_pieces")
def test_known_and_new_citizens_mixed_in_a_batch_keep_the_files_order(db: Database) -> None:
    import_case_file(db, case_file(ramp_down_citizen()))
    doc = case_file(hybrid_citizen(), ramp_down_citizen())
    doc["citizens"].insert(2, _renamed(doc, 0, "X1"))
    doc["citizens"][1]["name"] = "D. C. (rettet)"
    result = import_case_file(db, doc)
    assert result.created["citizens"] == ["JA", "X1"] and result.updated["citizens"] == ["DC"]
    out = export_case_file(db)
    assert [c["name"] for c in out["citizens"] if c["ref"] == "DC"] == ["D. C. (rettet)"]
    x1 = next(c for c in out["citizens"] if c["ref"] == "X1")
    ja = next(c for c in out["citizens"] if c["ref"] == "JA")
    assert x1["placements"][0]["attendance"] == ja["placements"][0]["attendance"]


def test_a_stream_reports_progress_as_it_reads(
    demo_file: Path, empty: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(casefile_stream, "CHUNK", 16_384)  # a file of some 1.7 MB read in parts
    doc = json.loads(demo_file.read_text(encoding="utf-8"))
    doc["citizens"] += [_renamed(doc, i % len(doc["citizens"]), f"Z{i:02}") for i in range(40)]
    big = tmp_path / "big.json"
    big.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    seen: list[tuple[int, int]] = []
    import_case_file(empty, open_case_file(big), progress=lambda done, total: seen.append((done, total)))
    size = big.stat().st_size
    assert len(seen) == len(doc["citizens"]) + 1 and seen[-1] == (size, size)
    assert seen[0][0] < size // 2  # the first citizens were written before half the file was read
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_a_cancel_from_progress_rolls_the_stream_back_and_closes_the_file(demo_file: Path, empty: Database) -> None:
    def cancel(done: int, total: int) -> None:
        if done > total // 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_case_file(empty, open_case_file(demo_file), progress=cancel)
    assert citizens(empty) == 0


def test_a_missing_file_is_bad_input(db: Database, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as err:
        import_case_file(db, open_case_file(tmp_path / "nowhere.json"))
    assert err.value.path == str(tmp_path / "nowhere.json") and "cannot read the file" in str(err.value)
