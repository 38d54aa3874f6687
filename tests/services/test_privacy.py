"""The data subject's rights: the export of everything about a citizen, erasure without a trace, retention."""

from __future__ import annotations

import copy
import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from placement_desk.cli.main import main
from placement_desk.db import models as m
from placement_desk.db.engine import Database
from placement_desk.db.keystore import KeyStore
from placement_desk.domain import casefile as cf
from placement_desk.domain.errors import AccessDenied, NotFoundError, ValidationError
from placement_desk.domain.roles import Principal, Role
from placement_desk.export.json_summary import dumps
from placement_desk.services import (
    access,
    audit,
    backup,
    casefile_io,
    citizens,
    description,
    documents,
    followups,
    privacy,
    queries,
    views,
)
from placement_desk.services.demo import load_demo
from tests.casefiles import case_file, ramp_down_citizen

ON = date(2026, 11, 23)
ADMIN = Principal("admin", "Admin", Role.ADMINISTRATOR)
NAME, CPR = "Slettemand Sporløs", "020304-1234"
REF = "SLET"


@pytest.fixture
def demo(db: Database) -> Iterator[Database]:
    load_demo(db, ON)
    access.set_principal(db, ADMIN)
    yield db
    access.set_principal(db, None)


def _last_id(db: Database) -> int:
    with db.reading() as s:
        return int(s.scalar(select(func.max(m.AuditEntry.id))) or 0)


def _entries_after(db: Database, after: int) -> list[audit.Entry]:
    with db.reading() as s:
        rows = s.scalars(select(m.AuditEntry).where(m.AuditEntry.id > after).order_by(m.AuditEntry.id))
        return [audit._entry(r) for r in rows]


def _citizen_id(db: Database, ref: str) -> int:
    with db.reading() as s:
        found = s.scalar(select(m.Citizen.id).where(m.Citizen.ref == ref))
        assert found is not None
        return int(found)


def _zip(content: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(content))


# ---- the full citizen: a row in every table that belongs to a citizen ---------------------------------


def full_citizen(ref: str = REF, name: str = NAME, cpr: str = CPR) -> dict[str, Any]:
    c = ramp_down_citizen()
    c.update(ref=ref, name=name, cpr=cpr, birth_year=2004)
    c["placements"][0]["ref"] = f"{ref}-1"
    c["placements"][0]["capacity"][0]["tasks"] = [
        {"name": "Maling", "time_share_pct": 60, "tempo_pct": 80, "quality_pct": 90},
        {"name": "Flytning", "time_share_pct": 40, "tempo_pct": 70, "quality_pct": 100},
    ]
    c["followups"][0]["placement"] = f"{ref}-1"
    c["profile"] = {"treatment": [{"from": "2023-01", "to": None, "text": "Migrænebehandling", "source": "doctor"}],
                    "network": "Bor hos sin mor"}  # fmt: skip
    c["observations"] = [{"date": "2023-03-09", "heading": "health", "by": "citizen", "placement": f"{ref}-1",
                          "text": "Migræne efter lange dage"}]  # fmt: skip
    return c


def other_citizen() -> dict[str, Any]:
    c = copy.deepcopy(full_citizen("KEEP", "Bliver Her", "010190-1234"))
    c["birth_year"] = 1990
    return c


