"""Health and treatment are art. 9 data: a workplace mentor reads none of them, in the services or on the
command line; they may write and read only their own workplace's statement about a placement there."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from placement_desk.cli import main as cli
from placement_desk.db.engine import Database
from placement_desk.domain.errors import AccessDenied
from placement_desk.domain.profile import Observation
from placement_desk.domain.roles import Principal, Role
from placement_desk.services import access, casefile_io, description, documents, observations, views
from placement_desk.services.casefile_io import import_case_file
from placement_desk.services.observations import WorkplaceStatement
from tests.casefiles import case_file, hybrid_citizen
from tests.services.test_profile_observations import described_citizen

WM = Principal("karim", "Karim", Role.WORKPLACE_MENTOR, "co-saxo")  # DC-1 is at co-saxo
HEALTH_WORDS = ("Migræne", "Tandbehandling")  # the health observation and the treatment of the case file


@pytest.fixture
def dc(db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setenv("PLACEMENT_DESK_TODAY", "2023-04-10")
    import_case_file(db, case_file(described_citizen(), hybrid_citizen()))
    description.save_dossier_text(db, "DC", None, "health", "Migræne; i behandling")
    observations.add_workplace_statement(db, "DC-1", WorkplaceStatement(date(2023, 3, 21), "challenges",
                                                                        "Har brug for pauser"))  # fmt: skip
    # a health remark someone filed as the workplace's: still never shown to the workplace mentor
    observations.add_observation(db, "DC", Observation(date(2023, 3, 22), "health", "workplace_mentor",
                                                       "Migræne igen i dag", "DC-1"))  # fmt: skip
    yield db
    access.set_principal(db, None)


READS: dict[str, Any] = {
    "profile": lambda db: observations.citizen_profile(db, "DC"),
    "observations": lambda db: observations.list_observations(db, "DC"),
    "texts": lambda db: description.dossier_texts(db, "DC"),
    "check": lambda db: description.check_dossier(db, "DC"),
    "citizen page": lambda db: views.citizen_detail(db, "DC"),
    "dossier": lambda db: documents.render_document(db, "DC", formats=("json",)),
    "case file": lambda db: casefile_io.export_case_file(db, "DC"),
}


@pytest.mark.parametrize("name", list(READS))
def test_a_workplace_mentor_reads_no_health_data_in_the_services(dc: Database, name: str) -> None:
    access.set_principal(dc, WM)
    with pytest.raises(AccessDenied):
        READS[name](dc)


def test_a_workplace_mentor_sees_and_writes_only_the_workplaces_own_statement(dc: Database) -> None:
    access.set_principal(dc, WM)
    seen = observations.workplace_statements(dc, "DC-1")
    assert [(o.day.isoformat(), o.heading, o.text) for o in seen] == [
        ("2023-03-02", "work_resources", "Tager selv initiativ til opgaver, når dagen er planlagt"),
        ("2023-03-20", "challenges", "Går hjem, når lyset er skarpt"),
        ("2023-03-21", "challenges", "Har brug for pauser"),
    ]
    assert not any(word in o.text for o in seen for word in HEALTH_WORDS)
    for heading in ("health", "health_and_work"):
        with pytest.raises(AccessDenied):
            observations.add_workplace_statement(dc, "DC-1", WorkplaceStatement(date(2023, 3, 23), heading, "x"))
    with pytest.raises(AccessDenied):  # another company's placement
        observations.workplace_statements(dc, "JA-1")
    new = observations.add_workplace_statement(dc, "DC-1", WorkplaceStatement(date(2023, 3, 24), "work_resources",
                                                                              "Lærer hurtigt nye opgaver"))  # fmt: skip
    access.set_principal(dc, None)
    written = next(r for r in observations.list_observations(dc, "DC") if r.id == new).value
    assert (written.by, written.placement, written.heading) == ("workplace_mentor", "DC-1", "work_resources")


def test_a_workplace_mentor_reads_no_health_data_on_the_command_line(
    dc: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def signed_in_as_workplace_mentor(url: str | None, migrate: bool = True, user: str | None = None) -> Database:
        opened = Database(str(dc.url))
        access.set_principal(opened, WM)
        return opened

    monkeypatch.setattr(cli, "open_database", signed_in_as_workplace_mentor)
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    for args in (
        ["dossier", "DC", "--json", str(tmp_path / "d.json"), "--pdf", str(tmp_path / "d.pdf")],
        ["dossier", "DC", "--json", str(tmp_path / "d.json"), "--template", "prerequisites"],
        ["export", "--citizen", "DC", "-o", str(tmp_path / "c.json")],
        ["subject-export", "DC", "-o", str(tmp_path / "s.zip")],
    ):
        capsys.readouterr()
        assert cli.main(args) == 1, args
        captured = capsys.readouterr()
        assert "workplace_mentor" in captured.err
        assert not any(word in captured.out + captured.err for word in HEALTH_WORDS)
    assert list(tmp_path.iterdir()) == []
