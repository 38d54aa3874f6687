"""The dossier's description (spec section 3 ``template`` and ``sections``): the evidence of spec 1b filed
under a template's headings, the consultant's text per heading, and nothing issued half-written."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from placement_desk.cli.main import main
from placement_desk.db.engine import Database
from placement_desk.domain.casefile_parse import parse_case_file
from placement_desk.domain.dossier import build_dossier
from placement_desk.domain.sections import NO_ASSESSMENT, NO_EMPLOYER_STATEMENT, NO_OWN_VIEW, STALE_FIGURES
from placement_desk.export.json_summary import summary
from placement_desk.services import description, documents
from placement_desk.services.casefile_io import import_case_file
from placement_desk.services.templates import find_template
from tests.casefiles import case_file
from tests.services.test_profile_observations import described_citizen

SPEC_HEADINGS = ["work_resources", "personal_resources", "challenges", "wishes", "health", "health_and_work",
                 "benefit_history", "efforts"]  # fmt: skip
TODAY = "2023-04-10"  # two weeks after the last registered day of DC-1 (March 2023)


def citizen(**changes: Any) -> Any:
    c = described_citizen()
    c["observations"].append(  # after the period: not in the dossier
        {"date": "2023-05-01", "heading": "work_resources", "by": "mentor", "placement": None, "text": "Senere"}
    )
    c.update(changes)
    return parse_case_file(case_file(c)).citizens[0]


def dossier(template: str = "preparatory_part", texts: dict[str, str] | None = None, **period: date) -> Any:
    return build_dossier(citizen(), {"co-saxo": "Pedelteamet"}, date.fromisoformat(TODAY),
                         period.get("first"), period.get("last"), find_template(template), texts)  # fmt: skip


def sections(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s["key"]: s for s in doc["sections"]}


def test_the_summary_has_the_template_and_its_sections_in_spec_order() -> None:
    doc = summary(dossier(texts={"health": "Migræne flere gange om ugen; i behandling hos egen læge."}))
    assert doc["template"] == {"key": "preparatory_part", "title": "Rehabiliteringsplanens forberedende del"}
    assert [s["key"] for s in doc["sections"]] == SPEC_HEADINGS
    for s in doc["sections"]:
        assert set(s) == {"key", "title", "text", "entries"}
        for e in s["entries"]:
            assert set(e) == {"date", "by", "source", "text"} and e["source"] in {"observation", "followup", "profile"}
    by_key = sections(doc)
    assert by_key["health"]["text"] == "Migræne flere gange om ugen; i behandling hos egen læge."
    assert by_key["challenges"]["text"] is None
    assert by_key["work_resources"]["entries"] == [
        {"date": "2008", "by": None, "source": "profile", "text": "Avisbud · til 2009"},
        {"date": "2010-08", "by": None, "source": "profile", "text": "Webintegrator, EUD (ikke afsluttet) · til 2012-06"},
        {"date": "2015-03", "by": None, "source": "profile",
         "text": "Lagermedarbejder, 20 t/uge · til 2016-08 · Opsagt ved nedskæring"},
        {"date": "2023-03-02", "by": "workplace_mentor", "source": "observation",
         "text": "Tager selv initiativ til opgaver, når dagen er planlagt"},
    ]  # fmt: skip  (the observation of 2023-05-01 is after the period)
    assert by_key["challenges"]["entries"] == [
        {"date": "2023-03-13", "by": None, "source": "followup", "text": "Meget fravær. Trappes ned."},
        {"date": "2023-03-20", "by": "workplace_mentor", "source": "observation", "text": "Går hjem, når lyset er skarpt"},
    ]
    assert [e["source"] for e in by_key["efforts"]["entries"]] == ["profile", "followup"]
    assert by_key["benefit_history"]["entries"] == [
        {"date": "2019-01", "by": None, "source": "profile", "text": "Kontanthjælp · fortsat"}
    ]
    assert by_key["personal_resources"]["entries"][0]["date"] is None  # the network: undated, first
    health = by_key["health"]["entries"]
    assert [(e["date"], e["source"]) for e in health] == [("2023-03-06", "observation"), ("2023-08-01", "profile")]


def test_the_period_clips_observations_and_follow_ups_but_not_the_cv() -> None:
    doc = sections(summary(dossier(first=date(2023, 3, 10), last=date(2023, 3, 31))))
    assert [e["date"] for e in doc["work_resources"]["entries"]] == ["2008", "2010-08", "2015-03"]
    assert [e["source"] for e in doc["health"]["entries"]] == ["profile"]  # the 6 March observation is before
    assert [e["date"] for e in doc["challenges"]["entries"]] == ["2023-03-13", "2023-03-20"]


def test_the_prerequisites_template_draws_the_same_evidence_under_the_municipalitys_headings() -> None:
    data = dossier("prerequisites")
    doc = summary(data)
    assert doc["template"]["key"] == "prerequisites"
    by_key = sections(doc)
    assert "Helbred" in by_key["health"]["title"]
    assert [e["date"] for e in by_key["health"]["entries"]] == ["2023-03-06", "2023-08-01"]
    assert [e["date"] for e in by_key["efforts_and_benefits"]["entries"]] == ["2019-01", "2021-02", "2023-03-13"]
    coordinator = next(s for s in data.sections if s.key == "health_coordinator")
    assert coordinator.questions and not coordinator.entries


def test_completeness_names_every_missing_item() -> None:
    data = dossier()
    assert [m.code for m in data.completeness()] == [NO_ASSESSMENT]
    data.assessment = "Kan arbejde 8 timer om ugen med skånehensyn."
    assert data.completeness() == []
    bare = build_dossier(citizen(observations=[], own_view=None, profile={}, followups=[]), {}, date(2023, 6, 1),
                         template=find_template())  # fmt: skip
    missing = bare.completeness()
    assert [m.heading for m in missing if m.code == "empty_heading"] == [
        "personal_resources", "health", "health_and_work", "benefit_history"
    ]  # fmt: skip  (the others show figures: placements, attendance, goals)
    codes = [m.code for m in missing]
    assert codes[-4:] == [NO_ASSESSMENT, NO_OWN_VIEW, NO_EMPLOYER_STATEMENT, STALE_FIGURES]
    assert missing[-1].day == date(2023, 3, 27)
    assert "older than 30 days (last registered attendance 2023-03-27)" in missing[-1].message


# ---- through the services and the command line ----------------------------------------------------


@pytest.fixture
def dc(db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setenv("PLACEMENT_DESK_TODAY", TODAY)
    import_case_file(db, case_file(described_citizen()))
    return db


def test_saved_texts_go_into_the_dossier_and_an_incomplete_one_needs_a_reason(dc: Database) -> None:
    assert description.save_dossier_text(dc, "DC", None, "health", "  Migræne, egen læge.  ") is None
    assert description.save_dossier_text(dc, "DC", "prerequisites", "health", "Anden tekst") is None
    assert description.dossier_texts(dc, "DC") == {"health": "Migræne, egen læge."}
    check = description.check_dossier(dc, "DC")
    assert [m.code for m in check.missing] == [NO_ASSESSMENT]
    with pytest.raises(documents.IncompleteDossier) as refused:
        documents.issue_document(dc, "DC", recipient="Rehabiliteringsteamet", formats=("json",))
    assert [m.code for m in refused.value.missing] == [NO_ASSESSMENT]
    assert "no assessment by the consultant" in str(refused.value)
    assert documents.issued_documents(dc, "DC") == []
    doc = documents.issue_document(dc, "DC", recipient="Rehabiliteringsteamet", formats=("json",),
                                   allow_incomplete="Konsulenten er syg; vurderingen eftersendes")  # fmt: skip
    assert doc.issued_id is not None
    detail = documents.issued_document(dc, doc.issued_id)
    assert (detail.template_key, detail.template_version) == ("preparatory_part", 1)
    assert detail.incomplete_reason == "Konsulenten er syg; vurderingen eftersendes"
    assert detail.incomplete_items == [NO_ASSESSMENT]
    assert sections(json.loads(detail.summary_json))["health"]["text"] == "Migræne, egen læge."
    complete = documents.issue_document(dc, "DC", recipient="Kommunen", formats=("json",), assessment="Vurdering",
                                        template="prerequisites")  # fmt: skip
    detail = documents.issued_document(dc, complete.issued_id or 0)
    assert detail.incomplete_reason is None and detail.incomplete_items == []
    assert sections(json.loads(detail.summary_json))["health"]["text"] == "Anden tekst"
    assert description.save_dossier_text(dc, "DC", None, "health", "") == "Migræne, egen læge."
    assert description.dossier_texts(dc, "DC") == {}


def cli(db_path: Path, *args: str) -> int:
    return main(["--db", f"sqlite:///{db_path}", *args])


@pytest.fixture
def dc_file(db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli_admin: tuple[str, str]) -> Path:
    monkeypatch.setenv("PLACEMENT_DESK_TODAY", TODAY)
    src = tmp_path / "case.json"
    src.write_text(json.dumps(case_file(described_citizen()), ensure_ascii=False), encoding="utf-8")
    assert cli(db_path, "import", str(src)) == 0
    return db_path


def test_the_command_line_refuses_to_issue_an_incomplete_dossier(
    dc_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "dc.json"
    capsys.readouterr()
    assert cli(dc_file, "dossier", "DC", "--json", str(out), "--issue-to", "Rehabiliteringsteamet") == 2
    err = capsys.readouterr().err
    assert "no assessment by the consultant" in err and "--allow-incomplete" in err
    assert not out.exists()
    assert cli(dc_file, "dossier", "DC", "--json", str(out), "--allow-incomplete", "x") == 2  # only when issuing
    code = cli(dc_file, "dossier", "DC", "--json", str(out), "--issue-to", "Rehabiliteringsteamet",
               "--allow-incomplete", "Vurderingen eftersendes")  # fmt: skip
    assert code == 0 and json.loads(out.read_text(encoding="utf-8"))["template"]["key"] == "preparatory_part"
    assert cli(dc_file, "dossier", "DC", "--json", str(out), "--template", "prerequisites") == 0
    assert json.loads(out.read_text(encoding="utf-8"))["template"]["key"] == "prerequisites"
    capsys.readouterr()
    assert cli(dc_file, "dossier", "DC", "--json", str(out), "--template", "nope") == 2
    assert "there is no template 'nope' (known: preparatory_part, prerequisites)" in capsys.readouterr().err


# ---- templates as data ------------------------------------------------------------------------------

OWN_TEMPLATE = """\
key = "aalborg"
version = 3
title = "Aalborg Kommunes beskrivelse"
recipient = "Aalborg Kommune, fleksjobteamet"
purpose = "Til fleksjobteamets møde."