CITIZEN_TABLES: dict[str, str] = {
    # table -> a query of the rows that belong to the citizen :cid
    "citizens": "select count(*) from citizens where id = :cid",
    "referrals": "select count(*) from referrals where citizen_id = :cid",
    "referral_extensions": "select count(*) from referral_extensions x join referrals r on r.id = x.referral_id "
    "where r.citizen_id = :cid",
    "placements": "select count(*) from placements where citizen_id = :cid",
    "placement_tasks": "select count(*) from placement_tasks x join placements p on p.id = x.placement_id "
    "where p.citizen_id = :cid",
    "schedule_steps": "select count(*) from schedule_steps x join placements p on p.id = x.placement_id "
    "where p.citizen_id = :cid",
    "attendance": "select count(*) from attendance x join placements p on p.id = x.placement_id where p.citizen_id = :cid",
    "capacity_assessments": "select count(*) from capacity_assessments x join placements p on p.id = x.placement_id "
    "where p.citizen_id = :cid",
    "capacity_tasks": "select count(*) from capacity_tasks t join capacity_assessments x on x.id = t.assessment_id "
    "join placements p on p.id = x.placement_id where p.citizen_id = :cid",
    "accommodations": "select count(*) from accommodations where citizen_id = :cid",
    "followups": "select count(*) from followups where citizen_id = :cid",
    "followup_corrections": "select count(*) from followup_corrections x join followups f on f.id = x.followup_id "
    "where f.citizen_id = :cid",
    "goals": "select count(*) from goals where citizen_id = :cid",
    "subgoals": "select count(*) from subgoals x join goals g on g.id = x.goal_id where g.citizen_id = :cid",
    "goal_scores": "select count(*) from goal_scores x join goals g on g.id = x.goal_id where g.citizen_id = :cid",
    "issued_documents": "select count(*) from issued_documents where citizen_id = :cid",
    "issued_files": "select count(*) from issued_files x join issued_documents d on d.id = x.document_id "
    "where d.citizen_id = :cid",
    "observations": "select count(*) from observations where citizen_id = :cid",
    "profile_items": "select count(*) from profile_items where citizen_id = :cid",
    "dossier_texts": "select count(*) from dossier_texts where citizen_id = :cid",
}


def _counts(db: Database, cid: int) -> dict[str, int]:
    from sqlalchemy import text

    with db.engine.connect() as conn:
        return {t: int(conn.execute(text(q), {"cid": cid}).scalar_one()) for t, q in CITIZEN_TABLES.items()}


def _table_totals(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {t: int(conn.exec_driver_sql(f"select count(*) from {t}").scalar_one())
                for t in (*CITIZEN_TABLES, "companies", "contacts")}  # fmt: skip


@pytest.fixture
def full(db: Database) -> Iterator[Database]:
    """SLET (every kind of row, an issued dossier, a corrected follow-up) and KEEP (the same, untouched)."""
    casefile_io.import_case_file(db, case_file(full_citizen(), other_citizen()))
    for ref in (REF, "KEEP"):
        description.save_dossier_text(db, ref, None, "health", "Migræne, behandles af egen læge")
        documents.issue_document(db, ref, recipient="Rehabiliteringsteamet", formats=("json",), allow_incomplete="Test")
        first = views.citizen_detail(db, ref).followups[0].id
        followups.finalise_followup(db, first)
        followups.add_correction(db, first, "Rettet: deltog også telefonisk", date(2023, 3, 20))
    access.set_principal(db, ADMIN)
    yield db
    access.set_principal(db, None)


# ---- the data-subject export ---------------------------------------------------------------------------


def test_subject_export_holds_everything_about_the_citizen(demo: Database) -> None:
    issued = documents.issue_document(demo, "DC", recipient="Rehabiliteringsteamet", formats=("pdf", "json"),
                                      allow_incomplete="Test")
    views.citizen_detail(demo, "DC")
    content = privacy.subject_export(demo, "DC")
    archive = _zip(content)
    assert archive.testzip() is None
    assert archive.namelist()[:2] == ["LAESMIG.txt", "sagsfil.json"]
    assert archive.namelist()[-1] == "log.json"
    assert json.loads(archive.read("sagsfil.json")) == casefile_io.export_case_file(demo, "DC")
    assert archive.read("sagsfil.json").decode("utf-8") == dumps(casefile_io.export_case_file(demo, "DC"))
    assert issued.issued_id is not None
    for fmt in ("pdf", "json"):
        f = documents.issued_file(demo, issued.issued_id, fmt)
        assert archive.read(f"udstedte/{issued.issued_id}-{f.filename}") == f.content
    resume = json.loads(archive.read(f"udstedte/{issued.issued_id}-resume.json"))
    assert resume["recipient"] == "Rehabiliteringsteamet"
    assert resume["issued_by"] is None and resume["issued_at"].startswith("20")
    assert resume["summary"] == json.loads(documents.issued_document(demo, issued.issued_id).summary_json)
    assert {f["format"] for f in resume["files"]} == {"pdf", "json"}
    log = json.loads(archive.read("log.json"))
    actions = [e["action"] for e in log["entries"]]
    assert "view" in actions and "issue" in actions and "import" in actions
    assert all(set(e) == {"at", "username", "action", "details"} for e in log["entries"])
    readme = archive.read("LAESMIG.txt").decode("utf-8")
    assert "sagsfil.json" in readme and "log.json" in readme and "udstedte" in readme
    assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in archive.infolist())


