"""Outcomes as data (issue 18): the case file's optional ``outcome`` on referrals and placements,
kept in the database, exported byte for byte, refused with the field named; the demo's seed outcomes."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from placement_desk.cli.main import main
from placement_desk.db.engine import Database
from placement_desk.domain.errors import ValidationError
from placement_desk.domain.outcomes import Outcome
from placement_desk.domain.vocab import OutcomeKind, outcome_label
from placement_desk.services import citizens, placements
from placement_desk.services.casefile_io import export_case_file, import_case_file
from placement_desk.services.demo import load_demo
from placement_desk.services.views import citizen_detail
from tests import typed_values as tv
from tests.casefiles import case_file, hybrid_citizen, ramp_down_citizen

PLACEMENT_OUTCOME = {
    "kind": "flex_job",
    "date": "2023-03-31",
    "note": "Ansat i fleksjob hos praktikstedet",
    "hired": True,
    "hired_hours": 12.5,
}
REFERRAL_OUTCOME = {"kind": "resource_programme", "date": "2023-07-31", "note": None}


def with_outcomes() -> dict[str, Any]:
    dc = ramp_down_citizen()
    dc["placements"][0]["outcome"] = copy.deepcopy(PLACEMENT_OUTCOME)
    dc["referrals"][0]["outcome"] = copy.deepcopy(REFERRAL_OUTCOME)
    return case_file(dc, hybrid_citizen())


def write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def cli(db_path: Path, *args: str) -> int:
    return main(["--db", f"sqlite:///{db_path}", *args])


def test_outcomes_are_kept_and_exported_as_given(db: Database) -> None:
    import_case_file(db, with_outcomes())
    out = export_case_file(db)
    dc = next(c for c in out["citizens"] if c["ref"] == "DC")
    assert dc["placements"][0]["outcome"] == PLACEMENT_OUTCOME
    assert dc["referrals"][0]["outcome"] == REFERRAL_OUTCOME
    ja = next(c for c in out["citizens"] if c["ref"] == "JA")
    assert "outcome" not in ja["placements"][0]  # written as before


def test_importing_the_same_outcomes_again_changes_nothing(db: Database) -> None:
    import_case_file(db, with_outcomes())
    again = import_case_file(db, with_outcomes())
    assert not again.changed


@pytest.mark.usefixtures("cli_admin")
def test_round_trip_with_outcomes_is_byte_identical(db_path: Path, tmp_path: Path) -> None:
    assert cli(db_path, "import", str(write(tmp_path / "in.json", with_outcomes()))) == 0
    assert cli(db_path, "export", "-o", str(tmp_path / "a.json")) == 0
    fresh = tmp_path / "fresh.db"
    assert cli(fresh, "import", str(tmp_path / "a.json")) == 0
    assert cli(fresh, "export", "-o", str(tmp_path / "b.json")) == 0
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert '"hired_hours": 12.5' in (tmp_path / "a.json").read_text(encoding="utf-8")


def _placement_outcome(doc: dict[str, Any]) -> dict[str, Any]:
    outcome: dict[str, Any] = doc["citizens"][0]["placements"][0]["outcome"]
    return outcome


def _referral_outcome(doc: dict[str, Any]) -> dict[str, Any]:
    outcome: dict[str, Any] = doc["citizens"][0]["referrals"][0]["outcome"]
    return outcome


P = "citizens[0].placements[0].outcome"
R = "citizens[0].referrals[0].outcome"
BAD = [
    ("unknown kind", lambda d: _placement_outcome(d).__setitem__("kind", "lottery"), f"{P}.kind", "is not one of"),
    ("no kind", lambda d: _placement_outcome(d).pop("kind"), f"{P}.kind", "is required"),
    ("no date", lambda d: _referral_outcome(d).pop("date"), f"{R}.date", "is required"),
    ("bad date", lambda d: _referral_outcome(d).__setitem__("date", "31-07-2023"), f"{R}.date", "not a date"),
    ("before start", lambda d: _placement_outcome(d).__setitem__("date", "2023-02-01"), f"{P}.date", "is before the start"),
    ("hired on a referral", lambda d: _referral_outcome(d).__setitem__("hired", True), f"{R}.hired", "only a placement"),
    ("hired not bool", lambda d: _placement_outcome(d).__setitem__("hired", "ja"), f"{P}.hired", "true or false"),
    ("hours without hiring", lambda d: _placement_outcome(d).__setitem__("hired", False), f"{P}.hired_hours",
     "only given when hired is true"),
    ("too many hours", lambda d: _placement_outcome(d).__setitem__("hired_hours", 200), f"{P}.hired_hours",
     "between 0 and 168"),
    ("not an object", lambda d: d["citizens"][0]["referrals"][0].__setitem__("outcome", "fleksjob"), R,
     "must be an object"),
    ("note not text", lambda d: _referral_outcome(d).__setitem__("note", 5), f"{R}.note", "must be text"),
]  # fmt: skip


@pytest.mark.usefixtures("cli_admin")
@pytest.mark.parametrize(("label", "change", "path", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_outcome_is_refused_naming_the_field(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], label: str, change: Any, path: str, message: str
) -> None:
    assert cli(db_path, "import", str(write(tmp_path / "good.json", case_file(ramp_down_citizen())))) == 0
    assert cli(db_path, "export", "-o", str(tmp_path / "before.json")) == 0
    bad = with_outcomes()
    change(bad)
    capsys.readouterr()
    assert cli(db_path, "import", str(write(tmp_path / "bad.json", bad))) == 2
    err = capsys.readouterr().err
    assert f"{path}: " in err and message in err, err
    assert cli(db_path, "export", "-o", str(tmp_path / "after.json")) == 0
    assert (tmp_path / "before.json").read_bytes() == (tmp_path / "after.json").read_bytes()


def test_ending_a_referral_records_its_outcome_and_undo_takes_it_away(db: Database) -> None:
    import_case_file(db, case_file(ramp_down_citizen()))
    row = citizen_detail(db, "DC").referrals[0]
    citizens.end_referral(
        db, row.id, date(2023, 5, 15), "Overgår til ressourceforløb",
        Outcome("resource_programme", date(2023, 5, 15), "Besluttet"),
    )  # fmt: skip
    ended = citizen_detail(db, "DC").referrals[0].value
    assert ended.outcome is not None and ended.outcome.kind == "resource_programme"
    assert export_case_file(db)["citizens"][0]["referrals"][0]["outcome"] == {
        "kind": "resource_programme", "date": "2023-05-15", "note": "Besluttet"}  # fmt: skip
    citizens.set_referral(db, row.id, row.value)
    assert citizen_detail(db, "DC").referrals[0].value.outcome is None


def test_a_bad_outcome_when_ending_a_referral_changes_nothing(db: Database) -> None:
    import_case_file(db, case_file(ramp_down_citizen()))
    row = citizen_detail(db, "DC").referrals[0]
    with pytest.raises(ValidationError) as err:
        citizens.end_referral(db, row.id, date(2023, 5, 15), "Stop", Outcome("nope", date(2023, 5, 15)))
    assert err.value.path == "outcome.kind"
    after = citizen_detail(db, "DC").referrals[0].value
    assert after.end is not None and after.end.isoformat() == "2023-04-30" and after.outcome is None


def test_ending_a_placement_with_hiring(db: Database) -> None:
    import_case_file(db, case_file(ramp_down_citizen()))
    placements.update_placement(db, "DC-1", tv.placement_change(db, "DC-1", {"end": "2023-03-31", "outcome": PLACEMENT_OUTCOME}), None)
    p = export_case_file(db)["citizens"][0]["placements"][0]
    assert p["outcome"] == PLACEMENT_OUTCOME and p["end_reason"] == "Videre til ekstern praktik"
    placements.update_placement(db, "DC-1", tv.placement_change(db, "DC-1", {"outcome": None}), None)
    assert "outcome" not in export_case_file(db)["citizens"][0]["placements"][0]



def test_every_outcome_kind_has_a_danish_label() -> None:
    labels = [outcome_label(k.value) for k in OutcomeKind]
    assert len(set(labels)) == len(labels) == 13
    assert outcome_label("resource_programme") == "Ressourceforløb"


def test_the_demo_carries_the_seeds_outcomes(db: Database) -> None:
    load_demo(db)
    out = {c["ref"]: c for c in export_case_file(db)["citizens"]}

    def placement(ref: str, pref: str) -> dict[str, Any]:
        found: dict[str, Any] = next(p for p in out[ref]["placements"] if p["ref"] == pref)["outcome"]
        return found

    assert placement("SA", "SA-7")["kind"] == "flex_job" and "personlig assistent" in placement("SA", "SA-7")["note"]
    assert [r["outcome"]["kind"] for r in out["TE"]["referrals"] if "outcome" in r] == ["resource_programme"]
    assert placement("Jasmin", "Jasmin-1")["kind"] == "flex_job"
    assert "børnehave" in placement("Jasmin", "Jasmin-1")["note"]
    assert placement("Thomas", "Thomas-1") == {
        "kind": "wage_subsidy", "date": "2024-09-27", "note": "Løntilskud på lageret, 30 timer om ugen",
        "hired": True, "hired_hours": 30}  # fmt: skip
    assert placement("Poul", "Poul-1")["kind"] == "flex_job" and placement("Poul", "Poul-1")["hired"] is True
    for ref in ("DC", "Olivia", "Malthe", "Phillip", "Miriam"):  # no outcome in their seeds
        assert all("outcome" not in p for p in out[ref]["placements"]), ref