[[headings]]
key = "what_works"
title = "Det, der virker"
prompt = "Skriv konkret."
observations = ["work_resources"]
profile = ["education"]

[[headings]]
key = "what_is_hard"
title = "Det, der er svært"
observations = ["challenges", "health"]
followups = ["challenges"]
"""


def templates_folder() -> Path:
    from placement_desk.services.templates import user_folder

    folder = user_folder()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_a_template_dropped_in_the_config_folder_renders_without_code(dc_file: Path, tmp_path: Path) -> None:
    (templates_folder() / "aalborg.toml").write_text(OWN_TEMPLATE, encoding="utf-8")
    out = tmp_path / "dc.json"
    assert cli(dc_file, "dossier", "DC", "--json", str(out), "--template", "aalborg") == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["template"] == {"key": "aalborg", "title": "Aalborg Kommunes beskrivelse"}
    by_key = sections(doc)
    assert list(by_key) == ["what_works", "what_is_hard"]
    assert [e["date"] for e in by_key["what_works"]["entries"]] == ["2010-08", "2023-03-02"]
    assert [e["date"] for e in by_key["what_is_hard"]["entries"]] == ["2023-03-06", "2023-03-13", "2023-03-20"]


def test_the_municipalitys_file_overrides_a_shipped_template_and_its_version_is_kept(dc: Database) -> None:
    own = OWN_TEMPLATE.replace('key = "aalborg"', 'key = "preparatory_part"')
    (templates_folder() / "forberedende.toml").write_text(own, encoding="utf-8")
    doc = documents.issue_document(dc, "DC", recipient="X", formats=("json",), assessment="V",
                                   allow_incomplete="Egen skabelon")  # fmt: skip
    detail = documents.issued_document(dc, doc.issued_id or 0)
    assert (detail.template_key, detail.template_version) == ("preparatory_part", 3)


BROKEN = [
    ("syntax", OWN_TEMPLATE.replace('title = "Det, der virker"', 'title = "Det, der virker'), 9, "not valid TOML"),
    ("evidence", OWN_TEMPLATE.replace('["challenges", "health"]', '["challenges", "mood"]'), 17,
     "headings[1].observations: 'mood' is not one of work_resources"),
    ("no title", OWN_TEMPLATE.replace('title = "Det, der er svært"\n', ""), 14, "headings[1]: title is required"),
    ("duplicate key", OWN_TEMPLATE.replace('key = "what_is_hard"', 'key = "what_works"'), 15,
     "duplicate heading key what_works"),
    ("version", OWN_TEMPLATE.replace("version = 3", "version = 0"), 2, "version must be a whole number"),
    ("setting", OWN_TEMPLATE.replace("prompt =", "promt ="), 10, "headings[0].promt: unknown setting"),
]  # fmt: skip


@pytest.mark.parametrize(("label", "text", "line", "message"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_template_is_refused_naming_its_line(
    dc_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], label: str, text: str, line: int, message: str
) -> None:
    path = templates_folder() / "aalborg.toml"
    path.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert cli(dc_file, "templates", "--check", str(path)) == 2
    err = capsys.readouterr().err
    assert f"{path}, line {line}: " in err and message in err
    assert cli(dc_file, "templates") == 2  # the list names the broken file, and shows the good ones
    captured = capsys.readouterr()
    assert "preparatory_part" in captured.out and f"{path}, line {line}" in captured.err
    out = tmp_path / "dc.json"
    assert cli(dc_file, "dossier", "DC", "--json", str(out), "--template", "aalborg") == 2
    assert f"{path}, line {line}" in capsys.readouterr().err and not out.exists()
    assert cli(dc_file, "dossier", "DC", "--json", str(out)) == 0  # the shipped ones still work