def test_subject_export_is_deterministic_and_writes_one_entry(demo: Database) -> None:
    before = _last_id(demo)
    first = privacy.subject_export(demo, "TE")
    entries = _entries_after(demo, before)
    assert len(entries) == 1
    (entry,) = entries
    assert (entry.action, entry.citizen_id, entry.details) == (
        audit.EXPORT, _citizen_id(demo, "TE"), {"what": "data-subject export"}
    )
    second = privacy.subject_export(demo, "TE")
    a, b = _zip(first), _zip(second)
    assert a.namelist() == b.namelist()
    # the second log has the first export in it; everything else is identical
    assert all(a.read(n) == b.read(n) for n in a.namelist() if n != "log.json")
    assert len(json.loads(b.read("log.json"))["entries"]) == len(json.loads(a.read("log.json"))["entries"]) + 1


def test_subject_export_of_an_unknown_citizen(demo: Database) -> None:
    before = _last_id(demo)
    with pytest.raises(NotFoundError):
        privacy.subject_export(demo, "NOPE")
    assert _last_id(demo) == before


def test_subject_export_of_a_citizen_who_got_an_erased_id_again(demo: Database) -> None:
    old = _citizen_id(demo, "Miriam")
    privacy.erase_citizen(demo, "Miriam", "Borgerens anmodning")
    citizens.create_citizen(demo, cf.Citizen("NY", "Ny Borger"))
    if _citizen_id(demo, "NY") != old:  # pragma: no cover - SQLite hands out the highest id + 1
        pytest.skip("the id was not reused")
    log = json.loads(_zip(privacy.subject_export(demo, "NY")).read("log.json"))
    assert [e["action"] for e in log["entries"]] == ["create"]


# ---- erasure -----------------------------------------------------------------------------------------


def test_erasure_removes_every_row_of_the_citizen_and_only_theirs(full: Database) -> None:
    cid, keep = _citizen_id(full, REF), _citizen_id(full, "KEEP")
    mine, theirs, totals = _counts(full, cid), _counts(full, keep), _table_totals(full)
    assert all(n > 0 for n in mine.values()), mine  # every table is tested
    before = _last_id(full)
    report = privacy.erase_citizen(full, REF, "Anmodning om sletning, jf. GDPR art. 17")
    assert report.deleted == mine and report.citizen_id == cid and report.ref == REF and report.wal_cleared
    assert report.total == sum(mine.values())
    assert all(n == 0 for n in _counts(full, cid).values())
    assert _counts(full, keep) == theirs
    after = _table_totals(full)
    assert after == {t: totals[t] - mine.get(t, 0) for t in totals}  # companies and contacts kept
    entries = _entries_after(full, before)
    assert len(entries) == 1
    (entry,) = entries
    assert entry.action == audit.ERASE and entry.citizen_id == cid and entry.username == "admin"
    assert entry.details is not None
    assert entry.details["event"] == "citizen erased"
    assert entry.details["reason"] == "Anmodning om sletning, jf. GDPR art. 17"
    with pytest.raises(NotFoundError):
        views.citizen_detail(full, REF)


def test_erasure_blanks_the_audit_trail_and_the_chain_still_verifies(full: Database) -> None:
    views.citizen_detail(full, REF)
    queries.search(full, NAME)
    queries.search(full, CPR)
    queries.search(full, CPR.replace("-", ""))
    citizens.update_citizen(full, REF, replace(citizens.citizen_fields(full, REF)[0], job_goal="Maler"), None)
    cid = _citizen_id(full, REF)
    privacy.erase_citizen(full, REF, "Borgerens anmodning")
    assert audit.verify_chain(full).ok
    with full.reading() as s:
        kept = [r.details for r in s.scalars(select(m.AuditEntry)) if r.details is not None]
        about = audit.citizen_entries(s, cid)
    for details in kept:
        for needle in (NAME, CPR, CPR.replace("-", ""), f'"{REF}"'):
            assert needle not in details
    assert [e.action for e in about if e.details is not None] == [audit.ERASE]
    assert len(about) > 5  # the entries stay (blanked): the chain and who-did-what are kept


