"""The citizen's profile and observations (spec 1b) in the case file: read with JSON paths in every error,
kept in the database, written back byte for byte, lists replaced on import, observations in date order."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from placement_desk.cli.main import main
from placement_desk.db.engine import Database
from placement_desk.domain.casefile_parse import parse_case_file
from placement_desk.domain.errors import ValidationError
from placement_desk.services.casefile_io import export_case_file, import_case_file
from tests.casefiles import case_file, hybrid_citizen, ramp_down_citizen


def profile() -> dict[str, Any]:
    return {
        "education": [{"from": "2010-08", "to": "2012-06", "text": "Webintegrator, EUD (ikke afsluttet)"}],
        "work_history": [
            {"from": "2015-03", "to": "2016-08", "text": "Lagermedarbejder, 20 t/uge", "end_reason": "Opsagt ved nedskæring"},
            {"from": "2008", "to": "2009", "text": "Avisbud"},
        ],
        "benefits": [{"from": "2019-01", "to": None, "text": "Kontanthjælp"}],
        "treatment": [{"from": "2023-08-01", "to": "2023-09-15", "text": "Tandbehandling", "source": "citizen"}],
        "earlier_efforts": [
            {"from": "2021-02", "to": "2021-06", "text": "Virksomhedspraktik via anden aktør", "outcome": "Stoppet efter 3 uger"}
        ],
        "network": "Bor alene; tæt kontakt til sin søster",
        "wishes": "Vil gerne arbejde udendørs med faste opgaver",
    }


def observations() -> list[dict[str, Any]]:
    return [  # not in date order: the export writes them in date order
        {"date": "2023-03-20", "heading": "challenges", "by": "workplace_mentor", "placement": "DC-1",
         "text": "Går hjem, når lyset er skarpt"},
        {"date": "2023-03-02", "heading": "work_resources", "by": "workplace_mentor", "placement": "DC-1",
         "text": "Tager selv initiativ til opgaver, når dagen er planlagt"},
        {"date": "2023-03-06", "heading": "health", "by": "citizen", "placement": None,
         "text": "Migræne 2-3 gange om ugen"},
    ]  # fmt: skip


def described_citizen() -> dict[str, Any]:
    c = ramp_down_citizen()
    c["profile"] = profile()
    c["observations"] = observations()
    c["followups"][0]["headings"] = ["challenges", "efforts"]
    return c


def cli(db_path: Path, *args: str) -> int:
    return main(["--db", f"sqlite:///{db_path}", *args])


def write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_profile_and_observations_are_kept_and_written_in_date_order(db: Database) -> None:
    import_case_file(db, case_file(described_citizen(), hybrid_citizen()))
    out = export_case_file(db)
    dc = next(c for c in out["citizens"] if c["ref"] == "DC")
    assert [o["date"] for o in dc["observations"]] == ["2023-03-02", "2023-03-06", "2023-03-20"]
    assert dc["observations"][0] == observations()[1]
    assert [w["from"] for w in dc["profile"]["work_history"]] == ["2008", "2015-03"]  # date order
    assert dc["profile"]["work_history"][1]["end_reason"] == "Opsagt ved nedskæring"
    assert dc["profile"]["treatment"] == profile()["treatment"]
    assert dc["profile"]["benefits"] == [{"from": "2019-01", "to": None, "text": "Kontanthjælp"}]
    assert dc["profile"]["network"] == profile()["network"] and dc["profile"]["wishes"] == profile()["wishes"]
    assert dc["followups"][1]["headings"] == ["challenges", "efforts"]
    ja = next(c for c in out["citizens"] if c["ref"] == "JA")
    assert "profile" not in ja and "observations" not in ja  # optional: a citizen without them as before


def test_round_trip_with_profile_and_observations_is_byte_identical(
    db_path: Path, tmp_path: Path, cli_admin: tuple[str, str]
) -> None:
    src = write(tmp_path / "in.json", case_file(described_citizen(), hybrid_citizen()))
    assert cli(db_path, "import", str(src)) == 0
    assert cli(db_path, "export", "-o", str(tmp_path / "a.json")) == 0
    fresh = tmp_path / "fresh.db"
    assert cli(fresh, "import", str(tmp_path / "a.json")) == 0
    assert cli(fresh, "export", "-o", str(tmp_path / "b.json")) == 0
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert cli(fresh, "import", str(tmp_path / "b.json")) == 0  # again: nothing changes
    assert cli(fresh, "export", "-o", str(tmp_path / "c.json")) == 0
    assert (tmp_path / "b.json").read_bytes() == (tmp_path / "c.json").read_bytes()
    assert "Tandbehandling" in (tmp_path / "c.json").read_text(encoding="utf-8")


def test_importing_twice_changes_nothing_and_lists_are_replaced(db: Database) -> None:
    doc = case_file(described_citizen())
    import_case_file(db, doc)
    again = import_case_file(db, doc)
    assert not again.changed
    changed = copy.deepcopy(doc)
    c = changed["citizens"][0]
    c["observations"] = c["observations"][:1]
    c["profile"] = {"education": [{"from": "2011", "to": None, "text": "HF"}]}
    result = import_case_file(db, changed)
    assert result.updated["citizens"] == ["DC"]
    dc = export_case_file(db)["citizens"][0]
    assert [o["date"] for o in dc["observations"]] == ["2023-03-20"]
    assert dc["profile"] == {"education": [{"from": "2011", "to": None, "text": "HF"}]}
    del c["observations"], c["profile"]
    import_case_file(db, changed)
    dc = export_case_file(db)["citizens"][0]
    assert "observations" not in dc and "profile" not in dc


def _bad(change: Any) -> dict[str, Any]:
    doc = case_file(described_citizen())
    change(doc["citizens"][0])
    return doc


BAD = [
    ("profile not an object", lambda c: c.__setitem__("profile", []), "citizens[0].profile", "must be an object"),
    ("unknown profile part", lambda c: c["profile"].__setitem__("hobbies", []), "citizens[0].profile.hobbies",
     "is not a part of a profile"),
    ("day that does not exist", lambda c: c["profile"]["education"][0].__setitem__("from", "2010-13"),
     "citizens[0].profile.education[0].from", "does not exist"),
    ("date as a number", lambda c: c["profile"]["benefits"][0].__setitem__("from", 2019),
     "citizens[0].profile.benefits[0].from", "must be text"),
    ("to before from", lambda c: c["profile"]["work_history"][0].__setitem__("to", "2014"),
     "citizens[0].profile.work_history[0].to", "is before from"),
    ("item without text", lambda c: c["profile"]["treatment"][0].__setitem__("text", " "),
     "citizens[0].profile.treatment[0].text", "is required"),
    ("bad source", lambda c: c["profile"]["treatment"][0].__setitem__("source", "nabo"),
     "citizens[0].profile.treatment[0].source", "is not one of"),
    ("network not text", lambda c: c["profile"].__setitem__("network", 3), "citizens[0].profile.network", "must be text"),
    ("unknown heading", lambda c: c["observations"][1].__setitem__("heading", "mood"),
     "citizens[0].observations[1].heading", "'mood' is not one of work_resources"),
    ("observation without by", lambda c: c["observations"][0].pop("by"), "citizens[0].observations[0].by", "is required"),
    ("bad observation date", lambda c: c["observations"][2].__setitem__("date", "2023-02-30"),
     "citizens[0].observations[2].date", "does not exist"),
    ("unknown placement", lambda c: c["observations"][0].__setitem__("placement", "XX-9"),
     "citizens[0].observations[0].placement", "unknown placement ref XX-9"),
    ("follow-up heading", lambda c: c["followups"][0].__setitem__("headings", ["efforts", "nope"]),
     "citizens[0].followups[0].headings[1]", "'nope' is not one of"),
    ("duplicate follow-up heading", lambda c: c["followups"][0].__setitem__("headings", ["efforts", "efforts"]),
     "citizens[0].followups[0].headings[1]", "duplicate heading efforts"),
]  # fmt: skip


@pytest.mark.parametrize(("label", "change", "path", "message"), BAD, ids=[b[0] for b in BAD])
def test_every_error_names_its_json_path(label: str, change: Any, path: str, message: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_case_file(_bad(change))
    assert err.value.path == path
    assert message in err.value.message


def test_a_bad_profile_changes_nothing(db: Database) -> None:
    import_case_file(db, case_file(described_citizen()))
    before = export_case_file(db)
    with pytest.raises(ValidationError, match=r"citizens\[0\]\.observations\[0\]\.heading"):
        import_case_file(db, _bad(lambda c: c["observations"][0].__setitem__("heading", "x")))
    assert export_case_file(db) == before