@pytest.mark.parametrize(
    ("reason", "field"),
    [("", "reason"), ("   ", "reason"), (f"Anmodning fra {NAME}", "reason"), ("Sporløs bad om det", "reason"),
     (f"CPR {CPR}", "reason"), ("cpr 0203041234", "reason"), (f"Sagen {REF}", "reason")],
)
def test_erasure_reason_is_required_and_names_nobody(full: Database, reason: str, field: str) -> None:
    before = _last_id(full)
    with pytest.raises(ValidationError) as caught:
        privacy.erase_citizen(full, REF, reason)
    assert caught.value.path == field
    assert _last_id(full) == before
    assert _counts(full, _citizen_id(full, REF))["citizens"] == 1


def test_erasure_of_an_unknown_citizen(full: Database) -> None:
    with pytest.raises(NotFoundError):
        privacy.erase_citizen(full, "NOPE", "Anmodning")


def _assert_no_trace(path: Path, needles: list[bytes]) -> None:
    data = path.read_bytes()
    for needle in needles:
        assert needle not in data, f"{needle!r} found in {path.name}"


def test_erasure_leaves_no_trace_in_the_file_its_wal_or_a_new_backup(full: Database, db_path: Path,
                                                                     tmp_path: Path) -> None:  # fmt: skip
    access.set_principal(full, None)
    views.citizen_detail(full, REF)
    queries.search(full, NAME)
    queries.search(full, CPR)
    citizens.update_citizen(full, REF, replace(citizens.citizen_fields(full, REF)[0], job_goal="Maler", own_view=f"Jeg hedder {NAME}"), None)
    citizens.update_citizen(full, REF, replace(citizens.citizen_fields(full, REF)[0], name=NAME), None)  # unchanged: no entry, but a read of the row
    documents.render_document(full, REF, formats=("json",))
    needles = [NAME.encode("utf-8"), CPR.encode("utf-8"), CPR.replace("-", "").encode("utf-8"),
               "Sporløs".encode()]  # fmt: skip
    with full.engine.connect() as conn:  # the name is really on disk before the erasure
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    assert NAME.encode("utf-8") in db_path.read_bytes()
    access.set_principal(full, ADMIN)
    privacy.erase_citizen(full, REF, "Borgerens anmodning")
    info = backup.make_backup(full, tmp_path / "b")
    _assert_no_trace(db_path, needles)
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        _assert_no_trace(wal, needles)
    _assert_no_trace(info.path, needles)
    assert b"Bliver Her" in info.path.read_bytes()  # the other citizen is in the backup


# ---- retention -----------------------------------------------------------------------------------------


def test_retention_candidates_closed_paths_oldest_first(demo: Database) -> None:
    rows = privacy.retention_candidates(demo, 2, ON)
    assert [r.ref for r in rows] == ["SA", "DC", "TE"]
    assert [r.last_activity for r in rows] == sorted(r.last_activity for r in rows)
    assert all(r.last_activity < date(2024, 11, 23) and not r.archived for r in rows)
    assert rows[0].name == "S. A."
    one = privacy.retention_candidates(demo, 1, ON)
    assert [r.ref for r in one][:3] == ["SA", "DC", "TE"]
    assert {"Malthe", "Phillip", "Miriam"}.isdisjoint(r.ref for r in one)  # running paths never
    assert privacy.retention_candidates(demo, 5, ON) == []
    assert privacy.retention_candidates(demo, 2, date(2026, 4, 26)) == [rows[0]]  # DC's last day is 26-04-2024
    assert privacy.retention_candidates(demo, 2, date(2026, 4, 27))[:2] == rows[:2]
    with pytest.raises(ValidationError):
        privacy.retention_candidates(demo, -1, ON)


def test_retention_counts_an_archived_citizen_as_closed(demo: Database) -> None:
    running = {"Malthe", "Phillip", "Miriam"}
    assert running.isdisjoint(r.ref for r in privacy.retention_candidates(demo, 0, ON))
    citizens.set_archived(demo, "Malthe", True)
    now = privacy.retention_candidates(demo, 0, ON)
    assert "Malthe" not in [r.ref for r in now]  # closed, but active until lately
    later = privacy.retention_candidates(demo, 1, date(2035, 1, 1))
    assert next(r for r in later if r.ref == "Malthe").archived
    assert not next(r for r in later if r.ref == "SA").archived


def test_retention_default_date_is_today(demo: Database) -> None:
    assert privacy.retention_candidates(demo, 2) == privacy.retention_candidates(demo, 2, ON)


# ---- roles -----------------------------------------------------------------------------------------------


def test_roles(demo: Database) -> None:
    access.set_principal(demo, Principal("kbj", "Karen", Role.CONSULTANT))
    before = _last_id(demo)
    with pytest.raises(AccessDenied):
        privacy.erase_citizen(demo, "DC", "Anmodning")
    with pytest.raises(AccessDenied):
        privacy.retention_candidates(demo)
    privacy.subject_export(demo, "DC")  # a consultant may export
    access.set_principal(demo, Principal("ro", "Read Only", Role.CASEWORKER))
    with pytest.raises(AccessDenied):
        privacy.subject_export(demo, "DC")
    access.set_principal(demo, Principal("mentor", "Mentor", Role.MENTOR))
    with pytest.raises(AccessDenied):
        privacy.subject_export(demo, "DC")
    access.set_principal(demo, Principal("wm", "WM", Role.WORKPLACE_MENTOR, "co-saxo-pedel"))
    for call in (lambda: privacy.subject_export(demo, "DC"), lambda: privacy.erase_citizen(demo, "DC", "x"),
                 lambda: privacy.retention_candidates(demo)):  # fmt: skip
        with pytest.raises(AccessDenied):
            call()
    assert len(_entries_after(demo, before)) == 1  # only the consultant's export
    assert _citizen_id(demo, "DC")


# ---- the command line -------------------------------------------------------------------------------


@pytest.fixture
def cli_db(db: Database, db_path: Path, cli_admin: tuple[str, str]) -> str:
    load_demo(db, ON)
    db.dispose()
    return f"sqlite:///{db_path}"


def test_cli_subject_export(cli_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "dc.zip"
    assert main(["--db", cli_db, "subject-export", "DC", "-o", str(out)]) == 0
    assert "sagsfil.json" in _zip(out.read_bytes()).namelist()
    assert "DC" in capsys.readouterr().out
    assert main(["--db", cli_db, "subject-export", "NOPE", "-o", str(tmp_path / "x.zip")]) == 2
    assert not (tmp_path / "x.zip").exists()


def test_cli_erase_needs_the_ref_confirmed(
    cli_db: str, cli_admin: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", cli_db, "erase", "DC", "--reason", "Anmodning", "--confirm", "TE"]) == 2
    assert "--confirm" in capsys.readouterr().err
    assert main(["--db", cli_db, "erase", "DC", "--reason", "", "--confirm", "DC"]) == 2
    assert main(["--db", cli_db, "erase", "DC", "--reason", "Anmodning", "--confirm", "DC"]) == 0
    assert "erased" in capsys.readouterr().out
    key = KeyStore.load(KeyStore.path_for(Path(cli_db.removeprefix("sqlite:///")))).unlock(*cli_admin)
    db = Database(cli_db, key)  # the command line encrypted it (its first administrator: cli_admin)
    try:
        with db.reading() as s:
            assert s.scalar(select(m.Citizen.id).where(m.Citizen.ref == "DC")) is None
            assert s.scalar(select(m.Citizen.id).where(m.Citizen.ref == "TE")) is not None
    finally:
        db.dispose()
    assert main(["--db", cli_db, "erase", "DC", "--reason", "Anmodning", "--confirm", "DC"]) == 2


def test_cli_retention(cli_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", cli_db, "retention", "--years", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["REF", "NAME", "LAST", "ACTIVITY", "ARCHIVED"]
    assert [line.split()[0] for line in lines[1:]] == ["SA", "DC", "TE"]
    assert "19-04-2024" in lines[1]
    assert main(["--db", cli_db, "retention"]) == 0
    assert "no citizen" in capsys.readouterr().out
    assert main(["--db", cli_db, "retention", "--years", "1", "--on", "2026-01-01"]) == 0
    assert capsys.readouterr().out.splitlines()[1].split()[0] == "SA"
